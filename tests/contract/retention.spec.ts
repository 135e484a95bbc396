import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskAssessment } from "../../shared/index.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import { EmbeddedStore } from "../../bot/src/storage/embedded-store.js";
import { startCosmosTestServer, type RunningCosmosServer } from "../support/cosmos-test-server.js";

const TENANT = "tenant-retention";
const RETENTION_DAYS = 30;
const form = { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "words", shareName: false } as const;
const noRisk: RiskAssessment = { level: "none", reasons: [] };

let directory: string;
let cosmosServer: RunningCosmosServer;
let cosmos: CosmosStore;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-retention-"));
  cosmosServer = await startCosmosTestServer();
  cosmos = new CosmosStore({
    endpoint: cosmosServer.endpoint,
    databaseId: `retention-${randomUUID()}`,
    key: "test-key",
    agent: cosmosServer.agent,
  });
  await cosmos.initialize();
});
afterAll(async () => {
  await cosmos?.close();
  await cosmosServer?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe("retention of closed requests and their audit trails", () => {
  it("gives a closed request and every entry of its trail the configured retention, on the Cosmos store", async () => {
    const requests = new RequestService(cosmos, undefined, undefined, RETENTION_DAYS);
    const request = await requests.submit({ tenantId: TENANT, userId: "mia" }, form, noRisk);
    const entries = () => cosmos.query("audit", TENANT, { where: { kind: "audit", requestCode: request.referenceCode } });
    expect((await entries()).every((entry) => entry.ttlSeconds === undefined)).toBe(true);
    await requests.act(TENANT, request.referenceCode, "withdraw", { userId: "mia", isSupporter: false });
    await requests.recordView(TENANT, request.referenceCode, "mia");
    const trail = await entries();
    expect(trail).toHaveLength(3);
    for (const entry of trail) expect(entry.ttlSeconds).toBe(RETENTION_DAYS * 86_400);
    expect((await cosmos.get("requests", TENANT, request.referenceCode))?.ttlSeconds).toBe(RETENTION_DAYS * 86_400);
  });

  it("purges a closed request and its trail once the retention has passed, by a fake clock, on the embedded store", async () => {
    let now = Date.parse("2026-11-23T09:00:00Z");
    const store = new EmbeddedStore({ directory, now: () => now, purgeIntervalMs: 3_600_000 });
    try {
      const requests = new RequestService(store, () => new Date(now), undefined, RETENTION_DAYS);
      const closed = await requests.submit({ tenantId: TENANT, userId: "mia" }, form, noRisk);
      const open = await requests.submit({ tenantId: TENANT, userId: "max" }, form, noRisk);
      await requests.act(TENANT, closed.referenceCode, "withdraw", { userId: "mia", isSupporter: false });

      now += (RETENTION_DAYS - 1) * 86_400_000;
      expect(await store.purgeExpired()).toBe(0);
      expect(await requests.get(TENANT, closed.referenceCode)).toBeDefined();

      now += 2 * 86_400_000;
      expect(await requests.get(TENANT, closed.referenceCode)).toBeUndefined();
      expect(await requests.auditTrail(TENANT, closed.referenceCode)).toEqual([]);
      expect(await store.purgeExpired()).toBe(3);
      // An open request is kept, however old: retention counts from closing.
      expect((await requests.get(TENANT, open.referenceCode))?.status).toBe("open");
      expect(await requests.auditTrail(TENANT, open.referenceCode)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
