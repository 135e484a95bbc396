import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * The organiser take-over asks Teams (the meeting-participant API behind
 * `TeamsInfo.getMeetingParticipant`) who organised the meeting. A local stand-in for the Bot
 * Connector answers as Teams would: Max organised it, Mia only attends, and Sky's lookup fails.
 */
const MEETING = "MCMxOTptZWV0aW5nX3Rha2VvdmVyQHRocmVhZC52Mg==";
const userIdOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const lookups: { meetingId: string; participantId: string; tenantId: string | null }[] = [];
let connector: Server;
let server: TestServer;
const tokens: Record<string, string> = {};

function startMeetingConnector(): Promise<string> {
  connector = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://connector");
    const match = /^\/v1\/meetings\/([^/]+)\/participants\/([^/]+)$/.exec(url.pathname);
    if (!match) return void response.writeHead(404).end();
    const [meetingId, participantId] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)];
    lookups.push({ meetingId, participantId, tenantId: url.searchParams.get("tenantId") });
    if (participantId === userIdOf("sky")) return void response.writeHead(500).end();
    const role = participantId === userIdOf("max") ? "Organizer" : "Attendee";
    response
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ user: { id: participantId }, meeting: { role, inMeeting: true }, conversation: { id: "chat" } }));
  });
  return new Promise((resolve) =>
    connector.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(connector.address() as AddressInfo).port}/`)),
  );
}

async function act(user: string, type: string) {
  const response = await fetch(`${server.url}/api/huddles/${encodeURIComponent(MEETING)}/actions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    body: JSON.stringify({ type }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { session?: { clock: { facilitatorId: string } }; viewerKey?: string; code?: string },
  };
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: await startMeetingConnector() });
  for (const user of ["fin", "mia", "max", "sky"]) tokens[user] = await devToken(server, user);
  const created = await fetch(`${server.url}/api/huddles`, {
    method: "POST",
    headers: { Authorization: `Bearer ${tokens.fin}`, "Content-Type": "application/json" },
    body: JSON.stringify({ meetingId: MEETING, templateId: "morning-huddle" }),
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => connector?.close(resolve));
});

describe("organiser take-over, checked with Teams", () => {
  it("refuses an attendee whom Teams does not name as organiser, with 403", async () => {
    const result = await act("mia", "take_over");
    expect(result).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect(lookups.at(-1)).toEqual({ meetingId: MEETING, participantId: userIdOf("mia"), tenantId: expect.any(String) });
  });

  it("refuses when Teams cannot be asked, rather than trusting the caller", async () => {
    expect((await act("sky", "take_over")).status).toBe(403);
  });

  it("hands control to the organiser Teams names, and the old facilitator loses it", async () => {
    const result = await act("max", "take_over");
    expect(result.status).toBe(200);
    // The facilitator goes on the wire as Max's opaque key in this huddle, never his object id.
    expect(result.body.session?.clock.facilitatorId).toBe(result.body.viewerKey);
    expect(JSON.stringify(result.body)).not.toContain(userIdOf("max"));
    expect((await act("fin", "start")).status).toBe(403);
    expect((await act("max", "start")).status).toBe(200);
  });

  it("remembers Teams' answer for a while, rather than asking on every action", async () => {
    const before = lookups.length;
    expect((await act("max", "pause")).status).toBe(200);
    expect((await act("max", "resume")).status).toBe(200);
    expect(lookups.length).toBe(before);
  });
});
