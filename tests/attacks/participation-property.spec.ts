import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import "../support/fast-check-seed.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { openHuddleStream, startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";
import { propertyRuns } from "../support/property-runs.js";

/**
 * Issue #13, acceptance 2: whatever admins, facilitators and members send, who took part in a huddle
 * is exactly who the server observed: people whose verified panel was connected, who acted, or who
 * answered its pulse. Each run holds one huddle in a fresh meeting, through the real API, with forged
 * bodies mixed in, then reads each person's own participation record.
 */
const PEOPLE = ["ada", "fin", "sky", "sam", "mia", "max"] as const;
type Person = (typeof PEOPLE)[number];
const FACILITATORS: readonly Person[] = ["fin", "sky", "ada"];
const userIdOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;

let connector: MeetingRosterConnector;
let server: TestServer;
const tokens: Record<string, string> = {};
let meetingCounter = 0;

async function send(user: Person, path: string, body?: unknown, method = body === undefined ? "GET" : "POST") {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await response.arrayBuffer();
  return response.status;
}

const anyone = fc.constantFrom(...PEOPLE);
/** Forged fields a client might add; the server must refuse the body or ignore nothing it trusts. */
const forgery = fc.record(
  {
    participants: fc.subarray(PEOPLE.map(userIdOf)),
    by: fc.constantFrom(...PEOPLE.map(userIdOf)),
    userId: fc.constantFrom(...PEOPLE.map(userIdOf)),
  },
  { requiredKeys: [] },
);
const step = fc.oneof(
  fc.record({ kind: fc.constant("open" as const), who: anyone }),
  fc.record({ kind: fc.constant("pulse" as const), who: anyone, level: fc.integer({ min: 0, max: 6 }) }),
  fc.record({
    kind: fc.constant("act" as const),
    who: anyone,
    type: fc.constantFrom("next", "previous", "pause", "resume", "extend", "next_speaker", "skip_speaker", "end", "hand_over"),
    forged: forgery,
  }),
  fc.record({ kind: fc.constant("peek" as const), who: anyone }),
);

beforeAll(async () => {
  connector = await startMeetingRosterConnector({});
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: connector.url });
  for (const user of PEOPLE) tokens[user] = await devToken(server, user);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe("participation is what the server observed", () => {
  it("equals the people seen connected, acting or answering, whatever the bodies said", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FACILITATORS),
        fc.subarray([...PEOPLE], { minLength: 1 }),
        fc.array(step, { maxLength: 14 }),
        async (facilitator, inMeeting, steps) => {
          const meeting = `property-meeting-${++meetingCounter}`;
          const members = [...new Set([facilitator, ...inMeeting])];
          connector.roster[meeting] = members.map(userIdOf);
          const path = (suffix = "") => `/api/huddles/${encodeURIComponent(meeting)}${suffix}`;
          // Participation is one event per person per week; erasing everyone first makes each run start clean.
          for (const user of PEOPLE) expect(await send(user, "/api/me/data", { confirm: "erase-my-data" }, "DELETE")).toBe(200);
          const observed = new Set<Person>();
          const streams: { close(): void }[] = [];
          // Ada may create it too: any facilitator or admin in the meeting. Created means seen.
          if ((await send(facilitator, "/api/huddles", { meetingId: meeting, templateId: "weekly-circle" })) === 201)
            observed.add(facilitator);
          await send(facilitator, path("/actions"), { type: "start" });
          for (const action of steps) {
            const isMember = members.includes(action.who);
            if (action.kind === "open") {
              const stream = await openHuddleStream(server.url, path("/events"), tokens[action.who]!);
              streams.push(stream);
              expect(stream.status).toBe(isMember ? 200 : 403);
              if (isMember) observed.add(action.who);
            } else if (action.kind === "pulse") {
              const status = await send(action.who, path("/pulse"), { level: action.level });
              if (!isMember) expect(status).toBe(403);
              if (status === 200) observed.add(action.who);
            } else if (action.kind === "act") {
              const status = await send(action.who, path("/actions"), { type: action.type, ...action.forged });
              // Any forged field makes the body invalid; an honest one from a member is seen.
              if (Object.keys(action.forged).length > 0) expect([400, 403]).toContain(status);
              else if (!isMember) expect(status).toBe(403);
              else observed.add(action.who);
            } else {
              const status = await send(action.who, path());
              expect(status).toBe(isMember ? 200 : 403);
            }
          }
          // The facilitator ends it honestly; whoever had it open, acted or answered took part.
          if ((await send(facilitator, path("/actions"), { type: "end" })) === 200) observed.add(facilitator);
          for (const stream of streams) stream.close();
          const ended = await Promise.all(PEOPLE.map(async (user) => [user, await weeksOf(user)] as const));
          for (const [user, weeks] of ended) expect({ user, counted: weeks.length > 0 }).toEqual({ user, counted: observed.has(user) });
        },
      ),
      { numRuns: propertyRuns(25) },
    );
  });
});

async function weeksOf(user: Person): Promise<string[]> {
  const response = await fetch(`${server.url}/api/me/data`, { headers: { Authorization: `Bearer ${tokens[user]}` } });
  return ((await response.json()) as { participationWeeks: string[] }).participationWeeks;
}
