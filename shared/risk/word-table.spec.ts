import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/support/property-runs.js";
import { WordTable } from "./word-table.js";

describe("WordTable", () => {
  it("finds each word and its value straight from a text, and nothing for other tokens", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z_0-9]{1,8}$/), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 8 }), { maxLength: 50 }),
        (words, others) => {
          const table = new WordTable(
            words,
            words.map((_, number) => number * 2 + 1),
          );
          for (const [number, word] of words.entries()) {
            const text = `x ${word} y`;
            const slot = table.slotAt(text, 2, 2 + word.length);
            expect(table.numberIn(slot)).toBe(number);
            expect(table.valueIn(slot)).toBe(number * 2 + 1);
          }
          for (const other of others) expect(table.numberAt(other)).toBe(words.indexOf(other));
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("answers -1 for a word's prefix, a longer word and the empty token", () => {
    const table = new WordTable(["pill", "pills"]);
    expect(table.numberAt("pil")).toBe(-1);
    expect(table.numberAt("pillss")).toBe(-1);
    expect(table.numberAt("")).toBe(-1);
    expect(table.numberAt("pills")).toBe(1);
    expect(table.valueIn(table.slotAt("pill", 0, 4))).toBe(-1);
  });
});
