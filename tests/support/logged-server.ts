import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JWTVerifyGetKey } from "jose";
import { startTestServer, type TestServer } from "./in-process-server.js";

export interface LoggedServer extends TestServer {
  /** Everything this one server has logged so far, at debug level, as pino's JSON lines. */
  logText(): string;
}

/**
 * `startTestServer`, with the server's debug log written to a folder of its own so a test can read
 * exactly this server's log. On stop the log is copied to the suite's log capture as well, so the
 * suite-wide privacy check still reads it.
 */
export async function startLoggedServer(environment: NodeJS.ProcessEnv, signingKeys?: JWTVerifyGetKey): Promise<LoggedServer> {
  const suiteCapture = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
  const ownDirectory = mkdtempSync(join(tmpdir(), "peer-circles-own-log-"));
  process.env.PEER_CIRCLES_LOG_CAPTURE_DIR = ownDirectory;
  let server: TestServer;
  try {
    server = await startTestServer(environment, signingKeys);
  } finally {
    if (suiteCapture === undefined) delete process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
    else process.env.PEER_CIRCLES_LOG_CAPTURE_DIR = suiteCapture;
  }
  const logText = () =>
    readdirSync(ownDirectory)
      .map((file) => readFileSync(join(ownDirectory, file), "utf8"))
      .join("");
  return {
    ...server,
    logText,
    stop: async () => {
      await server.stop();
      if (suiteCapture) for (const file of readdirSync(ownDirectory)) copyFileSync(join(ownDirectory, file), join(suiteCapture, file));
      rmSync(ownDirectory, { recursive: true, force: true });
    },
  };
}
