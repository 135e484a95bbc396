import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utcToZoned } from "../zoned-time.js";
import { checkInAt, isBuddyWindow, nextWindowStart, parseBuddyWindow, utcCells } from "./buddy-windows.js";
import { WEEKDAYS } from "./circle-schedule.js";

const DAY_MS = 86_400_000;
const at = (iso: string) => new Date(iso);

describe("buddy windows", () => {
  it("reads only weekly windows on the quarter hour", () => {
    expect(["MO-09:00", "SU-23:45", "TH-00:15"].every(isBuddyWindow)).toBe(true);
    expect(["MO-9:00", "XX-09:00", "MO-24:00", "MO-09:10", "mo-09:00", "MO-09:00 "].some(isBuddyWindow)).toBe(false);
    expect(() => parseBuddyWindow("MO-09:10")).toThrow(RangeError);
  });

  it("finds the next start on the person's own wall clock, across a change of the clocks", () => {
    // Europe/London moves to summer time on Sunday 29 March 2026.
    expect(nextWindowStart("MO-09:00", "Europe/London", at("2026-03-29T12:00:00Z")).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(nextWindowStart("MO-09:00", "Europe/London", at("2026-03-23T09:00:00Z")).toISOString()).toBe("2026-03-23T09:00:00.000Z");
    expect(nextWindowStart("MO-09:00", "Europe/London", at("2026-03-23T09:01:00Z")).toISOString()).toBe("2026-03-30T08:00:00.000Z");
  });

  it("lets an hour in London and an hour in Kolkata meet on the half hours they share", () => {
    const from = at("2026-01-10T00:00:00Z");
    const london = utcCells(["MO-09:00"], "Europe/London", from);
    const kolkata = utcCells(["MO-14:00"], "Asia/Kolkata", from);
    expect(london).toEqual(["MO-09:00", "MO-09:15", "MO-09:30", "MO-09:45"]);
    expect(kolkata).toEqual(["MO-08:30", "MO-08:45", "MO-09:00", "MO-09:15"]);
    expect(london.filter((cell) => kolkata.includes(cell))).toEqual(["MO-09:00", "MO-09:15"]);
  });

  it("shares no time between London and New York in the weeks their summer times disagree", () => {
    const cells = (from: string) => [
      utcCells(["MO-09:00"], "Europe/London", at(from)),
      utcCells(["MO-04:00"], "America/New_York", at(from)),
    ];
    const [londonJanuary, newYorkJanuary] = cells("2026-01-10T00:00:00Z");
    expect(newYorkJanuary).toEqual(londonJanuary);
    // New York moved on 8 March, London not until 29 March.
    const [londonMarch, newYorkMarch] = cells("2026-03-14T00:00:00Z");
    expect(londonMarch!.filter((cell) => newYorkMarch!.includes(cell))).toEqual([]);
  });

  it("lists cells soonest first, each a real 15 minutes inside one of the person's windows, within a week", () => {
    const zones = ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Tokyo", "America/Phoenix"];
    const window = fc
      .tuple(fc.constantFrom(...WEEKDAYS), fc.integer({ min: 0, max: 23 }), fc.constantFrom("00", "15", "30", "45"))
      .map(([day, hour, minutes]) => `${day}-${String(hour).padStart(2, "0")}:${minutes}`);
    fc.assert(
      fc.property(
        fc.uniqueArray(window, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...zones),
        fc.date({ min: at("2020-01-01T00:00:00Z"), max: at("2035-01-01T00:00:00Z"), noInvalidDate: true }),
        (windows, timeZone, from) => {
          const starts = utcCells(windows, timeZone, from).map((cell) => checkInAt(cell, from).start.getTime());
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
          for (const start of starts) {
            expect(start).toBeGreaterThanOrEqual(from.getTime());
            expect(start).toBeLessThan(from.getTime() + 7 * DAY_MS);
            const local = utcToZoned(new Date(start), timeZone);
            const weekday = WEEKDAYS[new Date(`${local.localDate}T00:00:00Z`).getUTCDay()]!;
            const minutes = toMinutes(local.localTime);
            const inside = windows.some((candidate) => {
              const parts = parseBuddyWindow(candidate);
              const offset = minutes - toMinutes(parts.localTime);
              return parts.weekday === weekday && offset >= 0 && offset + 15 <= 60;
            });
            // A window that runs past midnight carries on into the next day.
            const previousDay = WEEKDAYS[(WEEKDAYS.indexOf(weekday) + 6) % 7]!;
            const spill = windows.some((candidate) => {
              const parts = parseBuddyWindow(candidate);
              return parts.weekday === previousDay && toMinutes(parts.localTime) + 60 >= 24 * 60 + minutes + 15;
            });
            expect(inside || spill).toBe(true);
          }
        },
      ),
    );
  });

  it("makes a shared cell a concrete 15-minute check-in", () => {
    const { start, end } = checkInAt("TU-16:45", at("2026-05-05T17:00:00Z"));
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-05-12T16:45:00.000Z", "2026-05-12T17:00:00.000Z"]);
  });
});

function toMinutes(localTime: string): number {
  const [hours = 0, minutes = 0] = localTime.split(":").map(Number);
  return hours * 60 + minutes;
}
