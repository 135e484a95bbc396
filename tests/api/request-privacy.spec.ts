import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};
const userId = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const SECRET = "words only the requester and the claimer may read";
let code = "";

async function call(user: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json", ...init.headers },
  });
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of ["ada", "sam", "sky", "mia", "max"]) tokens[user] = await devToken(server, user);
  const request = await new RequestService(server.store).submit(
    { tenantId: DEV_TENANT_ID, userId: userId("mia"), displayName: "Mia Member (dev)" },
    { category: "conflict", urgency: "today", preference: "any", contact: "chat", text: SECRET, shareName: false },
    { level: "none", reasons: [] },
  );
  code = request.referenceCode;
});

afterAll(async () => server?.stop());

describe("request privacy through the API", () => {
  it("shows supporters the queue without content, and refuses it to members", async () => {
    const queue = await call("sam", "/api/requests/queue");
    expect(queue.status).toBe(200);
    const text = await queue.text();
    expect(text).toContain(code);
    expect(text).not.toContain(SECRET);
    expect((JSON.parse(text) as { unreachableSupporters: string[] }).unreachableSupporters.sort()).toEqual(
      [userId("sam"), userId("sky")].sort(),
    );
    expect((await call("max", "/api/requests/queue")).status).toBe(403);
  });

  it("lets one supporter claim, after which only the requester and the claimer can read it", async () => {
    const claim = await call("sam", `/api/requests/${code}/actions`, { method: "POST", body: JSON.stringify({ action: "claim" }) });
    expect(claim.status).toBe(200);
    const second = await call("sky", `/api/requests/${code}/actions`, { method: "POST", body: JSON.stringify({ action: "claim" }) });
    expect(second.status).toBe(409);

    const asRequester = await call("mia", `/api/requests/${code}`);
    expect(asRequester.status).toBe(200);
    const requesterView = (await asRequester.json()) as { request: { text: string }; audit: { action: string }[] };
    expect(requesterView.request.text).toBe(SECRET);
    expect(requesterView.audit.map((entry) => entry.action)).toEqual(["created", "claim", "view"]);

    const asClaimer = await call("sam", `/api/requests/${code}`);
    expect(((await asClaimer.json()) as { request: { text: string } }).request.text).toBe(SECRET);

    for (const outsider of ["sky", "max", "ada"]) {
      const response = await call(outsider, `/api/requests/${code}`);
      expect(response.status, outsider).toBe(403);
      expect(await response.text()).not.toContain(SECRET);
    }
  });

  it("keeps another tenant's request out of reach", async () => {
    const elsewhere = await new RequestService(server.store).submit(
      { tenantId: "another-tenant", userId: userId("mia") },
      { category: "other", urgency: "soon", preference: "any", contact: "chat", text: "other tenant", shareName: false },
      { level: "none", reasons: [] },
    );
    expect((await call("mia", `/api/requests/${elsewhere.referenceCode}`)).status).toBe(404);
    expect(await (await call("mia", "/api/requests/mine")).text()).not.toContain(elsewhere.referenceCode);
  });

  it("lets only the requester withdraw", async () => {
    const byOther = await call("max", `/api/requests/${code}/actions`, { method: "POST", body: JSON.stringify({ action: "withdraw" }) });
    expect(byOther.status).toBe(403);
    const byRequester = await call("mia", `/api/requests/${code}/actions`, {
      method: "POST",
      body: JSON.stringify({ action: "withdraw" }),
    });
    expect(await byRequester.json()).toMatchObject({ request: { status: "withdrawn" } });
  });
});
