import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskAssessment } from "../../shared/index.js";
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { RoleDirectory } from "../../bot/src/auth/role-directory.js";
import { PeerCirclesBot } from "../../bot/src/bot/peer-circles-bot.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { SupporterRegistry } from "../../bot/src/requests/supporter-registry.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { EmbeddedStore } from "../../bot/src/storage/embedded-store.js";
import { startCosmosTestServer, type RunningCosmosServer } from "../support/cosmos-test-server.js";

const form = { category: "conflict", urgency: "today", preference: "any", contact: "chat", text: "words", shareName: false } as const;
const noRisk: RiskAssessment = { level: "none", reasons: [] };

let directory: string;
let embedded: EmbeddedStore;
let cosmosServer: RunningCosmosServer;
let cosmos: CosmosStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-claims-"));
  embedded = new EmbeddedStore({ directory });
  cosmosServer = await startCosmosTestServer();
  cosmos = new CosmosStore({
    endpoint: cosmosServer.endpoint,
    databaseId: `claims-${randomUUID()}`,
    key: "test-key",
    agent: cosmosServer.agent,
  });
  await cosmos.initialize();
});

afterAll(async () => {
  await embedded?.close();
  await cosmos?.close();
  await cosmosServer?.stop();
  rmSync(directory, { recursive: true, force: true });
});

describe.each([
  ["embedded", () => embedded as DocumentStore],
  ["Cosmos DB", () => cosmos as DocumentStore],
])("claims on the %s store", (_name, getStore) => {
  it("lets exactly one of 20 concurrent claims win", async () => {
    const tenantId = `tenant-${randomUUID()}`;
    const service = new RequestService(getStore());
    const request = await service.submit({ tenantId, userId: "requester" }, form, noRisk);
    const supporters = Array.from({ length: 20 }, (_, index) => `supporter-${index}`);
    const results = await Promise.all(
      supporters.map((userId) => service.act(tenantId, request.referenceCode, "claim", { userId, isSupporter: true })),
    );
    const winners = results.filter((result) => result.ok);
    expect(winners).toHaveLength(1);
    for (const result of results) if (!result.ok) expect(result.refusal).toBe("already_claimed");
    const stored = await service.get(tenantId, request.referenceCode);
    expect(stored?.status).toBe("claimed");
    expect(stored?.claimedBy).toBe(winners[0]!.ok ? winners[0]!.request.claimedBy : undefined);
    const audit = await getStore().query("audit", tenantId, { where: { requestCode: request.referenceCode, action: "claim" } });
    expect(audit).toHaveLength(1);
  });

  it("keeps requests of one tenant invisible to another", async () => {
    const tenantA = `tenant-${randomUUID()}`;
    const tenantB = `tenant-${randomUUID()}`;
    const service = new RequestService(getStore());
    const request = await service.submit({ tenantId: tenantA, userId: "requester" }, form, noRisk);
    expect(await service.get(tenantB, request.referenceCode)).toBeUndefined();
    expect(await service.openRequests(tenantB)).toEqual([]);
    expect(await service.act(tenantB, request.referenceCode, "claim", { userId: "s", isSupporter: true })).toEqual({
      ok: false,
      refusal: "not_found",
    });
  });
});

describe.each([
  ["embedded", () => embedded as DocumentStore],
  ["Cosmos DB", () => cosmos as DocumentStore],
])("claims through the bot on the %s store", (_name, getStore) => {
  it("gives exactly one of 20 supporters pressing Claim at once the request", async () => {
    const tenantId = randomUUID();
    const store = getStore();
    const roles = new RoleDirectory(store, []);
    const supporters = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    for (const userId of supporters) await roles.assign(tenantId, userId, ["supporter"], "test");
    const requests = new RequestService(store);
    const request = await requests.submit({ tenantId, userId: "requester" }, { ...form, text: "race words" }, noRisk);
    const logger = pino({ level: "silent" });
    const messenger = { sendCard: async () => undefined, sendText: async () => undefined };
    const bot = new PeerCirclesBot({ logger, requests, supporters: new SupporterRegistry(store), roles, messenger });
    const replies = await Promise.all(
      supporters.map(async (userId) => {
        const adapter = new TestAdapter(async (context) => bot.run(context), {
          channelId: "msteams",
          conversation: { id: `conv-${userId}`, conversationType: "personal", tenantId },
          from: { id: `29:${userId}`, aadObjectId: userId },
        } as Partial<Activity>);
        let card = "";
        await adapter
          .send({
            type: ActivityTypes.Invoke,
            name: "adaptiveCard/action",
            value: { action: { type: "Action.Execute", verb: "claimRequest", data: { code: request.referenceCode } } },
          })
          .assertReply((activity) => {
            card = JSON.stringify(activity.value);
          });
        return card;
      }),
    );
    expect(replies.filter((card) => card.includes("race words"))).toHaveLength(1);
    expect(replies.filter((card) => card.includes("Already claimed by a colleague"))).toHaveLength(19);
  });
});
