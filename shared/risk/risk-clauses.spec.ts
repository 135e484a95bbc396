import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requirementOf } from "./pattern-anchors.js";
import { ELEVATED_FRAMES_EN, RISK_FRAMES_EN } from "./risk-frames-en.js";
import { clausesOf, IDIOM_PLACEHOLDER } from "./risk-clauses.js";
import type { RiskLexicon } from "./risk-lexicon.js";
import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

/** The normalisation as first written, one plain step after another: the fast paths must agree with it. */
function straightforwardClausesOf(text: string, lexicon: RiskLexicon): string[] {
  const lowered = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u0060\u00B4\u2032]/g, "'")
    .replace(/'/g, "");
  const spellings = new Set<string>();
  for (const rawClause of lowered.split(/[.!?;:\n\r]+|\bbut\b|\bhowever\b/)) {
    const words = rawClause.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!words) continue;
    spellings.add(words.replace(/(\p{L})\1{2,}/gu, "$1$1"));
    spellings.add(words.replace(/(\p{L})\1{2,}/gu, "$1"));
  }
  const corrected = [...spellings]
    .join(" | ")
    .split(" ")
    .map((token) => (Object.hasOwn(lexicon.misspellings, token) ? lexicon.misspellings[token]! : token))
    .join(" ");
  const withoutIdioms = lexicon.idioms.reduce((all, idiom) => all.replace(idiom, " _ "), corrected);
  return withoutIdioms
    .split("|")
    .map((clause) => clause.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

const lexicon = RISK_LEXICON_EN;
const IDIOM_WORDS = lexicon.idioms
  .flatMap(({ source }) =>
    source
      .replace(/\\[bwsd]/g, " ")
      .replace(/[^a-z ]+/g, " ")
      .split(" "),
  )
  .filter(Boolean);
const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...IDIOM_WORDS, "i", "want", "to", "die", "but", "however", "dont", "cant") },
  { weight: 2, arbitrary: fc.constantFrom(...Object.keys(lexicon.misspellings), "constructor", "__proto__", "valueOf") },
  // Letters beyond ASCII, long runs of letters, emoji, apostrophes of every kind, full-width forms.
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "café",
      "ééé",
      "жить",
      "𐌰𐌰𐌰",
      "sooo",
      "dieeee",
      "😞",
      "❤️",
      "don\u2019t",
      "can`t",
      "ｋｍｓ",
      "İ",
      "ǅ",
      "ß",
      "5️⃣",
      "_x_",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const separator = fc.constantFrom(" ", " ", " ", ", ", ". ", "! ", "\n", "  ", " - ", "|", "", "...", " \u00a0");
const text = fc
  .array(fc.tuple(word, separator, fc.boolean()), { maxLength: 40 })
  .map((parts) => parts.map(([part, after, upper]) => (upper ? part.toUpperCase() : part) + after).join(""));

describe("clause normalisation", () => {
  it("gives exactly what the straightforward steps give", () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(clausesOf(sample, lexicon)).toEqual(straightforwardClausesOf(sample, lexicon));
      }),
      { numRuns: propertyRuns(1500) },
    );
  });
});

/** Every pattern the English screen indexes (assess-risk.ts adds two message-wide ones, word lists). */
function screenedPatterns(): RegExp[] {
  const lexicon = RISK_LEXICON_EN;
  const frames = [...RISK_FRAMES_EN, ...ELEVATED_FRAMES_EN].flatMap((frame) => [
    ...frame.all,
    ...(frame.unless ?? []),
    ...(frame.unlessInMessage ?? []),
  ]);
  return [
    ...[...lexicon.crisis, ...lexicon.elevated].map(({ pattern }) => pattern),
    ...lexicon.mediaCues,
    ...lexicon.reportedCues,
    ...frames,
    ...lexicon.idioms,
  ];
}

describe("the idioms pass", () => {
  it("leaves a placeholder no screened pattern needs, so presence scanned before a replacement still holds after it", () => {
    const placeholder = IDIOM_PLACEHOLDER.trim();
    for (const pattern of screenedPatterns()) {
      for (const term of requirementOf(pattern) ?? []) {
        for (const anchor of term) expect(anchor.prefix.includes(placeholder), `${pattern} needs "${anchor.prefix}"`).toBe(false);
      }
    }
  });
});
