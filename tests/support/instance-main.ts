import { Agent } from "node:https";
import { createLocalJWKSet, type JSONWebKeySet } from "jose";
import { loadConfig } from "../../bot/src/config.js";
import { createLogger } from "../../bot/src/logger.js";
import { startServer } from "../../bot/src/server.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import { CountingStore } from "../../bot/src/storage/counting-store.js";

/**
 * Test support, not product code: one server instance as its own process, for the scale-out
 * suite. It is the real server (`startServer`), on the Cosmos test server (whose certificate is
 * self-signed, so only here is it trusted), with the suite's token signing keys (TEST_JWKS), and
 * its store wrapped in a counter the parent reads over IPC.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const cosmos = new CosmosStore({
    endpoint: config.COSMOS_ENDPOINT!,
    databaseId: config.COSMOS_DATABASE,
    key: config.COSMOS_KEY!,
    agent: new Agent({ rejectUnauthorized: false, keepAlive: true }),
  });
  await cosmos.initialize();
  const store = new CountingStore(cosmos);
  const keys = createLocalJWKSet(JSON.parse(process.env.TEST_JWKS ?? "{}") as JSONWebKeySet);
  const running = await startServer(config, logger, { store, signingKeys: keys });
  process.on("message", (message) => {
    if (message === "counts") process.send?.({ counts: store.counts, total: store.total() });
  });
  process.once("SIGTERM", () => void running.close().then(() => process.exit(0)));
  process.send?.({ ready: running.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`instance failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
