/**
 * ISO weeks ("2026-W48"), the unit every insight is counted in. Weeks are UTC: a programme spans
 * time zones, and one shared boundary keeps a person's touchpoint in exactly one week.
 */

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;
/** The longest range the dashboard answers: participation is kept for about a year. */
export const MAX_RANGE_WEEKS = 53;

/** The ISO week of a moment, e.g. "2026-W48", in UTC. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Monday 00:00 UTC of a week written "YYYY-Www"; the caller has checked it with `isIsoWeek`. */
export function weekStart(week: string): Date {
  const [, year, number] = WEEK_PATTERN.exec(week) ?? [];
  // 4 January is always in week 1, so week 1 starts on the Monday on or before it.
  const fourth = Date.UTC(Number(year), 0, 4);
  const weekday = new Date(fourth).getUTCDay() || 7;
  return new Date(fourth - (weekday - 1) * DAY_MS + (Number(number) - 1) * 7 * DAY_MS);
}

/** True for a week that exists: "2026-W53" does not (2026 has 53 weeks only if it starts on a Thursday). */
export function isIsoWeek(value: string): boolean {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return false;
  const [year, number] = [Number(match[1]), Number(match[2])];
  return year >= 2000 && year <= 2999 && number >= 1 && number <= 53 && isoWeek(weekStart(value)) === value;
}

export function addWeeks(week: string, count: number): string {
  return isoWeek(new Date(weekStart(week).getTime() + count * 7 * DAY_MS));
}

/** Every week from `from` to `to`, both included, oldest first; empty when `to` comes before `from`. */
export function weeksBetween(from: string, to: string, max = MAX_RANGE_WEEKS): string[] {
  const weeks: string[] = [];
  for (let week = from; week <= to && weeks.length < max; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}
