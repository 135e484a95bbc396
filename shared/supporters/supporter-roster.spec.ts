import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasCaseloadRoom, refresherDue, trainingStatus } from "./supporter-roster.js";

describe("supporter roster", () => {
  it.each([
    ["2025-11-23", "2026-11-23"],
    ["2024-02-29", "2025-02-28"],
    ["2025-01-31", "2026-01-31"],
    ["2025-12-31", "2026-12-31"],
  ])("a refresher for training on %s falls due on %s", (trainedOn, due) => {
    expect(refresherDue(trainedOn)).toBe(due);
  });

  it("refuses a date that is not YYYY-MM-DD", () => {
    expect(() => refresherDue("23/11/2025")).toThrow(RangeError);
  });

  it.each([
    [undefined, "2026-11-23", "untrained"],
    ["2026-01-10", "2026-11-23", "current"],
    ["2025-12-20", "2026-11-23", "due_soon"],
    ["2025-11-23", "2026-11-23", "due_soon"],
    ["2025-11-22", "2026-11-23", "overdue"],
  ] as const)("training on %s is %s… on %s", (trainedOn, today, status) => {
    expect(trainingStatus(trainedOn, today)).toBe(status);
  });

  it("always puts the refresher 365 or 366 days after training, never before", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2090-12-31"), noInvalidDate: true }), (date) => {
        const trainedOn = date.toISOString().slice(0, 10);
        const days = (Date.parse(refresherDue(trainedOn)) - Date.parse(trainedOn)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(365);
        expect(days).toBeLessThanOrEqual(366);
      }),
    );
  });

  it("leaves a supporter out of routing exactly at their cap", () => {
    expect(hasCaseloadRoom(2, 3)).toBe(true);
    expect(hasCaseloadRoom(3, 3)).toBe(false);
  });
});
