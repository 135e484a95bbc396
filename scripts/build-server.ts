/** `npm run build:server` (part of `npm run build`): writes the server bundle to dist/server.js. */
import { relative } from "node:path";
import { buildServer, PROJECT_ROOT } from "./server-build.js";

const started = performance.now();
const outfile = await buildServer();
console.log(`Wrote ${relative(PROJECT_ROOT, outfile)} in ${Math.round(performance.now() - started)} ms`);
