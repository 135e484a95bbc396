import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clausesOf } from "./risk-clauses.js";
import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import RISK_MODEL_EN from "./risk-model-en.json" with { type: "json" };
import { bayesClauseFeatures, modelFeatures, modelPosterior, modelPosteriorByFeatures, posteriorOf, type RiskModel } from "./risk-model.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const model = RISK_MODEL_EN as RiskModel;
const MODEL_WORDS = Object.keys(model.features).flatMap((feature) => feature.split("_"));
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...MODEL_WORDS) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...MODEL_WORDS), fc.constantFrom("s", "ing", "ed", "es", "ly"))
      .map(([word, ending]) => word + ending),
  },
  // Names a lookup also finds on Object.prototype, and tokens that stem to nothing or hold "_".
  { weight: 1, arbitrary: fc.constantFrom("constructor", "constructors", "__proto__", "tostring", "s", "ing", "_", "a_b", "", "x_") },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
);
const clauses = fc.array(
  fc.array(token, { maxLength: 20 }).map((tokens) => tokens.join(" ")),
  { maxLength: 6 },
);

describe("risk model", () => {
  it("sums exactly what the straightforward sum over feature names does, in the same order", () => {
    fc.assert(
      fc.property(clauses, (sample) => {
        expect(modelPosterior(sample, model)).toEqual(modelPosteriorByFeatures(sample, model));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("scores any set of a message's clauses from its features as it scores those clauses' text", () => {
    fc.assert(
      fc.property(clauses, fc.array(fc.nat(), { maxLength: 4 }), (sample, picks) => {
        const some = [...new Set(picks.map((pick) => pick % Math.max(1, sample.length)))].filter((at) => at < sample.length);
        const features = bayesClauseFeatures(sample, model);
        if (features === "by-features") throw new Error("the shipped model is numbered");
        expect(posteriorOf(features, model, some)).toEqual(
          modelPosteriorByFeatures(
            some.map((at) => sample[at]!),
            model,
          ),
        );
        expect(posteriorOf(features, model)).toEqual(modelPosteriorByFeatures(sample, model));
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("agrees on real normalised messages too", () => {
    for (const text of ["I can't go on anymore", "constructors are fine", "my manager said i am killing it 🎉", ""]) {
      const normalised = clausesOf(text, RISK_LEXICON_EN);
      expect(modelPosterior(normalised, model)).toEqual(modelPosteriorByFeatures(normalised, model));
    }
  });

  it("stems as /(?:ing|ed|es|s|ly)$/ does", () => {
    fc.assert(
      // "_" alone is the idiom placeholder, which the model skips.
      fc.property(
        fc.stringMatching(/^[a-zé_]{1,8}$/).filter((word) => word !== "_"),
        (word) => {
          expect(modelFeatures([word])).toEqual([word.replace(/(?:ing|ed|es|s|ly)$/, "")]);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});
