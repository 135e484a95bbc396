import { randomUUID } from "node:crypto";
import { CosmosClient } from "@azure/cosmos";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import { startCosmosTestServer, type RunningCosmosServer } from "../support/cosmos-test-server.js";
import { runDocumentStoreContract } from "./document-store.contract.js";
import { runTypedCollectionContract } from "./typed-collection.contract.js";

let server: RunningCosmosServer;
let store: CosmosStore;
const databaseId = `peer-circles-${randomUUID()}`;

beforeAll(async () => {
  server = await startCosmosTestServer();
  store = new CosmosStore({ endpoint: server.endpoint, databaseId, key: "test-key", agent: server.agent });
  await store.initialize();
});

afterAll(async () => {
  await store?.close();
  await server?.stop();
});

runDocumentStoreContract("Cosmos DB (over HTTPS to @vercel/cosmosdb-server)", () => store);
runTypedCollectionContract("Cosmos DB (over HTTPS to @vercel/cosmosdb-server)", () => store);

describe("Cosmos store settings", () => {
  it("partitions every container by tenant with TTL switched on", async () => {
    for (const name of ["settings", "requests", "huddles", "circles", "audit"] as const) {
      expect(await store.describeContainer(name)).toEqual({ partitionKeyPaths: ["/tenantId"], defaultTtl: -1 });
    }
  });

  it("writes the item's ttl so Cosmos expires it", async () => {
    await store.create("requests", "tenant-ttl", "closed", { status: "resolved" }, { ttlSeconds: 15_552_000 });
    const raw = new CosmosClient({ endpoint: server.endpoint, key: "test-key", agent: server.agent });
    const { resource } = await raw.database(databaseId).container("requests").item("closed", "tenant-ttl").read();
    expect(resource).toMatchObject({ id: "closed", tenantId: "tenant-ttl", ttl: 15_552_000, doc: { status: "resolved" } });
    raw.dispose();
  });

  it("initialises idempotently against an existing database", async () => {
    const again = new CosmosStore({ endpoint: server.endpoint, databaseId, key: "test-key", agent: server.agent });
    await again.initialize();
    await again.ping();
    await again.close();
  });
});
