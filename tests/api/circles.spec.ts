import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { CircleView, RoundPreview, RoundSummary } from "../../shared/circles/circle-programme.js";
import { RoundService } from "../../bot/src/circles/round-service.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const PUBLIC_URL = "https://peer-circles.example";
const tokens: Record<string, string> = {};
const idOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;

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

/** A date this many days from today (UTC), so the round is always open whenever the suite runs. */
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const ROUND = {
  name: "Spring circles",
  closesOn: daysFromToday(8),
  startsOn: daysFromToday(14),
  groupSize: { min: 2, max: 3 },
  cadence: "fortnightly",
  slots: [
    { id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" },
    { id: "thu-16", weekday: "TH", localTime: "16:00", durationMinutes: 45, timeZone: "America/New_York" },
  ],
};
const volunteer = (overrides: object = {}) => ({ timeZone: "Europe/London", windows: ["mon-9"], interests: ["running"], ...overrides });

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", TAB_ENDPOINT: PUBLIC_URL });
  connector = await startConnectorStub({ keepBodies: true });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

/** Mia says hello to the bot in personal chat, as Teams would deliver it: now the bot can reach her. */
async function miaTalksToTheBot(): Promise<void> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: "hello-1",
      text: "hi",
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: "29:mia", aadObjectId: idOf("mia"), name: "Mia" },
      recipient: { id: "28:bot" },
      conversation: { id: "a:mia-personal", conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

describe("sign-up rounds and circles", () => {
  let round: RoundSummary;

  it("lets only admins open a round, and checks what they send", async () => {
    expect((await call("mia", "POST", "/api/circle-rounds", ROUND)).status).toBe(403);
    expect((await call("fin", "POST", "/api/circle-rounds", ROUND)).status).toBe(403);
    const inverted = await call("ada", "POST", "/api/circle-rounds", { ...ROUND, groupSize: { min: 4, max: 3 } });
    expect(inverted.status).toBe(400);
    const opened = await call("ada", "POST", "/api/circle-rounds", ROUND);
    expect(opened.status).toBe(201);
    round = opened.body;
    expect(round).toMatchObject({ status: "open", signUpCount: 0 });
  });

  it("takes volunteers' private answers, refusing a time the round does not offer", async () => {
    expect((await call("mia", "PUT", `/api/circle-rounds/${round.id}/sign-up`, volunteer({ windows: ["sat-3"] }))).status).toBe(400);
    // Mia names Max and Ada, by email, as people she would rather not be grouped with; Sam's manager is Sky.
    const avoidedByMia = ["Max@Peer-Circles.example", "ada@peer-circles.example"];
    const answers: Record<string, object> = {
      mia: volunteer({ avoid: avoidedByMia, team: "Ward 4" }),
      max: volunteer({ team: "Ward 4" }),
      sam: volunteer({ windows: ["mon-9", "thu-16"], managerId: idOf("sky") }),
      sky: volunteer({ team: "Ward 5" }),
      fin: volunteer({ team: "Ward 5", interests: ["reading"] }),
      ada: volunteer({ windows: ["mon-9", "thu-16"] }),
    };
    for (const [user, answer] of Object.entries(answers))
      expect((await call(user, "PUT", `/api/circle-rounds/${round.id}/sign-up`, answer)).status).toBe(200);
  });

  it("never shows anyone's avoid list or manager to other members", async () => {
    const asSky = await call("sky", "GET", "/api/circle-rounds");
    const listed = (asSky.body as { rounds: RoundSummary[] }).rounds.find((item) => item.id === round.id)!;
    expect(listed.signUpCount).toBe(6);
    expect(listed.mySignUp).toMatchObject({ team: "Ward 5" });
    expect(asSky.text.toLowerCase()).not.toContain("max@peer-circles.example");
    expect(asSky.text).not.toContain("managerId");
    expect((await call("max", "GET", "/api/circle-rounds")).text.toLowerCase()).not.toContain("max@peer-circles.example");
    const asMia = (await call("mia", "GET", "/api/circle-rounds")).body as { rounds: RoundSummary[] };
    expect(asMia.rounds.find((item) => item.id === round.id)!.mySignUp?.avoid).toContain("Max@Peer-Circles.example");
  });

  it("previews for admins only: everyone placed, avoid pairs and managers kept apart", async () => {
    expect((await call("mia", "GET", `/api/circle-rounds/${round.id}/preview`)).status).toBe(403);
    const preview = (await call("ada", "GET", `/api/circle-rounds/${round.id}/preview`)).body as RoundPreview;
    const groups = preview.circles.map((circle) => circle.members.map((member) => member.userId));
    expect(groups.flat().sort()).toEqual(DEV_USERS.map((user) => user.userId).sort());
    for (const group of groups) {
      expect(group.length).toBeGreaterThanOrEqual(2);
      expect(group.length).toBeLessThanOrEqual(3);
      expect(group.includes(idOf("mia")) && group.includes(idOf("max"))).toBe(false);
      expect(group.includes(idOf("sam")) && group.includes(idOf("sky"))).toBe(false);
    }
    expect(preview.circles.every((circle) => circle.slotId === "mon-9" || circle.slotId === "thu-16")).toBe(true);
    const miasCircle = groups.find((group) => group.includes(idOf("mia")))!;
    expect(miasCircle).not.toContain(idOf("max"));
    expect(miasCircle).not.toContain(idOf("ada"));
    expect(preview.unplaced).toEqual([]);
  });

  it("publishes once; the circles then show to their members with a calendar file", async () => {
    await miaTalksToTheBot();
    const before = connector.bodies.length;
    const published = await call("ada", "POST", `/api/circle-rounds/${round.id}/publish`, {});
    expect(published.status).toBe(200);
    // Only Mia has ever opened the bot, so she alone is told; the admin learns how many were not.
    expect(published.body).toMatchObject({ notified: 1, unreachable: 5 });
    const notice = connector.bodies.slice(before).join("\n");
    expect(notice).toContain("You're in a peer circle");
    const link = /https:\/\/peer-circles\.example(\/api\/calendar-links\/[A-Za-z0-9_.-]+)/.exec(notice)?.[1];
    expect(link).toBeDefined();
    const viaLink = await fetch(`${server.url}${link}`);
    expect(viaLink.status).toBe(200);
    expect(await viaLink.text()).toContain("BEGIN:VCALENDAR");
    const tampered = await fetch(`${server.url}${link!.slice(0, -3)}xyz`);
    expect(tampered.status).toBe(404);
    const circles = (published.body as { circles: CircleView[] }).circles;
    expect(circles.length).toBeGreaterThanOrEqual(2);
    expect((await call("ada", "POST", `/api/circle-rounds/${round.id}/publish`, {})).status).toBe(409);
    expect((await call("mia", "PUT", `/api/circle-rounds/${round.id}/sign-up`, volunteer())).status).toBe(409);

    const mine = ((await call("mia", "GET", "/api/circles/mine")).body as { circles: CircleView[] }).circles;
    expect(mine).toHaveLength(1);
    const circle = mine[0]!;
    expect(circle.members.map((member) => member.userId)).toContain(idOf("mia"));
    expect(circle.recurrence).toMatchObject({ cadence: "fortnightly", startDate: ROUND.startsOn });
    expect(circle.members.map((member) => member.userId)).toContain(circle.nextFacilitatorId);
    expect(JSON.stringify(mine)).not.toContain("avoid");

    const calendar = await call("mia", "GET", `/api/circles/${circle.id}/calendar`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("content-type")).toContain("text/calendar");
    expect(calendar.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.ics"$/);
    expect(calendar.text).toContain("BEGIN:VCALENDAR");
    expect(calendar.text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2");

    const outsider = DEV_USERS.find((user) => !circle.members.some((member) => member.userId === user.userId) && user.key !== "ada")!;
    expect((await call(outsider.key, "GET", `/api/circles/${circle.id}/calendar`)).status).toBe(404);
    expect((await call(outsider.key, "POST", `/api/circles/${circle.id}/leave`, {})).status).toBe(404);
    expect((await call("mia", "GET", "/api/circles")).status).toBe(403);
  });

  it("lets a member leave quietly; the circle carries on without them", async () => {
    const [circle] = ((await call("mia", "GET", "/api/circles/mine")).body as { circles: CircleView[] }).circles;
    expect((await call("mia", "POST", `/api/circles/${circle!.id}/leave`, {})).status).toBe(204);
    // Her calendar link stops working once she has left.
    const notice = connector.bodies.join("\n");
    const link = /https:\/\/peer-circles\.example(\/api\/calendar-links\/[A-Za-z0-9_.-]+)/.exec(notice)![1];
    expect((await fetch(`${server.url}${link}`)).status).toBe(404);
    expect(((await call("mia", "GET", "/api/circles/mine")).body as { circles: CircleView[] }).circles).toEqual([]);
    const all = ((await call("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles;
    const after = all.find((item) => item.id === circle!.id)!;
    expect(after.members.map((member) => member.userId)).not.toContain(idOf("mia"));
    expect(after.members.length).toBe(circle!.members.length - 1);
  });
});

describe("a team's circles and asking to join", () => {
  const TEAM = "19:peer-team-1@thread.v2";
  const teamPath = `/api/teams/${encodeURIComponent(TEAM)}/circles`;

  it("lets an admin link a circle to a team and edit it, and nobody else", async () => {
    const [circle] = ((await call("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles;
    expect((await call("fin", "PUT", `/api/circles/${circle!.id}`, { teamKey: TEAM })).status).toBe(403);
    expect((await call("ada", "PUT", `/api/circles/${circle!.id}`, { joinUrl: "http://insecure.example" })).status).toBe(400);
    const edited = await call("ada", "PUT", `/api/circles/${circle!.id}`, {
      teamKey: TEAM,
      name: "Ward circle",
      joinUrl: "https://teams.microsoft.com/l/meetup-join/abc",
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "Ward circle", joinUrl: "https://teams.microsoft.com/l/meetup-join/abc" });
  });

  it("shows the team's circles without names, and takes one request to join per person", async () => {
    const [circle] = ((await call("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles.filter(
      (item) => item.teamKey === TEAM,
    );
    const outsider = DEV_USERS.find((user) => !circle!.members.some((member) => member.userId === user.userId) && user.key !== "ada")!;
    const listed = await call(outsider.key, "GET", teamPath);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ circles: [{ id: circle!.id, name: "Ward circle", isMember: false, requested: false }] });
    expect((listed.body as { circles: { memberCount: number }[] }).circles[0]!.memberCount).toBe(circle!.members.length);
    for (const member of circle!.members) expect(listed.text).not.toContain(member.userId);

    const ask = (teamKey: string) => call(outsider.key, "POST", `/api/circles/${circle!.id}/join-requests`, { teamKey });
    expect((await ask("19:another-team@thread.v2")).status).toBe(404);
    expect((await ask(TEAM)).status).toBe(202);
    expect((await ask(TEAM)).status).toBe(202);
    const after = (await call(outsider.key, "GET", teamPath)).body as { circles: { requested: boolean }[] };
    expect(after.circles[0]!.requested).toBe(true);

    const asAdmin = ((await call("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles.find(
      (item) => item.id === circle!.id,
    )!;
    expect(asAdmin.joinRequests?.map((person) => person.userId)).toEqual([outsider.userId]);
    expect((await call(outsider.key, "GET", "/api/circles")).status).toBe(403);

    const decide = (user: string, decision: string) =>
      call(user, "POST", `/api/circles/${circle!.id}/join-requests/${outsider.userId}/${decision}`);
    expect((await decide(outsider.key, "approve")).status).toBe(403);
    expect((await decide("ada", "approve")).status).toBe(200);
    expect((await decide("ada", "approve")).status).toBe(404);
    const mine = ((await call(outsider.key, "GET", "/api/circles/mine")).body as { circles: CircleView[] }).circles;
    expect(mine.map((item) => item.id)).toContain(circle!.id);
  });
});

describe("facilitating and re-forming", () => {
  it("lets a member take the next session instead of the rotation, and only an admin name someone else", async () => {
    const isSampleMember = (userId: string) => DEV_USERS.some((user) => user.userId === userId && user.key !== "ada");
    // A circle with at least two sample members besides the admin, whichever way the groups fell.
    const [circle] = ((await call("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles.filter(
      (item) => item.members.filter((member) => isSampleMember(member.userId)).length >= 2,
    );
    const [first, second] = circle!.members.filter((member) => isSampleMember(member.userId));
    const keyOf = (userId: string) => DEV_USERS.find((user) => user.userId === userId)!.key;
    const volunteer = circle!.nextFacilitatorId === first!.userId ? second! : first!;
    const offered = await call(keyOf(volunteer.userId), "POST", `/api/circles/${circle!.id}/facilitator`, {});
    expect(offered.status).toBe(200);
    expect((offered.body as CircleView).nextFacilitatorId).toBe(volunteer.userId);
    const other = circle!.members.find(
      (member) => member.userId !== volunteer.userId && DEV_USERS.some((user) => user.userId === member.userId),
    )!;
    expect((await call(keyOf(volunteer.userId), "POST", `/api/circles/${circle!.id}/facilitator`, { userId: other.userId })).status).toBe(
      403,
    );
    const named = await call("ada", "POST", `/api/circles/${circle!.id}/facilitator`, { userId: other.userId });
    expect((named.body as CircleView).nextFacilitatorId).toBe(other.userId);
    const outsider = DEV_USERS.find((user) => user.key !== "ada" && !circle!.members.some((member) => member.userId === user.userId));
    if (outsider) expect((await call(outsider.key, "POST", `/api/circles/${circle!.id}/facilitator`, {})).status).toBe(404);
  });

  it("refuses sign-ups after the closing date, and marks circles due to re-form once their sessions are held", async () => {
    // A round that closed in December 2025: answers came in before, through the service with that date.
    const rounds = new RoundService(server.store, () => new Date("2025-12-20T12:00:00Z"));
    const round = await rounds.open(
      DEV_TENANT_ID,
      {
        ...ROUND,
        name: "Short run",
        closesOn: "2025-12-31",
        startsOn: "2026-01-05",
        cadence: "fortnightly",
        sessionsBeforeReform: 3,
      } as never,
      idOf("ada"),
    );
    for (const user of ["mia", "max", "sam", "sky"])
      await rounds.signUp(DEV_TENANT_ID, round.id, { userId: idOf(user), displayName: user }, {
        ...volunteer(),
        interests: [],
        avoid: [],
      } as never);
    // Today the closing date has passed: the API refuses new answers and withdrawals, but the admin can publish.
    const late = await call("fin", "PUT", `/api/circle-rounds/${round.id}/sign-up`, volunteer());
    expect(late).toMatchObject({ status: 409, body: { code: "conflict" } });
    expect((await call("mia", "DELETE", `/api/circle-rounds/${round.id}/sign-up`)).status).toBe(409);
    const { circles } = (await call("ada", "POST", `/api/circle-rounds/${round.id}/publish`, {})).body as { circles: CircleView[] };
    // Fortnightly since January 2026: far more than three sessions have been held by now.
    expect(circles[0]).toMatchObject({ sessionsPlanned: 3, reformDue: true });
    expect(circles[0]!.sessionsHeld).toBeGreaterThan(3);
  });
});
