import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../zoned-time.js";
import { circleRecurrenceSchema } from "./circle-recurrence-schema.js";
import {
  firstSessionDate,
  formatSessionForViewer,
  isSessionDate,
  nextSessions,
  sessionPartsForViewer,
  WEEKDAYS,
  type CircleRecurrence,
  type SessionViewer,
} from "./circle-schedule.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function circle(overrides: Partial<CircleRecurrence> = {}): CircleRecurrence {
  return circleRecurrenceSchema.parse({
    cadence: "weekly",
    weekday: "MO",
    localTime: "09:00",
    durationMinutes: 60,
    timeZone: "America/New_York",
    startDate: "2026-01-05",
    ...overrides,
  });
}

const starts = (sessions: { start: Date }[]) => sessions.map((session) => session.start.toISOString());

/**
 * An oracle for offsets that does not share code with zoned-time.ts: it reads Intl's "GMT-04:00"
 * label instead of rebuilding the wall clock from formatToParts.
 */
function offsetMinutes(at: Date | number, timeZone: string): number {
  const label =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((part) => part.type === "timeZoneName")?.value ?? "";
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(label);
  if (!match) throw new Error(`unexpected offset label ${label}`);
  if (!match[1]) return 0;
  return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function wallClock(at: Date, timeZone: string): { date: string; minutes: number } {
  const wall = new Date(at.getTime() + offsetMinutes(at, timeZone) * MINUTE_MS);
  return { date: wall.toISOString().slice(0, 10), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

function hourAndMinute(parts: Intl.DateTimeRangeFormatPart[], source: "startRange" | "endRange"): string {
  const of = (type: string) => parts.find((part) => part.source === source && part.type === type)?.value;
  return `${of("hour")}:${of("minute")}`;
}

describe("circleRecurrenceSchema", () => {
  it("accepts a circle and refuses anything malformed", () => {
    expect(circleRecurrenceSchema.safeParse(circle({ skippedDates: ["2026-12-28"] })).success).toBe(true);
    const refused: Record<string, unknown>[] = [
      { timeZone: "Mars/Olympus_Mons" },
      { timeZone: "" },
      { weekday: "Monday" },
      { weekday: 1 },
      { localTime: "9:00" },
      { localTime: "24:00" },
      { durationMinutes: 10 },
      { durationMinutes: 241 },
      { durationMinutes: 60.5 },
      { cadence: "monthly" },
      { startDate: "2026-02-30" },
      { startDate: "05/01/2026" },
      { startDate: "0026-01-05" },
      { startDate: "2126-01-05" },
      { skippedDates: ["2026-13-01"] },
      { colour: "blue" },
    ];
    for (const change of refused) {
      const result = circleRecurrenceSchema.safeParse({ ...circle(), ...change });
      expect(result.success, JSON.stringify(change)).toBe(false);
    }
  });

  it("names the time-zone problem for the form", () => {
    const result = circleRecurrenceSchema.safeParse({ ...circle(), timeZone: "Europe/Atlantis" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["timeZone"]);
    expect(result.error?.issues[0]?.message).toMatch(/IANA time zone/);
  });
});

describe("nextSessions across daylight-saving changes", () => {
  it("keeps 09:00 in New York when the clocks go forward in March", () => {
    const sessions = nextSessions(circle(), new Date("2026-02-28T00:00:00Z"), 3);
    expect(starts(sessions)).toEqual(["2026-03-02T14:00:00.000Z", "2026-03-09T13:00:00.000Z", "2026-03-16T13:00:00.000Z"]);
    expect(sessions.map((session) => session.localDate)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(sessions.every((session) => session.end.getTime() - session.start.getTime() === 60 * MINUTE_MS)).toBe(true);
  });

  it("keeps 09:00 in New York when the clocks go back in November", () => {
    const sessions = nextSessions(circle(), new Date("2026-10-20T00:00:00Z"), 3);
    expect(starts(sessions)).toEqual(["2026-10-26T13:00:00.000Z", "2026-11-02T14:00:00.000Z", "2026-11-09T14:00:00.000Z"]);
  });

  it("keeps 18:30 in London through British Summer Time", () => {
    const london = circle({ weekday: "TH", localTime: "18:30", timeZone: "Europe/London" });
    expect(starts(nextSessions(london, new Date("2026-03-20T00:00:00Z"), 2))).toEqual([
      "2026-03-26T18:30:00.000Z",
      "2026-04-02T17:30:00.000Z",
    ]);
    expect(starts(nextSessions(london, new Date("2026-10-20T00:00:00Z"), 2))).toEqual([
      "2026-10-22T17:30:00.000Z",
      "2026-10-29T18:30:00.000Z",
    ]);
  });

  it("moves a time the clocks skip forward by the gap, that night only", () => {
    const small = circle({ weekday: "SU", localTime: "02:30", startDate: "2026-03-01" });
    expect(starts(nextSessions(small, new Date("2026-02-28T00:00:00Z"), 3))).toEqual([
      "2026-03-01T07:30:00.000Z", // 02:30 EST
      "2026-03-08T07:30:00.000Z", // 02:30 does not exist: 03:30 EDT
      "2026-03-15T06:30:00.000Z", // 02:30 EDT
    ]);
  });

  it("takes the first of the two 01:30s when the clocks go back", () => {
    const [session] = nextSessions(circle({ weekday: "SU", localTime: "01:30" }), new Date("2026-10-31T12:00:00Z"), 1);
    expect(session?.start.toISOString()).toBe("2026-11-01T05:30:00.000Z"); // 01:30 EDT, not 01:30 EST
    expect(session?.localDate).toBe("2026-11-01");
  });
});

describe("nextSessions", () => {
  it("includes a session already under way, and not one that has just ended", () => {
    const recurrence = circle();
    const start = new Date("2026-03-09T13:00:00Z");
    expect(nextSessions(recurrence, new Date(start.getTime() + 30 * MINUTE_MS), 1)[0]?.start).toEqual(start);
    expect(nextSessions(recurrence, new Date(start.getTime() + 60 * MINUTE_MS), 1)[0]?.localDate).toBe("2026-03-16");
    expect(nextSessions(recurrence, start, 1)[0]?.start).toEqual(start);
  });

  it("finds a late session still running after the circle's midnight", () => {
    const late = circle({ localTime: "23:30", durationMinutes: 120, timeZone: "Europe/London" });
    // 00:30 on Tuesday in London: Monday's session runs until 01:30.
    const [session] = nextSessions(late, new Date("2026-01-13T00:30:00Z"), 1);
    expect(session?.localDate).toBe("2026-01-12");
    expect(session?.end.toISOString()).toBe("2026-01-13T01:30:00.000Z");
  });

  it("leaves out skipped dates without moving the sessions after them", () => {
    const recurrence = circle({ skippedDates: ["2026-03-09", "2026-03-23", "2026-03-24"] });
    const sessions = nextSessions(recurrence, new Date("2026-03-01T00:00:00Z"), 3);
    expect(sessions.map((session) => session.localDate)).toEqual(["2026-03-02", "2026-03-16", "2026-03-30"]);
  });

  it("meets every other week, counting from the first session on or after the start date", () => {
    // 2026-01-01 is a Thursday, so the first Monday session is 5 January.
    const recurrence = circle({ cadence: "fortnightly", startDate: "2026-01-01" });
    expect(firstSessionDate(recurrence)).toBe("2026-01-05");
    expect(nextSessions(recurrence, new Date("2025-12-01T00:00:00Z"), 3).map((session) => session.localDate)).toEqual([
      "2026-01-05",
      "2026-01-19",
      "2026-02-02",
    ]);
    expect(nextSessions(recurrence, new Date("2026-01-20T00:00:00Z"), 2).map((session) => session.localDate)).toEqual([
      "2026-02-02",
      "2026-02-16",
    ]);
    expect(isSessionDate(recurrence, "2026-01-12")).toBe(false);
    expect(isSessionDate(recurrence, "2026-01-19")).toBe(true);
  });

  it("keeps the fortnight when a session is skipped", () => {
    const recurrence = circle({ cadence: "fortnightly", startDate: "2026-01-05", skippedDates: ["2026-01-19"] });
    expect(nextSessions(recurrence, new Date("2026-01-06T00:00:00Z"), 2).map((session) => session.localDate)).toEqual([
      "2026-02-02",
      "2026-02-16",
    ]);
  });

  it("starts on the start date itself when it is the circle's weekday", () => {
    expect(nextSessions(circle({ startDate: "2026-03-02" }), new Date("2020-01-01T00:00:00Z"), 1)[0]?.localDate).toBe("2026-03-02");
  });

  it("refuses a count it cannot honour", () => {
    expect(nextSessions(circle(), new Date(), 0)).toEqual([]);
    expect(() => nextSessions(circle(), new Date(), -1)).toThrow(RangeError);
    expect(() => nextSessions(circle(), new Date(), 1.5)).toThrow(RangeError);
    expect(() => nextSessions(circle(), new Date(), 1001)).toThrow(RangeError);
    expect(() => nextSessions(circle(), new Date(Number.NaN), 1)).toThrow(RangeError);
  });
});

describe("formatSessionForViewer", () => {
  const london = circle({ timeZone: "Europe/London" });
  const aroundTheChange = nextSessions(london, new Date("2026-03-23T00:00:00Z"), 3);
  const kolkata: SessionViewer = { locale: "en-GB", timeZone: "Asia/Kolkata" };
  const auckland: SessionViewer = { locale: "en-GB", timeZone: "Pacific/Auckland" };

  it("shows a London circle at the right time in Kolkata, which has no summer time", () => {
    const times = aroundTheChange.map(({ start, end }) => sessionPartsForViewer(start, end, kolkata));
    expect(times.map((parts) => hourAndMinute(parts, "startRange"))).toEqual(["14:30", "13:30", "13:30"]);
    expect(times.map((parts) => hourAndMinute(parts, "endRange"))).toEqual(["15:30", "14:30", "14:30"]);
  });

  it("shows a London circle at the right time in Auckland, whose summer time ends as London's begins", () => {
    const times = aroundTheChange.map(({ start, end }) => sessionPartsForViewer(start, end, auckland));
    // 23 March: GMT and NZDT (+13). 30 March: BST and NZDT. 6 April: BST and NZST (+12).
    expect(times.map((parts) => hourAndMinute(parts, "startRange"))).toEqual(["22:00", "21:00", "20:00"]);
  });

  it("reads as one line with the weekday, date, times and zone", () => {
    const [first] = aroundTheChange;
    if (!first) throw new Error("no session");
    const text = formatSessionForViewer(first.start, first.end, kolkata);
    expect(text).toBe(
      sessionPartsForViewer(first.start, first.end, kolkata)
        .map((part) => part.value)
        .join(""),
    );
    expect(text).toContain("Monday");
    expect(text).toContain("23 March");
    expect(text).toContain("14:30");
    expect(text).toContain("15:30");
    expect(text).toContain("GMT+5:30");
  });

  it("shows both days when the session crosses the viewer's midnight", () => {
    const [session] = nextSessions(circle({ localTime: "14:00" }), new Date("2026-03-09T00:00:00Z"), 1);
    if (!session) throw new Error("no session");
    const parts = sessionPartsForViewer(session.start, session.end, kolkata);
    const days = parts.filter((part) => part.type === "day").map((part) => part.value);
    expect(days).toEqual(["9", "10"]);
    expect(hourAndMinute(parts, "startRange")).toBe("23:30");
    expect(hourAndMinute(parts, "endRange")).toBe("00:30");
  });

  it("follows the viewer's language", () => {
    const [session] = aroundTheChange;
    if (!session) throw new Error("no session");
    expect(formatSessionForViewer(session.start, session.end, { locale: "de-DE", timeZone: "Europe/Berlin" })).toContain("Montag");
  });
});

describe("nextSessions properties", () => {
  const zones = [
    "America/New_York",
    "Europe/London",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "America/Santiago",
    "America/Sao_Paulo",
    "Asia/Tehran",
    "UTC",
  ];
  const EPOCH_2000 = "2000-01-01";

  const recurrenceArbitrary = fc.record({
    cadence: fc.constantFrom("weekly" as const, "fortnightly" as const),
    weekday: fc.constantFrom(...WEEKDAYS),
    localTime: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([hour, minute]) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`),
    durationMinutes: fc.integer({ min: 15, max: 240 }),
    timeZone: fc.constantFrom(...zones),
    startDate: fc.integer({ min: 0, max: 40 * 365 }).map((days) => addDays(EPOCH_2000, days)),
  });
  const fromArbitrary = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2045-01-01T00:00:00Z"), noInvalidDate: true });

  it("keeps the circle's wall-clock time, weekday and spacing, and misses no session", () => {
    fc.assert(
      fc.property(recurrenceArbitrary, fromArbitrary, fc.integer({ min: 1, max: 10 }), (recurrence, from, count) => {
        const { timeZone, localTime } = recurrence;
        const wanted = Number(localTime.slice(0, 2)) * 60 + Number(localTime.slice(3));
        const sessions = nextSessions(recurrence, from, count);
        expect(sessions).toHaveLength(count);
        const step = recurrence.cadence === "weekly" ? 7 : 14;

        sessions.forEach((session, index) => {
          const wall = wallClock(session.start, timeZone);
          expect(wall.date).toBe(session.localDate);
          expect(WEEKDAYS[new Date(`${session.localDate}T00:00:00Z`).getUTCDay()]).toBe(recurrence.weekday);
          expect(session.end.getTime() - session.start.getTime()).toBe(recurrence.durationMinutes * MINUTE_MS);
          if (wall.minutes !== wanted) {
            // Only allowed on the night the clocks skip that time: moved on by exactly the size of the jump.
            const before = offsetMinutes(session.start.getTime() - DAY_MS, timeZone);
            const after = offsetMinutes(session.start.getTime() + DAY_MS, timeZone);
            expect(after).toBeGreaterThan(before);
            expect(wall.minutes - wanted).toBe(after - before);
          }
          const previous = sessions[index - 1];
          if (previous) {
            expect(session.start.getTime()).toBeGreaterThan(previous.start.getTime());
            expect(daysBetween(previous.localDate, session.localDate)).toBe(step);
          }
        });

        const [first] = sessions;
        if (!first) return;
        expect(first.end.getTime()).toBeGreaterThan(from.getTime());
        // The session before the first one returned had either not been due yet or was over by `from`.
        const before = addDays(first.localDate, -step);
        if (daysBetween(firstSessionDate(recurrence), before) >= 0) {
          const [previous] = nextSessions(recurrence, new Date(first.start.getTime() - (step + 2) * DAY_MS), 1);
          expect(previous?.localDate).toBe(before);
          expect(previous?.end.getTime()).toBeLessThanOrEqual(from.getTime());
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("never returns a skipped date and keeps every other session", () => {
    fc.assert(
      fc.property(recurrenceArbitrary, fc.array(fc.integer({ min: 0, max: 9 })), (recurrence, skips) => {
        const from = new Date(`${recurrence.startDate}T00:00:00Z`);
        const all = nextSessions(recurrence, new Date(from.getTime() - 2 * DAY_MS), 10);
        const skippedDates = skips.map((index) => all[index]?.localDate ?? recurrence.startDate);
        const kept = nextSessions({ ...recurrence, skippedDates }, new Date(from.getTime() - 2 * DAY_MS), 10 - new Set(skips).size);
        expect(kept.map((session) => session.localDate)).toEqual(
          all.map((session) => session.localDate).filter((date) => !skippedDates.includes(date)),
        );
      }),
    );
  });
});
