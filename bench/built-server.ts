import { buildServer } from "../scripts/server-build.js";

let built: Promise<string> | undefined;

/** The server bundle, built once per bench run from the sources as they are: the bench measures what production runs. */
export function builtServer(): Promise<string> {
  return (built ??= buildServer());
}

/** A baseline server of the bench's own (plain JavaScript beside this file), run with plain node as the bundle is. */
export function baselineServer(file: "bare-express-lmdb.mjs" | "bare-sse-broadcast.mjs"): string {
  return new URL(`./${file}`, import.meta.url).pathname;
}
