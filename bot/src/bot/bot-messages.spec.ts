import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestAdapter, type Activity } from "botbuilder";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedStore } from "../storage/embedded-store.js";
import { BOT_MESSAGES_DE } from "./bot-messages.de.js";
import { BOT_CATALOGUES, BOT_MESSAGES_EN, botMessages } from "./bot-messages.js";
import type { ProactiveMessenger } from "./proactive-messenger.js";
import { testBot } from "./test-bot.js";

/** Keys of `reference` that `catalogue` lacks or leaves empty. */
function missingKeys(reference: Record<string, string>, catalogue: Record<string, string>): string[] {
  return Object.keys(reference).filter((key) => typeof catalogue[key] !== "string" || catalogue[key].trim() === "");
}
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const boldWords = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]).sort();
const catalogues = Object.entries(BOT_CATALOGUES);

describe("the bot's message catalogues", () => {
  it.each(catalogues.flatMap(([a]) => catalogues.filter(([b]) => b !== a).map(([b]) => [a, b] as const)))(
    "every key in %s is in %s too, and not empty",
    (from, to) => {
      expect(missingKeys(BOT_CATALOGUES[from]!, BOT_CATALOGUES[to]!)).toEqual([]);
    },
  );

  it("the missing-key check can fail: a catalogue without one key is caught", () => {
    const { helpTitle: _dropped, ...withoutOne } = BOT_MESSAGES_DE;
    expect(missingKeys(BOT_MESSAGES_EN, withoutOne)).toEqual(["helpTitle"]);
    expect(missingKeys(BOT_MESSAGES_EN, { ...BOT_MESSAGES_DE, helpIntro: " " })).toEqual(["helpIntro"]);
  });

  it("keeps every {slot} and every **bold** command word the same in each language", () => {
    for (const [language, catalogue] of catalogues) {
      for (const [key, english] of Object.entries(BOT_MESSAGES_EN)) {
        const text = catalogue[key as keyof typeof BOT_MESSAGES_EN];
        expect(slots(text), `${language}.${key}`).toEqual(slots(english));
        expect(boldWords(text), `${language}.${key}`).toEqual(boldWords(english));
      }
    }
  });

  it.each([
    ["de-DE", BOT_MESSAGES_DE],
    ["de", BOT_MESSAGES_DE],
    ["DE_at", BOT_MESSAGES_DE],
    ["en-GB", BOT_MESSAGES_EN],
    ["fr-FR", BOT_MESSAGES_EN],
    ["", BOT_MESSAGES_EN],
    [undefined, BOT_MESSAGES_EN],
    ["__proto__", BOT_MESSAGES_EN],
    ["constructor", BOT_MESSAGES_EN],
  ])("picks the catalogue for %s", (locale, expected) => {
    expect(botMessages(locale)).toBe(expected);
  });
});

describe("the bot answers in the activity's language", () => {
  const TENANT = "7d3f7a52-aaaa-4bbb-8ccc-ddddeeeeffff";
  const USER = "44444444-0000-4000-8000-000000000004";
  const silent: ProactiveMessenger = { sendCard: async () => undefined, sendText: async () => undefined };
  let directory: string;
  let store: EmbeddedStore;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), "bot-locale-"));
    store = new EmbeddedStore({ directory });
  });
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  function helpReply(fields: Partial<Activity>) {
    const bot = testBot(store, silent, pino({ level: "silent" }));
    const adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: "msteams",
      conversation: { id: "conv-locale", conversationType: "personal", isGroup: false, tenantId: TENANT },
      from: { id: `29:${USER}`, name: "Robin Example", aadObjectId: USER },
    } as Partial<Activity>);
    let text = "";
    return adapter
      .send({ type: "message", text: "help", ...fields })
      .assertReply((activity) => {
        text = JSON.stringify(activity.attachments?.[0]?.content);
      })
      .then(() => text);
  }

  it("from activity.locale", async () => {
    expect(await helpReply({ locale: "de-DE" })).toContain(BOT_MESSAGES_DE.helpWhoSeesWhat);
    expect(await helpReply({ locale: "en-US" })).toContain(BOT_MESSAGES_EN.helpWhoSeesWhat);
  });

  it("from Teams' clientInfo entity when the activity has no locale, and in English with neither", async () => {
    const clientInfo = (locale: string) => ({ entities: [{ type: "clientInfo", locale, country: "DE", platform: "Web" }] });
    expect(await helpReply(clientInfo("de-DE"))).toContain(BOT_MESSAGES_DE.helpWhoSeesWhat);
    expect(await helpReply({ locale: "en-GB", ...clientInfo("de-DE") })).toContain(BOT_MESSAGES_EN.helpWhoSeesWhat);
    const neither = await helpReply({});
    expect(neither).toContain(BOT_MESSAGES_EN.helpWhoSeesWhat);
    expect(neither).not.toContain(BOT_MESSAGES_DE.helpWhoSeesWhat);
  });
});
