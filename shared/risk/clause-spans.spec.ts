import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/support/property-runs.js";
import { CLAUSE_SEPARATOR, joinedClauses } from "./clause-spans.js";

describe("joinedClauses", () => {
  it("holds every clause in order as a span, or refuses when a clause holds the separator", () => {
    const unit = fc.constantFrom("a", " ", "_", CLAUSE_SEPARATOR, "é", "😀");
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12, unit }), { maxLength: 8 }), (clauses) => {
        const joined = joinedClauses(clauses);
        if (clauses.some((clause) => clause.includes(CLAUSE_SEPARATOR))) {
          expect(joined).toBeUndefined();
          return;
        }
        let from = 0;
        for (const clause of clauses) {
          expect(joined!.slice(from, from + clause.length)).toBe(clause);
          from += clause.length + CLAUSE_SEPARATOR.length;
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
