import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RiskAssessment } from "../../shared/index.js";
import { RoleDirectory } from "../../bot/src/auth/role-directory.js";
import { RoundService } from "../../bot/src/circles/round-service.js";
import { isoWeek, ParticipationRecorder } from "../../bot/src/huddles/participation.js";
import { weekAggregateId, weekAggregates } from "../../bot/src/insights/week-aggregate.js";
import { MyDataService } from "../../bot/src/privacy/my-data.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { CosmosStore } from "../../bot/src/storage/cosmos-store.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { EmbeddedStore } from "../../bot/src/storage/embedded-store.js";
import { startCosmosTestServer, type RunningCosmosServer } from "../support/cosmos-test-server.js";

const noRisk: RiskAssessment = { level: "none", reasons: [] };
const TENANT = "tenant-my-data";
const MIA = "11111111-1111-4111-8111-11111111e001";
const MAX = "11111111-1111-4111-8111-11111111e002";
const OTHERS = ["a", "b", "c"].map((suffix) => `11111111-1111-4111-8111-11111111e00${suffix}`);
const MIA_WORDS = "My manager keeps moving my shifts";
const MAX_WORDS = "The new rota is wearing me down";
/** Mia alone takes part in the first week; Mia and Max share a huddle in the second. */
const MIA_ALONE = new Date("2026-03-02T10:00:00Z");
const SHARED_HUDDLE = new Date("2026-03-09T10:00:00Z");

let directory: string;
let embedded: EmbeddedStore;
let cosmosServer: RunningCosmosServer;
let cosmos: CosmosStore;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-my-data-"));
  embedded = new EmbeddedStore({ directory });
  cosmosServer = await startCosmosTestServer();
  cosmos = new CosmosStore({
    endpoint: cosmosServer.endpoint,
    databaseId: `my-data-${randomUUID()}`,
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

/** Two people with requests, one circle they share with three others, sign-ups and preferences. */
async function seed(store: DocumentStore) {
  const requests = new RequestService(store);
  const form = { category: "workload", urgency: "soon", preference: "any", contact: "chat", shareName: false } as const;
  const open = await requests.submit({ tenantId: TENANT, userId: MIA }, { ...form, text: MIA_WORDS }, noRisk);
  const closed = await requests.submit({ tenantId: TENANT, userId: MIA }, { ...form, text: "second" }, noRisk);
  await requests.act(TENANT, closed.referenceCode, "withdraw", { userId: MIA, isSupporter: false });
  const maxRequest = await requests.submit({ tenantId: TENANT, userId: MAX }, { ...form, text: MAX_WORDS }, noRisk);
  const rounds = new RoundService(store);
  const round = await rounds.open(
    TENANT,
    {
      name: "Circles",
      closesOn: "2030-01-01",
      startsOn: "2030-01-07",
      groupSize: { min: 5, max: 5 },
      cadence: "weekly",
      slots: [{ id: "mon", weekday: "MO", localTime: "09:00", durationMinutes: 30, timeZone: "Europe/London" }],
    },
    "admin",
  );
  for (const userId of [MIA, MAX, ...OTHERS])
    await rounds.signUp(
      TENANT,
      round.id,
      { userId, displayName: userId },
      { timeZone: "Europe/London", windows: ["mon"], interests: [], avoid: [] },
    );
  const published = await rounds.publish(TENANT, round.id);
  if (!published.ok) throw new Error(published.refusal);
  await store.create("settings", TENANT, `prefs-${MIA}`, { theme: "dark" });
  await store.create("settings", TENANT, `prefs-${MAX}`, { theme: "contrast" });
  const participation = new ParticipationRecorder(store);
  await participation.record(TENANT, [MIA], MIA_ALONE, "huddle");
  await participation.recordSession(TENANT, { userIds: [MIA, MAX], at: SHARED_HUDDLE, touchpoint: "huddle", pulses: [] });
  const service = new MyDataService(store, requests, new RoleDirectory(store, []), { participation });
  return { requests, service, codes: { open, closed, maxRequest } };
}

const participationIn = (store: DocumentStore, at: Date) =>
  store.query<{ person: string }>("audit", TENANT, { where: { kind: "participation", week: isoWeek(at) } });

describe.each([
  ["embedded store", () => embedded],
  ["Cosmos DB store", () => cosmos],
])("my data on the %s", (_name, storeOf) => {
  it("exports exactly the person's own data, erases it after saying what will go, and keeps only anonymous aggregates", async () => {
    const store = storeOf();
    const { service, codes } = await seed(store);

    const exported = JSON.stringify(await service.export(TENANT, MIA));
    expect(exported).toContain(MIA_WORDS);
    expect(exported).toContain(codes.open.referenceCode);
    expect(exported).toContain(codes.closed.referenceCode);
    expect(exported).toContain('"theme":"dark"');
    expect(exported).not.toContain(MAX_WORDS);
    expect(exported).not.toContain(codes.maxRequest.referenceCode);
    expect(exported).not.toContain('"theme":"contrast"');
    // Circle members other than herself appear nowhere in her export.
    expect(exported).not.toContain(MAX);

    expect(await service.preview(TENANT, MIA)).toEqual({
      openRequests: 1,
      closedRequests: 1,
      circleMemberships: 1,
      signUps: 1,
      joinRequests: 0,
      settings: 1,
      buddy: 0,
      participationWeeks: 2,
    });
    const [miaEvent] = await participationIn(store, MIA_ALONE);
    const miaPseudonym = miaEvent!.value.person;
    await service.erase(TENANT, MIA);

    const after = (await service.export(TENANT, MIA)) as {
      requests: unknown[];
      circles: unknown[];
      signUps: unknown[];
      preferences: unknown;
    };
    expect(after).toMatchObject({ requests: [], circles: [], signUps: [], preferences: null });
    for (const container of ["requests", "circles", "settings", "audit"] as const) {
      const everything = JSON.stringify(await store.query(container, TENANT, { limit: 1000 }));
      expect(everything).not.toContain(MIA);
      expect(everything).not.toContain(MIA_WORDS);
      expect(everything).not.toContain(codes.open.referenceCode);
    }
    // Her pseudonym is gone from participation and the weekly figures; their counters stay.
    expect(JSON.stringify(await store.query("audit", TENANT, { limit: 1000 }))).not.toContain(miaPseudonym);
    expect(await participationIn(store, MIA_ALONE)).toEqual([]);
    expect(await participationIn(store, SHARED_HUDDLE)).toHaveLength(1);
    const sharedWeek = (await weekAggregates(store).get(TENANT, weekAggregateId(isoWeek(SHARED_HUDDLE))))!.value;
    expect(sharedWeek).toMatchObject({ participants: 2, sessions: { huddle: 1 }, sessionPeople: { huddle: 1 } });
    expect(sharedWeek.seen.huddle).toHaveLength(1);
    const aggregates = await store.query("requests", TENANT, { where: { kind: "anonymisedRequest" } });
    expect(aggregates.map(({ value }) => value.status).sort()).toEqual(["withdrawn", "withdrawn"]);
    // Max is untouched.
    const maxExport = JSON.stringify(await service.export(TENANT, MAX));
    expect(maxExport).toContain(MAX_WORDS);
    expect(maxExport).toContain('"member":true');
  });
});
