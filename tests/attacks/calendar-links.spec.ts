import { createHmac, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import type { CircleView } from "../../shared/circles/circle-programme.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Issue #13, point 7: the calendar links in the bot's cards. A calendar app opens them without a
 * Teams sign-in, so whoever holds one holds the key. They used to be base64 JSON naming the person,
 * the circle and the tenant, and stayed good for 30 days whatever happened to the person's place.
 */
const PUBLIC_URL = "https://peer-circles.example";
const TEAM = "19:calendar-link-attacks@thread.v2";
const CIRCLE_LINK = /https:\/\/peer-circles\.example(\/api\/calendar-links\/([A-Za-z0-9_.-]+))/;
const BUDDY_LINK = /https:\/\/peer-circles\.example(\/api\/buddy-calendar-links\/([A-Za-z0-9_.-]+))/;
const userIdOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const keyOf = (userId: string) => DEV_USERS.find((user) => user.userId === userId)!.key;

let server: TestServer;
let store: DocumentStore;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const tokens: Record<string, string> = {};
let circles: CircleView[] = [];
let pairingId = "";
/** Who has already been taken out of a circle by an earlier attack. */
const takenOut: string[] = [];

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: (text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined) as never,
  };
}

async function ok(user: string, method: string, path: string, body?: unknown) {
  const answer = await call(user, method, path, body);
  expect(answer.status, `${user}: ${method} ${path} → ${answer.text}`).toBeLessThan(300);
  return answer;
}

/** Someone says hello to the bot in personal chat, so the bot can send them cards. */
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
      from: { id: `29:${key}`, aadObjectId: userIdOf(key), name: key },
      recipient: { id: "28:bot" },
      conversation: { id: `a:${key}-personal`, conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

/** The link in the card the bot sent to this person's personal chat. */
function linkSentTo(key: string, pattern: RegExp): { path: string; token: string } {
  const body = connector.bodies.find((sent) => sent.includes(`a:${key}-personal`) && pattern.test(sent));
  const match = body ? pattern.exec(body) : null;
  expect(match, `no link in a card to ${key}`).not.toBeNull();
  return { path: match![1]!, token: match![2]! };
}

const status = async (path: string) => (await fetch(`${server.url}${path}`)).status;
const membersOf = (circle: CircleView) => circle.members.map((member) => keyOf(member.userId));

/** Asks to join through the team's tab and is let in by the admin, as anyone may come back. */
async function rejoins(key: string, circleId: string): Promise<void> {
  await ok(key, "POST", `/api/circles/${circleId}/join-requests`, { teamKey: TEAM });
  await ok("ada", "POST", `/api/circles/${circleId}/join-requests/${userIdOf(key)}/approve`);
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", TAB_ENDPOINT: PUBLIC_URL }, undefined, (inner) => (store = inner));
  connector = await startConnectorStub({ keepBodies: true });
  for (const user of DEV_USERS) {
    tokens[user.key] = await devToken(server, user.key);
    await talksToTheBot(user.key);
  }
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const round = await ok("ada", "POST", "/api/circle-rounds", {
    name: "Link attack circles",
    closesOn: day(8),
    startsOn: day(14),
    groupSize: { min: 3, max: 3 },
    cadence: "weekly",
    slots: [{ id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" }],
  });
  const roundId = (round.body as { id: string }).id;
  for (const user of DEV_USERS)
    await ok(user.key, "PUT", `/api/circle-rounds/${roundId}/sign-up`, { timeZone: "Europe/London", windows: ["mon-9"] });
  circles = ((await ok("ada", "POST", `/api/circle-rounds/${roundId}/publish`, {})).body as { circles: CircleView[] }).circles;
  expect(circles).toHaveLength(2);
  for (const circle of circles) await ok("ada", "PUT", `/api/circles/${circle.id}`, { teamKey: TEAM });

  await ok("sam", "PUT", "/api/buddies/offer", { timeZone: "Europe/London", windows: ["MO-09:00"] });
  await ok("max", "PUT", "/api/buddies/request", { timeZone: "Europe/London", windows: ["MO-09:00"] });
  const matched = await ok("ada", "POST", "/api/buddies/match", {});
  pairingId = (matched.body as { pairings: { id: string }[] }).pairings[0]!.id;
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

/** Every way the token could be read back: whole, and each dot-separated part as base64url. */
function readings(token: string): string[] {
  return [token, ...token.split(".").map((part) => Buffer.from(part, "base64url").toString("latin1"))];
}

describe("calendar link attacks", () => {
  it("reveals nothing readable in a circle link: no person, circle or tenant", () => {
    for (const circle of circles)
      for (const key of membersOf(circle)) {
        const { token } = linkSentTo(key, CIRCLE_LINK);
        for (const reading of readings(token)) {
          for (const secret of [userIdOf(key), circle.id, DEV_TENANT_ID]) expect(reading, `${key}'s link`).not.toContain(secret);
          expect(reading).not.toMatch(/"(userId|circleId|tenantId)"/);
        }
        // Long enough (at least 256 random bits) that nobody finds one by trying.
        expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
      }
  });

  it("reveals nothing readable in a buddy link: no person, pairing or tenant", () => {
    for (const key of ["sam", "max"]) {
      const { token } = linkSentTo(key, BUDDY_LINK);
      for (const reading of readings(token))
        for (const secret of [userIdOf(key), pairingId, DEV_TENANT_ID]) expect(reading, `${key}'s link`).not.toContain(secret);
      expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    }
  });

  it("kills the link of someone who leaves, and coming back does not bring it back", async () => {
    const circle = circles[0]!;
    const leaver = membersOf(circle).find((key) => key !== "ada")!;
    takenOut.push(leaver);
    const { path } = linkSentTo(leaver, CIRCLE_LINK);
    expect(await status(path)).toBe(200);
    await ok(leaver, "POST", `/api/circles/${circle.id}/leave`, {});
    expect(await status(path)).toBe(404);
    await rejoins(leaver, circle.id);
    expect(await status(path)).toBe(404);
  });

  it("kills the link of someone an admin removes, even after they are let back in", async () => {
    const circle = circles[1]!;
    const removed = membersOf(circle).find((key) => key !== "ada")!;
    takenOut.push(removed);
    const { path } = linkSentTo(removed, CIRCLE_LINK);
    expect(await status(path)).toBe(200);
    await ok("ada", "PUT", `/api/circles/${circle.id}`, { removeMembers: [userIdOf(removed)] });
    expect(await status(path)).toBe(404);
    await rejoins(removed, circle.id);
    expect(await status(path)).toBe(404);
  });

  it("kills every link of someone who erases their data, even after they join again", async () => {
    // Not Sam or Max: their pairing is the next attack's.
    const eraser = ["sky", "fin", "mia"].find((key) => !takenOut.includes(key))!;
    const circle = circles.find((candidate) => membersOf(candidate).includes(eraser))!;
    const { path } = linkSentTo(eraser, CIRCLE_LINK);
    expect(await status(path)).toBe(200);
    await ok(eraser, "DELETE", "/api/me/data", { confirm: "erase-my-data" });
    expect(await status(path)).toBe(404);
    await rejoins(eraser, circle.id);
    expect(await status(path)).toBe(404);
  });

  it("kills both people's links when a pairing ends", async () => {
    const links = ["sam", "max"].map((key) => linkSentTo(key, BUDDY_LINK).path);
    for (const path of links) expect(await status(path)).toBe(200);
    await ok("max", "POST", `/api/buddies/pairings/${pairingId}/end`, {});
    for (const path of links) expect(await status(path)).toBe(404);
  });

  it("refuses a link in the old readable format, even one signed with the tenant's old key", async () => {
    // A store carried over from before: the old per-tenant key is there, as it was when links were signed.
    const existing = await store.get<{ secret: string }>("settings", DEV_TENANT_ID, "calendar-link-secret");
    const secret = existing?.value.secret ?? randomBytes(32).toString("base64url");
    if (!existing) await store.create("settings", DEV_TENANT_ID, "calendar-link-secret", { kind: "calendarLinkSecret", secret });
    const circle = circles[0]!;
    const member = circle.members[0]!.userId;
    const claims = { tenantId: DEV_TENANT_ID, circleId: circle.id, userId: member, expiresAt: Date.now() + 86_400_000 };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    const oldToken = `${payload}.${createHmac("sha256", secret).update(payload).digest("base64url")}`;
    const answer = await fetch(`${server.url}/api/calendar-links/${oldToken}`);
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain("BEGIN:VCALENDAR");
  });
});
