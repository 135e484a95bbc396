import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalWeekday,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import { firstSessionDate, isSessionDate, type CircleRecurrence, type Weekday } from "../../../shared/circles/circle-schedule.js";
import { zoneClock } from "../../../shared/zoned-time.js";
import { vtimezoneComponent } from "./vtimezone.js";

/**
 * A circle's meetings as one recurring event in an RFC 5545 calendar file, for people to add to Outlook
 * or any other calendar. The event keeps the circle's own zone (DTSTART;TZID=…, local time) and a weekly
 * RRULE, so the calendar moves it across summer-time changes exactly as `nextSessions` does.
 */

/** Fixed so calendars can tell our files apart; the only text here not supplied by the caller. */
export const CIRCLE_CALENDAR_PRODID = { company: "Peer Circles", product: "Peer Circles circle calendar", language: "EN" } as const;

/** How many years past the present the VTIMEZONE looks at, so its yearly rule is clearly established. */
const VTIMEZONE_YEARS_AHEAD = 10;

const BYDAY: Record<Weekday, ICalWeekday> = {
  SU: ICalWeekday.SU,
  MO: ICalWeekday.MO,
  TU: ICalWeekday.TU,
  WE: ICalWeekday.WE,
  TH: ICalWeekday.TH,
  FR: ICalWeekday.FR,
  SA: ICalWeekday.SA,
};

export interface CircleCalendarText {
  /** In the reader's language, e.g. a line on what the circle is for or how to take part. */
  readonly description?: string;
  /** Put before the join link in the description, e.g. "Join in Teams:". Without it the link stands alone. */
  readonly joinPrompt?: string;
}

export interface CircleCalendarInput {
  /** Stable per circle, e.g. "circle-123@peer-circles", so importing again updates rather than duplicates. */
  readonly uid: string;
  /** Raise it each time the schedule changes, so calendars take the new version over the one they have. */
  readonly sequence?: number;
  readonly circleName: string;
  readonly topic?: string;
  readonly recurrence: CircleRecurrence;
  readonly joinUrl?: string;
  /** ORGANIZER needs an address to be valid RFC 5545, so it is left out unless both are known. */
  readonly organizer?: { readonly name: string; readonly email: string };
  readonly text?: CircleCalendarText;
  /** DTSTAMP, and the present when choosing which years the VTIMEZONE covers. */
  readonly now: Date;
}

/** The .ics text: one VCALENDAR holding the circle's VTIMEZONE and one recurring VEVENT. */
export function circleCalendar(input: CircleCalendarInput): string {
  const { recurrence } = input;
  // ical-generator would quietly make up a random UID, and every download would become a new event.
  if (input.uid.trim() === "") throw new RangeError("a circle calendar needs a stable uid");
  if (input.joinUrl !== undefined && !isHttpsUrl(input.joinUrl)) throw new RangeError("joinUrl must be an https:// link");

  const clock = zoneClock(recurrence.timeZone);
  const firstDate = firstSessionDate(recurrence);
  const firstStart = clock.toUtc(firstDate, recurrence.localTime);
  const firstEnd = new Date(firstStart.getTime() + recurrence.durationMinutes * 60_000);
  const end = clock.toLocal(firstEnd);
  const skipped = [...new Set(recurrence.skippedDates ?? [])].filter((date) => isSessionDate(recurrence, date)).sort();

  // The VTIMEZONE starts a year before the first session so every instance, and DTSTART, falls inside it.
  const fromYear = Number(firstDate.slice(0, 4)) - 1;
  const toYear = Math.max(fromYear + 1, input.now.getUTCFullYear()) + VTIMEZONE_YEARS_AHEAD;

  const calendar = ical({
    prodId: CIRCLE_CALENDAR_PRODID,
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: with one set, ical-generator would write DTSTAMP in server-local time.
    timezone: { name: null, generator: (zone) => vtimezoneComponent(zone, { fromYear, toYear }) },
  });

  const description = [input.topic, input.text?.description, joinLine(input.joinUrl, input.text?.joinPrompt)]
    .filter((part): part is string => Boolean(part?.trim()))
    .join("\n\n");

  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence ?? 0,
    stamp: input.now,
    timezone: recurrence.timeZone,
    start: wallClock(firstDate, recurrence.localTime, recurrence.timeZone, firstStart),
    // The first session's exact length, which RFC 5545 applies to every instance. ical-generator writes no
    // DURATION, so DTEND it is; its one blind spot is a first session ending in the hour repeated when the
    // clocks go back, where readers take the earlier pass and the length comes out an hour short.
    end: wallClock(end.localDate, end.localTime, recurrence.timeZone, firstEnd),
    summary: input.circleName,
    ...(description ? { description } : {}),
    ...(input.joinUrl ? { url: input.joinUrl, location: input.joinUrl } : {}),
    ...(input.organizer ? { organizer: { name: input.organizer.name, email: input.organizer.email } } : {}),
    repeating: {
      freq: ICalEventRepeatingFreq.WEEKLY,
      interval: recurrence.cadence === "fortnightly" ? 2 : 1,
      byDay: [BYDAY[recurrence.weekday]],
      // Same TZID and the same nominal local time as the rule, which is what EXDATE must match.
      ...(skipped.length > 0
        ? {
            exclude: skipped.map((date) =>
              wallClock(date, recurrence.localTime, recurrence.timeZone, clock.toUtc(date, recurrence.localTime)),
            ),
          }
        : {}),
    },
  });

  return calendar.toString();
}

function joinLine(joinUrl: string | undefined, prompt: string | undefined): string | undefined {
  if (!joinUrl) return undefined;
  return prompt?.trim() ? `${prompt.trim()} ${joinUrl}` : joinUrl;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * A local date and time in a zone, in the Temporal-like shape ical-generator formats as
 * `TZID=zone:YYYYMMDDTHHMMSS`. It keeps the *nominal* wall time: a 02:30 session on the night the
 * clocks skip 02:00–03:00 is still written 02:30 (which RFC 5545 reads as 03:30 that night), so the
 * RRULE built on it stays at 02:30 every other week. Native Dates cannot be used: ical-generator
 * reads them with the server's own time zone.
 */
function wallClock(localDate: string, localTime: string, timeZone: string, instant: Date): ICalTemporalZonedDateTimeStub {
  const [year = 0, month = 0, day = 0] = localDate.split("-").map(Number);
  const [hour = 0, minute = 0] = localTime.split(":").map(Number);
  const iso = `${localDate}T${localTime}:00`;

  const plain: ICalTemporalPlainDateTimeStub = {
    year,
    month,
    day,
    hour,
    minute,
    second: 0,
    toJSON: () => iso,
    toString: () => iso,
    toPlainDate: () => ({ year, month, day, toJSON: () => localDate, toString: () => localDate }),
    // As Temporal does: the same wall time, read in another zone.
    toZonedDateTime: (zone) =>
      zone === timeZone ? self : wallClock(localDate, localTime, zone, zoneClock(zone).toUtc(localDate, localTime)),
  };
  const exact: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
    toZonedDateTimeISO: (zone) => inZone(zone),
  };
  const self: ICalTemporalZonedDateTimeStub = {
    ...plain,
    timeZoneId: timeZone,
    toInstant: () => exact,
    toPlainDateTime: () => plain,
    withTimeZone: (zone) => inZone(zone),
    toJSON: () => `${iso}[${timeZone}]`,
    toString: () => `${iso}[${timeZone}]`,
  };
  // As Temporal does: the same instant, seen from another zone.
  function inZone(zone: string): ICalTemporalZonedDateTimeStub {
    if (zone === timeZone) return self;
    const local = zoneClock(zone).toLocal(instant);
    return wallClock(local.localDate, local.localTime, zone, instant);
  }
  return self;
}
