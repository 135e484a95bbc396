import { addDays, daysBetween, weekdayOf, zoneClock } from "../zoned-time.js";

/**
 * When a circle meets: the same wall-clock time on the same weekday in the circle's own time zone,
 * every week or every other week. Summer time moves the UTC instant, never the local time, so a
 * 09:00 New York circle is at 09:00 in both EST and EDT.
 */

export const CIRCLE_CADENCES = ["weekly", "fortnightly"] as const;
export type CircleCadence = (typeof CIRCLE_CADENCES)[number];

/**
 * Weekdays as iCalendar writes them (RFC 5545 BYDAY). Index = `Date#getUTCDay()`, so 0 is Sunday. Codes
 * rather than numbers because "0" reads as Monday to half the world and as Sunday to the other half.
 */
export const WEEKDAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CIRCLE_RECURRENCE_LIMITS = {
  minDurationMinutes: 15,
  maxDurationMinutes: 240,
  maxSkippedDates: 200,
  maxSessionsPerQuery: 1000,
  /** Dates outside these years are typing mistakes, and would make calendar files needlessly long. */
  minYear: 2000,
  maxYear: 2100,
} as const;

const limits = CIRCLE_RECURRENCE_LIMITS;
const DAYS_PER_CADENCE: Record<CircleCadence, number> = { weekly: 7, fortnightly: 14 };
const MINUTE_MS = 60_000;

/** Validated by `circleRecurrenceSchema` (circle-recurrence-schema.ts), kept apart so pages that only show schedules need no zod. */
export interface CircleRecurrence {
  cadence: CircleCadence;
  weekday: Weekday;
  /** 24-hour "HH:MM" in the circle's zone. */
  localTime: string;
  durationMinutes: number;
  /** IANA zone the circle meets in. */
  timeZone: string;
  /** Sessions start on the circle's weekday on or after this date; fortnights count from that session. */
  startDate: string;
  /** Local dates in the circle's zone with no session (holidays, a facilitator away). */
  skippedDates?: string[] | undefined;
}

export interface CircleSession {
  readonly start: Date;
  readonly end: Date;
  /** The date of the session on the circle's own calendar, which is how skipped dates are named. */
  readonly localDate: string;
}

/** Days between sessions on the circle's own calendar: 7 or 14. */
export function cadenceDays(cadence: CircleCadence): number {
  return DAYS_PER_CADENCE[cadence];
}

/** The circle's first session date: its weekday on or after the start date. Fortnights count from here. */
export function firstSessionDate(recurrence: Pick<CircleRecurrence, "weekday" | "startDate">): string {
  const wanted = WEEKDAYS.indexOf(recurrence.weekday);
  return addDays(recurrence.startDate, (wanted - weekdayOf(recurrence.startDate) + 7) % 7);
}

/** Whether the rule puts a session on this local date, ignoring skipped dates. */
export function isSessionDate(recurrence: Pick<CircleRecurrence, "cadence" | "weekday" | "startDate">, localDate: string): boolean {
  const offset = daysBetween(firstSessionDate(recurrence), localDate);
  return offset >= 0 && offset % cadenceDays(recurrence.cadence) === 0;
}

/**
 * The next `count` sessions that have not yet finished at `from`: a session already under way is
 * included, since people still join it. Skipped dates are left out without moving the fortnight.
 */
export function nextSessions(recurrence: CircleRecurrence, from: Date, count: number): CircleSession[] {
  if (!Number.isInteger(count) || count < 0 || count > limits.maxSessionsPerQuery) {
    throw new RangeError(`count must be a whole number from 0 to ${limits.maxSessionsPerQuery}`);
  }
  if (Number.isNaN(from.getTime())) throw new RangeError("from is not a valid date");

  const clock = zoneClock(recurrence.timeZone);
  const step = cadenceDays(recurrence.cadence);
  const first = firstSessionDate(recurrence);
  const skipped = new Set(recurrence.skippedDates ?? []);
  const durationMs = recurrence.durationMinutes * MINUTE_MS;

  // Start a day early on the circle's calendar: a session from late yesterday may still be running.
  const dayBefore = addDays(clock.toLocal(from).localDate, -1);
  let index = Math.max(0, Math.ceil(daysBetween(first, dayBefore) / step));

  const sessions: CircleSession[] = [];
  while (sessions.length < count) {
    const localDate = addDays(first, index * step);
    index += 1;
    if (skipped.has(localDate)) continue;
    const start = clock.toUtc(localDate, recurrence.localTime);
    const end = new Date(start.getTime() + durationMs);
    if (end.getTime() > from.getTime()) sessions.push({ start, end, localDate });
  }
  return sessions;
}

export interface SessionViewer {
  /** A BCP 47 tag such as "en-GB", already checked (see preferencesSchema). */
  readonly locale: string;
  readonly timeZone: string;
}

/**
 * A session in the viewer's own language and time zone, in parts, so the tab can style the time. The
 * parts join up to `formatSessionForViewer`. A session that crosses the viewer's midnight shows both days.
 */
export function sessionPartsForViewer(start: Date, end: Date, viewer: SessionViewer): Intl.DateTimeRangeFormatPart[] {
  return viewerFormat(viewer).formatRangeToParts(start, end);
}

/** e.g. "Monday 9 March, 18:30–19:30 GMT+5:30" for en-GB in Asia/Kolkata. */
export function formatSessionForViewer(start: Date, end: Date, viewer: SessionViewer): string {
  return viewerFormat(viewer).formatRange(start, end);
}

function viewerFormat(viewer: SessionViewer): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(viewer.locale, {
    timeZone: viewer.timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
}
