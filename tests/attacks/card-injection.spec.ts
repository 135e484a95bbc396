import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { CARDS_WITHOUT_USER_TEXT, SCENARIOS_WITH_USER_TEXT, type CardScenario } from "./card-injection-builders.js";
import { CARD_INJECTION_PAYLOADS, type CardInjectionPayload } from "./card-injection-payloads.js";
import { addedConstructs, cardUrls, markdownLinkUrls, scanMarkdown, shownWords, wordsOf } from "./card-markdown-checker.js";

/**
 * Issue #13, point 4: one person's words must never look like the bot's in another person's card.
 * Every card builder gets every payload in every field a person or an admin can fill; the card must
 * show the words as plain text (no markdown, no link, nothing hidden), link only to the app's own
 * addresses or an admin's checked ones, and still be a valid Adaptive Card 1.5.
 */

// The official file names itself with draft-04's `id`; Ajv 8 reads draft-06 only with `$id`.
const { id: schemaId, ...schemaBody } = JSON.parse(
  readFileSync(new URL("../fixtures/schemas/adaptive-card.v1.5.schema.json", import.meta.url), "utf8"),
) as Record<string, unknown>;
const schema = { $id: schemaId as string, ...schemaBody };
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json") as object);
ajv.addFormat("uri", (value: string) => URL.canParse(value));
ajv.addFormat("uri-reference", (value: string) => URL.canParse(value, "https://base.example/"));
const validateCard = ajv.compile(schema);

function schemaProblems(card: unknown): string[] {
  if (validateCard(card)) return [];
  return (validateCard.errors ?? []).slice(0, 3).map((error) => `schema: ${error.instancePath} ${error.message}`);
}

const sameAddress = (a: string, b: string) => URL.canParse(a) && URL.canParse(b) && new URL(a).href === new URL(b).href;

/** The app's own addresses, the harmless link values, and the payload when an admin's check accepts it. */
function allowedUrls(scenario: CardScenario, values: Record<string, string>): string[] {
  const allowed = [...scenario.configuredUrls];
  for (const [field, accepted] of Object.entries(scenario.linkFields ?? {})) {
    const value = values[field]!;
    if (accepted(value)) allowed.push(value.trim(), `mailto:${value.trim()}`);
  }
  return allowed;
}

function problemsWith(scenario: CardScenario, values: Record<string, string>, card: unknown, harmless: unknown, textFields: string[]) {
  const problems = addedConstructs(card, harmless).map((construct) => `renders as ${construct}`);
  const allowed = allowedUrls(scenario, values);
  for (const url of [...cardUrls(card), ...markdownLinkUrls(card)]) {
    if (!allowed.some((address) => sameAddress(url, address))) problems.push(`links to ${JSON.stringify(url.slice(0, 80))}`);
  }
  problems.push(...schemaProblems(card));
  const shown = shownWords(card);
  for (const field of textFields) {
    const words = wordsOf(values[field]!).slice(0, 40);
    if (words && !shown.includes(words)) problems.push(`${field}'s words are no longer shown`);
  }
  return problems;
}

/** The first failures in full and how many payloads leaked, since the whole list is long. */
function summary(failures: string[]): string {
  const payloads = new Set(failures.map((failure) => failure.slice(0, failure.indexOf('": ') + 1)));
  return `${payloads.size} payloads leaked (${failures.length} problems); first:\n${failures.slice(0, 12).join("\n")}\n`;
}

const describePayload = (payload: CardInjectionPayload) => `${payload.kind} ${JSON.stringify(payload.text.slice(0, 50))}`;

describe("card injection corpus", () => {
  it("has at least 40 payloads covering every kind of trick", () => {
    expect(CARD_INJECTION_PAYLOADS.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(CARD_INJECTION_PAYLOADS.map((payload) => payload.kind));
    for (const kind of ["markdown", "link", "autolink", "mention", "html", "entity", "bidi-control", "zero-width", "long", "emoji"])
      expect(kinds).toContain(kind);
    for (const kind of ["newline", "date-function", "template"]) expect(kinds).toContain(kind);
  });

  it("the checker can fail: it sees bold, links, autolinks, mentions, hidden characters and a bad card", () => {
    const counts = scanMarkdown("**Notice** [here](https://evil.example) www.evil.example <at>x</at> \u202Eabc\n\nnext").counts;
    for (const kind of ["emphasis *", "link", "html or mention", "hidden character", "paragraph break"])
      expect(counts.get(kind)).toBeGreaterThan(0);
    expect([...counts.keys()].some((kind) => kind.startsWith("autolink"))).toBe(true);
    expect(scanMarkdown("\\*\\*Notice\\*\\* evil\\[.\\]example").counts.size).toBe(0);
    expect(schemaProblems({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlok", text: "x" }] })).not.toEqual([]);
  });
});

describe.each(SCENARIOS_WITH_USER_TEXT)("$builder", (scenario) => {
  const fields = Object.keys(scenario.fields);
  const textFields = fields.filter((field) => !scenario.linkFields?.[field]);

  it.each(fields)("with every payload in %s: plain words, no foreign link, a valid card", async (field) => {
    const harmless = await scenario.build(scenario.fields);
    expect(schemaProblems(harmless)).toEqual([]);
    const failures: string[] = [];
    for (const payload of CARD_INJECTION_PAYLOADS) {
      const values = { ...scenario.fields, [field]: payload.text };
      const card = await scenario.build(values);
      const checked = textFields.includes(field) ? [field] : [];
      for (const problem of problemsWith(scenario, values, card, harmless, checked))
        failures.push(`${describePayload(payload)}: ${problem}`);
    }
    expect(failures, summary(failures)).toEqual([]);
  });

  it("with a payload in every field at once", async () => {
    const harmless = await scenario.build(scenario.fields);
    const failures: string[] = [];
    for (const payload of CARD_INJECTION_PAYLOADS) {
      const values = Object.fromEntries(fields.map((field) => [field, payload.text]));
      const card = await scenario.build(values);
      for (const problem of problemsWith(scenario, values, card, harmless, [])) failures.push(`${describePayload(payload)}: ${problem}`);
    }
    expect(failures, summary(failures)).toEqual([]);
  });
});

describe.each(CARDS_WITHOUT_USER_TEXT)("$builder (no user-supplied field)", ({ card, configuredUrls }) => {
  it("is a valid Adaptive Card 1.5 and links only to the app's own addresses", () => {
    const built = card();
    expect(schemaProblems(built)).toEqual([]);
    for (const url of [...cardUrls(built), ...markdownLinkUrls(built)])
      expect(configuredUrls.some((address) => sameAddress(url, address))).toBe(true);
  });
});
