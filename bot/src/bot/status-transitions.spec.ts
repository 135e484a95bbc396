import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUEST_STATUSES, transition, type RequestAction, type RequestStatus } from "../../../shared/index.js";
import { RoleDirectory } from "../auth/role-directory.js";
import { RequestService } from "../requests/request-service.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import type { JsonObject } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { PeerCirclesBot } from "./peer-circles-bot.js";

const TENANT = "5e5e5e5e-aaaa-4bbb-8ccc-ddddeeeeffff";
const PEOPLE = {
  requester: "5e5e5e5e-0000-4000-8000-000000000001",
  claimer: "5e5e5e5e-0000-4000-8000-000000000002",
  otherSupporter: "5e5e5e5e-0000-4000-8000-000000000003",
  member: "5e5e5e5e-0000-4000-8000-000000000004",
} as const;
const ACTIONS: RequestAction[] = ["claim", "release", "start_conversation", "refer", "resolve", "withdraw"];

let directory: string;
let store: EmbeddedStore;
let bot: PeerCirclesBot;
let requests: RequestService;

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-transitions-"));
  store = new EmbeddedStore({ directory });
  const roles = new RoleDirectory(store, []);
  await roles.assign(TENANT, PEOPLE.claimer, ["supporter"], "test");
  await roles.assign(TENANT, PEOPLE.otherSupporter, ["supporter"], "test");
  requests = new RequestService(store);
  const messenger = { sendCard: async () => undefined, sendText: async () => undefined };
  bot = new PeerCirclesBot({ logger: pino({ level: "silent" }), requests, supporters: new SupporterRegistry(store), roles, messenger });
});

afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** A request put straight into the given status, as if earlier turns had brought it there. */
async function requestIn(status: RequestStatus): Promise<string> {
  const request = await requests.submit(
    { tenantId: TENANT, userId: PEOPLE.requester },
    { category: "other", urgency: "soon", preference: "any", contact: "chat", shareName: false },
    { level: "none", reasons: [] },
  );
  const stored = await store.get<JsonObject>("requests", TENANT, request.referenceCode);
  const value = { ...stored!.value, status, ...(status === "open" ? {} : { claimedBy: PEOPLE.claimer }) };
  if (status === "open") delete value.claimedBy;
  await store.replace("requests", TENANT, request.referenceCode, value, { ifMatch: stored!.etag });
  return request.referenceCode;
}

async function pressOnCard(userId: string, action: RequestAction, code: string): Promise<void> {
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    conversation: { id: `conv-${userId}`, conversationType: "personal", tenantId: TENANT },
    from: { id: `29:${userId}`, aadObjectId: userId },
  } as Partial<Activity>);
  const verb = action === "claim" ? "claimRequest" : "requestAction";
  await adapter
    .send({
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data: { code, action } } },
    })
    .assertReply(() => undefined);
}

describe("every status change through the bot's cards", () => {
  const cases = REQUEST_STATUSES.flatMap((status) =>
    ACTIONS.flatMap((action) => (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map((who) => [status, action, who] as const)),
  );

  it.each(cases)("%s, %s by the %s", async (status, action, who) => {
    const code = await requestIn(status);
    const actor = { userId: PEOPLE[who], isSupporter: who === "claimer" || who === "otherSupporter" };
    const expected = transition(
      { status, requesterId: PEOPLE.requester, ...(status === "open" ? {} : { claimedBy: PEOPLE.claimer }) },
      action,
      actor,
    );
    await pressOnCard(PEOPLE[who], action, code);
    const after = await requests.get(TENANT, code);
    expect(after?.status).toBe(expected.ok ? expected.state.status : status);
  });
});
