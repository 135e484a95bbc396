import { fork, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { freePort, PROJECT_ROOT } from "./server-process.js";

/** The SSO app id the scale-out instances check tokens against (they verify with a test JWKS). */
export const INSTANCE_CLIENT_ID = "5c0ffee5-1111-4222-8333-444455556666";

export interface InstanceSettings {
  cosmosEndpoint: string;
  databaseId: string;
  /** The stand-in Bot Connector that answers Teams' meeting rosters. */
  rosterUrl: string;
  jwks: string;
  admin: string;
  logLevel: string;
  /** Limits and anything else the caller sets on top. */
  extraEnvironment?: Record<string, string>;
}

export interface InstanceProcess {
  child: ChildProcess;
  url: string;
  output(): string;
}

/**
 * The real server (`startServer`) as its own process on the Cosmos test server, in Teams identity
 * mode, its store wrapped in a counter it reports over IPC (instance-main.ts): one App Service
 * instance, for the scale-out suite and the bench alike. Its output goes to the log-capture folder
 * when the suite has one, so the log privacy check reads it.
 */
export async function spawnInstanceProcess(settings: InstanceSettings): Promise<InstanceProcess> {
  const port = await freePort();
  const child = fork(join(PROJECT_ROOT, "tests/support/instance-main.ts"), [], {
    cwd: PROJECT_ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: settings.logLevel,
      AUTH_MODE: "entra",
      AAD_APP_CLIENT_ID: INSTANCE_CLIENT_ID,
      PROGRAM_ADMINS: settings.admin,
      TEAMS_SERVICE_URL: settings.rosterUrl,
      COSMOS_ENDPOINT: settings.cosmosEndpoint,
      COSMOS_KEY: "test-key",
      COSMOS_DATABASE: settings.databaseId,
      TEST_JWKS: settings.jwks,
      ...settings.extraEnvironment,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.once("exit", () => {
    const captureDirectory = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
    if (captureDirectory) writeFileSync(join(captureDirectory, `process-${child.pid}.log`), output);
  });
  child.on("error", () => undefined);
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (message: { ready?: string }) => message.ready && resolve(message.ready.replace("localhost", "127.0.0.1")));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}
