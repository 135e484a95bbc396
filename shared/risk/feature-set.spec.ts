import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/support/property-runs.js";
import { FeatureSet } from "./feature-set.js";

describe("FeatureSet", () => {
  it("answers as a Set does, across clears", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 4_999 }), { maxLength: 1_500 }), { minLength: 1, maxLength: 4 }),
        (messages) => {
          const set = new FeatureSet(5_000);
          for (const features of messages) {
            set.clear();
            const reference = new Set<number>();
            for (const feature of [...features, ...features.slice(0, 50)]) {
              expect(set.add(feature)).toBe(!reference.has(feature));
              reference.add(feature);
            }
          }
        },
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  it("forgets everything on each clear", () => {
    const set = new FeatureSet(8);
    for (let message = 0; message < 3; message += 1) {
      set.clear();
      expect(set.add(7)).toBe(true);
      expect(set.add(7)).toBe(false);
    }
  });
});
