import type { AppConfig } from "../config.js";
import type { DocumentStore } from "./document-store.js";
import { EmbeddedStore } from "./embedded-store.js";

/**
 * Cosmos DB when an endpoint is configured (a key for the emulator, otherwise the managed identity
 * through `DefaultAzureCredential`), and the embedded store on local disk otherwise. The Cosmos
 * adapter and the Azure SDKs are loaded only when they are used: they are a good part of a cold
 * start, which the embedded store should not pay.
 */
export async function createStore(config: AppConfig): Promise<DocumentStore> {
  if (!config.COSMOS_ENDPOINT) return new EmbeddedStore({ directory: config.DATA_DIR });
  const [{ CosmosStore }, { DefaultAzureCredential }] = await Promise.all([import("./cosmos-store.js"), import("@azure/identity")]);
  const store = new CosmosStore({
    endpoint: config.COSMOS_ENDPOINT,
    databaseId: config.COSMOS_DATABASE,
    ...(config.COSMOS_KEY ? { key: config.COSMOS_KEY } : { credential: new DefaultAzureCredential() }),
  });
  await store.initialize();
  return store;
}
