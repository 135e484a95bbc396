import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { HuddleService } from "../../bot/src/huddles/huddle-service.js";
import { ParticipationRecorder } from "../../bot/src/huddles/participation.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { parseCsv } from "../../shared/insights/insights-csv.js";
import type { InsightsReport } from "../../shared/insights/insights-report.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};
const WEEK = "2026-W10";
const MONDAY = Date.parse("2026-03-02T08:00:00Z");
const RANGE = `from=2026-W09&to=${WEEK}`;
const userId = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const person = (index: number) => `00000000-0000-4000-8000-0000000a${String(index).padStart(4, "0")}`;

async function call(user: string | undefined, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...(user ? { Authorization: `Bearer ${tokens[user]}` } : {}), "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function report(query = RANGE): Promise<InsightsReport> {
  const response = await call("ada", "GET", `/api/insights?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightsReport;
}

function figure(answer: InsightsReport, id: string, row: string, column: string) {
  const table = answer.tables.find((candidate) => candidate.id === id)!;
  return table.rows.find((candidate) => candidate.key === row)!.values[table.columns.indexOf(column)];
}

/** Seeds one week through the real services, as the huddle panel and the bot would. */
async function seedWeek(): Promise<void> {
  let now = MONDAY;
  const huddles = new HuddleService(server.store, () => now, new ParticipationRecorder(server.store));
  const morning = [userId("fin"), person(1), person(2), person(3), person(4), person(5)];
  await huddles.create(DEV_TENANT_ID, "meeting-morning", "morning-huddle", morning[0]!);
  await huddles.act(DEV_TENANT_ID, "meeting-morning", { type: "start", by: morning[0]! });
  for (const [index, someone] of morning.entries()) await huddles.answerPulse(DEV_TENANT_ID, "meeting-morning", someone, index < 5 ? 3 : 4);
  await huddles.act(DEV_TENANT_ID, "meeting-morning", { type: "end", by: morning[0]! }, undefined, morning);
  // A circle of three: held, but too few people for its week to be shown.
  const circle = [person(6), person(7), person(8)];
  await huddles.create(DEV_TENANT_ID, "meeting-circle", "weekly-circle", circle[0]!);
  await huddles.act(DEV_TENANT_ID, "meeting-circle", { type: "start", by: circle[0]! });
  await huddles.act(DEV_TENANT_ID, "meeting-circle", { type: "end", by: circle[0]! }, undefined, circle);

  const requests = new RequestService(server.store, () => new Date(now));
  const requesters = [userId("mia"), userId("max"), person(11), person(12), person(13), person(14)];
  const form = { category: "workload", urgency: "today", preference: "any", contact: "chat", shareName: false } as const;
  for (const [index, requester] of requesters.entries()) {
    now = MONDAY + index * 3_600_000;
    const request = await requests.submit(
      { tenantId: DEV_TENANT_ID, userId: requester },
      { ...form, text: "private words" },
      { level: "none", reasons: [] },
    );
    now += (index + 1) * 10 * 60_000;
    await requests.act(DEV_TENANT_ID, request.referenceCode, "claim", { userId: userId("sam"), isSupporter: true });
    await requests.act(DEV_TENANT_ID, request.referenceCode, index < 3 ? "refer" : "resolve", { userId: userId("sam"), isSupporter: true });
  }
  now = MONDAY;
  for (const requester of [person(15), person(16)])
    await requests.submit(
      { tenantId: DEV_TENANT_ID, userId: requester },
      { ...form, category: "conflict", urgency: "soon" },
      { level: "none", reasons: [] },
    );
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["ada", "mia", "max", "sam", "fin"]) tokens[user] = await devToken(server, user);
  await seedWeek();
});
afterAll(async () => server?.stop());

describe("insights API", () => {
  it("is for programme admins only", async () => {
    for (const user of ["mia", "sam", "fin"]) {
      expect((await call(user, "GET", `/api/insights?${RANGE}`)).status).toBe(403);
      expect((await call(user, "GET", `/api/insights.csv?${RANGE}`)).status).toBe(403);
      expect((await call(user, "PUT", "/api/insights/settings", { programmeSize: 20 })).status).toBe(403);
    }
    expect((await call(undefined, "GET", "/api/insights")).status).toBe(401);
    expect((await call("ada", "GET", "/api/insights")).status).toBe(200);
  });

  it("counts supporters whose refresher is overdue, withholding standings held by fewer than five", async () => {
    const twoYearsAgo = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
    const lastMonth = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const trainedOn = [twoYearsAgo, twoYearsAgo, twoYearsAgo, twoYearsAgo, twoYearsAgo, twoYearsAgo, lastMonth, lastMonth];
    for (const [index, date] of trainedOn.entries()) {
      const response = await call("ada", "PUT", `/api/admin/supporters/${person(40 + index)}`, { trainedOn: date });
      expect(response.status).toBe(200);
    }
    const answer = await report();
    expect(answer.trainingAsOf).toBe(new Date().toISOString().slice(0, 10));
    expect(figure(answer, "training", "overdue", "supporters")).toEqual({ withheld: false, value: 6 });
    expect(figure(answer, "training", "current", "supporters")).toEqual({ withheld: true });
    // The total adds published standings only, so it cannot give away the two current supporters.
    expect(figure(answer, "training", "all", "supporters")).toEqual({ withheld: false, value: 6 });
    const csv = await (await call("ada", "GET", `/api/insights.csv?${RANGE}`)).text();
    expect(csv).toContain("training");
  });

  it("refuses weeks that do not exist, reversed or over-long ranges and unknown filters", async () => {
    for (const query of [
      "from=2025-W53",
      "from=2026-W00",
      "to=2026-10",
      "from=2026-W10&to=2026-W09",
      "from=2025-W01&to=2026-W10",
      "category=everything",
      "urgency=later",
      "person=x",
    ]) {
      const response = await call("ada", "GET", `/api/insights?${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: "bad_request", message: expect.any(String) });
    }
    expect((await call("ada", "GET", "/api/insights?from=2026-W53&to=2026-W53")).status).toBe(200);
    for (const body of [
      {},
      { programmeSize: 0 },
      { programmeSize: 10, targetShare: 1.5 },
      { programmeSize: 10, targetBy: "soon" },
      { programmeSize: 10, extra: 1 },
    ])
      expect((await call("ada", "PUT", "/api/insights/settings", body)).status).toBe(400);
  });

  it("counts sessions, pulses and requests recorded by the real services, withholding what is about fewer than five people", async () => {
    const answer = await report();
    expect(answer.participation).toBe("needs-programme-size");
    expect(figure(answer, "participation", WEEK, "share")).toEqual({ withheld: true });
    expect(figure(answer, "sessions", WEEK, "huddle")).toEqual({ withheld: false, value: 1 });
    expect(figure(answer, "sessions", WEEK, "circle")).toEqual({ withheld: true });
    expect(figure(answer, "pulse", WEEK, "3")).toEqual({ withheld: false, value: 5 });
    expect(figure(answer, "pulse", WEEK, "4")).toEqual({ withheld: true });
    expect(figure(answer, "requestsByCategory", "workload", "today")).toEqual({ withheld: false, value: 6 });
    expect(figure(answer, "requestsByCategory", "conflict", "soon")).toEqual({ withheld: true });
    // The two small requests stay out of every total too.
    expect(figure(answer, "requestsByCategory", "all", "all")).toEqual({ withheld: false, value: 6 });
    expect(figure(answer, "requestsByWeek", WEEK, "requests")).toEqual({ withheld: false, value: 6 });
    // Claimed after 10, 20 … 60 minutes: nearest-rank median 30, 90th percentile 60.
    expect(figure(answer, "timeToClaim", "today", "median")).toEqual({ withheld: false, value: 30 });
    expect(figure(answer, "timeToClaim", "all", "p90")).toEqual({ withheld: false, value: 60 });
    // Three referred and three resolved: neither side reaches five people, so no share.
    expect(figure(answer, "referrals", "all", "share")).toEqual({ withheld: true });

    const text = JSON.stringify(answer) + (await (await call("ada", "GET", `/api/insights.csv?${RANGE}`)).text());
    const events = await server.store.query<{ person: string }>("audit", DEV_TENANT_ID, { where: { kind: "participation" } });
    expect(events.length).toBe(9);
    for (const event of events) expect(text).not.toContain(event.value.person);
    for (const someone of [userId("mia"), person(1), person(6)]) expect(text).not.toContain(someone);
    expect(text).not.toContain("private words");
  });

  it("takes participation as a share of the programme, withheld when fewer than five did not take part", async () => {
    expect(
      (await call("ada", "PUT", "/api/insights/settings", { programmeSize: 20, targetShare: 0.6, targetBy: "2026-09-01" })).status,
    ).toBe(200);
    let answer = await report();
    expect(answer.participation).toBe("ok");
    expect(answer.settings).toEqual({ programmeSize: 20, targetShare: 0.6, targetBy: "2026-09-01" });
    expect(figure(answer, "participation", WEEK, "share")).toEqual({ withheld: false, value: 45 });
    expect(figure(answer, "participation", WEEK, "target")).toEqual({ withheld: false, value: 60 });
    expect(figure(answer, "participation", "2026-W09", "share")).toEqual({ withheld: true });
    expect((await call("ada", "PUT", "/api/insights/settings", { programmeSize: 12 })).status).toBe(200);
    answer = await report();
    expect(figure(answer, "participation", WEEK, "share")).toEqual({ withheld: true });
    expect(answer.tables.find((table) => table.id === "participation")!.columns).toEqual(["share"]);
  });

  it("exports as CSV exactly the rows of the JSON, for the same filters", async () => {
    for (const query of [RANGE, `${RANGE}&category=workload`, `${RANGE}&category=conflict&urgency=soon`]) {
      const answer = await report(query);
      const response = await call("ada", "GET", `/api/insights.csv?${query}`);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="peer-circles-insights-2026-W09-to-${WEEK}.csv"`);
      const [header, ...rows] = parseCsv(await response.text());
      expect(header).toEqual(["figure", "row", "column", "value"]);
      const expected = answer.tables.flatMap((table) =>
        table.rows.flatMap((row) =>
          table.columns.map((column, index) => {
            const value = row.values[index]!;
            return [table.id, row.key, column, value.withheld ? "fewer than 5" : String(value.value)];
          }),
        ),
      );
      expect(rows).toEqual(expected);
      expect(rows.length).toBeGreaterThan(30);
    }
  });

  it("keeps an erased requester's request in the count but not among the people, so the cell falls under five", async () => {
    const erase = (user: string) => call(user, "DELETE", "/api/me/data", { confirm: "erase-my-data" });
    expect((await erase("mia")).status).toBe(200);
    let answer = await report();
    expect(figure(answer, "requestsByCategory", "workload", "today")).toEqual({ withheld: false, value: 6 });
    expect(figure(answer, "timeToClaim", "today", "median")).toEqual({ withheld: false, value: 30 });
    expect((await erase("max")).status).toBe(200);
    answer = await report();
    expect(figure(answer, "requestsByCategory", "workload", "today")).toEqual({ withheld: true });
    expect(figure(answer, "requestsByCategory", "all", "all")).toEqual({ withheld: true });
  });
});
