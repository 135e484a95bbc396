import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID, DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { RoleDirectory } from "../../bot/src/auth/role-directory.js";
import type { AdaptiveCard } from "../../bot/src/bot/cards/adaptive-card.js";
import { notifySupporters } from "../../bot/src/bot/supporter-routing.js";
import { RequestService } from "../../bot/src/requests/request-service.js";
import { SupporterRegistry } from "../../bot/src/requests/supporter-registry.js";
import type { JsonObject } from "../../bot/src/storage/document-store.js";
import { SupporterRosterService } from "../../bot/src/supporters/supporter-roster-service.js";
import type { RosterEntry } from "../../shared/supporters/supporter-profile.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";

let server: TestServer;
const tokens: Record<string, string> = {};
const idOf = (key: string) => DEV_USERS.find((user) => user.key === key)!.userId;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const form = { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "words", shareName: false } as const;

async function call(user: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.clone().text(), body: (await response.json().catch(() => undefined)) as never };
}

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
});
afterAll(async () => server?.stop());

describe("supporters' roster, directory and caseload", () => {
  it("keeps the roster and the cap to admins, and a caseload to supporters", async () => {
    expect((await call("mia", "GET", "/api/admin/supporters")).status).toBe(403);
    expect((await call("sam", "GET", "/api/admin/supporters")).status).toBe(403);
    expect((await call("mia", "PUT", `/api/admin/supporters/${idOf("max")}`, { bio: "hi" })).status).toBe(403);
    expect((await call("sam", "PUT", "/api/admin/supporter-settings", { caseloadCap: 9 })).status).toBe(403);
    expect((await call("mia", "GET", "/api/supporters/me")).status).toBe(403);
    expect((await call("sam", "GET", "/api/supporters/me")).status).toBe(200);
  });

  it("adds someone to the roster with their training, and flags refreshers by date", async () => {
    const saved = await call("ada", "PUT", `/api/admin/supporters/${idOf("max")}`, {
      displayName: "Max",
      trainedOn: daysAgo(400),
      languages: ["en", "pt-BR"],
      bio: "Nights on ward 4; happy to listen.",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ userId: idOf("max"), trainingStatus: "overdue", languages: ["en", "pt-BR"] });
    await call("ada", "PUT", `/api/admin/supporters/${idOf("sam")}`, { displayName: "Sam", trainedOn: daysAgo(350), bio: "" });
    await call("ada", "PUT", `/api/admin/supporters/${idOf("sky")}`, { displayName: "Sky", trainedOn: daysAgo(30), bio: "" });
    expect((await call("ada", "PUT", `/api/admin/supporters/${idOf("sky")}`, { trainedOn: "next week" })).status).toBe(400);
    const roster = (await call("ada", "GET", "/api/admin/supporters")).body as { supporters: RosterEntry[] };
    const statusOf = (key: string) => roster.supporters.find((entry) => entry.userId === idOf(key))?.trainingStatus;
    expect([statusOf("max"), statusOf("sam"), statusOf("sky")]).toEqual(["overdue", "due_soon", "current"]);
    // Max became a supporter by being added to the roster.
    expect(((await call("max", "GET", "/api/me")).body as { roles: string[] }).roles).toContain("supporter");
  });

  it("lists only supporters who chose to be listed, without their caseload", async () => {
    await new SupporterRegistry(server.store).setListed(DEV_TENANT_ID, idOf("sam"), true, "Sam Supporter");
    const directory = await call("mia", "GET", "/api/supporters");
    const names = (directory.body as { supporters: { displayName: string }[] }).supporters.map((entry) => entry.displayName);
    expect(names).toEqual(["Sam Supporter"]);
    expect(directory.text).not.toContain("activeCases");
    expect(directory.text).not.toContain("trainedOn");
  });

  it("leaves a supporter at their cap out of routing, except for a crisis, and tells them where they stand", async () => {
    const supporters = new SupporterRegistry(server.store);
    const requests = new RequestService(server.store);
    const roles = new RoleDirectory(server.store, []);
    const roster = new SupporterRosterService(server.store, supporters, roles, requests);
    for (const key of ["sam", "sky"]) {
      await supporters.setOnDuty(DEV_TENANT_ID, idOf(key), true, { serviceUrl: "http://127.0.0.1:9/", conversation: { id: key } });
    }
    expect((await call("ada", "PUT", "/api/admin/supporter-settings", { caseloadCap: 1 })).status).toBe(200);
    const first = await requests.submit({ tenantId: DEV_TENANT_ID, userId: idOf("mia") }, form, { level: "none", reasons: [] });
    await requests.act(DEV_TENANT_ID, first.referenceCode, "claim", { userId: idOf("sam"), isSupporter: true });

    const reached: string[] = [];
    const deps = {
      requests,
      supporters,
      roles,
      roster,
      logger: pino({ level: "silent" }),
      now: () => new Date(),
      messenger: {
        sendCard: async (reference: JsonObject, _card: AdaptiveCard) =>
          void reached.push(String((reference.conversation as JsonObject).id)),
        sendText: async () => undefined,
      },
    };
    const second = await requests.submit({ tenantId: DEV_TENANT_ID, userId: idOf("max") }, form, { level: "none", reasons: [] });
    await notifySupporters(DEV_TENANT_ID, second, deps);
    expect(reached.sort()).toEqual(["sky"]);
    reached.length = 0;
    await notifySupporters(DEV_TENANT_ID, { ...second, urgency: "crisis", crisis: true }, deps);
    expect(reached.sort()).toEqual(["sam", "sky"]);

    const mine = (await call("sam", "GET", "/api/supporters/me")).body;
    expect(mine).toMatchObject({ activeCases: 1, caseloadCap: 1, atCap: true, crisisRecently: false, trainingStatus: "due_soon" });

    // Sky takes a crisis: for a week, Sky's own view reminds them of their support.
    const crisis = await requests.submit({ tenantId: DEV_TENANT_ID, userId: idOf("mia") }, form, { level: "crisis", reasons: ["test"] });
    await requests.act(DEV_TENANT_ID, crisis.referenceCode, "claim", { userId: idOf("sky"), isSupporter: true });
    expect((await call("sky", "GET", "/api/supporters/me")).body).toMatchObject({ crisisRecently: true });
  });
});
