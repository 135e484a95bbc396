import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import type { HuddlePresenceResponse } from "../../shared/api/index.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { SsePanel, until } from "../support/sse-panel.js";

/**
 * The facilitator's "who is here" (GET /api/huddles/:meetingId/presence): read from shared
 * presence, so only people whose verified stream is open appear; display names, never Entra ids.
 */
let server: TestServer;
const tokens: Record<string, string> = {};
const panels: SsePanel[] = [];
const MEETING = "19:meeting_d2hvLWlzLWhlcmU@thread.v2";
const path = (suffix = "") => `/api/huddles/${encodeURIComponent(MEETING)}${suffix}`;
const name = (key: string) => DEV_USERS.find((user) => user.key === key)!.displayName;

async function call(user: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function presence(user: string): Promise<{ status: number; text: string; people: HuddlePresenceResponse["people"] }> {
  const response = await call(user, path("/presence"));
  const text = await response.text();
  return { status: response.status, text, people: response.status === 200 ? (JSON.parse(text) as HuddlePresenceResponse).people : [] };
}

function openPanel(user: string): SsePanel {
  const panel = new SsePanel(`${server.url}${path("/events")}`, async () => tokens[user]!);
  panels.push(panel);
  return panel;
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => {
  for (const panel of panels) panel.stop();
  await server?.stop();
});

describe("who is here", () => {
  it("shows whoever may set the huddle up the people with its panel open, by name, before it exists", async () => {
    expect((await presence("fin")).people).toEqual([]);
    await openPanel("mia").open();
    await openPanel("max").open();
    const { status, people, text } = await presence("fin");
    expect(status).toBe(200);
    expect(people).toEqual([
      { displayName: name("max"), you: false },
      { displayName: name("mia"), you: false },
    ]);
    for (const user of DEV_USERS) expect(text).not.toContain(user.userId);
    // A member who cannot set a huddle up is not shown who is here: for them there is no huddle yet.
    const refused = await presence("mia");
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain(name("max"));
  });

  it("once the huddle runs, shows its facilitator alone everyone connected, keyed by their opaque session keys", async () => {
    const created = await call("fin", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" });
    expect(created.status).toBe(201);
    const { viewerKey } = (await created.json()) as { viewerKey: string };
    await openPanel("fin").open();
    const { people, text } = await presence("fin");
    expect(people.map((person) => person.displayName)).toEqual([name("fin"), name("max"), name("mia")].sort());
    expect(people.find((person) => person.you)).toEqual({ key: viewerKey, displayName: name("fin"), you: true });
    expect(new Set(people.map((person) => person.key)).size).toBe(3);
    for (const user of DEV_USERS) expect(text).not.toContain(user.userId);
    // The round is made of the same people: the speakers' keys are the keys shown here.
    const next = await call("fin", path("/actions"), { type: "start" });
    const round = await call("fin", path("/actions"), { type: "next" });
    expect(next.status).toBe(200);
    const speakers = ((await round.json()) as { session: { clock: { speakers: string[] } } }).session.clock.speakers;
    expect([...speakers].sort()).toEqual(people.map((person) => person.key).sort());
    // Another facilitator, or a participant, is not this huddle's facilitator.
    expect((await presence("sky")).status).toBe(403);
    const refused = await presence("mia");
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("facilitator");
  });

  it("drops someone as soon as their panel closes", async () => {
    panels[1]!.stop();
    await until(async () => (await presence("fin")).people.every((person) => person.displayName !== name("max")), 5_000, "max to leave");
    expect((await presence("fin")).people).toHaveLength(2);
  });
});
