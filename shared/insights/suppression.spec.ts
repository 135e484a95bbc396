import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerQuery, participationShare, percentile, publishedCells, type AtomicCell, type InsightsQuery } from "./suppression.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const WEEKS = ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45"];
const CATEGORIES = ["workload", "conflict", "wellbeing", "other"];
const URGENCIES = ["today", "soon", "can_wait"];
const K = 5;

const cellArbitrary = fc
  .record({
    week: fc.constantFrom(...WEEKS),
    category: fc.constantFrom(...CATEGORIES),
    urgency: fc.constantFrom(...URGENCIES),
    people: fc.integer({ min: 0, max: 12 }),
    extra: fc.integer({ min: 0, max: 5 }),
    values: fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 15 }),
  })
  .map(({ week, category, urgency, people, extra, values }): AtomicCell => ({
    week,
    dims: { category, urgency },
    people,
    count: people + extra,
    values,
  }));

const queryArbitrary = fc
  .record({
    from: fc.integer({ min: 0, max: WEEKS.length - 1 }),
    length: fc.integer({ min: 0, max: WEEKS.length - 1 }),
    filter: fc.option(fc.record({ urgency: fc.constantFrom(...URGENCIES) }), { nil: undefined }),
    groupBy: fc.constantFrom("category", "urgency", "week", undefined),
  })
  .map(({ from, length, filter, groupBy }): InsightsQuery => ({
    fromWeek: WEEKS[from]!,
    toWeek: WEEKS[Math.min(WEEKS.length - 1, from + length)]!,
    ...(filter ? { filter } : {}),
    ...(groupBy ? { groupBy } : {}),
  }));

function groupsFor(query: InsightsQuery): string[] {
  if (query.groupBy === "category") return CATEGORIES;
  if (query.groupBy === "urgency") return URGENCIES;
  if (query.groupBy === "week") return WEEKS;
  return ["all"];
}

/** Any change to the small cells: other sizes under the threshold, other counts and values, or none at all. */
const perturbation = fc.array(
  fc.record({
    people: fc.integer({ min: 0, max: K - 1 }),
    extra: fc.integer({ min: 0, max: 9 }),
    values: fc.array(fc.integer({ min: 1, max: 600 }), { maxLength: 6 }),
    drop: fc.boolean(),
  }),
  { minLength: 60, maxLength: 60 },
);

describe("insights suppression", () => {
  it("answers every query the same whatever the withheld cells hold (no differencing, no totals trick)", () => {
    fc.assert(
      fc.property(
        fc.array(cellArbitrary, { maxLength: 60 }),
        fc.array(queryArbitrary, { minLength: 1, maxLength: 6 }),
        perturbation,
        (cells, queries, changes) => {
          const changed = cells.flatMap((cell, index) => {
            if (cell.people >= K) return [cell];
            const change = changes[index]!;
            return change.drop ? [] : [{ ...cell, people: change.people, count: change.people + change.extra, values: change.values }];
          });
          for (const query of queries)
            expect(answerQuery(changed, query, groupsFor(query))).toEqual(answerQuery(cells, query, groupsFor(query)));
        },
      ),
      { numRuns: propertyRuns(400) },
    );
  });

  it("never shows a figure built on fewer than five people", () => {
    fc.assert(
      fc.property(fc.array(cellArbitrary, { maxLength: 60 }), queryArbitrary, (cells, query) => {
        for (const row of answerQuery(cells, query, groupsFor(query))) {
          if (row.count.withheld) continue;
          const behind = publishedCells(cells).filter(
            (cell) =>
              cell.week >= query.fromWeek &&
              cell.week <= query.toWeek &&
              Object.entries(query.filter ?? {}).every(([dimension, value]) => cell.dims[dimension] === value) &&
              (!query.groupBy || (query.groupBy === "week" ? cell.week : cell.dims[query.groupBy]) === row.group),
          );
          expect(behind.length).toBeGreaterThan(0);
          expect(behind.every((cell) => cell.people >= K)).toBe(true);
        }
      }),
      { numRuns: propertyRuns(400) },
    );
  });

  it("keeps a small category out of the total, so total minus the others reveals nothing", () => {
    const week = WEEKS[0]!;
    const cells: AtomicCell[] = [
      { week, dims: { category: "workload", urgency: "today" }, people: 8, count: 9 },
      { week, dims: { category: "conflict", urgency: "today" }, people: 6, count: 6 },
      { week, dims: { category: "wellbeing", urgency: "today" }, people: 3, count: 3 },
    ];
    const query = { fromWeek: week, toWeek: week };
    const [total] = answerQuery(cells, query, ["all"]);
    const byCategory = answerQuery(cells, { ...query, groupBy: "category" }, ["workload", "conflict", "wellbeing"]);
    expect(byCategory.map((row) => row.count)).toEqual([{ withheld: false, value: 9 }, { withheld: false, value: 6 }, { withheld: true }]);
    expect(total!.count).toEqual({ withheld: false, value: 15 });
  });

  it("withholds medians over fewer than five measurements and reports nearest-rank percentiles", () => {
    const week = WEEKS[0]!;
    const many: AtomicCell = {
      week,
      dims: { category: "workload" },
      people: 6,
      count: 6,
      values: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    };
    const [row] = answerQuery([many], { fromWeek: week, toWeek: week }, ["all"]);
    expect(row!.median).toEqual({ withheld: false, value: 50 });
    expect(row!.p90).toEqual({ withheld: false, value: 90 });
    const few: AtomicCell = { ...many, values: [5, 7] };
    expect(answerQuery([few], { fromWeek: week, toWeek: week }, ["all"])[0]!.median).toEqual({ withheld: true });
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
  });

  it("withholds a participation point when either those who took part or those who did not are under five", () => {
    expect(
      participationShare([
        { week: "2026-W40", participants: 30, members: 100 },
        { week: "2026-W41", participants: 4, members: 100 },
        { week: "2026-W42", participants: 97, members: 100 },
        { week: "2026-W43", participants: 0, members: 0 },
      ]),
    ).toEqual([
      { week: "2026-W40", withheld: false, share: 0.3 },
      { week: "2026-W41", withheld: true },
      { week: "2026-W42", withheld: true },
      { week: "2026-W43", withheld: true },
    ]);
  });
});
