import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for the Bot Connector's meeting-participant API (`GET /v1/meetings/{id}/participants/
 * {userId}`, behind `TeamsInfo.getMeetingParticipant`). It answers as Teams does: 200 with the
 * person's meeting role for someone on the roster, 404 for anyone else or any meeting it does not know.
 * Given teams, it also answers the team-member API (`GET /v3/conversations/{teamId}/members/{userId}`,
 * behind `TeamsInfo.getTeamMember`): the member's account, with the team's tenant, or 404.
 */
export interface MeetingRosterConnector {
  url: string;
  /** Meeting id → the Entra object ids of its participants; the first one is the organiser. */
  roster: Record<string, string[]>;
  lookups: () => number;
  /** The paths of every team-member lookup, in order. */
  teamLookups: string[];
  /** Messages the bot posted into a conversation (a meeting's chat), in order. */
  posted: { conversationId: string; text: string }[];
  close(): Promise<void>;
}

/** A team (or group chat) as Teams knows it: its tenant and the Entra object ids of its members. */
export interface TeamRoster {
  tenantId: string;
  members: string[];
}

export interface TeamRosterOptions {
  teams?: Record<string, TeamRoster>;
  /** People whose team lookups fail with a 500, as when Teams cannot be reached. */
  failingUsers?: string[];
  /** Display names Teams gives with a meeting participant, by Entra object id; none when absent. */
  names?: Record<string, string>;
}

/** `tenants` optionally ties a meeting to its tenant: asked about it for another tenant, Teams knows nothing. */
export async function startMeetingRosterConnector(
  roster: Record<string, string[]>,
  tenants: Record<string, string> = {},
  { teams = {}, failingUsers = [], names = {} }: TeamRosterOptions = {},
): Promise<MeetingRosterConnector> {
  let lookups = 0;
  const teamLookups: string[] = [];
  const posted: { conversationId: string; text: string }[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://connector");
    const activity = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(url.pathname);
    if (activity && request.method === "POST") {
      let raw = "";
      request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      request.on("end", () => {
        posted.push({ conversationId: decodeURIComponent(activity[1]!), text: String((JSON.parse(raw) as { text?: string }).text ?? "") });
        response.writeHead(201, { "Content-Type": "application/json" }).end(JSON.stringify({ id: `activity-${posted.length}` }));
      });
      return;
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(url.pathname);
    if (member) {
      teamLookups.push(url.pathname);
      const [teamId, userId] = [decodeURIComponent(member[1]!), decodeURIComponent(member[2]!)];
      if (failingUsers.includes(userId)) return void response.writeHead(500).end();
      const team = teams[teamId];
      if (!team?.members.includes(userId))
        return void response
          .writeHead(404, { "Content-Type": "application/json" })
          .end(JSON.stringify({ error: { code: "MemberNotFoundInConversation", message: "member not found" } }));
      return void response
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ id: `29:${userId}`, aadObjectId: userId, name: "Someone", tenantId: team.tenantId, userRole: "user" }));
    }
    const match = /^\/v1\/meetings\/([^/]+)\/participants\/([^/]+)$/.exec(url.pathname);
    if (!match) return void response.writeHead(404).end();
    lookups++;
    const [meetingId, participantId] = [decodeURIComponent(match[1]!), decodeURIComponent(match[2]!)];
    const people = roster[meetingId];
    const wrongTenant = tenants[meetingId] !== undefined && tenants[meetingId] !== url.searchParams.get("tenantId");
    if (wrongTenant || !people?.includes(participantId))
      return void response
        .writeHead(404, { "Content-Type": "application/json" })
        .end(JSON.stringify({ error: { code: "NotFound", message: "participant not found" } }));
    const role = people[0] === participantId ? "Organizer" : "Attendee";
    response.writeHead(200, { "Content-Type": "application/json" }).end(
      JSON.stringify({
        user: { id: participantId, ...(names[participantId] ? { name: names[participantId] } : {}) },
        meeting: { role, inMeeting: true },
        conversation: { id: meetingId },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    roster,
    lookups: () => lookups,
    teamLookups,
    posted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Opens a huddle's event stream as a panel does and keeps what arrives, until closed. */
export async function openHuddleStream(baseUrl: string, path: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` }, signal: controller.signal });
  let received = "";
  if (response.ok && response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    // The first event is the current state; once it is in, the server has seen this panel connect.
    const first = await reader.read();
    received += decoder.decode(first.value ?? new Uint8Array());
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          received += decoder.decode(value);
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return { status: response.status, received: () => received, close: () => controller.abort() };
}
