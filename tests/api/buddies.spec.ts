import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { AdminBuddyPairing, BuddyMatchReport, MyBuddies } from "../../shared/circles/buddy-programme.js";
import { utcToZoned, weekdayOf } from "../../shared/zoned-time.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const PUBLIC_URL = "https://peer-circles.example";
const LINK = /https:\/\/peer-circles\.example(\/api\/buddy-calendar-links\/[A-Za-z0-9_.-]+)/;
const tokens: Record<string, string> = {};
const person = (key: string) => DEV_USERS.find((user) => user.key === key)!;
const idOf = (key: string) => person(key).userId;
const nameOf = (key: string) => person(key).displayName;

async function call(user: string, method: string, url: string, body?: unknown) {
  const response = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json");
  return { status: response.status, headers: response.headers, text, body: (isJson && text ? JSON.parse(text) : undefined) as never };
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", TAB_ENDPOINT: PUBLIC_URL });
  connector = await startConnectorStub({ keepBodies: true });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

/** Someone says hello to the bot in personal chat, as Teams would deliver it: now the bot can reach them. */
async function talksToTheBot(key: string): Promise<void> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `hello-${key}`,
      text: "hi",
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: `29:${key}`, aadObjectId: idOf(key), name: nameOf(key) },
      recipient: { id: "28:bot" },
      conversation: { id: `a:${key}-personal`, conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

const LONDON = "Europe/London";
const offer = (overrides: object) => ({ timeZone: LONDON, windows: ["MO-09:00"], ...overrides });
// Mia names her manager Sam by email, in another case; Max would rather not have Fin. Without those
// entries each would get the buddy from another team who shares their time; with them, only Sky fits.
const MIA_REQUEST = { timeZone: LONDON, windows: ["MO-09:00"], team: "Ward 4", managerId: "Sam@Peer-Circles.example" };
const MAX_REQUEST = { timeZone: LONDON, windows: ["TU-09:00"], team: "Ward 4", avoid: [idOf("fin")] };
const PRIVATE_DETAILS = ["sam@peer-circles.example", "managerId", "avoid"];

const expectNothingPrivate = (text: string) => {
  for (const detail of PRIVATE_DETAILS) expect(text.toLowerCase()).not.toContain(detail.toLowerCase());
};

describe("buddies", () => {
  let report: BuddyMatchReport;

  it("keeps matching and the list of pairings to admins", async () => {
    for (const user of ["mia", "fin", "sam"]) {
      expect((await call(user, "POST", "/api/buddies/match", {})).status).toBe(403);
      expect((await call(user, "GET", "/api/buddies/pairings")).status).toBe(403);
    }
  });

  it("checks offers and requests, and takes identity only from the caller", async () => {
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ capacity: 6 }))).status).toBe(400);
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ capacity: 0 }))).status).toBe(400);
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ windows: ["XX-09:00"] }))).status).toBe(400);
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ windows: [] }))).status).toBe(400);
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ timeZone: "Mars/Olympus" }))).status).toBe(400);
    expect((await call("sam", "PUT", "/api/buddies/offer", offer({ userId: idOf("ada") }))).status).toBe(400);
    const tooMany = Array.from({ length: 21 }, (_unused, index) => `person-${index}`);
    expect((await call("mia", "PUT", "/api/buddies/request", { ...MIA_REQUEST, avoid: tooMany })).status).toBe(400);
    expect((await call("max", "DELETE", "/api/buddies/offer")).status).toBe(404);
    expect((await call("max", "DELETE", "/api/buddies/request")).status).toBe(404);
  });

  it("takes offers and requests, each returned only to its own person", async () => {
    const sam = await call("sam", "PUT", "/api/buddies/offer", offer({ team: "Ward 5" }));
    expect(sam.status).toBe(200);
    expect((sam.body as MyBuddies).offer).toMatchObject({ capacity: 1, activePairings: 0, windows: ["MO-09:00"] });
    expect((await call("fin", "PUT", "/api/buddies/offer", offer({ windows: ["TU-09:00"], team: "Ward 5" }))).status).toBe(200);
    const skyOffer = offer({ windows: ["MO-09:00", "TU-09:00"], team: "Ward 4", capacity: 2 });
    expect((await call("sky", "PUT", "/api/buddies/offer", skyOffer)).status).toBe(200);

    const mia = await call("mia", "PUT", "/api/buddies/request", MIA_REQUEST);
    expect(mia.status).toBe(200);
    expect((mia.body as MyBuddies).request).toMatchObject({ managerId: MIA_REQUEST.managerId, avoid: [] });
    expect((await call("max", "PUT", "/api/buddies/request", MAX_REQUEST)).status).toBe(200);
    // Nobody offers Sunday at three in the morning.
    expect((await call("ada", "PUT", "/api/buddies/request", { timeZone: LONDON, windows: ["SU-03:00"] })).status).toBe(200);

    const asSam = await call("sam", "GET", "/api/buddies/mine");
    expect(asSam.body).toEqual({ pairings: [], offer: expect.objectContaining({ team: "Ward 5" }) });
    expectNothingPrivate(asSam.text);
  });

  it("pairs people who share a time, never with a manager or someone avoided, and tells both through the bot", async () => {
    await talksToTheBot("mia");
    await talksToTheBot("sky");
    const before = connector.bodies.length;
    const matched = await call("ada", "POST", "/api/buddies/match", {});
    expect(matched.status).toBe(200);
    report = matched.body;
    expectNothingPrivate(matched.text);
    const pairs = report.pairings.map((pairing) => [pairing.newcomer.userId, pairing.buddy.userId]).sort();
    expect(pairs).toEqual(
      [
        [idOf("mia"), idOf("sky")],
        [idOf("max"), idOf("sky")],
      ].sort(),
    );
    expect(report.paired).toBe(2);
    expect(report.unmatched).toEqual([{ userId: idOf("ada"), displayName: nameOf("ada"), reason: "no-shared-window" }]);
    // Mia and Sky have opened the bot; Max has not, so the admin learns one person was not told.
    expect({ notified: report.notified, unreachable: report.unreachable }).toEqual({ notified: 3, unreachable: 1 });

    const notices = connector.bodies.slice(before);
    expect(notices).toHaveLength(3);
    const toMia = notices.find((body) => body.includes("Meet your buddy"))!;
    const toSky = notices.find((body) => body.includes(`now a buddy to ${nameOf("mia")}`))!;
    expect(toMia).toContain(`Meet your buddy: ${nameOf("sky")}`);
    expect(notices.some((body) => body.includes(`now a buddy to ${nameOf("max")}`))).toBe(true);
    expect(toMia).toContain("Suggested first check-in (15 minutes)");
    for (const body of notices) expectNothingPrivate(body);

    const link = LINK.exec(toSky)?.[1];
    expect(link).toBeDefined();
    const calendar = await fetch(`${server.url}${link}`);
    expect(calendar.status).toBe(200);
    const ics = await calendar.text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`SUMMARY:Buddy check-in with ${nameOf("mia")}`);
    expect(ics).not.toContain("RRULE");
    expect((await fetch(`${server.url}${link!.slice(0, -3)}xyz`)).status).toBe(404);
  });

  it("shows each person their pairing and a real 15-minute check-in a day or more ahead, in a window both gave", async () => {
    const mia = (await call("mia", "GET", "/api/buddies/mine")).body as MyBuddies;
    expect(mia.request).toBeUndefined();
    expect(mia.pairings).toHaveLength(1);
    const [pairing] = mia.pairings;
    expect(pairing).toMatchObject({ role: "newcomer", partner: { userId: idOf("sky"), displayName: nameOf("sky") } });
    const start = new Date(pairing!.checkIn.start);
    expect(new Date(pairing!.checkIn.end).getTime() - start.getTime()).toBe(15 * 60_000);
    expect(start.getTime()).toBeGreaterThanOrEqual(Date.now() + 23 * 3_600_000);
    expect(start.getTime()).toBeLessThan(Date.now() + 9 * 86_400_000);
    // Mia can only make Monday 09:00 London time.
    const local = utcToZoned(start, LONDON);
    expect([weekdayOf(local.localDate), local.localTime]).toEqual([1, "09:00"]);

    const sky = (await call("sky", "GET", "/api/buddies/mine")).body as MyBuddies;
    expect(sky.pairings).toContainEqual({ ...pairing, role: "buddy", partner: { userId: idOf("mia"), displayName: nameOf("mia") } });
    expect(sky.pairings).toHaveLength(2);
    expect(sky.offer?.activePairings).toBe(2);
    expect(((await call("fin", "GET", "/api/buddies/mine")).body as MyBuddies).pairings).toEqual([]);

    const admin = await call("ada", "GET", "/api/buddies/pairings");
    expect((admin.body as { pairings: AdminBuddyPairing[] }).pairings).toHaveLength(2);
    expectNothingPrivate(admin.text);
    expect(admin.text).not.toContain("Ward");
  });

  it("lets only the two people see or end a pairing; anyone else gets a 404", async () => {
    const [pairing] = ((await call("mia", "GET", "/api/buddies/mine")).body as MyBuddies).pairings;
    for (const outsider of ["fin", "ada", "max"]) {
      expect((await call(outsider, "POST", `/api/buddies/pairings/${pairing!.id}/end`, {})).status).toBe(404);
      expect((await call(outsider, "GET", `/api/buddies/pairings/${pairing!.id}/calendar`)).status).toBe(404);
    }
    for (const hostile of ["buddy-pairing-1%23", "..%2Fsettings", "buddy-pairing-%2F"])
      expect((await call("mia", "POST", `/api/buddies/pairings/${hostile}/end`, {})).status).toBe(400);
    const download = await call("mia", "GET", `/api/buddies/pairings/${pairing!.id}/calendar`);
    expect(download.status).toBe(200);
    expect(download.text).toContain(`SUMMARY:Buddy check-in with ${nameOf("sky")}`);
    expect((await call("mia", "PUT", "/api/buddies/request", MIA_REQUEST)).status).toBe(409);
  });

  it("ends quietly, by either person, and never pairs the same two again", async () => {
    const [miaAndSky] = ((await call("mia", "GET", "/api/buddies/mine")).body as MyBuddies).pairings;
    const quiet = connector.bodies.length;
    expect((await call("sky", "POST", `/api/buddies/pairings/${miaAndSky!.id}/end`, {})).status).toBe(204);
    expect((await call("sky", "POST", `/api/buddies/pairings/${miaAndSky!.id}/end`, {})).status).toBe(404);
    const [maxAndSky] = ((await call("max", "GET", "/api/buddies/mine")).body as MyBuddies).pairings;
    expect((await call("max", "POST", `/api/buddies/pairings/${maxAndSky!.id}/end`, {})).status).toBe(204);
    expect(connector.bodies.length).toBe(quiet);
    expect(((await call("mia", "GET", "/api/buddies/mine")).body as MyBuddies).pairings).toEqual([]);
    expect(((await call("sky", "GET", "/api/buddies/mine")).body as MyBuddies).offer?.activePairings).toBe(0);
    expect(((await call("ada", "GET", "/api/buddies/pairings")).body as { pairings: AdminBuddyPairing[] }).pairings).toEqual([]);
    // Sky's calendar link stops working once the pairing has ended.
    const link = LINK.exec(connector.bodies.find((body) => body.includes(`now a buddy to ${nameOf("mia")}`))!)![1];
    expect((await fetch(`${server.url}${link}`)).status).toBe(404);

    // Mia asks again. Sky has room and shares her Monday, but they were paired before; Sam is her manager.
    expect((await call("mia", "PUT", "/api/buddies/request", MIA_REQUEST)).status).toBe(200);
    const again = await call("ada", "POST", "/api/buddies/match", {});
    expect((again.body as BuddyMatchReport).paired).toBe(0);
    expect((again.body as BuddyMatchReport).unmatched).toEqual(
      [
        { userId: idOf("mia"), displayName: nameOf("mia"), reason: "only-manager" },
        { userId: idOf("ada"), displayName: nameOf("ada"), reason: "no-shared-window" },
      ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
    );
    expectNothingPrivate(again.text);
  });

  it("lets people withdraw an offer or request", async () => {
    expect((await call("ada", "DELETE", "/api/buddies/request")).status).toBe(204);
    expect((await call("mia", "DELETE", "/api/buddies/request")).status).toBe(204);
    expect((await call("sam", "DELETE", "/api/buddies/offer")).status).toBe(204);
    expect(((await call("sam", "GET", "/api/buddies/mine")).body as MyBuddies).offer).toBeUndefined();
    const empty = (await call("ada", "POST", "/api/buddies/match", {})).body as BuddyMatchReport;
    expect(empty).toMatchObject({ paired: 0, unmatched: [], notified: 0, unreachable: 0 });
  });
});
