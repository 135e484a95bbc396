import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer } from "node:net";
import { setTimeout as delay } from "node:timers/promises";

export const PROJECT_ROOT = new URL("../../", import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs: number, expectedStatus = 200): Promise<number> {
  const started = performance.now();
  for (;;) {
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === expectedStatus) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer ${expectedStatus} within ${timeoutMs} ms`);
    await delay(50);
  }
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Waits for the process to exit and returns its exit code or signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts the real server entry point as its own process: the TypeScript through tsx, as `npm start`
 * does, or, given `built`, that server bundle (see scripts/server-build.ts) with plain node, as in production.
 */
export async function spawnServer(
  environment: NodeJS.ProcessEnv,
  options: { waitForReady?: boolean; built?: string } = {},
): Promise<ServerProcess> {
  const port = Number(environment.PORT ?? (await freePort()));
  const entry = options.built ? [options.built] : ["--import", "tsx", "bot/src/main.ts"];
  const child = spawn(process.execPath, entry, {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: "127.0.0.1", LOG_LEVEL: "debug", ...environment, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      // Under the suite's log capture, what the process printed is kept for the final check.
      const captureDirectory = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
      if (captureDirectory) writeFileSync(join(captureDirectory, `process-${child.pid}.log`), output);
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  if (options.waitForReady !== false) {
    await Promise.race([
      waitForHttp(`${url}/readyz`, 30_000),
      exited.then(({ code }) => {
        throw new Error(`server exited with ${code} before it was ready:\n${output}`);
      }),
    ]);
  }
  return { url, child, output: () => output, exited };
}
