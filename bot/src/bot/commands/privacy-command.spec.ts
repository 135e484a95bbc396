import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filledManifest } from "../../../../scripts/app-package.js";
import { EmbeddedStore } from "../../storage/embedded-store.js";
import { BOT_MESSAGES_DE } from "../bot-messages.de.js";
import { BOT_MESSAGES_EN } from "../bot-messages.js";
import { helpCard } from "../cards/help-card.js";
import type { ProactiveMessenger } from "../proactive-messenger.js";
import { testBot } from "../test-bot.js";

const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
const USER = "77777777-0000-4000-8000-000000000007";
const silent: ProactiveMessenger = { sendCard: async () => undefined, sendText: async () => undefined };
let directory: string;
let store: EmbeddedStore;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "privacy-command-"));
  store = new EmbeddedStore({ directory });
});
afterAll(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

type Card = { body: { text?: string }[]; actions?: { type: string; title: string; url: string }[] };

async function privacyReply(text: string, options: { locale?: string; conversationType?: string } = {}): Promise<Partial<Activity>> {
  const bot = testBot(store, silent, pino({ level: "silent" }));
  const conversationType = options.conversationType ?? "personal";
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: "msteams",
    locale: options.locale ?? "en-GB",
    conversation: { id: `conv-${conversationType}`, conversationType, isGroup: conversationType !== "personal", tenantId: TENANT },
    from: { id: `29:${USER}`, name: "Robin Example", aadObjectId: USER },
  } as Partial<Activity>);
  let reply: Partial<Activity> = {};
  await adapter.send(text).assertReply((activity) => {
    reply = activity;
  });
  return reply;
}
const cardOf = (activity: Partial<Activity>) => activity.attachments?.[0]?.content as Card;

describe("the privacy command", () => {
  it("says what Peer Circles stores about the person and links to Your data in the tab", async () => {
    const card = cardOf(await privacyReply("privacy"));
    const texts = card.body.map((block) => block.text);
    expect(texts[0]).toBe(BOT_MESSAGES_EN.privacyTitle);
    for (const key of ["privacyRequests", "privacyChatText", "privacyCircles", "privacySettings", "privacyParticipation"] as const) {
      expect(texts).toContain(`• ${BOT_MESSAGES_EN[key]}`);
    }
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: BOT_MESSAGES_EN.privacyOpenMyData, url: "https://peer.example.com/personal/my-data" },
    ]);
  });

  it("understands my data, and privacy with a mention and punctuation, and answers in German for a German locale", async () => {
    expect(cardOf(await privacyReply("my data")).body[0]!.text).toBe(BOT_MESSAGES_EN.privacyTitle);
    expect(cardOf(await privacyReply("<at>Peer Circles</at> Privacy!")).body[0]!.text).toBe(BOT_MESSAGES_EN.privacyTitle);
    const german = cardOf(await privacyReply("privacy", { locale: "de-DE" }));
    expect(german.body[0]!.text).toBe(BOT_MESSAGES_DE.privacyTitle);
    expect(german.actions?.[0]?.title).toBe(BOT_MESSAGES_DE.privacyOpenMyData);
  });

  it("only points to a private chat when said in a channel", async () => {
    const reply = JSON.stringify(cardOf(await privacyReply("privacy", { conversationType: "channel" })));
    expect(reply).toContain(BOT_MESSAGES_EN.privateChatOnly);
    expect(reply).not.toContain(BOT_MESSAGES_EN.privacyTitle);
  });

  it("is offered in the help card and the manifest's personal command list without being added to either", () => {
    expect(JSON.stringify(helpCard(BOT_MESSAGES_EN))).toContain(BOT_MESSAGES_EN.helpCommandPrivacy);
    const [bot] = filledManifest("local").bots as { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    const personal = bot!.commandLists.find((list) => list.scopes[0] === "personal")!;
    expect(personal.commands.map((command) => command.title)).toContain("privacy");
  });
});
