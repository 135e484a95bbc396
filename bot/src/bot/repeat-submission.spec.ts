import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RiskAssessment } from "../../../shared/index.js";
import { RoleDirectory } from "../auth/role-directory.js";
import { RequestService } from "../requests/request-service.js";
import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { StoreTimeoutError } from "../storage/store-errors.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import { testBot } from "./test-bot.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const REQUESTER = "cccccccc-0000-4000-8000-00000000000c";
const OTHER_REQUESTER = "eeeeeeee-0000-4000-8000-00000000000e";
const SUPPORTER = "aaaaaaaa-0000-4000-8000-00000000000a";
const RISK: RiskAssessment = { level: "none", reasons: [] };
const FORM = { category: "workload", urgency: "soon", preference: "any", contact: "chat", shareName: false } as const;
const validForm = { category: "workload", urgency: "soon", preference: "any", contact: "chat", text: "Too much on", shareName: "false" };

let directory: string;
let store: EmbeddedStore;

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-repeat-"));
  store = new EmbeddedStore({ directory });
  await new RoleDirectory(store, []).assign(TENANT, SUPPORTER, ["supporter"], "test");
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

class RecordingMessenger implements ProactiveMessenger {
  readonly cardsTo: string[] = [];
  async sendCard(reference: JsonObject): Promise<void> {
    this.cardsTo.push(String((reference.user as JsonObject).aadObjectId));
  }
  async sendText(): Promise<void> {}
}

function botAdapter(userId: string, messenger: RecordingMessenger, usedStore: DocumentStore = store) {
  const bot = testBot(usedStore, messenger, pino({ level: "silent" }));
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    conversation: { id: `conv-${userId}`, conversationType: "personal", isGroup: false, name: "", tenantId: TENANT },
    from: { id: `29:${userId}`, name: "Robin Example", aadObjectId: userId },
  } as Partial<Activity>);
  adapter.locale = "en-GB";
  return adapter;
}

type Card = { body: unknown[]; actions?: { verb?: string; data?: { submissionId?: string } }[] };
const submission = (data: unknown): Partial<Activity> => ({
  type: ActivityTypes.Invoke,
  name: "adaptiveCard/action",
  value: { action: { type: "Action.Execute", verb: "submitRequest", data } },
});
const invokeCard = (activity: Partial<Activity>) => (activity.value as { body: { value: Card } }).body.value;
const codeIn = (activity: Partial<Activity>) => /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0];

async function submitAndReadCode(adapter: TestAdapter, data: unknown): Promise<string | undefined> {
  let code: string | undefined;
  await adapter.send(submission(data)).assertReply((activity) => {
    code = codeIn(activity);
  });
  return code;
}

async function putSupporterOnDuty(messenger: RecordingMessenger): Promise<void> {
  await botAdapter(SUPPORTER, messenger)
    .send("on duty")
    .assertReply((activity) => expect(activity.text).toMatch(/on duty/));
}

const requestsOf = (userId: string) => store.query("requests", TENANT, { where: { requesterId: userId } });
const createdEntries = (code: string) => store.query("audit", TENANT, { where: { requestCode: code, action: "created" } });

describe("sending the same request form twice", () => {
  it("gives every form a key of its own, and a form shown again after a refusal keeps it", async () => {
    const adapter = botAdapter(REQUESTER, new RecordingMessenger());
    const keys: string[] = [];
    for (let round = 0; round < 2; round++)
      await adapter.send("talk to someone").assertReply((activity) => {
        const card = (activity.attachments?.[0] as { content: Card }).content;
        keys.push(card.actions?.[0]?.data?.submissionId ?? "");
      });
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[0]).not.toBe(keys[1]);

    await adapter.send(submission({ ...validForm, category: "gossip", submissionId: keys[0] })).assertReply((activity) => {
      expect(JSON.stringify(invokeCard(activity))).toContain("nothing was saved");
      expect(invokeCard(activity).actions?.[0]?.data?.submissionId).toBe(keys[0]);
    });
  });

  it("makes one request and tells supporters once, however often the same form is sent", async () => {
    const messenger = new RecordingMessenger();
    await putSupporterOnDuty(messenger);
    const adapter = botAdapter(REQUESTER, messenger);
    const form = { ...validForm, submissionId: "4f1c2d3e-0000-4000-8000-000000000001" };
    const first = await submitAndReadCode(adapter, form);
    const second = await submitAndReadCode(adapter, form);
    expect(first).toMatch(/^PC-/);
    expect(second).toBe(first);
    expect(await requestsOf(REQUESTER)).toHaveLength(1);
    expect(await createdEntries(first!)).toHaveLength(1);
    expect(messenger.cardsTo.filter((to) => to === SUPPORTER)).toHaveLength(1);
  });

  it("makes one request from a double click whose two sends race", async () => {
    const messenger = new RecordingMessenger();
    await putSupporterOnDuty(messenger);
    const form = { ...validForm, submissionId: "4f1c2d3e-0000-4000-8000-000000000002" };
    const codes = await Promise.all([
      submitAndReadCode(botAdapter(REQUESTER, messenger), form),
      submitAndReadCode(botAdapter(REQUESTER, messenger), form),
    ]);
    expect(codes[0]).toMatch(/^PC-/);
    expect(codes[1]).toBe(codes[0]);
    expect(await requestsOf(REQUESTER)).toHaveLength(1);
    expect(messenger.cardsTo.filter((to) => to === SUPPORTER)).toHaveLength(1);
  });

  it("after a write that timed out but landed, the retry confirms that request and supporters hear of it once", async () => {
    const messenger = new RecordingMessenger();
    await putSupporterOnDuty(messenger);
    let timeOutNextRequestWrite = true;
    // The store keeps the request but the answer comes too late, as when the deadline passes mid-write.
    const lateStore = Object.assign(Object.create(store) as DocumentStore, {
      create: async (...args: Parameters<DocumentStore["create"]>) => {
        const written = await store.create(...args);
        if (args[0] === "requests" && timeOutNextRequestWrite) {
          timeOutNextRequestWrite = false;
          throw new StoreTimeoutError("create");
        }
        return written;
      },
    });
    const adapter = botAdapter(REQUESTER, messenger, lateStore);
    const form = { ...validForm, submissionId: "4f1c2d3e-0000-4000-8000-000000000003" };
    await adapter.send(submission(form)).assertReply((activity) => {
      const card = invokeCard(activity);
      expect(JSON.stringify(card)).toContain("We couldn't confirm this was saved");
      expect(card.actions?.[0]?.data?.submissionId).toBe(form.submissionId);
    });
    expect(messenger.cardsTo.filter((to) => to === SUPPORTER)).toHaveLength(0);

    const retried = await submitAndReadCode(adapter, form);
    const [stored] = await requestsOf(REQUESTER);
    expect(retried).toBe(stored?.id);
    expect(await requestsOf(REQUESTER)).toHaveLength(1);
    expect(await createdEntries(retried!)).toHaveLength(1);
    expect(messenger.cardsTo.filter((to) => to === SUPPORTER)).toHaveLength(1);
  });

  it("keeps different forms, and the same key from someone else, as separate requests", async () => {
    const messenger = new RecordingMessenger();
    const adapter = botAdapter(REQUESTER, messenger);
    const first = await submitAndReadCode(adapter, { ...validForm, submissionId: "4f1c2d3e-0000-4000-8000-000000000004" });
    const second = await submitAndReadCode(adapter, { ...validForm, submissionId: "4f1c2d3e-0000-4000-8000-000000000005" });
    const someoneElse = await submitAndReadCode(botAdapter(OTHER_REQUESTER, messenger), {
      ...validForm,
      submissionId: "4f1c2d3e-0000-4000-8000-000000000004",
    });
    expect(new Set([first, second, someoneElse]).size).toBe(3);
    expect(await requestsOf(REQUESTER)).toHaveLength(2);
    expect(await requestsOf(OTHER_REQUESTER)).toHaveLength(1);
  });

  it.each([
    ["no key (a card from before forms had one)", undefined],
    ["a key that is not a string", { toString: "x" }],
    ["a key too short to be one", "abc"],
  ])("still takes a form with %s, without merging repeats", async (_label, submissionId) => {
    const adapter = botAdapter(REQUESTER, new RecordingMessenger());
    const form = submissionId === undefined ? validForm : { ...validForm, submissionId };
    const first = await submitAndReadCode(adapter, form);
    const second = await submitAndReadCode(adapter, form);
    expect(first).toMatch(/^PC-/);
    expect(second).toMatch(/^PC-/);
    expect(second).not.toBe(first);
  });
});

describe("RequestService.submitOnce", () => {
  it("walks past a code someone else already holds, and a repeat walks the same way to its own request", async () => {
    const submissionId = "4f1c2d3e-0000-4000-8000-000000000006";
    const requester = { tenantId: TENANT, userId: REQUESTER };
    // Learn the first code this key leads to on a scratch store, then give that code to someone else.
    const scratchDirectory = mkdtempSync(join(tmpdir(), "peer-circles-repeat-scratch-"));
    const scratch = new EmbeddedStore({ directory: scratchDirectory });
    const firstChoice = (await new RequestService(scratch).submitOnce(requester, FORM, RISK, undefined, submissionId)).request
      .referenceCode;
    await scratch.close();
    rmSync(scratchDirectory, { recursive: true, force: true });
    await store.create("requests", TENANT, firstChoice, { kind: "helpRequest", requesterId: OTHER_REQUESTER, status: "open" });

    const requests = new RequestService(store);
    const made = await requests.submitOnce(requester, FORM, RISK, undefined, submissionId);
    const repeated = await requests.submitOnce(requester, FORM, RISK, undefined, submissionId);
    expect(made.request.referenceCode).not.toBe(firstChoice);
    expect(made.firstDelivery).toBe(true);
    expect(repeated).toMatchObject({ firstDelivery: false, request: { referenceCode: made.request.referenceCode } });
    expect(await requestsOf(REQUESTER)).toHaveLength(1);
    expect((await store.get("requests", TENANT, firstChoice))?.value).toMatchObject({ requesterId: OTHER_REQUESTER });
  });
});
