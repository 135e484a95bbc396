import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { openHuddleStream } from "../support/meeting-roster-connector.js";

let server: TestServer;
const tokens: Record<string, string> = {};
const MEETING = "MCMxOTptZWV0aW5nX1pqRXlNbU0wWm1RdE9UQTJPQzAwWVRBMkxXSTRaV1F0TVRRM1pqVXdOalk0WVRRdw==@thread.v2/0";
const path = (suffix = "") => `/api/huddles/${encodeURIComponent(MEETING)}${suffix}`;

async function call(user: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["fin", "mia", "max", "sam", "sky"]) tokens[user] = await devToken(server, user);
});
afterAll(async () => server?.stop());

describe("huddles API", () => {
  it("lets a facilitator create a morning huddle for a meeting, and refuses a member", async () => {
    expect((await call("mia", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" })).status).toBe(403);
    const created = await call("fin", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" });
    expect(created.status).toBe(201);
    const view = (await created.json()) as { session: { templateName: string; clock: { phase: string } } };
    expect(view.session).toMatchObject({ templateName: "Morning huddle", clock: { phase: "ready" } });
    expect((await call("fin", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" })).status).toBe(409);
  });

  it("refuses a participant's control action with 403", async () => {
    expect((await call("mia", path("/actions"), { type: "start" })).status).toBe(403);
  });

  it("advances one step when two clicks on next arrive at the same moment", async () => {
    const started = await call("fin", path("/actions"), { type: "start" });
    expect(started.status).toBe(200);
    // Both clicks carry the version their panel showed, as the tab sends it.
    const { version } = (await started.json()) as { version: string };
    const [first, second] = await Promise.all([
      call("fin", path("/actions"), { type: "next", version }),
      call("fin", path("/actions"), { type: "next", version }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const state = (await (await call("mia", path())).json()) as { session: { clock: { stepIndex: number } } };
    expect(state.session.clock.stepIndex).toBe(1);
  });

  it("reveals a pulse only when its step ends, nothing under three answers, and refuses a double vote", async () => {
    const meeting = `${MEETING}-pulse`;
    const pulsePath = `/api/huddles/${encodeURIComponent(meeting)}`;
    await call("fin", "/api/huddles", { meetingId: meeting, templateId: "morning-huddle" });
    await call("fin", `${pulsePath}/actions`, { type: "start" });
    const one = (await (await call("mia", `${pulsePath}/pulse`, { level: 4 })).json()) as {
      session: { pulse: { answers: number; distribution?: unknown } };
    };
    expect(one.session.pulse).toEqual({ stepId: "pulse", answers: 1 });
    expect((await call("mia", `${pulsePath}/pulse`, { level: 2 })).status).toBe(409);
    await call("max", `${pulsePath}/pulse`, { level: 2 });
    const three = (await (await call("sam", `${pulsePath}/pulse`, { level: 4 })).json()) as {
      session: { pulse: { answers: number; distribution?: unknown } };
    };
    // While the step runs only the number of answers shows, so no answer moves a visible spread.
    expect(three.session.pulse).toEqual({ stepId: "pulse", answers: 3 });
    expect(JSON.stringify(three)).not.toMatch(/answeredKeys|"mia"|Mia/);
    // Leaving the step reveals the counts once, and keeps only them.
    const after = (await (await call("fin", `${pulsePath}/actions`, { type: "next" })).json()) as {
      session: { closedPulses: unknown[]; pulse?: unknown };
    };
    expect(after.session.pulse).toBeUndefined();
    expect(after.session.closedPulses).toEqual([{ stepId: "pulse", counts: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 } }]);
  });

  it("withholds a pulse that closes with fewer than three answers", async () => {
    const meeting = `${MEETING}-small-pulse`;
    const pulsePath = `/api/huddles/${encodeURIComponent(meeting)}`;
    await call("fin", "/api/huddles", { meetingId: meeting, templateId: "morning-huddle" });
    await call("fin", `${pulsePath}/actions`, { type: "start" });
    await call("mia", `${pulsePath}/pulse`, { level: 1 });
    await call("max", `${pulsePath}/pulse`, { level: 5 });
    const after = (await (await call("fin", `${pulsePath}/actions`, { type: "next" })).json()) as { session: { closedPulses: unknown[] } };
    expect(after.session.closedPulses).toEqual([{ stepId: "pulse", withheld: true }]);
  });

  it("streams the current state and every change over Server-Sent Events", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}${path("/events")}`, {
      headers: { Authorization: `Bearer ${tokens.max}` },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const readUntil = async (needle: RegExp) => {
      while (!needle.test(received)) received += decoder.decode((await reader.read()).value ?? new Uint8Array());
    };
    await readUntil(/"stepIndex":1/);
    await call("fin", path("/actions"), { type: "extend" });
    await readUntil(/"extensionSeconds":60/);
    controller.abort();
  });

  it("starts the meeting's next huddle once the last one has ended, as a new session", async () => {
    const meeting = `${MEETING}-next`;
    const nextPath = `/api/huddles/${encodeURIComponent(meeting)}`;
    type View = { session: { instance: string; clock: { phase: string } } };
    const first = (await (await call("fin", "/api/huddles", { meetingId: meeting, templateId: "morning-huddle" })).json()) as View;
    await call("fin", `${nextPath}/actions`, { type: "start" });
    // While it runs, it stays: nobody's huddle is replaced under them.
    expect((await call("sky", "/api/huddles", { meetingId: meeting, templateId: "debrief" })).status).toBe(409);
    await call("fin", `${nextPath}/actions`, { type: "end" });
    // The route's declared roles still hold for the next one.
    expect((await call("mia", "/api/huddles", { meetingId: meeting, templateId: "debrief" })).status).toBe(403);
    const second = await call("sky", "/api/huddles", { meetingId: meeting, templateId: "debrief" });
    expect(second.status).toBe(201);
    const view = (await second.json()) as View;
    expect(view.session.clock.phase).toBe("ready");
    expect(view.session.instance).not.toBe(first.session.instance);
  });

  it("names the speaking round's speakers by display name, never by id, and tells nobody here they organised it", async () => {
    const meeting = `${MEETING}-names`;
    const roundPath = `/api/huddles/${encodeURIComponent(meeting)}`;
    await call("fin", "/api/huddles", { meetingId: meeting, templateId: "morning-huddle" });
    const streams = await Promise.all(["mia", "max"].map((user) => openHuddleStream(server.url, `${roundPath}/events`, tokens[user]!)));
    await call("fin", `${roundPath}/actions`, { type: "start" });
    const round = await call("fin", `${roundPath}/actions`, { type: "next" });
    const text = await round.text();
    const view = JSON.parse(text) as {
      session: { clock: { speakers: string[] }; speakerNames: Record<string, string> };
      viewerIsOrganizer?: boolean;
    };
    expect(view.session.clock.speakers).toHaveLength(2);
    expect(Object.keys(view.session.speakerNames).sort()).toEqual([...view.session.clock.speakers].sort());
    expect(Object.values(view.session.speakerNames).sort()).toEqual(["Max Member (dev)", "Mia Member (dev)"]);
    for (const user of DEV_USERS) expect(text).not.toContain(user.userId);
    // The sample roster has no organiser: take-over stays Teams' to grant.
    expect(view.viewerIsOrganizer).toBeUndefined();
    for (const stream of streams) {
      await expect.poll(() => stream.received(), { timeout: 10_000 }).toMatch(/event: viewer\n/);
      expect(stream.received()).not.toContain("organizer");
      stream.close();
    }
  });

  it("gives the server time for clock-offset estimates", async () => {
    const before = Date.now();
    const { serverNow } = (await (await call("mia", "/api/time")).json()) as { serverNow: number };
    expect(serverNow).toBeGreaterThanOrEqual(before);
    expect(serverNow).toBeLessThanOrEqual(Date.now());
  });
});
