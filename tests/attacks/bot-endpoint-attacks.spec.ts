import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { CloudAdapterMessenger } from "../../bot/src/bot/proactive-messenger.js";
import { ConfigError, loadConfig } from "../../bot/src/config.js";
import type { DocumentStore } from "../../bot/src/storage/document-store.js";
import { personalMessage, postActivity, requestSubmission } from "../support/bot-activities.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { startTestServer, type TestServer } from "../support/in-process-server.js";

/**
 * Issue #13, point 5: what the bot endpoint believed without asking. Teams is played by a local
 * Bot Connector stand-in that the server is told to trust; a second stand-in plays an attacker's
 * server, and counts anything the bot sends it.
 */
const OTHER_TENANT = "0e1d2c3b-9999-4888-8777-666655554444";
const CLIENT_ID = "3f0c1e7a-1111-4222-8333-444455556666";
const mia = DEV_USERS.find((user) => user.key === "mia")!;

type Stub = Awaited<ReturnType<typeof startConnectorStub>>;
let teams: Stub;
let attacker: Stub;
let server: TestServer;
/** Where the server is told Teams lives: one path on the stand-in, so path prefixes are tested too. */
const trustedServiceUrl = () => `${teams.url}teams/`;
const writes: string[] = [];

/** Every write the server makes, by container and tenant: the proof that a refusal stored nothing. */
function recordingWrites(inner: DocumentStore): DocumentStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      if (property === "create" || property === "replace" || property === "delete")
        return (...args: unknown[]) => {
          writes.push(`${String(property)} ${String(args[0])} ${String(args[1])} ${String(args[2])}`);
          return (value as (...inner: unknown[]) => unknown).apply(target, args);
        };
      return (value as (...inner: unknown[]) => unknown).bind(target);
    },
  });
}

function fromTenant<T extends { conversation: object; channelData: object }>(activity: T, tenantId: string): T {
  return { ...activity, conversation: { ...activity.conversation, tenantId }, channelData: { tenant: { id: tenantId } } };
}

function installation(serviceUrl: string, tenantId: string) {
  return {
    type: "conversationUpdate",
    id: `install-${tenantId}`,
    channelId: "msteams",
    serviceUrl,
    from: { id: `29:${mia.userId}`, aadObjectId: mia.userId },
    recipient: { id: "28:bot" },
    membersAdded: [{ id: "28:bot" }],
    conversation: { id: `a:${mia.userId}-personal`, conversationType: "personal", tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

async function expectRefusedWithNothingStored(
  activity: object,
  init: RequestInit = {},
  target: TestServer = server,
): Promise<{ code: string; message: string }> {
  writes.length = 0;
  const [teamsBefore, attackerBefore] = [teams.replies(), attacker.replies()];
  const { status, body } = await postActivity(target.url, activity, init);
  expect(status, body).toBe(403);
  expect(writes).toEqual([]);
  expect(teams.replies() - teamsBefore).toBe(0);
  expect(attacker.replies() - attackerBefore).toBe(0);
  const parsed = JSON.parse(body) as { code: string; message: string };
  expect(parsed).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  return parsed;
}

beforeAll(async () => {
  teams = await startConnectorStub();
  attacker = await startConnectorStub();
  server = await startTestServer(
    { AUTH_MODE: "dev", ALLOWED_TENANTS: DEV_TENANT_ID, BOT_SERVICE_URLS: trustedServiceUrl() },
    undefined,
    (inner) => recordingWrites(inner),
  );
});
afterAll(async () => {
  await server?.stop();
  await teams?.close();
  await attacker?.close();
});

describe("bot endpoint attacks", () => {
  it("processes an allowed tenant's activity from the trusted connector (the control)", async () => {
    writes.length = 0;
    const before = teams.replies();
    const { status } = await postActivity(
      server.url,
      personalMessage({ user: "mia", serviceUrl: trustedServiceUrl(), id: "control", text: "help" }),
    );
    expect(status).toBe(200);
    expect(writes.some((write) => write.startsWith(`create settings ${DEV_TENANT_ID} contact-`))).toBe(true);
    expect(teams.replies() - before).toBeGreaterThan(0);
  });

  it.each([
    ["a message", personalMessage({ user: "mia", serviceUrl: "", id: "m1", text: "help" })],
    ["a request submission", requestSubmission({ user: "mia", serviceUrl: "", id: "m2", text: "struggling with my workload" })],
    ["an installation", installation("", DEV_TENANT_ID)],
  ])("refuses %s from a tenant that is not allowed, storing nothing", async (_label, activity) => {
    const refused = await expectRefusedWithNothingStored(fromTenant({ ...activity, serviceUrl: trustedServiceUrl() }, OTHER_TENANT));
    expect(refused.code).toBe("tenant_not_allowed");
  });

  it("refuses an activity whose conversation and channel data name different tenants", async () => {
    const activity = personalMessage({ user: "mia", serviceUrl: trustedServiceUrl(), id: "mixed", text: "help" });
    await expectRefusedWithNothingStored({ ...activity, channelData: { tenant: { id: OTHER_TENANT } } });
  });

  it("refuses an activity that names no tenant while tenants are restricted", async () => {
    const activity = personalMessage({ user: "mia", serviceUrl: trustedServiceUrl(), id: "no-tenant", text: "help" });
    const { tenantId: _dropped, ...conversation } = activity.conversation;
    await expectRefusedWithNothingStored({ ...activity, conversation, channelData: {} });
  });

  it.each([
    ["an attacker's server", () => attacker.url],
    ["a look-alike host", () => teams.url.replace("127.0.0.1", "127.0.0.1.nip.io")],
    ["the trusted host under another path", () => `${teams.url}teams/../elsewhere/`],
    ["the trusted host under a path that merely starts alike", () => `${teams.url}teamsx/`],
  ])("refuses an activity whose service URL is %s, and keeps no reference to it", async (_label, serviceUrl) => {
    const activity = personalMessage({ user: "mia", serviceUrl: serviceUrl(), id: "reply-elsewhere", text: "help" });
    const refused = await expectRefusedWithNothingStored(activity);
    expect(refused.code).toBe("service_url_not_allowed");
    const installed = await expectRefusedWithNothingStored(installation(serviceUrl(), DEV_TENANT_ID));
    expect(installed.code).toBe("service_url_not_allowed");
  });

  it.each([
    ["X-Forwarded-For", { "X-Forwarded-For": "203.0.113.9" }],
    ["Forwarded", { Forwarded: "for=203.0.113.9;proto=https" }],
    ["X-Real-IP", { "X-Real-IP": "203.0.113.9" }],
  ])("does not take a request relayed by a local proxy or tunnel (%s) for a local one", async (_label, headers) => {
    const activity = personalMessage({ user: "mia", serviceUrl: trustedServiceUrl(), id: "tunnelled", text: "help" });
    await expectRefusedWithNothingStored(activity, { headers });
  });

  it("trusts loopback callers only in development identity mode", async () => {
    const entra = await startTestServer({ AUTH_MODE: "entra", AAD_APP_CLIENT_ID: CLIENT_ID }, undefined, (inner) => recordingWrites(inner));
    try {
      const activity = personalMessage({ user: "mia", serviceUrl: trustedServiceUrl(), id: "entra-loopback", text: "help" });
      await expectRefusedWithNothingStored(activity, {}, entra);
    } finally {
      await entra.stop();
    }
  });
});

describe("production bot configuration", () => {
  const production = { NODE_ENV: "production", AAD_APP_CLIENT_ID: CLIENT_ID };
  const credentials = { BOT_ID: "6a1f4a3e-0000-4000-8000-00000000b001", BOT_PASSWORD: "not-a-real-secret" };

  it("refuses to start without bot credentials, naming the variable", () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/^Invalid configuration: BOT_ID .*NODE_ENV=production/);
    expect(() => loadConfig({ ...production, ...credentials })).not.toThrow();
  });

  it.each([
    ["plain http", "http://smba.trafficmanager.net/"],
    ["a wildcard over a whole top-level domain", "https://*.net/"],
    ["a bare wildcard", "https://*/"],
    ["something that is not a URL", "smba.trafficmanager.net"],
    ["a URL with credentials in it", "https://user:pass@smba.trafficmanager.net/"],
  ])("refuses a service URL allow-list entry that is %s", (_label, entry) => {
    expect(() => loadConfig({ ...production, ...credentials, BOT_SERVICE_URLS: entry })).toThrow(
      /^Invalid configuration: BOT_SERVICE_URLS /,
    );
  });

  it("refuses a Teams service URL for meeting questions that is not on the allow-list", () => {
    expect(() => loadConfig({ ...production, ...credentials, TEAMS_SERVICE_URL: "https://attacker.example.net/" })).toThrow(
      /^Invalid configuration: TEAMS_SERVICE_URL /,
    );
  });

  it("sends proactive messages only to allowed service URLs, even from a reference stored earlier", async () => {
    const continued: string[] = [];
    const adapter = {
      continueConversationAsync: async (_botId: string, reference: { serviceUrl?: string }) =>
        void continued.push(reference.serviceUrl ?? ""),
    };
    const { serviceUrlAllowList } = await import("../../bot/src/bot/service-url-allow-list.js");
    const allowList = serviceUrlAllowList(loadConfig({ ...production, ...credentials }));
    const messenger = new CloudAdapterMessenger(adapter as never, credentials.BOT_ID, allowList);
    const stored = { serviceUrl: "https://attacker.example.net/", conversation: { id: "a:1" }, channelId: "msteams" };
    await expect(messenger.sendText(stored, "Your circle meets on Monday")).rejects.toMatchObject({ code: "forbidden" });
    expect(continued).toEqual([]);
    await messenger.sendText({ ...stored, serviceUrl: "https://smba.trafficmanager.net/emea/" }, "Your circle meets on Monday");
    expect(continued).toEqual(["https://smba.trafficmanager.net/emea/"]);
  });
});
