import fc from "fast-check";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { circleRecurrenceSchema } from "../../../shared/circles/circle-recurrence-schema.js";
import { nextSessions, WEEKDAYS, type CircleRecurrence } from "../../../shared/circles/circle-schedule.js";
import { addDays } from "../../../shared/zoned-time.js";
import { circleCalendar, type CircleCalendarInput } from "./circle-calendar.js";
import { propertyRuns } from "../../../tests/support/property-runs.js";

const NOW = new Date("2026-02-20T10:00:00Z");
const JOIN_URL = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d";

function recurrence(overrides: Partial<CircleRecurrence> = {}): CircleRecurrence {
  return circleRecurrenceSchema.parse({
    cadence: "weekly",
    weekday: "MO",
    localTime: "09:00",
    durationMinutes: 60,
    timeZone: "America/New_York",
    startDate: "2026-02-23",
    ...overrides,
  });
}

function calendarInput(overrides: Partial<CircleCalendarInput> = {}): CircleCalendarInput {
  return { uid: "circle-42@peer-circles", circleName: "Night shift circle", recurrence: recurrence(), now: NOW, ...overrides };
}

/** Parses with ical.js, a separate implementation, after registering the file's own VTIMEZONE. */
function parse(ics: string): { calendar: ICAL.Component; vevent: ICAL.Component; event: ICAL.Event } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents("vtimezone");
  expect(zones).toHaveLength(1);
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const vevents = calendar.getAllSubcomponents("vevent");
  expect(vevents).toHaveLength(1);
  const vevent = vevents[0];
  if (!vevent) throw new Error("no VEVENT");
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

/** The first `count` instances as ical.js expands them (RRULE minus EXDATE), as UTC instants. */
function expand(event: ICAL.Event, count: number): string[] {
  const iterator = event.iterator();
  const instants: string[] = [];
  for (let next = iterator.next(); next && instants.length < count; next = iterator.next()) {
    instants.push(next.toJSDate().toISOString());
  }
  return instants;
}

const sessionStarts = (circle: CircleRecurrence, count: number) =>
  nextSessions(circle, new Date("2000-01-01T00:00:00Z"), count).map((session) => session.start.toISOString());

afterEach(() => ICAL.TimezoneService.reset());

describe("circleCalendar", () => {
  it("writes one recurring event in the circle's own zone", () => {
    const ics = circleCalendar(calendarInput({ recurrence: recurrence({ cadence: "fortnightly", startDate: "2026-02-25" }) }));
    const { calendar, vevent, event } = parse(ics);

    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Peer Circles//Peer Circles circle calendar//EN");
    expect(event.uid).toBe("circle-42@peer-circles");
    expect(event.summary).toBe("Night shift circle");

    const dtstart = vevent.getFirstProperty("dtstart");
    expect(dtstart?.getParameter("tzid")).toBe("America/New_York");
    // 25 February 2026 is a Wednesday; the first Monday after it is 2 March.
    expect(event.startDate.toString()).toBe("2026-03-02T09:00:00");
    expect(event.startDate.zone?.tzid).toBe("America/New_York");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-02T14:00:00.000Z");
    expect(event.duration.toSeconds()).toBe(60 * 60);

    const rule = vevent.getFirstPropertyValue("rrule");
    if (!(rule instanceof ICAL.Recur)) throw new Error("no RRULE");
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.interval).toBe(2);
    expect(rule.parts.BYDAY).toEqual(["MO"]);
    expect(rule.count).toBeFalsy();
    expect(rule.until).toBeFalsy();

    expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-02-20T10:00:00Z");
  });

  it("writes weekly circles with INTERVAL=1 and the circle's weekday", () => {
    const { vevent } = parse(circleCalendar(calendarInput({ recurrence: recurrence({ weekday: "TH", timeZone: "Europe/London" }) })));
    const rule = vevent.getFirstPropertyValue("rrule");
    if (!(rule instanceof ICAL.Recur)) throw new Error("no RRULE");
    expect(rule.interval).toBe(1);
    expect(rule.parts.BYDAY).toEqual(["TH"]);
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/London");
  });

  it("excludes skipped sessions at their local time in the circle's zone, and nothing else", () => {
    const circle = recurrence({ skippedDates: ["2026-03-16", "2026-03-09", "2026-03-10", "2026-01-05", "2026-03-16"] });
    const { vevent, event } = parse(circleCalendar(calendarInput({ recurrence: circle })));
    const exdates = vevent.getAllProperties("exdate");
    expect(exdates.every((property) => property.getParameter("tzid") === "America/New_York")).toBe(true);
    const values = exdates.flatMap((property) => property.getValues().map(String)).sort();
    // 10 March is a Tuesday and 5 January comes before the first session: neither is a session to skip.
    expect(values).toEqual(["2026-03-09T09:00:00", "2026-03-16T09:00:00"]);
    expect(expand(event, 3)).toEqual(["2026-02-23T14:00:00.000Z", "2026-03-02T14:00:00.000Z", "2026-03-23T13:00:00.000Z"]);
  });

  it("puts the join link in URL, LOCATION and the description, with the caller's own words", () => {
    const ics = circleCalendar(
      calendarInput({
        topic: "Sleep and rotas",
        joinUrl: JOIN_URL,
        text: { description: "Ein Raum zum Reden.", joinPrompt: "In Teams beitreten:" },
        organizer: { name: "Sam Lee", email: "sam@example.com" },
      }),
    );
    const { vevent, event } = parse(ics);
    expect(vevent.getFirstPropertyValue("url")).toBe(JOIN_URL);
    expect(event.location).toBe(JOIN_URL);
    expect(event.description).toBe(`Sleep and rotas\n\nEin Raum zum Reden.\n\nIn Teams beitreten: ${JOIN_URL}`);
    expect(vevent.getFirstPropertyValue("organizer")).toBe("mailto:sam@example.com");
    expect(vevent.getFirstProperty("organizer")?.getParameter("cn")).toBe("Sam Lee");
  });

  it("adds no text of its own", () => {
    const { vevent } = parse(circleCalendar(calendarInput()));
    for (const name of ["description", "location", "url", "organizer"]) expect(vevent.getFirstProperty(name), name).toBeNull();
    const { event } = parse(circleCalendar(calendarInput({ joinUrl: JOIN_URL })));
    expect(event.description).toBe(JOIN_URL);
  });

  it("survives names that need escaping", () => {
    const name = 'Ward 7; nights, weekends & "quiet" ones';
    const { event } = parse(circleCalendar(calendarInput({ circleName: name, topic: "Line one\nLine two" })));
    expect(event.summary).toBe(name);
    expect(event.description).toBe("Line one\nLine two");
  });

  it("refuses a blank uid, which ical-generator would replace with a random one", () => {
    expect(() => circleCalendar(calendarInput({ uid: " " }))).toThrow(RangeError);
  });

  it("refuses a join link that is not https", () => {
    expect(() => circleCalendar(calendarInput({ joinUrl: "javascript:alert(1)" }))).toThrow(RangeError);
    expect(() => circleCalendar(calendarInput({ joinUrl: "not a url" }))).toThrow(RangeError);
  });

  it("does not depend on the server's own time zone", () => {
    // ical-generator reads plain Dates in server-local time; a circle at 00:30 is where that would show.
    const ics = circleCalendar(calendarInput({ recurrence: recurrence({ localTime: "00:30", timeZone: "Pacific/Auckland" }) }));
    expect(ics).toContain("DTSTART;TZID=Pacific/Auckland:20260223T003000");
    expect(ics).toContain("DTEND;TZID=Pacific/Auckland:20260223T013000");
    expect(ics).toContain("DTSTAMP:20260220T100000Z");
  });
});

describe("the calendar's sessions match nextSessions", () => {
  it("across the March and November changes in New York", () => {
    const spring = recurrence({ startDate: "2026-02-16" });
    const { event } = parse(circleCalendar(calendarInput({ recurrence: spring })));
    const expected = [
      "2026-02-16T14:00:00.000Z",
      "2026-02-23T14:00:00.000Z",
      "2026-03-02T14:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
      "2026-03-16T13:00:00.000Z",
      "2026-03-23T13:00:00.000Z",
    ];
    expect(sessionStarts(spring, 6)).toEqual(expected);
    expect(expand(event, 6)).toEqual(expected);

    const autumn = recurrence({ startDate: "2026-10-12", skippedDates: ["2026-10-26"] });
    const { event: autumnEvent } = parse(circleCalendar(calendarInput({ recurrence: autumn })));
    expect(expand(autumnEvent, 6)).toEqual(sessionStarts(autumn, 6));
    expect(sessionStarts(autumn, 3)).toEqual(["2026-10-12T13:00:00.000Z", "2026-10-19T13:00:00.000Z", "2026-11-02T14:00:00.000Z"]);
  });

  it("across the March and October changes in London, fortnightly", () => {
    for (const startDate of ["2026-03-05", "2026-09-24"]) {
      const circle = recurrence({ cadence: "fortnightly", weekday: "TH", localTime: "18:30", timeZone: "Europe/London", startDate });
      const { event } = parse(circleCalendar(calendarInput({ recurrence: circle })));
      const instants = expand(event, 6);
      expect(instants).toEqual(sessionStarts(circle, 6));
      // Both sides of the change are in the six, at 18:30 GMT and 17:30 UTC (18:30 BST).
      expect(new Set(instants.map((instant) => instant.slice(11, 16)))).toEqual(new Set(["18:30", "17:30"]));
    }
  });

  it("for any circle, in zones around the world, with the same length every session", () => {
    const zones = ["America/New_York", "Europe/London", "Pacific/Auckland", "Asia/Kolkata", "Australia/Lord_Howe", "America/Santiago"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom("weekly" as const, "fortnightly" as const),
        fc.constantFrom(...WEEKDAYS),
        fc.integer({ min: 4, max: 22 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 15, max: 240 }),
        fc.integer({ min: 0, max: 3 * 365 }),
        (timeZone, cadence, weekday, hour, minute, durationMinutes, startOffset) => {
          // 04:00 to 22:45 stays clear of every clock change in these zones, which all happen between 00:00 and 03:00.
          const localTime = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const circle = recurrence({
            timeZone,
            cadence,
            weekday,
            localTime,
            durationMinutes,
            startDate: addDays("2025-01-01", startOffset),
          });
          const { event } = parse(circleCalendar(calendarInput({ recurrence: circle })));
          expect(expand(event, 30)).toEqual(sessionStarts(circle, 30));
          expect(event.duration.toSeconds()).toBe(durationMinutes * 60);
        },
      ),
      { numRuns: propertyRuns(60) },
    );
  });

  it("on the nights the clocks change, follows RFC 5545 where ical.js does not", () => {
    // RFC 5545 3.3.5: a skipped local time uses the offset from before the gap (02:30 reads as 03:30 EDT);
    // a repeated one means its first occurrence (01:30 EDT). ical.js takes the later offset in both cases,
    // so on these two nights only its expansion differs from ours, by the hour in question.
    const gap = recurrence({ weekday: "SU", localTime: "02:30", startDate: "2026-03-01" });
    const gapSessions = sessionStarts(gap, 3);
    expect(gapSessions).toEqual(["2026-03-01T07:30:00.000Z", "2026-03-08T07:30:00.000Z", "2026-03-15T06:30:00.000Z"]);
    const { event: gapEvent } = parse(circleCalendar(calendarInput({ recurrence: gap })));
    expect(expand(gapEvent, 3)).toEqual(["2026-03-01T07:30:00.000Z", "2026-03-08T06:30:00.000Z", "2026-03-15T06:30:00.000Z"]);

    const repeat = recurrence({ weekday: "SU", localTime: "01:30", startDate: "2026-10-25" });
    expect(sessionStarts(repeat, 3)).toEqual(["2026-10-25T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-08T06:30:00.000Z"]);
    const { event: repeatEvent } = parse(circleCalendar(calendarInput({ recurrence: repeat })));
    expect(expand(repeatEvent, 3)).toEqual(["2026-10-25T05:30:00.000Z", "2026-11-01T06:30:00.000Z", "2026-11-08T06:30:00.000Z"]);
  });
});
