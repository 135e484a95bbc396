import { addDays, weekdayOf, zoneClock } from "../zoned-time.js";
import { WEEKDAYS, type Weekday } from "./circle-schedule.js";

/**
 * When buddies can meet. People give weekly windows on their own wall clock: "MO-09:00" is the hour
 * from 09:00 on Mondays in their time zone (minutes 00, 15, 30 or 45). To compare two people in
 * different zones, each window becomes four quarter-hour "cells" in UTC, written the same way
 * ("MO-08:30" in UTC), for the week starting at a given moment. Quarter hours because every zone in
 * use is a whole number of quarter hours from UTC (Kolkata +5:30, Kathmandu +5:45), so an hour in
 * London and an hour in Kolkata that overlap share whole cells; and a shared cell is exactly one
 * 15-minute check-in. The conversion is done for a given week, so summer time is applied as it will
 * be that week.
 */

export const BUDDY_WINDOW_MINUTES = 60;
export const BUDDY_CHECK_IN_MINUTES = 15;
export const BUDDY_WINDOW_PATTERN = /^(SU|MO|TU|WE|TH|FR|SA)-([01]\d|2[0-3]):(00|15|30|45)$/;

const MINUTE_MS = 60_000;
const CELL_MINUTES = 15;

export interface BuddyWindowParts {
  readonly weekday: Weekday;
  /** "HH:MM", 24-hour. */
  readonly localTime: string;
}

export function isBuddyWindow(value: string): boolean {
  return BUDDY_WINDOW_PATTERN.test(value);
}

export function buddyWindow(weekday: Weekday, localTime: string): string {
  return `${weekday}-${localTime}`;
}

export function parseBuddyWindow(window: string): BuddyWindowParts {
  const match = BUDDY_WINDOW_PATTERN.exec(window);
  if (!match) throw new RangeError(`"${window}" is not a weekly window written like MO-09:00`);
  return { weekday: match[1] as Weekday, localTime: `${match[2]}:${match[3]}` };
}

/** The first start of a weekly window, on the wall clock of `timeZone`, at or after `from`. */
export function nextWindowStart(window: string, timeZone: string, from: Date): Date {
  if (Number.isNaN(from.getTime())) throw new RangeError("from is not a valid date");
  const { weekday, localTime } = parseBuddyWindow(window);
  const clock = zoneClock(timeZone);
  const today = clock.toLocal(from).localDate;
  const ahead = (WEEKDAYS.indexOf(weekday) - weekdayOf(today) + 7) % 7;
  const thisWeek = clock.toUtc(addDays(today, ahead), localTime);
  // Earlier today has gone; the same weekday next week is the next one.
  return thisWeek.getTime() >= from.getTime() ? thisWeek : clock.toUtc(addDays(today, ahead + 7), localTime);
}

/**
 * A person's windows as UTC quarter-hour cells for the week from `from`, soonest first, without
 * repeats. Sorting soonest first is what lets the matcher take "the first shared cell" as the
 * earliest check-in both people can make.
 */
export function utcCells(windows: readonly string[], timeZone: string, from: Date): string[] {
  const cells = new Set<string>();
  for (const window of windows) {
    const start = nextWindowStart(window, timeZone, from).getTime();
    for (let minutes = 0; minutes < BUDDY_WINDOW_MINUTES; minutes += CELL_MINUTES) cells.add(cellOf(new Date(start + minutes * MINUTE_MS)));
  }
  return [...cells].sort((a, b) => nextWindowStart(a, "UTC", from).getTime() - nextWindowStart(b, "UTC", from).getTime());
}

/** The concrete 15-minute check-in a shared cell stands for: its first occurrence at or after `from`. */
export function checkInAt(cell: string, from: Date): { start: Date; end: Date } {
  const start = nextWindowStart(cell, "UTC", from);
  return { start, end: new Date(start.getTime() + BUDDY_CHECK_IN_MINUTES * MINUTE_MS) };
}

function cellOf(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  // No zone in use today is off the quarter hour; rounding down keeps any that ever is a valid cell.
  const minutes = at.getUTCMinutes() - (at.getUTCMinutes() % CELL_MINUTES);
  return buddyWindow(WEEKDAYS[at.getUTCDay()]!, `${pad(at.getUTCHours())}:${pad(minutes)}`);
}
