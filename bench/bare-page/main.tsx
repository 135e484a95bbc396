import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

// The yardstick for the tab's first render: React and nothing else, built by the same Vite setup.
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <h1 data-first-render="">Hello</h1>
  </StrictMode>,
);
