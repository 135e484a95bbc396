import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_API_ROUTES } from "../../bot/src/api/all-routes.js";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { effectiveRoles, hasRole, type Role } from "../../shared/index.js";
import { acceptedRoles, fillPath, paramNames, routeKey } from "../support/api-routes.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";

/**
 * The role matrix, generated from ALL_API_ROUTES: every sample user calls every route whose declared
 * roles they hold none of, and must be turned away with a bare 403. A route added to the list is in
 * the matrix without anyone touching this file.
 */

// Plausible values, in the shapes the routes accept, so a 403 cannot be a side effect of a bad id.
const PARAMS: Record<string, string> = {
  userId: DEV_USERS.find((user) => user.key === "max")!.userId,
  code: "PC-7KQ4X2",
  meetingId: "19:meeting_MzQ1Njc4OTAtYWJjZA@thread.v2",
  templateId: "template-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  resourceId: "resource-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  roundId: "round-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  circleId: "circle-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  teamKey: "19:peer-team-1@thread.v2",
  pairingId: "buddy-pairing-6d1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  decision: "approve",
};

/** What each sample user should be, from the same declaration the server seeds them from. */
const USERS = DEV_USERS.map((user) => ({ key: user.key, roles: effectiveRoles(user.roles, user.roles.includes("admin")) }));
const holdsAny = (roles: readonly Role[], route: (typeof ALL_API_ROUTES)[number]) =>
  acceptedRoles(route).some((role) => hasRole(roles, role));

const DENIED = USERS.flatMap((user) =>
  ALL_API_ROUTES.filter((route) => !holdsAny(user.roles, route)).map((route) => ({
    user: user.key,
    route,
    label: `${user.key} → ${routeKey(route)}`,
  })),
);
const ALLOWED = USERS.flatMap((user) =>
  ALL_API_ROUTES.filter((route) => holdsAny(user.roles, route)).map((route) => ({
    user: user.key,
    route,
    label: `${user.key} → ${routeKey(route)}`,
  })),
);

const deniedTo = (user: string) => new Set(DENIED.filter((entry) => entry.user === user).map((entry) => routeKey(entry.route)));
const routesWhere = (predicate: (roles: readonly Role[]) => boolean) =>
  new Set(ALL_API_ROUTES.filter((route) => predicate(acceptedRoles(route))).map(routeKey));
const ADMIN_ONLY = routesWhere((roles) => roles.length === 1 && roles[0] === "admin");
const BEYOND_MEMBER = routesWhere((roles) => !roles.includes("member"));

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => server?.stop());

async function call(user: string, route: (typeof ALL_API_ROUTES)[number]): Promise<Response> {
  return fetch(`${server.url}${fillPath(route.path, PARAMS)}`, {
    method: route.method.toUpperCase(),
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(route.acceptsBody ? { body: "{}" } : {}),
  });
}

describe("the role matrix covers enough to mean something", () => {
  it("has routes beyond membership and admin-only routes to attack", () => {
    expect(ALL_API_ROUTES.length).toBeGreaterThanOrEqual(50);
    expect(BEYOND_MEMBER.size).toBeGreaterThanOrEqual(20);
    expect(ADMIN_ONLY.size).toBeGreaterThanOrEqual(15);
    expect(DENIED.length).toBeGreaterThanOrEqual(60);
  });

  it("sends a member to every route that needs more, and a supporter and a facilitator to every admin-only one", () => {
    expect([...BEYOND_MEMBER].filter((key) => !deniedTo("mia").has(key))).toEqual([]);
    expect([...BEYOND_MEMBER].filter((key) => !deniedTo("max").has(key))).toEqual([]);
    expect([...ADMIN_ONLY].filter((key) => !deniedTo("sam").has(key))).toEqual([]);
    expect([...ADMIN_ONLY].filter((key) => !deniedTo("fin").has(key))).toEqual([]);
  });

  it("runs against users whose roles on the server are the ones the matrix was built from", async () => {
    for (const user of USERS) {
      const me = (await (await fetch(`${server.url}/api/me`, { headers: { Authorization: `Bearer ${tokens[user.key]}` } })).json()) as {
        roles: Role[];
      };
      expect(me.roles, user.key).toEqual(user.roles);
    }
    expect(USERS.find((user) => user.key === "mia")!.roles).toEqual(["member"]);
    expect(USERS.find((user) => user.key === "sam")!.roles).toEqual(["member", "supporter"]);
    expect(USERS.find((user) => user.key === "fin")!.roles).toEqual(["member", "facilitator"]);
  });
});

describe("a caller without the route's role gets a bare 403", () => {
  it.each(DENIED.map((entry) => [entry.label, entry] as const))("%s", async (_label, { user, route }) => {
    const response = await call(user, route);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = (await response.json()) as Record<string, unknown>;
    // Exactly a code and a message: no data, no hint of what the route would have returned.
    expect(Object.keys(body).sort()).toEqual(["code", "message"]);
    expect(body.code).toBe("forbidden");
    expect(typeof body.message).toBe("string");
    expect((body.message as string).length).toBeGreaterThan(0);
  });
});

describe("the same calls from someone who holds the role get past the role check", () => {
  // The control: without it, a server that refused everyone would pass the matrix above.
  it.each(ALLOWED.map((entry) => [entry.label, entry] as const))("%s", async (_label, { user, route }) => {
    const response = await call(user, route);
    await response.arrayBuffer();
    expect(response.status).not.toBe(401);
    expect(response.status).not.toBe(403);
    expect(response.status).toBeLessThan(500);
  });
});

/**
 * A third axis: a team's circles and asking to join one need the caller in that team, as Teams'
 * roster of it says, whatever their roles. Every route about a team (a `:teamKey` parameter, or a
 * `teamKey` in the body of a member's request) is called by everyone holding its role, for a team
 * they are in, one of their tenant they are not in, and one Teams places in another tenant.
 */
describe("team membership on top of roles", () => {
  const IN_TEAM = "19:role-matrix-in@thread.tacv2";
  const NOT_IN_TEAM = "19:role-matrix-out@thread.tacv2";
  const OTHER_TENANTS_TEAM = "19:role-matrix-elsewhere@thread.tacv2";
  const TEAM_ROUTES = ALL_API_ROUTES.filter(
    (route) => paramNames(route.path).includes("teamKey") || routeKey(route) === "POST /api/circles/:circleId/join-requests",
  );
  const REFUSAL = "Only members of this team";
  let teamServer: TestServer;
  let roster: MeetingRosterConnector;
  const teamTokens: Record<string, string> = {};

  beforeAll(async () => {
    const everyone = DEV_USERS.map((user) => user.userId);
    roster = await startMeetingRosterConnector(
      {},
      {},
      {
        teams: {
          [IN_TEAM]: { tenantId: DEV_TENANT_ID, members: everyone },
          [NOT_IN_TEAM]: { tenantId: DEV_TENANT_ID, members: [] },
          [OTHER_TENANTS_TEAM]: { tenantId: "0abc0000-0000-4000-8000-0000000000ff", members: everyone },
        },
      },
    );
    teamServer = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: roster.url });
    for (const user of USERS) teamTokens[user.key] = await devToken(teamServer, user.key);
  });
  afterAll(async () => {
    await teamServer?.stop();
    await roster?.close();
  });

  async function callAbout(user: string, route: (typeof ALL_API_ROUTES)[number], teamKey: string) {
    const response = await fetch(`${teamServer.url}${fillPath(route.path, { ...PARAMS, teamKey })}`, {
      method: route.method.toUpperCase(),
      headers: { Authorization: `Bearer ${teamTokens[user]}`, "Content-Type": "application/json" },
      ...(route.acceptsBody ? { body: JSON.stringify({ teamKey }) } : {}),
    });
    const text = await response.text();
    const bare =
      response.status === 403 &&
      Object.keys(JSON.parse(text) as object)
        .sort()
        .join() === "code,message";
    return { status: response.status, refusedForTeam: bare && text.includes(REFUSAL) };
  }

  it("finds the team routes to check", () => {
    expect(TEAM_ROUTES.map(routeKey).sort()).toEqual(["GET /api/teams/:teamKey/circles", "POST /api/circles/:circleId/join-requests"]);
  });

  for (const route of TEAM_ROUTES)
    it(`${routeKey(route)}: refused with a bare 403 to everyone outside the team, and to no one inside it`, async () => {
      const holders = USERS.filter((user) => holdsAny(user.roles, route));
      expect(holders.length).toBe(USERS.length);
      for (const user of holders) {
        for (const outside of [NOT_IN_TEAM, OTHER_TENANTS_TEAM])
          expect({ user: user.key, outside, ...(await callAbout(user.key, route, outside)) }).toEqual({
            user: user.key,
            outside,
            status: 403,
            refusedForTeam: true,
          });
        // Inside the team the same call is not refused for it (the made-up circle may still not exist).
        expect({ user: user.key, refusedForTeam: (await callAbout(user.key, route, IN_TEAM)).refusedForTeam }).toEqual({
          user: user.key,
          refusedForTeam: false,
        });
      }
    });
});
