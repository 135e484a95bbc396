import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";

export const PROJECT_ROOT = new URL("../", import.meta.url).pathname;
export const BUILT_SERVER = join(PROJECT_ROOT, "dist", "server.js");

/**
 * The crisis screen's model tables (about 3 MB) as one JSON.parse of a string: V8 reads a string
 * literal far faster than the same data as an object literal, and this is on every cold start.
 */
const riskTablesAsJsonParse: Plugin = {
  name: "risk-tables-as-json-parse",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]shared[\\/]risk[\\/][^\\/]+\.json$/ }, ({ path }) => ({
      contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(path, "utf8"))))});`,
      loader: "js",
    }));
  },
};

/**
 * Bundles the server, its packages included, into one ES module run with plain `node`. Resolving
 * and reading the thousands of files in node_modules was most of a cold start (botbuilder and the
 * Azure SDKs alone are some 2,000 modules). lmdb stays outside: it loads a native addon from its
 * own folder. The bundle's `require` is a real one, for the CommonJS packages inside it.
 */
export async function buildServer(outfile = BUILT_SERVER): Promise<string> {
  await build({
    entryPoints: [join(PROJECT_ROOT, "bot", "src", "main.ts")],
    outfile,
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
    plugins: [riskTablesAsJsonParse],
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  return outfile;
}
