import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isLocalDate,
  isLocalTime,
  localDateOfWallMs,
  utcToZoned,
  wallMsOf,
  weekdayOf,
  zoneClock,
  zonedLocalToUtc,
} from "./zoned-time.js";
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

describe("wall-clock readings to the millisecond", () => {
  it("reads and resolves seconds and milliseconds, and gaps and repeats as toUtc does", () => {
    const london = zoneClock("Europe/London");
    const summer = Date.parse("2026-07-01T08:15:42.123Z");
    expect(london.wallMs(summer)).toBe(Date.parse("2026-07-01T09:15:42.123Z"));
    expect(localDateOfWallMs(london.wallMs(summer))).toBe("2026-07-01");
    expect(london.fromWallMs(wallMsOf("2026-07-01", (9 * 3600 + 15 * 60 + 42) * 1000 + 123))).toBe(summer);
    const halfPastOne = 90 * 60_000 + 7;
    expect(london.fromWallMs(wallMsOf("2026-03-29", halfPastOne))).toBe(Date.parse("2026-03-29T01:30:00.007Z")); // 02:30 BST
    expect(london.fromWallMs(wallMsOf("2026-10-25", halfPastOne))).toBe(Date.parse("2026-10-25T00:30:00.007Z")); // first 01:30
  });

  it("agrees with toUtc on whole minutes and round-trips every moment whose reading is not repeated", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "UTC"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2050-01-01T00:00:00Z"), noInvalidDate: true }),
        (timeZone, at) => {
          const clock = zoneClock(timeZone);
          const wall = clock.wallMs(at.getTime());
          const local = utcToZoned(at, timeZone);
          expect(localDateOfWallMs(wall)).toBe(local.localDate);
          const wholeMinuteWall = Math.floor(wall / 60_000) * 60_000;
          expect(clock.fromWallMs(wholeMinuteWall)).toBe(clock.toUtc(local.localDate, local.localTime).getTime());
          const back = clock.fromWallMs(wall);
          expect(clock.wallMs(back)).toBe(wall);
          if (back !== at.getTime()) expect(back).toBeLessThan(at.getTime());
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});
