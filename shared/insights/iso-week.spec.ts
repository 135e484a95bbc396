import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addWeeks, isIsoWeek, isoWeek, weeksBetween, weekStart } from "./iso-week.js";

describe("ISO weeks", () => {
  it("knows which years have a week 53", () => {
    expect(isIsoWeek("2026-W53")).toBe(true);
    expect(isIsoWeek("2025-W53")).toBe(false);
    expect(isIsoWeek("2026-W00")).toBe(false);
    expect(isIsoWeek("2026-W5")).toBe(false);
    expect(weekStart("2026-W01").toISOString()).toBe("2025-12-29T00:00:00.000Z");
  });

  it("round-trips every day through its week's Monday, and steps across year ends", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2001-01-01"), max: new Date("2998-12-01"), noInvalidDate: true }), (day) => {
        const week = isoWeek(day);
        expect(isIsoWeek(week)).toBe(true);
        const start = weekStart(week).getTime();
        expect(day.getTime() - start).toBeGreaterThanOrEqual(0);
        expect(day.getTime() - start).toBeLessThan(7 * 86_400_000);
        expect(addWeeks(addWeeks(week, 1), -1)).toBe(week);
      }),
    );
    expect(weeksBetween("2026-W52", "2027-W02")).toEqual(["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
    expect(weeksBetween("2026-W10", "2026-W09")).toEqual([]);
  });
});
