import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { startServer } from "./server.js";

/** Process entry: validate configuration, start, and stop cleanly on SIGTERM or Ctrl-C. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startServer(config, logger);
  if (config.AUTH_MODE === "dev") logger.warn("development identity mode: sample users sign in without Teams");

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ errorName: (error as Error).name }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Peer Circles failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
