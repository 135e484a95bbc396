import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { SupporterRegistry } from "../../bot/src/requests/supporter-registry.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

/** "Talk to someone" from the tab (POST /api/requests) and the on-duty switch (PUT /api/supporters/me/duty). */
let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
const tokens: Record<string, string> = {};
const idOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const WORDS = "My manager shouts at me in front of the team";
const CRISIS = "i have the pills in front of me and i am going to take them all";
const form = (overrides: object = {}) => ({
  category: "conflict",
  urgency: "soon",
  preference: "any",
  contact: "chat",
  text: WORDS,
  shareName: false,
  ...overrides,
});
const key = (n: number) => `tab-form-${String(n).padStart(12, "0")}`;

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
}

/** Someone says hello to the bot in personal chat, as Teams would deliver it: now the bot can reach them. */
async function talksToTheBot(user: string, text = "hi"): Promise<void> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: `${text}-${user}`,
      text,
      channelId: "msteams",
      serviceUrl: connector.url,
      locale: "en-GB",
      timestamp: new Date().toISOString(),
      from: { id: `29:${user}`, aadObjectId: idOf(user), name: user },
      recipient: { id: "28:bot" },
      conversation: { id: `a:${user}-personal`, conversationType: "personal", tenantId: DEV_TENANT_ID },
      channelData: { tenant: { id: DEV_TENANT_ID } },
    }),
  });
  expect(response.status).toBeLessThan(300);
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  connector = await startConnectorStub({ keepBodies: true });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

describe("asking for help from the tab", () => {
  it("stores the request for the caller from the token, tells supporters on duty without its words, and finds it again for the same key", async () => {
    await talksToTheBot("sam", "on duty");
    await talksToTheBot("mia");
    const before = connector.bodies.length;
    const created = await call("mia", "POST", "/api/requests", { form: form(), submissionId: key(1), locale: "en-GB" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ crisis: false, reach: "on_duty", botReachable: true });
    const code = (created.body.request as { referenceCode: string }).referenceCode;
    // Sam's card says a request is waiting; it carries no words.
    await expect.poll(() => connector.bodies.slice(before).join("\n")).toContain(code);
    expect(connector.bodies.slice(before).join("\n")).not.toContain(WORDS);

    const again = await call("mia", "POST", "/api/requests", { form: form(), submissionId: key(1) });
    expect((again.body.request as { referenceCode: string }).referenceCode).toBe(code);
    const mine = await call("mia", "GET", "/api/requests/mine");
    expect((mine.body.requests as unknown[]).length).toBe(1);

    // Claimed, Sam's message from the tab reaches Mia through the bot.
    expect((await call("sam", "POST", `/api/requests/${code}/actions`, { action: "claim" })).status).toBe(200);
    const sent = await call("sam", "POST", `/api/requests/${code}/messages`, { message: "Shall we talk at 3?" });
    expect(sent.status).toBe(200);
    await expect.poll(() => connector.bodies.join("\n")).toContain("Shall we talk at 3?");
  });

  it("screens the words itself: crisis language makes it a crisis whatever urgency was chosen", async () => {
    const created = await call("max", "POST", "/api/requests", { form: form({ text: CRISIS, urgency: "can_wait" }), submissionId: key(2) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ crisis: true, botReachable: false, request: { urgency: "crisis", crisis: true } });
  });

  it("refuses a malformed form, a supporter nobody may ask for by name, and a missing key, storing nothing", async () => {
    expect((await call("fin", "POST", "/api/requests", { form: form({ urgency: "crisis" }), submissionId: key(3) })).status).toBe(400);
    expect((await call("fin", "POST", "/api/requests", { form: form({ requesterId: idOf("mia") }), submissionId: key(4) })).status).toBe(
      400,
    );
    const unlisted = form({ preference: "specific", preferredSupporterId: idOf("sky") });
    expect((await call("fin", "POST", "/api/requests", { form: unlisted, submissionId: key(5) })).status).toBe(400);
    expect((await call("fin", "POST", "/api/requests", { form: form() })).status).toBe(400);
    expect(((await call("fin", "GET", "/api/requests/mine")).body.requests as unknown[]).length).toBe(0);

    await new SupporterRegistry(server.store).setListed(DEV_TENANT_ID, idOf("sky"), true, "Sky");
    const listed = await call("fin", "POST", "/api/requests", { form: unlisted, submissionId: key(6) });
    expect(listed.status).toBe(201);
    expect(listed.body.request).toMatchObject({ preference: "specific", preferredSupporterId: idOf("sky") });
  });
});

describe("going on and off duty from the tab", () => {
  it("is for supporters only, and changes what the bot's routing reads", async () => {
    expect((await call("mia", "PUT", "/api/supporters/me/duty", { onDuty: true })).status).toBe(403);
    expect((await call("sky", "PUT", "/api/supporters/me/duty", { onDuty: "yes" })).status).toBe(400);
    const on = await call("sky", "PUT", "/api/supporters/me/duty", { onDuty: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ onDuty: true, activeCases: 0 });
    expect((await new SupporterRegistry(server.store).get(DEV_TENANT_ID, idOf("sky")))?.onDuty).toBe(true);
    expect((await call("sky", "GET", "/api/supporters/me")).body).toMatchObject({ onDuty: true });
    expect((await call("sky", "PUT", "/api/supporters/me/duty", { onDuty: false })).body).toMatchObject({ onDuty: false });
  });
});
