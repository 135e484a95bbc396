/**
 * Wall-clock time in an IANA time zone, worked out with Intl alone so it runs in the browser as well as
 * in the bot. A "local date" is "YYYY-MM-DD" and a "local time" is "HH:MM", both as read off a clock on
 * the wall in that zone; nothing here looks at the time zone of the machine it runs on.
 */

export const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface LocalDateTime {
  readonly localDate: string;
  readonly localTime: string;
}

/** Reads a moment in one time zone. Made once per zone because building an Intl formatter is slow. */
export interface ZoneClock {
  readonly timeZone: string;
  /** How far the zone's wall clock is ahead of UTC at that moment, in milliseconds (negative west of Greenwich). */
  offsetMs(epochMs: number): number;
  toLocal(at: Date): LocalDateTime;
  toUtc(localDate: string, localTime: string): Date;
  /** The wall clock's reading at a moment, to the millisecond, written as the epoch milliseconds of the same reading in UTC. */
  wallMs(epochMs: number): number;
  /** The moment a wall-clock reading (as `wallMs` writes it) names, a skipped or repeated reading resolved as `toUtc` does. */
  fromWallMs(wallMs: number): number;
}

/** Whether a string is a real calendar date written "YYYY-MM-DD" (so "2026-02-30" is not). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME_PATTERN.test(value);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** The local date `days` after (or before, if negative) another, on the proleptic Gregorian calendar. */
export function addDays(localDate: string, days: number): string {
  const [year, month, day] = dateFields(localDate);
  return formatDate(new Date(utcMs(year, month, day + days)));
}

/** Whole days from one local date to another; negative if `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dateMs(to) - dateMs(from)) / DAY_MS);
}

/** 0 for Sunday through 6 for Saturday, the same numbering as `Date#getUTCDay`. */
export function weekdayOf(localDate: string): number {
  return new Date(dateMs(localDate)).getUTCDay();
}

export function zoneClock(timeZone: string): ZoneClock {
  // en-US with h23 gives plain ASCII digits and never the "24:00" some locales print for midnight.
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });

  const wholeSecondWallMs = (epochMs: number): number => {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of format.formatToParts(epochMs)) fields[part.type] = Number(part.value);
    const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
    return utcMs(year, month, day, hour, minute, second);
  };

  const offsetMs = (epochMs: number): number => {
    // Intl stops at whole seconds, so compare against the whole second too.
    const whole = Math.floor(epochMs / 1000) * 1000;
    return wholeSecondWallMs(whole) - whole;
  };

  const fromWallMs = (wall: number): number => {
    // Offsets a day either side bracket any transition near this wall time (no zone changes twice in a day).
    const before = offsetMs(wall - DAY_MS);
    const after = offsetMs(wall + DAY_MS);
    const matches = [wall - before, wall - after].filter((epochMs) => offsetMs(epochMs) === wall - epochMs);
    // Two matches: the hour repeated when clocks go back. Take the first time the clock shows it.
    if (matches.length > 0) return Math.min(...matches);
    // No match: the hour skipped when clocks go forward. Reading it with the offset from before the jump
    // moves it forward by the size of the jump (02:30 becomes 03:30), as RFC 5545 and Temporal both do.
    return wall - before;
  };

  return {
    timeZone,
    offsetMs,
    toLocal(at) {
      const wall = new Date(at.getTime() + offsetMs(at.getTime()));
      return { localDate: formatDate(wall), localTime: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}` };
    },
    toUtc(localDate, localTime) {
      return new Date(fromWallMs(dateMs(localDate) + timeMinutes(localTime) * MINUTE_MS));
    },
    wallMs: (epochMs) => epochMs + offsetMs(epochMs),
    fromWallMs,
  };
}

/**
 * The UTC moment a wall clock in `timeZone` shows `localTime` on `localDate`. A time skipped by a
 * spring-forward change moves forward by the size of the gap; a time repeated by a fall-back change
 * means its first occurrence (the one still on summer time).
 */
export function zonedLocalToUtc(localDate: string, localTime: string, timeZone: string): Date {
  return zoneClock(timeZone).toUtc(localDate, localTime);
}

/** What a wall clock in `timeZone` shows at a moment. */
export function utcToZoned(at: Date, timeZone: string): LocalDateTime {
  return zoneClock(timeZone).toLocal(at);
}

/** The local date of a wall-clock reading written as `ZoneClock#wallMs` writes it. */
export function localDateOfWallMs(wallMs: number): string {
  return formatDate(new Date(wallMs));
}

/** The wall-clock reading, as `ZoneClock#wallMs` writes it, `msIntoDay` after midnight on a local date. */
export function wallMsOf(localDate: string, msIntoDay = 0): number {
  return dateMs(localDate) + msIntoDay;
}

function dateFields(localDate: string): [number, number, number] {
  const match = LOCAL_DATE_PATTERN.exec(localDate);
  if (!match) throw new RangeError(`"${localDate}" is not a date written YYYY-MM-DD`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function dateMs(localDate: string): number {
  return utcMs(...dateFields(localDate));
}

function timeMinutes(localTime: string): number {
  const match = LOCAL_TIME_PATTERN.exec(localTime);
  if (!match) throw new RangeError(`"${localTime}" is not a time written HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Date.UTC, except that years 0 to 99 stay themselves instead of becoming 1900 to 1999. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

function formatDate(date: Date): string {
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
