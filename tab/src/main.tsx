import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { startTab } from "./boot.js";

// Started before the first render, so the shell paints while Teams answers.
const starting = startTab();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App starting={starting} />
  </StrictMode>,
);
