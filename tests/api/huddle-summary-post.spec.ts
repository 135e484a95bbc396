import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { startMeetingRosterConnector, type MeetingRosterConnector } from "../support/meeting-roster-connector.js";

/**
 * Issue #17, journey 5: "post the summary to the meeting chat". The bot writes it, through its own
 * proactive messenger, into the chat of the meeting Teams confirmed; only the huddle's facilitator
 * may, only once it ended, and only once. Teams is a stand-in Bot Connector.
 */
const THREAD = "19:meeting_summary-post@thread.v2";
const MEETING = Buffer.from(`0#${THREAD}#0`).toString("base64");
const userIdOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;

let connector: MeetingRosterConnector;
let server: TestServer;
const tokens: Record<string, string> = {};
const path = (suffix = "") => `/api/huddles/${encodeURIComponent(MEETING)}${suffix}`;

async function call(user: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  connector = await startMeetingRosterConnector({ [MEETING]: ["sky", "fin", "mia", "max"].map(userIdOf) });
  server = await startTestServer({ AUTH_MODE: "dev", TEAMS_SERVICE_URL: connector.url });
  for (const user of ["fin", "mia", "max", "sky", "ada"]) tokens[user] = await devToken(server, user);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe("posting a huddle's summary to the meeting chat", () => {
  it("posts once, for the facilitator, after the huddle ended: steps, time and the revealed pulse, no one's words or ids", async () => {
    await call("fin", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" });
    await call("fin", path("/actions"), { type: "start" });
    for (const [user, level] of [
      ["mia", 2],
      ["max", 4],
      ["sky", 4],
    ] as const)
      await call(user, path("/pulse"), { level });
    // Not while it runs.
    expect((await call("fin", path("/summary"), {})).status).toBe(409);
    await call("fin", path("/actions"), { type: "next" });
    await call("fin", path("/actions"), { type: "end" });
    // Not by anyone but its facilitator, and not by someone outside the meeting.
    expect((await call("mia", path("/summary"), {})).status).toBe(403);
    expect((await call("ada", path("/summary"), {})).status).toBe(403);
    expect(connector.posted).toEqual([]);

    const posted = await call("fin", path("/summary"), { locale: "en-GB" });
    expect(posted.status).toBe(200);
    expect(connector.posted).toHaveLength(1);
    const [message] = connector.posted;
    expect(message!.conversationId).toBe(THREAD);
    expect(message!.text).toContain("Huddle summary: Morning huddle");
    expect(message!.text).toMatch(/2 steps in /);
    expect(message!.text).toContain("Pulse, Pulse check (anonymous, 3 answers): 1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 0");
    for (const user of DEV_USERS) {
      expect(message!.text).not.toContain(user.userId);
      expect(message!.text).not.toContain(user.displayName);
    }
    // Once: a second click, or another tab, posts nothing more.
    expect((await call("fin", path("/summary"), {})).status).toBe(409);
    expect(connector.posted).toHaveLength(1);
    const view = (await (await call("mia", path())).json()) as { session: { summaryPosted?: boolean } };
    expect(view.session.summaryPosted).toBe(true);
  });

  it("says plainly when the meeting has no chat it can reach, and lets the facilitator try again", async () => {
    const meeting = "not-a-teams-meeting-id";
    connector.roster[meeting] = ["fin"].map(userIdOf);
    const at = `/api/huddles/${meeting}`;
    await call("fin", "/api/huddles", { meetingId: meeting, templateId: "morning-huddle" });
    await call("fin", `${at}/actions`, { type: "start" });
    await call("fin", `${at}/actions`, { type: "end" });
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await call("fin", `${at}/summary`, {});
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { message: string }).message).toMatch(/meeting chat cannot be reached/);
    }
  });
});
