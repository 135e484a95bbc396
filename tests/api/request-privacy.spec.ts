import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { SupporterRegistry } from "../../bot/src/requests/supporter-registry.js";
import { startConnectorStub } from "../support/connector-stub.js";
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

    // To anyone else it does not exist: the same answer as a code never issued (issue #13).
    for (const outsider of ["sky", "max", "ada"]) {
      const response = await call(outsider, `/api/requests/${code}`);
      expect(response.status, outsider).toBe(404);
      expect(await response.json()).toEqual({ code: "not_found", message: "There is no such request." });
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

  it("relays a message from the requester to the claimer through the bot, and nothing to outsiders", async () => {
    const connector = await startConnectorStub({ keepBodies: true });
    try {
      const samId = userId("sam");
      await new SupporterRegistry(server.store).remember(DEV_TENANT_ID, samId, {
        channelId: "msteams",
        serviceUrl: connector.url,
        conversation: { id: "a:sam-personal", conversationType: "personal", tenantId: DEV_TENANT_ID },
        user: { id: "29:sam", aadObjectId: samId },
        bot: { id: "28:bot" },
      });
      const sent = await call("mia", `/api/requests/${code}/messages`, {
        method: "POST",
        body: JSON.stringify({ message: "Could we talk on Thursday?" }),
      });
      expect(sent.status).toBe(200);
      expect(await sent.json()).toEqual({ sent: true, crisis: false });
      expect(connector.bodies.join("\n")).toContain("Could we talk on Thursday?");
      expect(connector.bodies.join("\n")).toContain(`Requester ${code} wrote:`);
      expect(connector.bodies.join("\n")).not.toContain("Mia");
      // The requester was never reached by the bot, so the way back cannot be delivered.
      expect(
        (await call("sam", `/api/requests/${code}/messages`, { method: "POST", body: JSON.stringify({ message: "Yes" }) })).status,
      ).toBe(503);
      expect(
        (await call("max", `/api/requests/${code}/messages`, { method: "POST", body: JSON.stringify({ message: "hi" }) })).status,
      ).toBe(404);
      const crisis = await call("mia", `/api/requests/${code}/messages`, {
        method: "POST",
        body: JSON.stringify({ message: "I can't see a way out" }),
      });
      expect(await crisis.json()).toEqual({ sent: true, crisis: true });
    } finally {
      await connector.close();
    }
  });

  it("lets admins set the tenant's response targets, which the queue's deadlines then follow", async () => {
    const policy = {
      targets: {
        crisis: { amount: 5, unit: "minutes" },
        today: { amount: 30, unit: "minutes" },
        soon: { amount: 2, unit: "business_days" },
        can_wait: { amount: 5, unit: "business_days" },
      },
      calendar: { timeZone: "Europe/London", workingDays: [1, 2, 3, 4, 5], holidays: ["2026-12-25"] },
    };
    expect((await call("sam", "/api/admin/response-policy", { method: "PUT", body: JSON.stringify(policy) })).status).toBe(403);
    const refused = await call("ada", "/api/admin/response-policy", {
      method: "PUT",
      body: JSON.stringify({ ...policy, targets: { ...policy.targets, crisis: { amount: 3, unit: "business_days" } } }),
    });
    expect(refused.status).toBe(400);
    expect((await call("ada", "/api/admin/response-policy", { method: "PUT", body: JSON.stringify(policy) })).status).toBe(200);
    expect(await (await call("ada", "/api/admin/response-policy")).json()).toEqual(policy);

    const fresh = await new RequestService(server.store).submit(
      { tenantId: DEV_TENANT_ID, userId: userId("max") },
      { category: "other", urgency: "today", preference: "any", contact: "chat", shareName: false },
      { level: "none", reasons: [] },
    );
    const queue = (await (await call("sky", "/api/requests/queue")).json()) as {
      requests: { referenceCode: string; createdAt: string; claimBy: string }[];
    };
    const listed = queue.requests.find((request) => request.referenceCode === fresh.referenceCode)!;
    expect(Date.parse(listed.claimBy) - Date.parse(listed.createdAt)).toBe(30 * 60_000);
  });

  it("lets only the requester withdraw", async () => {
    const byOther = await call("max", `/api/requests/${code}/actions`, { method: "POST", body: JSON.stringify({ action: "withdraw" }) });
    expect(byOther.status).toBe(404);
    const byRequester = await call("mia", `/api/requests/${code}/actions`, {
      method: "POST",
      body: JSON.stringify({ action: "withdraw" }),
    });
    expect(await byRequester.json()).toMatchObject({ request: { status: "withdrawn" } });
  });
});
