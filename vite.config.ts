import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Every page inside Teams waits for teams-js, which the entry imports dynamically so the shell
 * paints before it is evaluated; preloading it from the page makes it download beside the entry
 * instead of after it.
 */
function preloadTeamsJs(): Plugin {
  return {
    name: "peer-circles:preload-teams-js",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (_html, { bundle }) =>
        Object.values(bundle ?? {})
          .filter((output) => output.type === "chunk" && /[\\/]tab[\\/]src[\\/]teams[\\/]teams-host\.ts$/.test(output.facadeModuleId ?? ""))
          .map((chunk) => ({
            tag: "link",
            attrs: { rel: "modulepreload", crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: "head",
          })),
    },
  };
}

export default defineConfig({
  root: "tab",
  plugins: [react(), preloadTeamsJs()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically in one file: the browser asks six at a time, and
        // each wave of small shared chunks held the first render back by a round trip.
        codeSplitting: { groups: [{ name: "index", tags: ["$initial"] }] },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3978" } },
});
