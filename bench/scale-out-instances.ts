import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { freePort, PROJECT_ROOT } from "../tests/support/server-process.js";
import { LOAD_GENERATOR_LIMITS } from "./load-limits.js";

const CLIENT_ID = "5c0ffee5-1111-4222-8333-444455556666";
export const SCALE_TENANT = "7e7e7e7e-0000-4000-8000-0000000b0015";
export const personId = (n: number) => `b0150000-0000-4000-8000-${String(n).padStart(12, "0")}`;

/** One server process of the scale-out bench, and how to ask it how many store calls it has made. */
export interface Instance {
  url: string;
  child: ChildProcess;
  storeCalls(): Promise<number>;
  /** What the process printed (warnings and errors only, at LOG_LEVEL=warn). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Signs Entra-shaped tokens every instance accepts: development identity mode would give each
 * process its own signing key, and a token from one would be refused by the others.
 */
export async function sharedSigning(): Promise<{ jwks: string; token: (userId: string) => Promise<string> }> {
  const pair = await generateKeyPair("RS256");
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "bench-key", alg: "RS256", use: "sig" }] });
  const token = (userId: string) =>
    new SignJWT({ tid: SCALE_TENANT, oid: userId, name: "Bench Person", preferred_username: "person@bench.example", scp: "access_as_user" })
      .setProtectedHeader({ alg: "RS256", kid: "bench-key" })
      .setIssuer(`https://login.microsoftonline.com/${SCALE_TENANT}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime("2h")
      .sign(pair.privateKey);
  return { jwks, token };
}

/**
 * The real server (`startServer`) as its own process on the Cosmos test server, with its store
 * wrapped in a counter it reports over IPC: the scale-out suite's instance (tests/support/instance-main.ts).
 */
export async function spawnInstance(settings: {
  cosmosEndpoint: string;
  databaseId: string;
  rosterUrl: string;
  jwks: string;
  admin: string;
}): Promise<Instance> {
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
      LOG_LEVEL: "warn",
      AUTH_MODE: "entra",
      AAD_APP_CLIENT_ID: CLIENT_ID,
      PROGRAM_ADMINS: settings.admin,
      TEAMS_SERVICE_URL: settings.rosterUrl,
      COSMOS_ENDPOINT: settings.cosmosEndpoint,
      COSMOS_KEY: "test-key",
      COSMOS_DATABASE: settings.databaseId,
      TEST_JWKS: settings.jwks,
      ...LOAD_GENERATOR_LIMITS,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // An instance that dies during a run is a finding: say how, rather than fail later on a dead pipe.
  child.once("exit", (code, signal) => {
    if (!stopping) console.log(`  an instance exited during the run (${code ?? signal}); its last words:\n${output.slice(-3000)}`);
  });
  child.on("error", () => undefined);
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (message: { ready?: string }) => message.ready && resolve(message.ready.replace("localhost", "127.0.0.1")));
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    storeCalls: () =>
      new Promise((resolve) => {
        const listener = (message: { total?: number }) => {
          if (message.total === undefined) return;
          child.off("message", listener);
          resolve(message.total);
        };
        child.on("message", listener);
        // A dead instance has made no more calls.
        if (!child.connected) return resolve(Number.NaN);
        child.send("counts");
      }),
    stop: async () => {
      stopping = true;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
