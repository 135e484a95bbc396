import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { vtimezoneComponent } from "./vtimezone.js";
import { propertyRuns } from "../../../tests/support/property-runs.js";

/** Building an Intl formatter is slow; one per zone keeps the spec fast. */
const offsetLabels = new Map<string, Intl.DateTimeFormat>();

/** Offset in seconds from Intl's "GMT+05:30" label, independent of the code under test. */
function intlOffsetSeconds(at: Date, timeZone: string): number {
  const format = offsetLabels.get(timeZone) ?? new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  offsetLabels.set(timeZone, format);
  const label = format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(label);
  if (!match) throw new Error(`unexpected offset label ${label}`);
  return match[1] ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60) : 0;
}

const HOUR_MS = 3_600_000;

/**
 * The UTC instant ical.js gives a wall-clock time in our VTIMEZONE: local to UTC, the direction calendars
 * read DTSTART in. (ical.js's own UTC-to-local conversion reads the UTC time as if it were local, so it
 * is out by the offset near each change and is no use as a check.)
 */
function icalInstant(zone: ICAL.Timezone, wall: Date): number {
  const time = new ICAL.Time(
    {
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      isDate: false,
    },
    zone,
  );
  return time.toUnixTime() * 1000;
}

/** Checks that ical.js maps the wall time Intl shows at `at` back to `at` itself. */
function expectSameInstant(zone: ICAL.Timezone, timeZone: string, at: number): void {
  const wall = new Date(at + intlOffsetSeconds(new Date(at), timeZone) * 1000);
  expect(new Date(icalInstant(zone, wall)).toISOString(), `${timeZone} ${wall.toISOString().slice(0, 19)}`).toBe(
    new Date(at).toISOString(),
  );
}

/** Whether the wall time at `at` is clear of any change, so it happens exactly once. */
function clearOfChanges(timeZone: string, at: number): boolean {
  const offsets = [at - 3 * HOUR_MS, at, at + 3 * HOUR_MS].map((moment) => intlOffsetSeconds(new Date(moment), timeZone));
  return offsets.every((offset) => offset === offsets[0]);
}

function icalZone(text: string): ICAL.Timezone {
  return new ICAL.Timezone(new ICAL.Component(ICAL.parse(text)));
}

const YEARS = { fromYear: 2018, toYear: 2030 };

describe("vtimezoneComponent", () => {
  it("writes New York as its two yearly rules", () => {
    expect(vtimezoneComponent("America/New_York", YEARS).split("\r\n")).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:America/New_York",
      "BEGIN:STANDARD",
      "DTSTART:20180101T000000",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0500",
      "END:STANDARD",
      "BEGIN:DAYLIGHT",
      "DTSTART:20180311T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
      "TZOFFSETFROM:-0500",
      "TZOFFSETTO:-0400",
      "END:DAYLIGHT",
      "BEGIN:STANDARD",
      "DTSTART:20181104T020000",
      "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
      "TZOFFSETFROM:-0400",
      "TZOFFSETTO:-0500",
      "END:STANDARD",
      "END:VTIMEZONE",
    ]);
  });

  it("writes London's last-Sunday rules and a fixed zone's single offset", () => {
    const london = vtimezoneComponent("Europe/London", YEARS);
    expect(london).toContain("DTSTART:20180325T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100");
    expect(london).toContain(
      "DTSTART:20181028T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000",
    );
    const kolkata = vtimezoneComponent("Asia/Kolkata", YEARS);
    expect(kolkata).toContain("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530");
    expect(kolkata.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(kolkata).not.toContain("DAYLIGHT");
  });

  it("does not carry on summer time a zone has dropped", () => {
    // Mexico ended summer time in 2022; the old changes stay explicit and no yearly rule runs on.
    const mexico = vtimezoneComponent("America/Mexico_City", YEARS);
    expect(mexico).not.toContain("RRULE");
    const zone = icalZone(mexico);
    // Noon in July: 17:00 UTC under summer time (-05:00), 18:00 UTC without it (-06:00).
    expect(new Date(icalInstant(zone, new Date("2021-07-01T12:00:00Z"))).toISOString()).toBe("2021-07-01T17:00:00.000Z");
    expect(new Date(icalInstant(zone, new Date("2027-07-01T12:00:00Z"))).toISOString()).toBe("2027-07-01T18:00:00.000Z");
    expect(new Date(icalInstant(zone, new Date("2040-07-01T12:00:00Z"))).toISOString()).toBe("2040-07-01T18:00:00.000Z");
  });

  it("writes rules that are not the nth weekday as a seven-day window", () => {
    // Israel moves to summer time on the Friday before the last Sunday of March.
    expect(vtimezoneComponent("Asia/Jerusalem", YEARS)).toContain("RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=FR");
  });

  it("refuses a backwards range of years", () => {
    expect(() => vtimezoneComponent("Europe/London", { fromYear: 2030, toYear: 2020 })).toThrow(RangeError);
    expect(() => vtimezoneComponent("Europe/London", { fromYear: 2020.5, toYear: 2030 })).toThrow(RangeError);
  });

  const zones = [
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Pacific/Auckland",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Asia/Jerusalem",
    "America/Santiago",
    "America/Sao_Paulo",
    "America/Mexico_City",
    "Africa/Casablanca",
    "Asia/Tehran",
    "UTC",
  ];

  it("gives ical.js the same offset as Intl at every moment in the years it covers", () => {
    const built = new Map(zones.map((zone) => [zone, icalZone(vtimezoneComponent(zone, YEARS))]));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date("2018-01-01T12:00:00Z"), max: new Date("2030-12-31T12:00:00Z"), noInvalidDate: true }),
        (timeZone, at) => {
          const zone = built.get(timeZone);
          if (!zone) throw new Error(timeZone);
          const whole = Math.floor(at.getTime() / 1000) * 1000;
          fc.pre(clearOfChanges(timeZone, whole));
          expectSameInstant(zone, timeZone, whole);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("puts every change at the very second Intl has it", () => {
    for (const timeZone of zones) {
      const zone = icalZone(vtimezoneComponent(timeZone, YEARS));
      let checked = 0;
      const week = 7 * 86_400_000;
      for (let day = Date.UTC(2018, 0, 2); day < Date.UTC(2030, 11, 24); day += week) {
        const offsetBefore = intlOffsetSeconds(new Date(day), timeZone);
        if (offsetBefore === intlOffsetSeconds(new Date(day + week), timeZone)) continue;
        // The first second on the new offset.
        let low = day;
        let high = day + week;
        while (high - low > 1000) {
          const middle = Math.floor((low + high) / 2000) * 1000;
          if (intlOffsetSeconds(new Date(middle), timeZone) === offsetBefore) low = middle;
          else high = middle;
        }
        const jumpMs = (intlOffsetSeconds(new Date(high), timeZone) - offsetBefore) * 1000;
        if (jumpMs > 0) {
          // Clocks go forward: the last second before and the first after are both unambiguous.
          expectSameInstant(zone, timeZone, high - 1000);
          expectSameInstant(zone, timeZone, high);
        } else {
          // Clocks go back: the hour either side of the change is shown twice, so check just outside it.
          expectSameInstant(zone, timeZone, high + jumpMs - 1000);
          expectSameInstant(zone, timeZone, high - jumpMs);
        }
        checked += 1;
      }
      if (!["Asia/Kolkata", "UTC", "Asia/Tehran", "America/Mexico_City", "America/Sao_Paulo"].includes(timeZone)) {
        expect(checked, timeZone).toBeGreaterThan(20);
      }
    }
  });

  it("carries yearly rules on past the years it was asked for", () => {
    const ruled = ["America/New_York", "Europe/London", "Pacific/Auckland", "Australia/Sydney", "Asia/Jerusalem", "America/Santiago"];
    const built = new Map(ruled.map((zone) => [zone, icalZone(vtimezoneComponent(zone, YEARS))]));
    fc.assert(
      fc.property(
        fc.constantFrom(...ruled),
        fc.date({ min: new Date("2031-01-01T00:00:00Z"), max: new Date("2060-12-31T23:59:59Z"), noInvalidDate: true }),
        (timeZone, at) => {
          const zone = built.get(timeZone);
          if (!zone) throw new Error(timeZone);
          const whole = Math.floor(at.getTime() / 1000) * 1000;
          fc.pre(clearOfChanges(timeZone, whole));
          expectSameInstant(zone, timeZone, whole);
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });
});
