import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_API_ROUTES } from "../../bot/src/api/all-routes.js";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { effectiveRoles, hasRole } from "../../shared/index.js";
import { acceptedRoles, fillPath, paramNames, routeKey } from "../support/api-routes.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";

/**
 * The role matrix's second axis: holding the right role is not enough for a huddle, the caller must
 * also be in the meeting, as Teams says. Generated from ALL_API_ROUTES: every route about a meeting
 * (a `:meetingId` parameter, or a `meetingId` in its body) is called by every sample user who holds
 * its role, once for a meeting they are in and once for one they are not.
 */
const IN_MEETING = "19:meeting_cm9sZS1tYXRyaXgtaW4@thread.v2";
const NOT_IN_MEETING = "19:meeting_cm9sZS1tYXRyaXgtb3V0@thread.v2";
const USERS = DEV_USERS.map((user) => ({ ...user, effective: effectiveRoles(user.roles, user.roles.includes("admin")) }));
const MEETING_ROUTES = [
  ...ALL_API_ROUTES.filter((route) => paramNames(route.path).includes("meetingId") || routeKey(route) === "POST /api/huddles"),
  { method: "get" as const, path: "/api/huddles/:meetingId/events", role: "member" as const, acceptsBody: false },
];
const BODIES: Record<string, unknown> = {
  "POST /api/huddles": (meetingId: string) => ({ meetingId, templateId: "morning-huddle" }),
  "POST /api/huddles/:meetingId/actions": () => ({ type: "pause" }),
  "POST /api/huddles/:meetingId/pulse": () => ({ level: 3 }),
};

/** The membership refusal's wording, to tell it from a refusal for the role within the meeting. */
const MEMBERSHIP_REFUSAL = "Only the people in this meeting";

let connector: MeetingRosterConnector;
let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  // Everyone is in the first meeting; nobody is in the second, which Teams knows of all the same.
  connector = await startMeetingRosterConnector({ [IN_MEETING]: DEV_USERS.map((user) => user.userId), [NOT_IN_MEETING]: [] });
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: connector.url });
  for (const user of USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

async function call(user: string, route: (typeof MEETING_ROUTES)[number], meetingId: string) {
  const makeBody = BODIES[routeKey(route)] as ((meetingId: string) => unknown) | undefined;
  const controller = new AbortController();
  const response = await fetch(`${server.url}${fillPath(route.path, { meetingId })}`, {
    method: route.method.toUpperCase(),
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    signal: controller.signal,
    ...(route.acceptsBody ? { body: JSON.stringify(makeBody?.(meetingId) ?? {}) } : {}),
  });
  const status = response.status;
  // An event stream stays open: only a refusal is read to its end.
  const text = status === 403 ? await response.text() : "";
  controller.abort();
  return { status, refusedForMembership: status === 403 && text.includes(MEMBERSHIP_REFUSAL) };
}

describe("meeting membership on top of roles", () => {
  it("finds the huddle routes to check", () => {
    expect(MEETING_ROUTES.map(routeKey).sort()).toEqual(
      [
        "GET /api/huddles/:meetingId",
        "GET /api/huddles/:meetingId/events",
        "GET /api/huddles/:meetingId/presence",
        "POST /api/huddles",
        "POST /api/huddles/:meetingId/actions",
        "POST /api/huddles/:meetingId/pulse",
        "POST /api/huddles/:meetingId/summary",
      ].sort(),
    );
  });

  for (const route of MEETING_ROUTES)
    it(`${routeKey(route)}: refused with 403 to everyone holding its role who is not in the meeting`, async () => {
      const holders = USERS.filter((user) => acceptedRoles(route).some((role) => hasRole(user.effective, role)));
      expect(holders.length).toBeGreaterThan(0);
      for (const user of holders) {
        const outside = await call(user.key, route, NOT_IN_MEETING);
        expect({ user: user.key, ...outside }).toEqual({ user: user.key, status: 403, refusedForMembership: true });
        // In the meeting, the same call is not refused for membership (it may still find no huddle,
        // or need the facilitator).
        const inside = await call(user.key, route, IN_MEETING);
        expect({ user: user.key, refusedForMembership: inside.refusedForMembership }).toEqual({
          user: user.key,
          refusedForMembership: false,
        });
      }
    });
});
