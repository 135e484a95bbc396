import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCorpus, screenFigures } from "../../shared/risk/risk-evaluation.js";

const corpus = (part: string) => parseCorpus(readFileSync(new URL(`../fixtures/risk-corpus/${part}.jsonl`, import.meta.url), "utf8"));

/**
 * The held-out part was written from the list of kinds alone, by an author who never saw the
 * screen, and is never tuned on. The goals (crisis recall ≥ 98%, elevated-or-crisis ≥ 90%,
 * benign judged crisis ≤ 3%) are NOT met yet: `npm run bench` prints them with met = no. What this
 *  suite holds is the floor measured on the fresh held-out part (2026-12-03: crisis 90.5%,
 * elevated-or-crisis 96.6%, benign judged crisis 6.5%), so the screen cannot quietly get worse.
 * Raise these floors towards the goals; never lower them to pass.
 */
describe("crisis screen on the held-out corpus", () => {
  const heldOut = corpus("heldout");
  const figures = screenFigures(heldOut);

  it("is big enough to mean something, at every level", () => {
    expect(figures.byLevel.crisis).toBeGreaterThanOrEqual(150);
    expect(figures.byLevel.elevated).toBeGreaterThanOrEqual(100);
    expect(figures.byLevel.none).toBeGreaterThanOrEqual(100);
  });

  it("finds crisis phrasings at least as well as when first measured", () => {
    expect(figures.crisisRecall).toBeGreaterThanOrEqual(0.9);
  });

  it("meets the elevated-or-crisis goal of 90%", () => {
    expect(figures.elevatedOrCrisisRecall).toBeGreaterThanOrEqual(0.9);
  });

  it("judges benign phrasings crisis no more often than when first measured", () => {
    expect(figures.benignJudgedCrisis).toBeLessThanOrEqual(0.07);
  });
});

describe("crisis screen on the development corpus", () => {
  it("has together with the held-out part at least 800 phrasings", () => {
    expect(corpus("development").length + corpus("heldout").length).toBeGreaterThanOrEqual(800);
  });

  it("holds the goals it was tuned towards on its own part", () => {
    const figures = screenFigures(corpus("development"));
    expect(figures.crisisRecall).toBeGreaterThanOrEqual(0.94);
    expect(figures.elevatedOrCrisisRecall).toBeGreaterThanOrEqual(0.9);
    expect(figures.benignJudgedCrisis).toBeLessThanOrEqual(0.03);
  });
});
