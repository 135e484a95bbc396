import type { ChildProcess } from "node:child_process";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { INSTANCE_CLIENT_ID, spawnInstanceProcess } from "../tests/support/instance-process.js";
import { LOAD_GENERATOR_LIMITS } from "./load-limits.js";

const CLIENT_ID = INSTANCE_CLIENT_ID;
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
  const { child, url, output } = await spawnInstanceProcess({ ...settings, logLevel: "warn", extraEnvironment: LOAD_GENERATOR_LIMITS });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // An instance that dies during a run is a finding: say how, rather than fail later on a dead pipe.
  child.once("exit", (code, signal) => {
    if (!stopping) console.log(`  an instance exited during the run (${code ?? signal}); its last words:\n${output().slice(-3000)}`);
  });
  return {
    url,
    child,
    output,
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
