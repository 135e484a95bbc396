import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { startTab } from "./boot.js";
import { languageOf, loadCatalogue } from "./i18n/messages.js";
import { browserLocale } from "./teams/host-context.js";

// Started before the first render, so the shell paints while Teams answers.
const starting = startTab();

// In the browser's language from the first paint: a reader of German waits for its catalogue
// (one small file) rather than seeing English first; English is in this file.
void loadCatalogue(languageOf(browserLocale()))
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App starting={starting} />
      </StrictMode>,
    ),
  );
