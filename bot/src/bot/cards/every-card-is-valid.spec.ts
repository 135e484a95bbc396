import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { adaptiveCardProblems } from "../../../../tests/support/adaptive-card-validation.js";
import { CARD_INJECTION_PAYLOADS } from "../../../../tests/attacks/card-injection-payloads.js";
import * as buddyCard from "../../buddies/buddy-card.js";
import * as circleCard from "../../circles/circle-card.js";
import { BOT_CATALOGUES } from "../bot-messages.js";
import * as adaptiveCard from "./adaptive-card.js";
import { CARD_SAMPLES } from "./card-samples.js";
import * as cardLinks from "./card-links.js";
import * as emergencyCard from "./emergency-card.js";
import * as helpCard from "./help-card.js";
import * as infoCard from "./info-card.js";
import * as labels from "./labels.js";
import * as privateChatCard from "./private-chat-card.js";
import * as privateEmergencyCard from "./private-emergency-card.js";
import * as relayCards from "./relay-cards.js";
import * as requestCards from "./request-cards.js";
import * as supporterCards from "./supporter-cards.js";
import * as userText from "./user-text.js";

/**
 * Issue #14: every card the bot can send is a valid Adaptive Card 1.5 (see
 * tests/support/adaptive-card-validation.ts for what that is checked against), in every language
 * the bot speaks, with ordinary, empty, long and hostile words in every field a person fills.
 */

const SRC = new URL("../../", import.meta.url).pathname;

/** Every module that may export a card builder, by its path under bot/src. */
const CARD_MODULES: Record<string, Record<string, unknown>> = {
  "bot/cards/adaptive-card.ts": adaptiveCard,
  "bot/cards/card-links.ts": cardLinks,
  "bot/cards/emergency-card.ts": emergencyCard,
  "bot/cards/help-card.ts": helpCard,
  "bot/cards/info-card.ts": infoCard,
  "bot/cards/labels.ts": labels,
  "bot/cards/private-chat-card.ts": privateChatCard,
  "bot/cards/private-emergency-card.ts": privateEmergencyCard,
  "bot/cards/relay-cards.ts": relayCards,
  "bot/cards/request-cards.ts": requestCards,
  "bot/cards/supporter-cards.ts": supporterCards,
  "bot/cards/user-text.ts": userText,
  "circles/circle-card.ts": circleCard,
  "buddies/buddy-card.ts": buddyCard,
};

/** Exported functions of those modules that return something other than a whole card. */
const NOT_CARD_BUILDERS = new Set([
  // adaptive-card.ts: the envelope and element helpers every builder uses.
  ...Object.keys(adaptiveCard),
  // Pieces of cards, each validated inside the cards that use them.
  "emergencyBlock",
  "relayComposer",
  // Text and links.
  ...Object.keys(cardLinks),
  ...Object.keys(userText),
  "categoryLabel",
  "statusLabel",
  "urgencyLabel",
  "ageOf",
]);

const LONG_TEXT = "Long words without a break ".repeat(400) + "x".repeat(5000);
const TEXTS = ["Alex Morgan", "", LONG_TEXT, ...CARD_INJECTION_PAYLOADS.map((payload) => payload.text)];

const sourceFiles = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith(".ts") ? [join(directory, entry.name)] : [],
  );
const SOURCES = sourceFiles(SRC).filter((file) => !file.endsWith(".spec.ts") && !file.endsWith("card-samples.ts"));

describe("every card builder", () => {
  it("is in CARD_MODULES: every module in bot/src/bot/cards and every *-card(s).ts file", () => {
    const expected = SOURCES.map((file) => relative(SRC, file)).filter(
      (file) => file.startsWith("bot/cards/") || /-cards?\.ts$/.test(file),
    );
    expect(Object.keys(CARD_MODULES).sort()).toEqual(expected.sort());
  });

  it("has samples: each exported function is a card builder in CARD_SAMPLES or a known helper", () => {
    const functions = Object.values(CARD_MODULES).flatMap((module) =>
      Object.entries(module).flatMap(([name, value]) => (typeof value === "function" ? [name] : [])),
    );
    const withoutSamples = functions.filter((name) => !NOT_CARD_BUILDERS.has(name) && !(name in CARD_SAMPLES));
    expect(withoutSamples).toEqual([]);
    const stale = Object.keys(CARD_SAMPLES).filter((name) => !functions.includes(name));
    expect(stale).toEqual([]);
  });

  it("is the only place that writes card JSON: no element type or card version outside adaptive-card.ts", () => {
    const writesCardJson =
      /type: "(AdaptiveCard|TextBlock|Container|FactSet|Column|ColumnSet|ActionSet|Input\.\w+|Action\.\w+)"|version: "1\.\d"/;
    const offenders = SOURCES.filter((file) => !file.endsWith("cards/adaptive-card.ts") && writesCardJson.test(readFileSync(file, "utf8")));
    expect(offenders.map((file) => relative(SRC, file))).toEqual([]);
  });
});

describe.each(Object.entries(CARD_SAMPLES))("%s", (_name, samples) => {
  it("is a valid Adaptive Card 1.5 in every language, with any words in it", () => {
    const failures: string[] = [];
    let validated = 0;
    for (const [language, messages] of Object.entries(BOT_CATALOGUES)) {
      for (const text of TEXTS) {
        for (const [index, card] of samples(messages, text).entries()) {
          validated += 1;
          for (const problem of adaptiveCardProblems(card))
            failures.push(`[${language}] sample ${index}, text ${JSON.stringify(text.slice(0, 40))}: ${problem}`);
        }
      }
    }
    expect(validated).toBeGreaterThanOrEqual(Object.keys(BOT_CATALOGUES).length * TEXTS.length);
    expect(failures.slice(0, 20), `${failures.length} problems`).toEqual([]);
  });
});

describe("the validator", () => {
  const valid = { type: "AdaptiveCard", $schema: adaptiveCard.ADAPTIVE_CARD_SCHEMA, version: "1.5", body: [] };

  it("fails an unknown element, an unknown property, a newer version and a bad value", () => {
    expect(adaptiveCardProblems(valid)).toEqual([]);
    expect(adaptiveCardProblems({ ...valid, body: [{ type: "TextBlok", text: "x" }] }).join()).toContain("unknown element type");
    expect(adaptiveCardProblems({ ...valid, body: [{ type: "TextBlock", text: "x", colour: "Attention" }] })).not.toEqual([]);
    expect(adaptiveCardProblems({ ...valid, version: "1.6" }).join()).toContain('not "1.5"');
    expect(adaptiveCardProblems({ ...valid, body: [{ type: "TextBlock", text: "x", size: "Huge" }] })).not.toEqual([]);
    expect(adaptiveCardProblems({ ...valid, actions: [{ type: "Action.Execute", verb: "v", title: 3 }] })).not.toEqual([]);
  });

  it("counts the old parser's own reports, apart from its not knowing 1.5", () => {
    const duplicateIds = [
      { type: "Input.Text", id: "same" },
      { type: "Input.Text", id: "same" },
    ];
    expect(adaptiveCardProblems({ ...valid, body: duplicateIds }).join()).toContain("adaptivecards DuplicateId");
  });
});
