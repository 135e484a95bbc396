import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { CircleView } from "../../shared/circles/circle-programme.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";

/**
 * Issue #13, point 7: a team's circles and "ask to join" took the team id from the caller and
 * never asked whether the caller is in that team. Teams is played by a stand-in Bot Connector that
 * knows two teams: one of this tenant (Ada, Mia, Max and Fin are in it) and one of another tenant
 * that everyone here happens to be listed in. Asking Teams about Sam fails.
 */
const TEAM = "19:ward-team-attacks@thread.tacv2";
const OTHER_TENANT_TEAM = "19:other-tenant-team@thread.tacv2";
const OTHER_TENANT = "0abc0000-0000-4000-8000-0000000000ff";
const userIdOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const TEAM_MEMBERS = ["ada", "mia", "max", "fin"];

let connector: MeetingRosterConnector;
let server: TestServer;
const tokens: Record<string, string> = {};
let teamCircle: CircleView;
let otherTenantCircle: CircleView;

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as never };
}

async function ok(user: string, method: string, path: string, body?: unknown) {
  const answer = await call(user, method, path, body);
  expect(answer.status, `${user}: ${method} ${path} → ${answer.text}`).toBeLessThan(300);
  return answer;
}

const listing = (user: string, team: string) => call(user, "GET", `/api/teams/${encodeURIComponent(team)}/circles`);
const askToJoin = (user: string, circle: CircleView, team: string) =>
  call(user, "POST", `/api/circles/${circle.id}/join-requests`, { teamKey: team });
const joinRequestsOf = async (circle: CircleView) =>
  ((await ok("ada", "GET", "/api/circles")).body as { circles: CircleView[] }).circles
    .find((candidate) => candidate.id === circle.id)!
    .joinRequests!.map((person) => person.userId);

function expectRefusedWithNothing(answer: { status: number; text: string; body: unknown }, circle: CircleView): void {
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ code: "forbidden" });
  expect(answer.text).not.toContain(circle.id);
  expect(answer.text).not.toContain(circle.name);
}

beforeAll(async () => {
  connector = await startMeetingRosterConnector(
    {},
    {},
    {
      teams: {
        [TEAM]: { tenantId: DEV_TENANT_ID, members: TEAM_MEMBERS.map(userIdOf) },
        [OTHER_TENANT_TEAM]: { tenantId: OTHER_TENANT, members: DEV_USERS.map((user) => user.userId) },
      },
      failingUsers: [userIdOf("sam")],
    },
  );
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: connector.url });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const round = await ok("ada", "POST", "/api/circle-rounds", {
    name: "Team attack circles",
    closesOn: day(8),
    startsOn: day(14),
    groupSize: { min: 2, max: 2 },
    cadence: "weekly",
    slots: [{ id: "mon-9", weekday: "MO", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" }],
  });
  const roundId = (round.body as { id: string }).id;
  for (const user of ["ada", "mia"])
    await ok(user, "PUT", `/api/circle-rounds/${roundId}/sign-up`, { timeZone: "Europe/London", windows: ["mon-9"] });
  const [formed] = ((await ok("ada", "POST", `/api/circle-rounds/${roundId}/publish`, {})).body as { circles: CircleView[] }).circles;
  teamCircle = (await ok("ada", "PUT", `/api/circles/${formed!.id}`, { name: "Ward team circle", teamKey: TEAM })).body;

  const otherRound = await ok("ada", "POST", "/api/circle-rounds", {
    name: "Other team circles",
    closesOn: day(8),
    startsOn: day(14),
    groupSize: { min: 2, max: 2 },
    cadence: "weekly",
    slots: [{ id: "tue-9", weekday: "TU", localTime: "09:00", durationMinutes: 45, timeZone: "Europe/London" }],
  });
  const otherRoundId = (otherRound.body as { id: string }).id;
  for (const user of ["ada", "fin"])
    await ok(user, "PUT", `/api/circle-rounds/${otherRoundId}/sign-up`, { timeZone: "Europe/London", windows: ["tue-9"] });
  const [other] = ((await ok("ada", "POST", `/api/circle-rounds/${otherRoundId}/publish`, {})).body as { circles: CircleView[] }).circles;
  otherTenantCircle = (await ok("ada", "PUT", `/api/circles/${other!.id}`, { name: "Elsewhere circle", teamKey: OTHER_TENANT_TEAM })).body;
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe("team membership attacks", () => {
  it("lists a team's circles only to people Teams names as members of that team", async () => {
    expectRefusedWithNothing(await listing("sky", TEAM), teamCircle);
    const asMember = await listing("mia", TEAM);
    expect(asMember.status).toBe(200);
    expect(asMember.body).toMatchObject({ circles: [{ id: teamCircle.id, name: "Ward team circle" }] });
  });

  it("takes a request to join only from a member of the team", async () => {
    expectRefusedWithNothing(await askToJoin("sky", teamCircle, TEAM), teamCircle);
    expect((await askToJoin("max", teamCircle, TEAM)).status).toBe(202);
    expect(await joinRequestsOf(teamCircle)).toEqual([userIdOf("max")]);
  });

  it("refuses when Teams cannot be asked, rather than taking the caller's word", async () => {
    expectRefusedWithNothing(await listing("sam", TEAM), teamCircle);
    expectRefusedWithNothing(await askToJoin("sam", teamCircle, TEAM), teamCircle);
    expect(await joinRequestsOf(teamCircle)).not.toContain(userIdOf("sam"));
  });

  it("refuses a team Teams places in another tenant, even for someone on its roster", async () => {
    expectRefusedWithNothing(await listing("mia", OTHER_TENANT_TEAM), otherTenantCircle);
    expectRefusedWithNothing(await askToJoin("mia", otherTenantCircle, OTHER_TENANT_TEAM), otherTenantCircle);
    expect(await joinRequestsOf(otherTenantCircle)).toEqual([]);
  });

  it("asks Teams the way TeamsInfo.getTeamMember does, once per person and team for a while", async () => {
    const path = `/v3/conversations/${TEAM}/members/${userIdOf("mia")}`;
    expect(connector.teamLookups.filter((lookup) => decodeURIComponent(lookup) === path).length).toBe(1);
    const before = connector.teamLookups.length;
    expect((await listing("mia", TEAM)).status).toBe(200);
    expect(connector.teamLookups.length).toBe(before);
  });
});
