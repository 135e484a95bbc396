import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { build, type Plugin } from "esbuild";

export const PROJECT_ROOT = new URL("../", import.meta.url).pathname;
export const BUILT_SERVER = join(PROJECT_ROOT, "dist", "server.js");

/**
 * The crisis screen's model tables (about 3 MB) stay JSON files beside the bundle, read with one
 * JSON.parse at start-up: inlined, V8 would compile them as part of the script on every cold start.
 */
function riskTablesBeside(outdir: string): Plugin {
  return {
    name: "risk-tables-beside-the-bundle",
    setup(builder) {
      builder.onLoad({ filter: /[\\/]shared[\\/]risk[\\/][^\\/]+\.json$/ }, ({ path }) => {
        copyFileSync(path, join(outdir, basename(path)));
        const url = `new URL(${JSON.stringify(`./${basename(path)}`)}, import.meta.url)`;
        return {
          contents: `import { readFileSync } from "node:fs";\nexport default JSON.parse(readFileSync(${url}, "utf8"));`,
          loader: "js",
        };
      });
    },
  };
}

/**
 * Bundles the server, its packages included, into ES modules run with plain `node`. Resolving and
 * reading the thousands of files in node_modules was most of a cold start (botbuilder and the Azure
 * SDKs alone are some 2,000 modules). lmdb stays outside: it loads a native addon from its own
 * folder. The bundle's `require` is a real one, for the CommonJS packages inside it.
 */
export async function buildServer(outfile = BUILT_SERVER): Promise<string> {
  const outdir = dirname(outfile);
  mkdirSync(outdir, { recursive: true });
  // Chunk names carry a content hash, so the last build's would pile up; folders (a spec's own build) stay.
  for (const entry of readdirSync(outdir, { withFileTypes: true }))
    if (entry.isFile() && /\.(?:js|map|txt|json)$/.test(entry.name)) rmSync(join(outdir, entry.name));
  await build({
    entryPoints: { [basename(outfile, ".js")]: join(PROJECT_ROOT, "bot", "src", "main.ts") },
    outdir,
    // The Cosmos adapter's dynamic import (and a few inside packages) become chunks of their own,
    // read only when used. Chunks sit beside server.js, so the model tables resolve from any of them.
    splitting: true,
    chunkNames: "[name]-[hash]",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["lmdb"],
    // Class names reach the logs (errorName); the bundler would otherwise rename clashing ones.
    keepNames: true,
    sourcemap: true,
    legalComments: "linked",
    logLevel: "warning",
    plugins: [riskTablesBeside(outdir)],
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  return outfile;
}
