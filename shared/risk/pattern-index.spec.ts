import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { requirementOf } from "./pattern-anchors.js";
import { PatternIndex } from "./pattern-index.js";
import { ELEVATED_FRAMES_EN, RISK_FRAMES_EN } from "./risk-frames-en.js";
import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const lexicon = RISK_LEXICON_EN;
const SCREEN_PATTERNS = [
  ...[...lexicon.crisis, ...lexicon.elevated].map(({ pattern }) => pattern),
  ...lexicon.mediaCues,
  ...lexicon.reportedCues,
  ...[...RISK_FRAMES_EN, ...ELEVATED_FRAMES_EN].flatMap((frame) => [
    ...frame.all,
    ...(frame.unless ?? []),
    ...(frame.unlessInMessage ?? []),
  ]),
];
const screenIndex = new PatternIndex(SCREEN_PATTERNS);
const idiomIndex = new PatternIndex(lexicon.idioms);

/** Words the patterns are written with, so random texts keep brushing against them. */
const VOCABULARY = [
  ...new Set(
    [...SCREEN_PATTERNS, ...lexicon.idioms].flatMap(({ source }) =>
      source
        .replace(/\\[bwsd]/g, " ")
        .replace(/[^a-z0-9 ]+/g, " ")
        .split(" ")
        .filter(Boolean),
    ),
  ),
];
const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VOCABULARY) },
  { weight: 1, arbitrary: fc.constantFrom("i", "my", "me", "not", "the", "a", "_", "x", "é", "café", "9", "suicidally", "ing") },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
const separator = fc.constantFrom(" ", " ", " ", "  ", "", "_", "-", ". ", " | ", "'", "é");
const text = fc.array(fc.tuple(word, separator), { maxLength: 30 }).map((parts) => parts.map(([part, after]) => part + after).join(""));

describe("pattern index", () => {
  // The index may only ever skip a pattern that would not have matched: that is what keeps the
  // screen's answers exactly those of running every pattern on every clause.
  it("never rules out a pattern that matches the text", () => {
    fc.assert(
      fc.property(text, (sample) => {
        const present = screenIndex.scan(sample);
        for (const pattern of SCREEN_PATTERNS)
          if (pattern.test(sample)) expect(screenIndex.mayMatch(present, pattern), pattern.source).toBe(true);
        const idioms = idiomIndex.scan(sample);
        for (const idiom of lexicon.idioms) if (idiom.test(sample)) expect(idiomIndex.mayMatch(idioms, idiom), idiom.source).toBe(true);
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  it("marks a whole message's row from words in different clauses", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (clauses) => {
        const width = screenIndex.size;
        const present = screenIndex.scanAll(clauses);
        const message = clauses.join(" . ");
        for (const pattern of SCREEN_PATTERNS) {
          const id = screenIndex.idOf(pattern);
          clauses.forEach((clause, row) => {
            if (pattern.test(clause)) expect(present[row * width + id], pattern.source).toBe(1);
          });
          if (pattern.test(message)) expect(present[clauses.length * width + id], pattern.source).toBe(1);
        }
      }),
      { numRuns: propertyRuns(150) },
    );
  });

  it("skips patterns whose needed words are missing", () => {
    const [firstPerson, suicide, wantToDie] = [/\b(?:i|im)\b/, /\bsuicid\w*/, /\bwant to (?:die|sleep)\b/];
    const index = new PatternIndex([firstPerson, suicide, wantToDie]);
    const mayMatch = (sample: string, pattern: RegExp) => index.mayMatch(index.scan(sample), pattern);
    expect(mayMatch("in it", firstPerson)).toBe(false);
    expect(mayMatch("so i", firstPerson)).toBe(true);
    expect(mayMatch("suicidal", suicide)).toBe(true);
    expect(mayMatch("i want to go", wantToDie)).toBe(false);
    // Words are needed, not their order: the pattern still runs and finds nothing.
    expect(mayMatch("die, want to", wantToDie)).toBe(true);
  });

  it("always runs a pattern written in a way it does not understand", () => {
    for (const pattern of [/(?=die)die/, /\b(\w)\1\b/, /\bdie\b/i, /\bdi{2}e\b/, /\bdie\B/, /\b\p{L}+\b/u, /die/]) {
      expect(requirementOf(pattern), pattern.source).toBeNull();
      const index = new PatternIndex([pattern]);
      expect(index.mayMatch(index.scan(""), pattern)).toBe(true);
    }
  });
});
