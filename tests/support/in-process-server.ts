import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JWTVerifyGetKey } from "jose";
import { loadConfig } from "../../bot/src/config.js";
import { createLogger } from "../../bot/src/logger.js";
import { startServer, type RunningServer, type StartOptions } from "../../bot/src/server.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { EmbeddedStore } from "../../bot/src/storage/embedded-store.js";

export interface TestServer extends RunningServer {
  stop(): Promise<void>;
}

/** The real server, in this process, on a free loopback port with a throwaway embedded store. */
export async function startTestServer(
  environment: NodeJS.ProcessEnv,
  signingKeys?: JWTVerifyGetKey,
  wrapStore?: (store: DocumentStore) => DocumentStore,
  startOptions: Pick<StartOptions, "trustLocalBotCalls" | "telemetryHooks"> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-api-"));
  // Suites fire hundreds of calls as one person; the limit itself has its own test.
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: "100000",
    ...environment,
  });
  const store = new EmbeddedStore({ directory: dataDir });
  // Under the suite's log capture, every server logs everything to a file that is checked at the end.
  const captureDirectory = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
  const logger = captureDirectory
    ? createLogger("debug", join(captureDirectory, `server-${randomUUID()}.log`))
    : createLogger(config.LOG_LEVEL);
  const running = await startServer(config, logger, {
    ...startOptions,
    store: wrapStore ? wrapStore(store) : store,
    ...(signingKeys ? { signingKeys } : {}),
  });
  const url = running.url.replace("localhost", "127.0.0.1");
  return {
    ...running,
    url,
    stop: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function devToken(server: { url: string }, userKey: string): Promise<string> {
  const response = await fetch(`${server.url}/api/dev/token?user=${userKey}`);
  return ((await response.json()) as { token: string }).token;
}
