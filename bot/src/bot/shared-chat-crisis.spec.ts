import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
} from "botbuilder";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sharedChatMention } from "../../../tests/support/bot-activities.js";
import { startConversationConnectorStub, type ConnectorCall } from "../../../tests/support/conversation-connector-stub.js";
import { RoleDirectory } from "../auth/role-directory.js";
import { RequestService } from "../requests/request-service.js";
import { SupporterRegistry } from "../requests/supporter-registry.js";
import { SupportersChannel } from "../requests/supporters-channel.js";
import { CONTAINERS, type DocumentStore, type JsonObject } from "../storage/document-store.js";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { BOT_MESSAGES_EN } from "./bot-messages.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { ContactBook } from "./contact-book.js";
import { PeerCirclesBot } from "./peer-circles-bot.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const WRITER = "5b8e0a11-1234-4567-89ab-cdef01234567";
const CRISIS_WORDS = "I want to end my life tonight";
const EMERGENCY_TEXTS = [BOT_MESSAGES_EN.emergencyTitle, BOT_MESSAGES_EN.emergencyIntro, BOT_MESSAGES_EN.emergencyLocal, "danger"];

/** Records proactive sends through a stored address; `failing` makes each throw, as a removed app would. */
class RecordingMessenger implements ProactiveMessenger {
  readonly sent: { conversation: string; card: AdaptiveCard }[] = [];
  constructor(private readonly failing = false) {}
  async sendCard(reference: JsonObject, card: AdaptiveCard): Promise<void> {
    if (this.failing) throw new Error("403 from the Bot Connector");
    this.sent.push({ conversation: String((reference.conversation as JsonObject).id), card });
  }
  async sendText(): Promise<void> {}
}

let directory: string;
let store: EmbeddedStore;
/** Every document the bot writes, whatever its tenant or container. */
let writes: string[];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "shared-chat-crisis-"));
  store = new EmbeddedStore({ directory });
  writes = [];
});
afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

function recordingWrites(inner: DocumentStore): DocumentStore {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const member = Reflect.get(target, property, receiver) as unknown;
      if (typeof member !== "function") return member;
      return (...args: unknown[]) => {
        if (property === "create" || property === "replace") writes.push(JSON.stringify(args));
        return (member as (...parameters: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/**
 * The bot behind botbuilder's real CloudAdapter, as the server runs it without credentials: its
 * replies and the conversation it opens go over HTTP to the connector stub.
 */
function sharedChatBot(messenger: ProactiveMessenger = new RecordingMessenger()) {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  const recorded = recordingWrites(store);
  const bot = new PeerCirclesBot({
    logger,
    botId: "bot-app-id",
    tabEndpoint: "https://peer.example.com",
    requests: new RequestService(recorded),
    supporters: new SupporterRegistry(recorded),
    roles: new RoleDirectory(recorded, []),
    messenger,
    supportersChannel: new SupportersChannel(recorded),
    contacts: new ContactBook(recorded),
  });
  const credentials = new ConfigurationServiceClientCredentialFactory({ MicrosoftAppId: "", MicrosoftAppPassword: "" });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));
  const send = (activity: object) => adapter.processActivityDirect("", activity as Activity, (context) => bot.run(context));
  return { send, lines };
}

const mention = (serviceUrl: string, conversationType: "groupChat" | "channel", text: string) =>
  sharedChatMention({
    user: { userId: WRITER, name: "Robin Example" },
    serviceUrl,
    id: "activity-1",
    conversationType,
    tenantId: TENANT,
    text,
  });

const isNewChat = (call: ConnectorCall) => call.method === "POST" && call.path === "/v3/conversations";
const isGroupReply = (call: ConnectorCall) => call.path.startsWith("/v3/conversations/19:peer-");
const isPrivateSend = (call: ConnectorCall) => call.path.startsWith("/v3/conversations/a:");
const wordsOf = (text: string) => text.match(/\p{L}{3,}/gu) ?? [];

/** Everything the store holds for the tenant, in every container. */
async function storedDocuments(): Promise<string> {
  const all = await Promise.all(CONTAINERS.map((container) => store.query(container, TENANT)));
  return JSON.stringify(all);
}

function expectNeutralPointer(call: ConnectorCall | undefined) {
  const shown = JSON.stringify(call?.body);
  expect(shown).toContain(BOT_MESSAGES_EN.privateChatOnly);
  for (const word of wordsOf(CRISIS_WORDS)) expect(shown, word).not.toMatch(new RegExp(`\\b${word}\\b`, "i"));
  for (const text of EMERGENCY_TEXTS) expect(shown, text).not.toContain(text);
}

describe.each(["groupChat", "channel"] as const)("crisis words in a %s @mention", (conversationType) => {
  it("send the emergency block to the writer privately, first, and show the group only the neutral pointer", async () => {
    const connector = await startConversationConnectorStub();
    try {
      const { send, lines } = sharedChatBot();
      await send(mention(connector.url, conversationType, CRISIS_WORDS));

      const opened = connector.calls.find(isNewChat);
      expect(opened?.body).toMatchObject({
        isGroup: false,
        members: [{ id: `29:${WRITER}` }],
        tenantId: TENANT,
        channelData: { tenant: { id: TENANT } },
      });
      const privateSend = connector.calls.find(isPrivateSend);
      // The chat the bot just opened (botbuilder addresses its first message as a reply in it).
      expect(privateSend?.path).toMatch(/^\/v3\/conversations\/a:new-personal-1\/activities\b/);
      const privately = JSON.stringify(privateSend?.body);
      expect(privately.indexOf(BOT_MESSAGES_EN.emergencyTitle)).toBeGreaterThan(-1);
      expect(privately.indexOf(BOT_MESSAGES_EN.emergencyTitle)).toBeLessThan(privately.indexOf(BOT_MESSAGES_EN.privateCrisisFollowUp));
      expect(privately).not.toContain(CRISIS_WORDS);

      const groupReplies = connector.calls.filter(isGroupReply);
      expect(groupReplies).toHaveLength(1);
      expectNeutralPointer(groupReplies[0]);
      expect(connector.calls.indexOf(privateSend!)).toBeLessThan(connector.calls.indexOf(groupReplies[0]!));

      expect(writes.join("\n")).not.toMatch(/end my life|tonight/i);
      expect(await storedDocuments()).not.toMatch(/end my life|tonight/i);
      expect(lines.join("\n")).not.toMatch(/end my life|tonight/i);
    } finally {
      await connector.close();
    }
  });

  it("show the group the very same pointer as any other mention, also when the private message cannot be sent", async () => {
    const ordinary = await startConversationConnectorStub();
    const refusing = await startConversationConnectorStub({ refuseNewConversations: true });
    try {
      await sharedChatBot().send(mention(ordinary.url, conversationType, "when is the next circle?"));
      const { send, lines } = sharedChatBot();
      await send(mention(refusing.url, conversationType, CRISIS_WORDS));

      expect(refusing.calls.filter(isNewChat)).toHaveLength(1);
      expect(refusing.calls.filter(isPrivateSend)).toEqual([]);
      const groupReplies = refusing.calls.filter(isGroupReply);
      expect(groupReplies).toHaveLength(1);
      expectNeutralPointer(groupReplies[0]);
      // Word for word what any mention gets, so nobody in the group can tell this one apart.
      expect(groupReplies[0]?.body.attachments).toEqual(ordinary.calls.find(isGroupReply)?.body.attachments);

      const failure = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.event === "bot.private_emergency.failed");
      expect(failure).toMatchObject({ errorName: expect.any(String) });
      expect(lines.join("\n")).not.toMatch(/end my life|tonight/i);
      expect(await storedDocuments()).not.toMatch(/end my life|tonight/i);
    } finally {
      await ordinary.close();
      await refusing.close();
    }
  });
});

describe("the private emergency block for a group-chat mention", () => {
  it("goes through the writer's known one-to-one chat when the contact book has it, without opening a new one", async () => {
    const connector = await startConversationConnectorStub();
    try {
      await new ContactBook(store).remember(TENANT, WRITER, {
        channelId: "msteams",
        serviceUrl: connector.url,
        conversation: { id: "a:known-personal", conversationType: "personal", tenantId: TENANT },
        user: { id: `29:${WRITER}`, aadObjectId: WRITER },
      });
      const messenger = new RecordingMessenger();
      await sharedChatBot(messenger).send(mention(connector.url, "groupChat", CRISIS_WORDS));

      expect(messenger.sent).toHaveLength(1);
      expect(messenger.sent[0]?.conversation).toBe("a:known-personal");
      expect(JSON.stringify(messenger.sent[0]?.card)).toContain(BOT_MESSAGES_EN.emergencyTitle);
      expect(connector.calls.filter(isNewChat)).toEqual([]);
      expectNeutralPointer(connector.calls.find(isGroupReply));
    } finally {
      await connector.close();
    }
  });

  it("opens a new one-to-one chat when the known one no longer works", async () => {
    const connector = await startConversationConnectorStub();
    try {
      await new ContactBook(store).remember(TENANT, WRITER, {
        channelId: "msteams",
        serviceUrl: connector.url,
        conversation: { id: "a:removed-personal", conversationType: "personal", tenantId: TENANT },
        user: { id: `29:${WRITER}`, aadObjectId: WRITER },
      });
      await sharedChatBot(new RecordingMessenger(true)).send(mention(connector.url, "groupChat", CRISIS_WORDS));

      expect(connector.calls.filter(isNewChat)).toHaveLength(1);
      expect(JSON.stringify(connector.calls.find(isPrivateSend)?.body)).toContain(BOT_MESSAGES_EN.emergencyTitle);
      expectNeutralPointer(connector.calls.find(isGroupReply));
    } finally {
      await connector.close();
    }
  });
});

describe("other group-chat mentions", () => {
  it.each([
    ["an ordinary question", "when is the next circle?"],
    ["words of strain short of crisis", "I am struggling with my workload"],
  ])("%s: only the pointer, as before, and nothing sent privately", async (_kind, text) => {
    const connector = await startConversationConnectorStub();
    try {
      const messenger = new RecordingMessenger();
      const { send, lines } = sharedChatBot(messenger);
      await send(mention(connector.url, "groupChat", text));

      expect(connector.calls.filter(isNewChat)).toEqual([]);
      expect(messenger.sent).toEqual([]);
      const groupReplies = connector.calls.filter(isGroupReply);
      expect(groupReplies).toHaveLength(1);
      expect(JSON.stringify(groupReplies[0]?.body)).toContain(BOT_MESSAGES_EN.privateChatOnly);
      expect(lines.join("\n")).not.toContain(text);
    } finally {
      await connector.close();
    }
  });
});
