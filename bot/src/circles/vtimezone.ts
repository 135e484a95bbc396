import { daysInMonth, zoneClock, type ZoneClock } from "../../../shared/zoned-time.js";

/**
 * An RFC 5545 VTIMEZONE built from the runtime's own time-zone data (Intl). Calendar files could take
 * their VTIMEZONEs from a package instead, but the one on npm (@touch4it/ical-timezones) froze at tzdata
 * 2018g: it still gives America/Mexico_City summer time, which Mexico dropped in 2022. Built from Intl,
 * the VTIMEZONE agrees with `nextSessions`, which is what the tab and the bot show.
 *
 * The offset changes in the years asked for are found by sampling the offset each week and narrowing
 * down each change to the second; no zone in use today changes its offset twice within a week. When the
 * last years follow one yearly pair of changes ("second Sunday of March", "last Sunday of October") that
 * pair is written as RRULEs with no end, so calendars carry on correctly past the years asked for. Other
 * changes are written out one by one.
 */

export interface VtimezoneYears {
  readonly fromYear: number;
  /** Inclusive. A few years past the present gives the yearly rule enough years to be recognised. */
  readonly toYear: number;
}

interface Transition {
  /** The wall-clock time just before the change, as VTIMEZONE DTSTART wants it. */
  readonly wall: Date;
  readonly fromMs: number;
  readonly toMs: number;
  readonly kind: "STANDARD" | "DAYLIGHT";
}

interface YearlyRule {
  readonly first: Transition;
  readonly byDay: string;
}

const DAY_MS = 86_400_000;
const SAMPLE_MS = 7 * DAY_MS;
const BYDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** A yearly rule is only trusted once the data shows it in this many years running. */
const MIN_RULE_YEARS = 3;

export function vtimezoneComponent(timeZone: string, years: VtimezoneYears): string {
  if (!Number.isInteger(years.fromYear) || !Number.isInteger(years.toYear) || years.toYear < years.fromYear) {
    throw new RangeError("toYear must be a whole year no earlier than fromYear");
  }
  const clock = zoneClock(timeZone);
  const transitions = findTransitions(clock, Date.UTC(years.fromYear, 0, 1), Date.UTC(years.toYear + 1, 0, 1));

  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = offsetText(clock.offsetMs(Date.UTC(years.fromYear, 0, 1)));
    lines.push(...observance("STANDARD", "19700101T000000", offset, offset));
  } else {
    const { explicit, rules } = splitYearlyRules(transitions);
    for (const change of explicit) {
      lines.push(...observance(change.kind, wallText(change.wall), offsetText(change.fromMs), offsetText(change.toMs)));
    }
    for (const rule of rules) {
      const { first } = rule;
      const month = first.wall.getUTCMonth() + 1;
      lines.push(
        ...observance(first.kind, wallText(first.wall), offsetText(first.fromMs), offsetText(first.toMs), [
          `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${rule.byDay}`,
        ]),
      );
    }
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

function findTransitions(clock: ZoneClock, fromMs: number, toMs: number): Transition[] {
  const transitions: Transition[] = [];
  let previousAt = fromMs;
  let previousOffset = clock.offsetMs(fromMs);
  while (previousAt < toMs) {
    const at = Math.min(previousAt + SAMPLE_MS, toMs);
    const offset = clock.offsetMs(at);
    if (offset !== previousOffset) transitions.push(transition(clock, narrowDown(clock, previousAt, at, offset), previousOffset, offset));
    previousAt = at;
    previousOffset = offset;
  }
  return transitions;
}

/** The first whole second in (low, high] at which the zone has `newOffset`. */
function narrowDown(clock: ZoneClock, low: number, high: number, newOffset: number): number {
  let before = low;
  let after = high;
  while (after - before > 1000) {
    const middle = Math.floor((before + after) / 2000) * 1000;
    if (middle <= before) break;
    if (clock.offsetMs(middle) === newOffset) after = middle;
    else before = middle;
  }
  return after;
}

function transition(clock: ZoneClock, at: number, fromMs: number, toMs: number): Transition {
  const wall = new Date(at + fromMs);
  const year = wall.getUTCFullYear();
  // Summer time is whatever is ahead of the year's lower offset; this holds in both hemispheres.
  const standardMs = Math.min(clock.offsetMs(Date.UTC(year, 0, 1)), clock.offsetMs(Date.UTC(year, 6, 1)));
  return { wall, fromMs, toMs, kind: toMs > standardMs ? "DAYLIGHT" : "STANDARD" };
}

/** Splits off the trailing years that repeat one yearly pair of changes, to be written as RRULEs. */
function splitYearlyRules(transitions: readonly Transition[]): { explicit: Transition[]; rules: YearlyRule[] } {
  const byYear = new Map<number, Transition[]>();
  for (const change of transitions) {
    const year = change.wall.getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), change]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const lastYear = years.at(-1);
  const tail = lastYear === undefined ? undefined : byYear.get(lastYear);
  if (lastYear === undefined || !tail || tail.length !== 2) return { explicit: [...transitions], rules: [] };

  const candidates = tail.map(byDayCandidates);
  let firstRuleYear = lastYear;
  for (let year = lastYear - 1; ; year -= 1) {
    const changes = byYear.get(year);
    if (!changes || changes.length !== 2) break;
    const next = changes.map((change, index) => {
      const model = tail[index];
      return model && sameShape(change, model) ? intersect(candidates[index] ?? [], byDayCandidates(change)) : [];
    });
    if (next.some((codes) => codes.length === 0)) break;
    next.forEach((codes, index) => (candidates[index] = codes));
    firstRuleYear = year;
  }
  if (lastYear - firstRuleYear + 1 < MIN_RULE_YEARS) return { explicit: [...transitions], rules: [] };

  const firstYearChanges = byYear.get(firstRuleYear) ?? [];
  const rules = firstYearChanges.map((first, index) => {
    const codes = candidates[index] ?? [];
    // Prefer "last Sunday" when the data fits both it and "fourth Sunday": it is by far the commoner rule.
    return { first, byDay: codes.find((code) => code.startsWith("-1")) ?? codes[0] ?? "" };
  });
  return { explicit: transitions.filter((change) => change.wall.getUTCFullYear() < firstRuleYear), rules };
}

function sameShape(a: Transition, b: Transition): boolean {
  return (
    a.kind === b.kind &&
    a.fromMs === b.fromMs &&
    a.toMs === b.toMs &&
    a.wall.getUTCMonth() === b.wall.getUTCMonth() &&
    a.wall.getUTCDay() === b.wall.getUTCDay() &&
    a.wall.getTime() % DAY_MS === b.wall.getTime() % DAY_MS
  );
}

/** The BYDAY values that fit this change's date: "2SU" for the second Sunday, "-1SU" for the last. */
function byDayCandidates(change: Transition): string[] {
  const day = change.wall.getUTCDate();
  const code = BYDAY_CODES[change.wall.getUTCDay()] ?? "SU";
  const codes: string[] = [];
  const nth = Math.ceil(day / 7);
  if (nth <= 4) codes.push(`${nth}${code}`);
  if (day + 7 > daysInMonth(change.wall.getUTCFullYear(), change.wall.getUTCMonth() + 1)) codes.push(`-1${code}`);
  return codes;
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((code) => b.includes(code));
}

function observance(kind: Transition["kind"], start: string, from: string, to: string, extra: readonly string[] = []): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${start}`, ...extra, `TZOFFSETFROM:${from}`, `TZOFFSETTO:${to}`, `END:${kind}`];
}

function wallText(wall: Date): string {
  const iso = wall.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** RFC 5545 utc-offset: "+0530", "-0500", with seconds only when there are some. Zero is "+0000". */
function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const totalSeconds = Math.round(Math.abs(offsetMs) / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${sign}${pad(hours)}${pad(minutes)}${seconds ? pad(seconds) : ""}`;
}
