import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../tests/support/property-runs.js";
import { IntTable } from "./int-table.js";

describe("IntTable", () => {
  it("gives what a Map gives, for keys in it and keys not in it", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { maxLength: 300 }),
        fc.array(fc.integer({ min: -5, max: 2 ** 31 - 1 }), { maxLength: 100 }),
        (keys, probes) => {
          const map = new Map(keys.map((key, index) => [key, index * 3] as const));
          const table = new IntTable(map);
          for (const key of [...keys, ...probes]) expect(table.get(key)).toBe(map.get(key) ?? -1);
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("keeps the last value given for a repeated key, and answers -1 when empty", () => {
    expect(
      new IntTable([
        [7, 1],
        [7, 2],
      ]).get(7),
    ).toBe(2);
    expect(new IntTable([]).get(0)).toBe(-1);
  });
});
