/**
 * `npm start`: builds the tab, starts the server on the embedded store in development identity
 * mode, and starts the Microsoft 365 Agents Playground pointed at the bot. Ctrl-C stops all of it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { listenHost } from "../bot/src/config.js";
import { readableLogs } from "./readable-logs.js";

const root = new URL("../", import.meta.url).pathname;
const port = Number(process.env.PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
/** Outside Teams the side panel and stage need a meeting to join; every sample user is in this one. */
const DEMO_MEETING = "demo";
/** The Playground's tenant and people: the sample ones of the development identity. */
export const PLAYGROUND_CONFIG = ".m365agentsplayground.yml";
const children: ChildProcess[] = [];
let stopping = false;

function start(
  label: string,
  command: string,
  args: string[],
  environment: NodeJS.ProcessEnv,
  format: (line: string) => string = (line) => line,
): ChildProcess {
  // Each child leads its own process group so that stopping it takes its own children with it.
  const child = spawn(command, args, { cwd: root, env: environment, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((line) => `[${label}] ${format(line)}\n`)
      .join("");
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${label} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function run(command: string, args: string[]): Promise<void> {
  const child = spawn(command, args, { cwd: root, stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed with exit code ${code}`);
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const healthy = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await delay(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Agents Playground did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const match = /Listening on (\d+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      resolve(Number(match[1]));
    };
    child.stdout?.on("data", onData);
  });
}

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = children.map((child) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once("exit", () => resolve())),
  );
  for (const child of children) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  const forced = setTimeout(
    () => children.forEach((child) => (child.exitCode === null ? tryKill(-child.pid!, "SIGKILL") : undefined)),
    8_000,
  );
  await Promise.all(exits);
  clearTimeout(forced);
  process.exit(exitCode);
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));

try {
  console.log("Building the tab…");
  await run(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"]);
  const authMode = process.env.AUTH_MODE === "entra" ? "entra" : "dev";
  const serverEnvironment = { ...process.env, NODE_ENV: "development", AUTH_MODE: process.env.AUTH_MODE ?? "dev", PORT: String(port) };
  const listening = listenHost({ HOST: process.env.HOST || undefined, AUTH_MODE: authMode });
  // A wildcard address is reachable on loopback too; a specific one is the only place to reach the server.
  const reachableHost = ["0.0.0.0", "::"].includes(listening.host) ? "127.0.0.1" : listening.host;
  // The server logs JSON as in production; the terminal gets it readable (set LOG_FORMAT=json for the raw lines).
  const format = process.env.LOG_FORMAT === "json" ? undefined : readableLogs(Boolean(process.stdout.isTTY));
  start("server", process.execPath, ["--import", "tsx", "bot/src/main.ts"], serverEnvironment, format);
  await waitForHealth(`http://${reachableHost}:${port}/healthz`, 30_000);

  const require = createRequire(import.meta.url);
  const playgroundCli = join(dirname(require.resolve("@microsoft/m365agentsplayground/package.json")), "cli.js");
  const botEndpoint = `http://${reachableHost}:${port}/api/messages`;
  // The Playground quietly takes another port when its own is busy, so read the one it reports. Its
  // tenant and people are the sample ones (.m365agentsplayground.yml), so what Mia asks there reaches the tab.
  const playground = start(
    "playground",
    process.execPath,
    [playgroundCli, "-e", botEndpoint, "-c", "msteams", "-p", String(playgroundPort), "--disable-telemetry"],
    {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: "none",
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: process.env.M365_AGENTS_PLAYGROUND_CONFIG_PATH ?? join(root, PLAYGROUND_CONFIG),
    },
  );
  const actualPlaygroundPort = await listeningPort(playground, 30_000);
  await waitForHealth(`http://127.0.0.1:${actualPlaygroundPort}/`, 30_000);

  const base = `http://localhost:${port}`;
  console.log(
    [
      "",
      "Peer Circles is running (development identity, embedded store). Press Ctrl-C to stop.",
      `  Tab (personal home):  ${base}/personal/home`,
      `  Meeting side panel:   ${base}/meeting/side-panel?meeting=${DEMO_MEETING}`,
      `  Meeting stage:        ${base}/meeting/stage?meeting=${DEMO_MEETING}`,
      `  Bot endpoint:         ${botEndpoint}`,
      `  Agents Playground:    http://localhost:${actualPlaygroundPort}/ (you are Mia; sign in to the tab as Sam to see the request in the Queue)`,
      `  Listening on:         ${listening.host} (${listening.reason})`,
      "",
    ].join("\n"),
  );
} catch (error) {
  console.error(`npm start failed: ${(error as Error).message}`);
  await stopAll(1);
}
