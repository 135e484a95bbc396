import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isLocalDate, isLocalTime, utcToZoned, weekdayOf, zoneClock, zonedLocalToUtc } from "./zoned-time.js";
import { propertyRuns } from "../tests/support/property-runs.js";

describe("local dates", () => {
  it("knows real dates from look-alikes", () => {
    expect(["2026-01-31", "2024-02-29", "0001-01-01"].every(isLocalDate)).toBe(true);
    expect(["2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "20260105", ""].some(isLocalDate)).toBe(false);
    expect(["00:00", "23:59", "09:05"].every(isLocalTime)).toBe(true);
    expect(["24:00", "9:00", "12:60", "12:00:00"].some(isLocalTime)).toBe(false);
  });

  it("counts days across months, leap years and centuries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addDays("0099-12-31", 1)).toBe("0100-01-01");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2027-01-01", "2026-01-01")).toBe(-365);
    expect(weekdayOf("2026-03-09")).toBe(1);
    expect(weekdayOf("2026-03-08")).toBe(0);
  });
});

describe("zonedLocalToUtc", () => {
  it("reads a wall time in the zone, not on the machine running the code", () => {
    expect(zonedLocalToUtc("2026-07-01", "09:00", "America/New_York").toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedLocalToUtc("2026-01-01", "09:00", "America/New_York").toISOString()).toBe("2026-01-01T14:00:00.000Z");
    expect(zonedLocalToUtc("2026-01-01", "09:00", "Asia/Kolkata").toISOString()).toBe("2026-01-01T03:30:00.000Z");
    expect(zonedLocalToUtc("2026-01-01", "00:00", "Pacific/Auckland").toISOString()).toBe("2025-12-31T11:00:00.000Z");
  });

  it("moves a skipped time forward and takes the first of a repeated one", () => {
    expect(zonedLocalToUtc("2026-03-29", "01:30", "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z"); // 02:30 BST
    expect(zonedLocalToUtc("2026-10-25", "01:30", "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z"); // 01:30 BST
    expect(zonedLocalToUtc("2026-04-05", "02:30", "Pacific/Auckland").toISOString()).toBe("2026-04-04T13:30:00.000Z"); // NZDT
  });

  it("round-trips every wall time that exists", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Santiago", "UTC"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2050-01-01T00:00:00Z"), noInvalidDate: true }),
        (timeZone, at) => {
          const wholeMinute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
          const local = utcToZoned(wholeMinute, timeZone);
          const back = zonedLocalToUtc(local.localDate, local.localTime, timeZone);
          expect(utcToZoned(back, timeZone)).toEqual(local);
          // Only the second pass through a repeated hour comes back earlier, and then by the repeat.
          const clock = zoneClock(timeZone);
          if (back.getTime() !== wholeMinute.getTime()) {
            expect(wholeMinute.getTime() - back.getTime()).toBe(clock.offsetMs(back.getTime()) - clock.offsetMs(wholeMinute.getTime()));
          }
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});
