import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ActivityTypes, TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoleDirectory } from "../auth/role-directory.js";
import { RequestService } from "../requests/request-service.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import type { JsonObject } from "../storage/document-store.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import { testBot } from "./test-bot.js";
import type { DocumentStore } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { StoreTimeoutError, StoreUnavailableError } from "../storage/store-errors.js";
import { normaliseCommand } from "./peer-circles-bot.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const USER = "5b8e0a11-1234-4567-89ab-cdef01234567";
let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "peer-circles-bot-"));
  store = new EmbeddedStore({ directory });
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** Records proactive sends: the transport to Teams is botbuilder's; what is sent, and to whom, is ours. */
class RecordingMessenger implements ProactiveMessenger {
  readonly sent: { to: string; conversation?: string; card?: AdaptiveCard; text?: string }[] = [];
  async sendCard(reference: JsonObject, card: AdaptiveCard): Promise<void> {
    const conversation = String((reference.conversation as JsonObject).id);
    this.sent.push({ to: String((reference.user as JsonObject).aadObjectId), conversation, card, text: JSON.stringify(card) });
  }
  async sendText(reference: JsonObject, text: string): Promise<void> {
    this.sent.push({ to: String((reference.user as JsonObject).aadObjectId), text });
  }
}

interface BotAdapterOptions {
  conversationType?: string;
  store?: DocumentStore;
  userId?: string | undefined;
  name?: string;
  messenger?: RecordingMessenger;
  tenantId?: string;
}

function botAdapter(options: BotAdapterOptions = {}) {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  const conversationType = options.conversationType ?? "personal";
  const usedStore = options.store ?? store;
  const messenger = options.messenger ?? new RecordingMessenger();
  const bot = testBot(usedStore, messenger, logger);
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    locale: "en-GB",
    conversation: {
      id: `conv-${conversationType}`,
      conversationType,
      isGroup: conversationType !== "personal",
      name: "",
      tenantId: options.tenantId ?? TENANT,
    },
    from: { id: `29:${options.userId ?? USER}`, name: options.name ?? "Robin Example", aadObjectId: options.userId ?? USER },
  } as Partial<Activity>);
  adapter.locale = "en-GB";
  return { adapter, lines, messenger };
}

type Card = {
  version: string;
  body: unknown[];
  actions?: { type: string; url?: string; verb?: string; title?: string; data?: { action?: string } }[];
};
const cardOf = (activity: Partial<Activity>) => (activity.attachments?.[0] as { content: Card } | undefined)?.content;
const cardText = (activity: Partial<Activity>) => JSON.stringify(cardOf(activity) ?? activity.text ?? "");
const invokeCard = (activity: Partial<Activity>) => (activity.value as { status: number; body: { value: Card } }).body.value;
const submission = (data: unknown): Partial<Activity> => ({
  type: ActivityTypes.Invoke,
  name: "adaptiveCard/action",
  value: { action: { type: "Action.Execute", verb: "submitRequest", data } },
});
const validForm = {
  category: "workload",
  urgency: "soon",
  preference: "any",
  contact: "chat",
  text: "My workload is unmanageable",
  shareName: "false",
};

describe("PeerCirclesBot in personal chat", () => {
  it("answers help with an Adaptive Card 1.5 that says what it does and who sees what", async () => {
    const { adapter } = botAdapter();
    await adapter.send("help").assertReply((activity) => {
      expect(activity.attachments?.[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(cardOf(activity)?.version).toBe("1.5");
      const text = cardText(activity);
      expect(text).toContain("Who sees what");
      expect(text).toContain("not an emergency service");
      expect(text).toContain("Programme admins see counts only");
      expect(cardOf(activity)?.actions?.[0]?.url).toBe("https://peer.example.com/personal/resources");
    });
  });

  it("understands help with a mention, punctuation and capitals", async () => {
    const { adapter } = botAdapter();
    await adapter.send("<at>Peer Circles</at> HELP!").assertReply((activity) => expect(cardText(activity)).toContain("Who sees what"));
  });

  it("welcomes a person on install with what it does, who sees what and the emergency contacts", async () => {
    const { adapter } = botAdapter();
    await adapter
      .send({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [{ id: "bot", name: "Peer Circles" }],
        recipient: { id: "bot", name: "Peer Circles" },
      } as Partial<Activity>)
      .assertReply((activity) => expect(cardText(activity)).toContain("Who sees what"))
      .assertReply((activity) => expect(cardText(activity)).toContain("Samaritans"));
  });

  it("answers talk to someone with the request form, using Action.Execute", async () => {
    const { adapter } = botAdapter();
    await adapter.send("talk to someone").assertReply((activity) => {
      const card = cardOf(activity)!;
      expect(card.actions?.[0]).toMatchObject({ type: "Action.Execute", verb: "submitRequest" });
      expect(cardText(activity)).toContain("Who sees what");
      expect(cardText(activity)).toContain("What happens next");
    });
  });

  it("answers resources with the emergency block and where to find the rest", async () => {
    const { adapter } = botAdapter();
    await adapter
      .send("resources")
      .assertReply((activity) => {
        expect(cardText(activity)).toContain("Samaritans");
        // en-GB: the UK line comes before the rest.
        expect(cardText(activity).indexOf("Samaritans")).toBeLessThan(cardText(activity).indexOf("988"));
      })
      .assertReply((activity) => expect(activity.text).toContain("https://peer.example.com/personal/resources"));
  });

  it("pre-fills the form with free text", async () => {
    const { adapter } = botAdapter();
    await adapter
      .send("I keep clashing with a colleague")
      .assertReply((activity) => expect(cardText(activity)).toContain("I keep clashing with a colleague"));
  });

  it("sends the emergency block first, then alerts supporters at once without storing the words", async () => {
    const userId = "12121212-1212-4212-8212-121212121212";
    const { adapter } = botAdapter({ userId });
    await adapter
      .send("everyone would be better off without me")
      .assertReply((activity) => expect(cardText(activity)).toContain("If you are in danger"))
      // Nobody is rostered in this store yet, so the reply must not claim anyone was alerted.
      .assertReply((activity) => expect(cardText(activity)).toContain("I could not reach a peer supporter just now"));
    const [request] = await store.query<{ crisis: boolean; urgency: string; anonymous: boolean; text?: string }>("requests", TENANT, {
      where: { kind: "helpRequest", requesterId: userId },
    });
    expect(request?.value).toMatchObject({ crisis: true, urgency: "crisis", anonymous: true });
    expect(request?.value.text).toBeUndefined();
    expect(JSON.stringify(request?.value)).not.toContain("better off without me");
    // A second crisis message does not raise a second alert.
    await adapter
      .send("I want to die")
      .assertReply((activity) => expect(cardText(activity)).toContain("If you are in danger"))
      .assertReply((activity) => expect(cardText(activity)).toContain("already know"));
    expect(await store.query("requests", TENANT, { where: { kind: "helpRequest", requesterId: userId } })).toHaveLength(1);
  });

  it("stores a valid submission before confirming it with a reference code, then lists it", async () => {
    const { adapter } = botAdapter({ userId: "11111111-1111-4111-8111-111111111111" });
    let code = "";
    await adapter.send(submission(validForm)).assertReply((activity) => {
      const text = JSON.stringify(invokeCard(activity));
      code = /PC-[2-9A-Z]{6}/.exec(text)?.[0] ?? "";
      expect(code).not.toBe("");
    });
    const stored = await store.get<{ status: string; anonymous: boolean; requesterName?: string; text: string }>("requests", TENANT, code);
    expect(stored?.value).toMatchObject({ status: "open", anonymous: true, text: validForm.text });
    expect(stored?.value.requesterName).toBeUndefined();
    expect(JSON.stringify(stored?.value)).not.toContain("Robin Example");
    await adapter.send("my requests").assertReply((activity) => expect(cardText(activity)).toContain(code));
  });

  it("keeps the name only when the requester chose to share it", async () => {
    const { adapter } = botAdapter({ userId: "22222222-2222-4222-8222-222222222222" });
    await adapter.send(submission({ ...validForm, shareName: "true" })).assertReply(() => undefined);
    const [request] = await store.query<{ requesterName?: string }>("requests", TENANT, {
      where: { requesterId: "22222222-2222-4222-8222-222222222222" },
    });
    expect(request?.value.requesterName).toBe("Robin Example");
  });

  it.each([
    ["an invalid choice", { ...validForm, category: "gossip" }],
    ["a missing field", { ...validForm, contact: undefined }],
    ["a tampered extra field", { ...validForm, requesterId: "someone-else" }],
    ["a tampered urgency", { ...validForm, urgency: "crisis" }],
    ["not an object", "DROP TABLE"],
  ])("refuses %s with a clear card error and stores nothing", async (_label, data) => {
    const userId = "33333333-3333-4333-8333-333333333333";
    const { adapter } = botAdapter({ userId });
    await adapter
      .send(submission(data))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("nothing was saved"));
    expect(await store.query("requests", TENANT, { where: { requesterId: userId } })).toEqual([]);
  });

  it("screens a submitted card's text first and flags the request as crisis", async () => {
    const userId = "44444444-4444-4444-8444-444444444444";
    const { adapter } = botAdapter({ userId });
    await adapter
      .send(submission({ ...validForm, text: "I cant see a way out" }))
      .assertReply((activity) => expect(cardText(activity)).toContain("If you are in danger"))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("marked urgent"));
    const [request] = await store.query<{ crisis: boolean; urgency: string }>("requests", TENANT, { where: { requesterId: userId } });
    expect(request?.value).toMatchObject({ crisis: true, urgency: "crisis" });
  });

  it("tells the person plainly when the store is down, with the contacts and what they typed kept", async () => {
    const down = Object.assign(Object.create(store) as DocumentStore, { create: () => Promise.reject(new StoreUnavailableError()) });
    const { adapter } = botAdapter({ store: down });
    await adapter.send(submission(validForm)).assertReply((activity) => {
      const text = JSON.stringify(invokeCard(activity));
      expect(text).toContain("We couldn't save this");
      expect(text).toContain("Samaritans");
      expect(text).toContain(validForm.text);
      expect(invokeCard(activity).actions?.[0]).toMatchObject({ verb: "submitRequest", title: "Try again" });
    });
  });

  it("does not claim a timed-out write was not sent, since it may still land: it asks the person to check first", async () => {
    const slow = Object.assign(Object.create(store) as DocumentStore, { create: () => Promise.reject(new StoreTimeoutError("create")) });
    const { adapter } = botAdapter({ store: slow });
    await adapter.send(submission(validForm)).assertReply((activity) => {
      const text = JSON.stringify(invokeCard(activity));
      expect(text).toContain("We couldn't confirm this was saved");
      expect(text).toContain("my requests");
      expect(text).not.toContain("NOT been sent");
      expect(text).toContain("Samaritans");
      expect(text).toContain(validForm.text);
    });
  });

  it("keeps message and request text out of the logs", async () => {
    const { adapter, lines } = botAdapter({ userId: "55555555-5555-4555-8555-555555555555" });
    await adapter.send("my manager shouts at me every day").assertReply(() => undefined);
    await adapter.send(submission({ ...validForm, text: "secret words about my manager" })).assertReply(() => undefined);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join("\n")).not.toMatch(/manager|secret words/);
  });
});

describe("PeerCirclesBot outside personal chat", () => {
  it.each(["channel", "groupChat"])("in a %s, points to a private chat and stores and logs nothing", async (conversationType) => {
    const { adapter, lines } = botAdapter({ conversationType, userId: "66666666-6666-4666-8666-666666666666" });
    await adapter.send("I am struggling with my workload").assertReply((activity) => {
      const text = cardText(activity);
      expect(text).toContain("one-to-one chat");
      expect(cardOf(activity)?.actions?.[0]?.url).toBe("https://teams.microsoft.com/l/chat/0/0?users=28:bot-app-id");
      expect(text).not.toContain("workload");
    });
    expect(lines.join("\n")).not.toContain("workload");
    expect(await store.query("requests", TENANT, { where: { requesterId: "66666666-6666-4666-8666-666666666666" } })).toEqual([]);
  });

  // The emergency block goes to the writer's private chat (shared-chat-crisis.spec.ts); here, where
  // no private chat can be opened, the group still sees only the pointer.
  it("keeps the emergency block out of a group chat, which sees only the pointer", async () => {
    const { adapter } = botAdapter({ conversationType: "groupChat" });
    await adapter
      .send("<at>Peer Circles</at> I want to end my life")
      .assertReply((activity) => {
        const text = cardText(activity);
        expect(text).toContain("one-to-one chat");
        expect(text).not.toContain("If you are in danger");
        expect(text).not.toMatch(/end my life/);
      })
      .assertNoReply();
  });
});

describe("supporters and claims", () => {
  const SUPPORTER_A = "aaaaaaaa-0000-4000-8000-00000000000a";
  const SUPPORTER_B = "bbbbbbbb-0000-4000-8000-00000000000b";
  const REQUESTER = "cccccccc-0000-4000-8000-00000000000c";
  const MEMBER = "dddddddd-0000-4000-8000-00000000000d";

  beforeAll(async () => {
    const roles = new RoleDirectory(store, []);
    await roles.assign(TENANT, SUPPORTER_A, ["supporter"], "test");
    await roles.assign(TENANT, SUPPORTER_B, ["supporter"], "test");
  });

  it("refuses supporter commands to members", async () => {
    const { adapter } = botAdapter({ userId: MEMBER });
    await adapter.send("on duty").assertReply("That command is for peer supporters.");
  });

  it("routes a new request to on-duty supporters with no content or name, then exactly one claim wins", async () => {
    const messenger = new RecordingMessenger();
    await botAdapter({ userId: SUPPORTER_A, name: "Alex Supporter", messenger })
      .adapter.send("on duty")
      .assertReply((activity) => expect(activity.text).toMatch(/on duty/));
    await botAdapter({ userId: SUPPORTER_B, name: "Bea Supporter", messenger })
      .adapter.send("on duty")
      .assertReply((activity) => expect(activity.text).toMatch(/on duty/));

    const requester = botAdapter({ userId: REQUESTER, messenger });
    let code = "";
    await requester.adapter.send(submission({ ...validForm, text: "private words", shareName: "true" })).assertReply((activity) => {
      code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
    });
    const notifications = messenger.sent.filter((sent) => sent.card && sent.to !== REQUESTER);
    expect(notifications.map((sent) => sent.to).sort()).toEqual([SUPPORTER_A, SUPPORTER_B]);
    for (const { card } of notifications) {
      const text = JSON.stringify(card);
      expect(text).toContain(code);
      expect(text).toContain("Workload");
      expect(text).not.toContain("private words");
      expect(text).not.toContain("Robin Example");
      expect(card?.actions?.[0]).toMatchObject({ verb: "claimRequest", data: { code } });
    }

    const claim = (data: unknown): Partial<Activity> => ({
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "claimRequest", data } },
    });
    await botAdapter({ userId: SUPPORTER_A, name: "Alex Supporter", messenger })
      .adapter.send(claim({ code }))
      .assertReply((activity) => {
        const text = JSON.stringify(invokeCard(activity));
        expect(text).toContain(`You have taken ${code}`);
        expect(text).toContain("private words");
        expect(text).toContain("Robin Example");
      });
    expect(messenger.sent.find((sent) => sent.to === REQUESTER)?.text).toContain("Alex Supporter has taken your request");
    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send(claim({ code }))
      .assertReply((activity) => {
        const text = JSON.stringify(invokeCard(activity));
        expect(text).toContain("Already claimed by a colleague");
        expect(text).not.toContain("private words");
      });
    await botAdapter({ userId: MEMBER, messenger })
      .adapter.send(claim({ code: "PC-ZZZZZZ" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("could not find"));
    await botAdapter({ userId: SUPPORTER_A, messenger })
      .adapter.send("off duty")
      .assertReply((activity) => expect(activity.text).toMatch(/off duty/));
    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send("off duty")
      .assertReply((activity) => expect(activity.text).toMatch(/off duty/));
  });

  it("lets the claimer move the request on, tells the requester each time, and starts retention when closed", async () => {
    const messenger = new RecordingMessenger();
    const action = (verb: string, data: unknown): Partial<Activity> => ({
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
    });
    let code = "";
    await botAdapter({ userId: REQUESTER, messenger })
      .adapter.send(submission(validForm))
      .assertReply((activity) => {
        code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
      });
    const supporterA = () => botAdapter({ userId: SUPPORTER_A, name: "Alex Supporter", messenger }).adapter;
    await supporterA()
      .send(action("claimRequest", { code }))
      .assertReply((activity) => {
        const actions = (invokeCard(activity).actions ?? []).filter((item) => item.verb === "requestAction");
        expect(invokeCard(activity).actions?.[0]).toMatchObject({ verb: "relayMessage", data: { code } });
        expect(actions.map((item) => item.data?.action)).toEqual(["start_conversation", "refer", "resolve", "release"]);
      });
    await supporterA()
      .send(action("requestAction", { code, action: "start_conversation" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("In conversation"));
    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send(action("requestAction", { code, action: "resolve" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("Only the supporter who took this request"));
    await supporterA()
      .send(action("requestAction", { code, action: "resolve" }))
      .assertReply(() => undefined);
    const toRequester = messenger.sent.filter((sent) => sent.to === REQUESTER).map((sent) => sent.text);
    expect(toRequester).toEqual([
      expect.stringContaining("has taken your request"),
      `Your request ${code} is now: In conversation.`,
      `Your request ${code} is now: Resolved.`,
    ]);
    const stored = await store.get("requests", TENANT, code);
    expect(stored?.ttlSeconds).toBeGreaterThan(179 * 86_400);
    await supporterA()
      .send(action("requestAction", { code, action: "release" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("not possible"));
    const trail = await new RequestService(store).auditTrail(TENANT, code);
    // The claimed card showed the claimer the words: a view, between the claim and the next step.
    expect(trail.map((entry) => entry.action)).toEqual(["created", "claim", "view", "start_conversation", "resolve"]);
  });

  it("lets the requester withdraw from my requests, and tells the claimer", async () => {
    const messenger = new RecordingMessenger();
    const requester = () => botAdapter({ userId: "eeeeeeee-0000-4000-8000-00000000000e", messenger }).adapter;
    let code = "";
    await requester()
      .send(submission(validForm))
      .assertReply((activity) => {
        code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
      });
    const invoke = (verb: string, data: unknown): Partial<Activity> => ({
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
    });
    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send(invoke("claimRequest", { code }))
      .assertReply(() => undefined);
    await requester()
      .send("my requests")
      .assertReply((activity) => expect(JSON.stringify(cardOf(activity)?.actions)).toContain(`Withdraw ${code}`));
    await requester()
      .send(invoke("requestAction", { code, action: "withdraw" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain(`You withdrew ${code}`));
    expect(messenger.sent.find((sent) => sent.to === SUPPORTER_B && sent.text?.includes("withdrawn"))).toBeDefined();
    await requester()
      .send(invoke("requestDetails", { code }))
      .assertReply((activity) => {
        const text = JSON.stringify(invokeCard(activity));
        for (const step of ["You asked for support", "A peer supporter took it", "Withdrawn"]) expect(text).toContain(step);
      });
    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send(invoke("requestDetails", { code }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("could not find"));
  });

  it("relays an anonymous conversation both ways without revealing the requester", async () => {
    const messenger = new RecordingMessenger();
    const invoke = (verb: string, data: unknown): Partial<Activity> => ({
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb, data } },
    });
    const requesterId = "ffffffff-0000-4000-8000-00000000000f";
    const requester = () => botAdapter({ userId: requesterId, name: "Robin Example", messenger }).adapter;
    const supporter = () => botAdapter({ userId: SUPPORTER_A, name: "Alex Supporter", messenger }).adapter;
    let code = "";
    await requester()
      .send(submission(validForm))
      .assertReply((activity) => {
        code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
      });
    await supporter()
      .send("hello")
      .assertReply(() => undefined);
    await supporter()
      .send(invoke("claimRequest", { code }))
      .assertReply(() => undefined);

    await supporter()
      .send(invoke("relayMessage", { code, message: "Hi, I'm here to listen. When suits you?" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("Sent."));
    const toRequester = messenger.sent.filter((sent) => sent.to === requesterId).at(-1);
    expect(toRequester?.text).toContain("Your peer supporter wrote:");
    expect(toRequester?.text).toContain("When suits you?");

    await requester()
      .send(invoke("relayMessage", { code, message: "Thanks, tomorrow morning works" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("Sent."));
    const toSupporter = messenger.sent.filter((sent) => sent.to === SUPPORTER_A);
    expect(toSupporter.at(-1)?.text).toContain(`Requester ${code} wrote:`);
    expect(toSupporter.at(-1)?.text).toContain("tomorrow morning works");
    for (const sent of toSupporter) {
      expect(sent.text).not.toContain("Robin");
      expect(sent.text).not.toContain(requesterId);
    }

    await botAdapter({ userId: SUPPORTER_B, messenger })
      .adapter.send(invoke("relayMessage", { code, message: "let me in" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("could not find"));
    await supporter()
      .send(invoke("requestAction", { code, action: "resolve" }))
      .assertReply(() => undefined);
    await requester()
      .send(invoke("relayMessage", { code, message: "one more thing" }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("conversation has ended"));
    const trail = await new RequestService(store).auditTrail(TENANT, code);
    expect(trail.filter((entry) => entry.action === "relay")).toHaveLength(2);
    expect(JSON.stringify(trail)).not.toContain("tomorrow morning");
  });

  it("posts content-free cards to a supporters' channel an admin chose, and sends claims from there to private chat", async () => {
    const ADMIN = "abababab-0000-4000-8000-0000000000ab";
    const channelTenant = "9d9d9d9d-aaaa-4bbb-8ccc-ddddeeeeffff";
    const roles = new RoleDirectory(store, []);
    await roles.assign(channelTenant, ADMIN, ["admin"], "test");
    await roles.assign(channelTenant, SUPPORTER_A, ["supporter"], "test");
    const messenger = new RecordingMessenger();
    await botAdapter({ conversationType: "channel", userId: MEMBER, messenger, tenantId: channelTenant })
      .adapter.send("set supporters channel")
      .assertReply("Only programme admins can do that.");
    await botAdapter({ conversationType: "channel", userId: ADMIN, messenger, tenantId: channelTenant })
      .adapter.send("<at>Peer Circles</at> set supporters channel")
      .assertReply((activity) => expect(activity.text).toContain("posted in this channel"));
    await botAdapter({ userId: SUPPORTER_A, messenger, tenantId: channelTenant })
      .adapter.send("hello")
      .assertReply(() => undefined);

    let code = "";
    await botAdapter({ userId: REQUESTER, messenger, tenantId: channelTenant })
      .adapter.send(submission({ ...validForm, text: "channel secret" }))
      .assertReply((activity) => {
        code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
      });
    const inChannel = messenger.sent.filter((sent) => sent.conversation === "conv-channel");
    expect(inChannel).toHaveLength(1);
    expect(inChannel[0]?.text).toContain(code);
    expect(inChannel[0]?.text).not.toContain("channel secret");

    const claim: Partial<Activity> = {
      type: ActivityTypes.Invoke,
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "claimRequest", data: { code } } },
    };
    await botAdapter({ conversationType: "channel", userId: SUPPORTER_A, messenger, tenantId: channelTenant })
      .adapter.send(claim)
      .assertReply((activity) => {
        const text = JSON.stringify(invokeCard(activity));
        expect(text).toContain("Already claimed by a colleague");
        expect(text).not.toContain("channel secret");
      });
    const privately = messenger.sent.filter((sent) => sent.to === SUPPORTER_A && sent.conversation === "conv-personal");
    expect(privately.at(-1)?.text).toContain("channel secret");
    const statusFromChannel: Partial<Activity> = {
      ...claim,
      value: { action: { type: "Action.Execute", verb: "requestAction", data: { code, action: "resolve" } } },
    };
    await botAdapter({ conversationType: "channel", userId: SUPPORTER_A, messenger, tenantId: channelTenant })
      .adapter.send(statusFromChannel)
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("one-to-one chat"));
  });

  it("refreshes cards for up to 60 supporters and sends the rest an updated message after a claim", async () => {
    const tenantId = "6a6a6a6a-aaaa-4bbb-8ccc-ddddeeeeffff";
    const roles = new RoleDirectory(store, []);
    const registry = new SupporterRegistry(store);
    const many = Array.from({ length: 62 }, (_, index) => `6a6a6a6a-0000-4000-8000-${String(index).padStart(12, "0")}`);
    for (const userId of many) {
      await roles.assign(tenantId, userId, ["supporter"], "test");
      await registry.setOnDuty(tenantId, userId, true, {
        channelId: "msteams",
        conversation: { id: `conv-${userId}` },
        user: { id: `29:${userId}`, aadObjectId: userId },
      });
    }
    const messenger = new RecordingMessenger();
    let code = "";
    await botAdapter({ userId: REQUESTER, messenger, tenantId })
      .adapter.send(submission(validForm))
      .assertReply((activity) => {
        code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
      });
    const notification = messenger.sent.find((sent) => sent.to === many[0] && sent.card);
    expect(notification?.card).not.toHaveProperty("refresh");
    await botAdapter({ userId: many[0], messenger, tenantId })
      .adapter.send({
        type: ActivityTypes.Invoke,
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "claimRequest", data: { code } } },
      })
      .assertReply(() => undefined);
    const updates = messenger.sent.filter(
      (sent) => sent.text === `Update: ${code} has been claimed by a colleague. Thank you for responding.`,
    );
    expect(updates.map((sent) => sent.to).sort()).toEqual(many.slice(1).sort());
  });

  it("lists up to 60 supporters for Teams' automatic card refresh", async () => {
    const messenger = new RecordingMessenger();
    await botAdapter({ userId: SUPPORTER_A, messenger })
      .adapter.send("on duty")
      .assertReply(() => undefined);
    await botAdapter({ userId: REQUESTER, messenger })
      .adapter.send(submission(validForm))
      .assertReply(() => undefined);
    // The card as JSON, as Teams receives it: its refresh block is not part of the builder's type.
    const card = JSON.parse(JSON.stringify(messenger.sent.find((sent) => sent.to === SUPPORTER_A && sent.card)?.card ?? {})) as {
      refresh?: { userIds: string[] };
    };
    expect(card.refresh?.userIds).toContain(`29:${SUPPORTER_A}`);
    await botAdapter({ userId: SUPPORTER_A, messenger })
      .adapter.send("off duty")
      .assertReply(() => undefined);
  });

  it("offers supporters who chose to be listed by name, and tells the one asked for", async () => {
    const tenantId = "7b7b7b7b-aaaa-4bbb-8ccc-ddddeeeeffff";
    const roles = new RoleDirectory(store, []);
    await roles.assign(tenantId, SUPPORTER_A, ["supporter"], "test");
    await roles.assign(tenantId, SUPPORTER_B, ["supporter"], "test");
    const messenger = new RecordingMessenger();
    const as = (userId: string, name?: string) => botAdapter({ userId, messenger, tenantId, ...(name ? { name } : {}) }).adapter;
    await as(SUPPORTER_A, "Alex Supporter")
      .send("on duty")
      .assertReply(() => undefined);
    await as(SUPPORTER_B, "Bea Supporter")
      .send("list me")
      .assertReply((activity) => expect(activity.text).toContain("ask for you by name"));
    await as(REQUESTER)
      .send("talk to someone")
      .assertReply((activity) => {
        expect(cardText(activity)).toContain("A specific peer supporter");
        expect(cardText(activity)).toContain("Bea Supporter");
        expect(cardText(activity)).not.toContain("Alex Supporter");
      });
    await as(REQUESTER)
      .send(submission({ ...validForm, preference: "specific", preferredSupporterId: SUPPORTER_A }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toContain("nothing was saved"));
    await as(REQUESTER)
      .send(submission({ ...validForm, preference: "specific", preferredSupporterId: SUPPORTER_B }))
      .assertReply((activity) => expect(JSON.stringify(invokeCard(activity))).toMatch(/PC-[2-9A-Z]{6}/));
    expect(messenger.sent.find((sent) => sent.to === SUPPORTER_B && sent.card)?.text).toContain("They asked for you by name.");
    expect(messenger.sent.find((sent) => sent.to === SUPPORTER_A && sent.card)?.text).toContain("They asked for a specific colleague.");
    // "Ask this person" in the tab's directory sends "ask <name>": the form opens with Bea chosen.
    await as(REQUESTER)
      .send("Ask Bea Supporter")
      .assertReply((activity) => {
        const card = JSON.stringify(cardOf(activity));
        expect(card).toContain('"id":"preference"');
        expect(card).toMatch(/"id":"preference"[^}]*"value":"specific"/);
        expect(card).toContain(`"value":"${SUPPORTER_B}"`);
      });
    await as(SUPPORTER_B, "Bea Supporter")
      .send("unlist me")
      .assertReply(() => undefined);
    await as(REQUESTER)
      .send("talk to someone")
      .assertReply((activity) => expect(cardText(activity)).not.toContain("Bea Supporter"));
    await as(SUPPORTER_A)
      .send("off duty")
      .assertReply(() => undefined);
  });

  it("shows supporters the open queue without anyone's words", async () => {
    const { adapter } = botAdapter({ userId: REQUESTER });
    let code = "";
    await adapter.send(submission({ ...validForm, urgency: "today", text: "queue secret" })).assertReply((activity) => {
      code = /PC-[2-9A-Z]{6}/.exec(JSON.stringify(invokeCard(activity)))?.[0] ?? "";
    });
    await botAdapter({ userId: SUPPORTER_B })
      .adapter.send("queue")
      .assertReply((activity) => {
        const text = cardText(activity);
        expect(text).toContain(code);
        expect(text).not.toContain("queue secret");
      });
  });
});

describe("normaliseCommand", () => {
  it.each([
    ["Help", "help"],
    ["  help!!  ", "help"],
    ["<at>Peer Circles</at> talk to someone", "talk to someone"],
    ["On-Duty", "on duty"],
    [undefined, ""],
  ])("%j → %j", (input, expected) => {
    expect(normaliseCommand(input)).toBe(expected);
  });
});
