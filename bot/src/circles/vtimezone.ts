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
  /** RRULE value, e.g. "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU". */
  readonly rule: string;
}

const SAMPLE_MS = 7 * 86_400_000;
const BYDAY_CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"] as const;
/** A yearly rule is only trusted once the data shows it in this many years running. */
const MIN_RULE_YEARS = 3;

export function vtimezoneComponent(timeZone: string, years: VtimezoneYears): string {
  if (!Number.isInteger(years.fromYear) || !Number.isInteger(years.toYear) || years.toYear < years.fromYear) {
    throw new RangeError("toYear must be a whole year no earlier than fromYear");
  }
  const clock = zoneClock(timeZone);
  const newYear = (year: number) => clock.toUtc(`${String(year).padStart(4, "0")}-01-01`, "00:00").getTime();
  const rangeStart = newYear(years.fromYear);
  const transitions = findTransitions(clock, rangeStart, newYear(years.toYear + 1));

  // The offset in force when the range starts, as an observance of its own: some readers (ical.js among
  // them) treat any time before a VTIMEZONE's first observance as UTC.
  const startOffset = clock.offsetMs(rangeStart);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  lines.push(
    ...observance(
      kindOf(clock, rangeStart, startOffset),
      wallText(new Date(rangeStart + startOffset)),
      offsetText(startOffset),
      offsetText(startOffset),
    ),
  );
  const { explicit, rules } = splitYearlyRules(transitions, years.toYear);
  for (const change of explicit) {
    lines.push(...observance(change.kind, wallText(change.wall), offsetText(change.fromMs), offsetText(change.toMs)));
  }
  for (const { first, rule } of rules) {
    lines.push(...observance(first.kind, wallText(first.wall), offsetText(first.fromMs), offsetText(first.toMs), [`RRULE:${rule}`]));
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
  return { wall: new Date(at + fromMs), fromMs, toMs, kind: kindOf(clock, at, toMs) };
}

/** Summer time is whatever is ahead of the year's lower offset; this holds in both hemispheres. */
function kindOf(clock: ZoneClock, at: number, offsetMs: number): Transition["kind"] {
  const year = new Date(at).getUTCFullYear();
  const standardMs = Math.min(clock.offsetMs(Date.UTC(year, 0, 1)), clock.offsetMs(Date.UTC(year, 6, 1)));
  return offsetMs > standardMs ? "DAYLIGHT" : "STANDARD";
}

/**
 * Splits off the trailing years that repeat one yearly pair of changes, to be written as RRULEs. The
 * pair must still be going in the last year asked for: a zone that has since dropped summer time (Mexico
 * City in 2022) keeps every change explicit and then stays on its last offset.
 */
function splitYearlyRules(transitions: readonly Transition[], lastYear: number): { explicit: Transition[]; rules: YearlyRule[] } {
  const byYear = new Map<number, Transition[]>();
  for (const change of transitions) {
    const year = change.wall.getUTCFullYear();
    byYear.set(year, [...(byYear.get(year) ?? []), change]);
  }
  const tail = byYear.get(lastYear);
  if (!tail || tail.length !== 2) return { explicit: [...transitions], rules: [] };

  const candidates = tail.map(windowCandidates);
  let firstRuleYear = lastYear;
  for (let year = lastYear - 1; ; year -= 1) {
    const changes = byYear.get(year);
    if (!changes || changes.length !== 2) break;
    const narrowed = changes.map((change, index) => {
      const model = tail[index];
      return model && sameShape(change, model) ? intersect(candidates[index] ?? [], windowCandidates(change)) : [];
    });
    if (narrowed.some((windows) => windows.length === 0)) break;
    narrowed.forEach((windows, index) => (candidates[index] = windows));
    firstRuleYear = year;
  }
  if (lastYear - firstRuleYear + 1 < MIN_RULE_YEARS) return { explicit: [...transitions], rules: [] };

  const rules = (byYear.get(firstRuleYear) ?? []).map((first, index) => ({ first, rule: yearlyRule(first, candidates[index] ?? []) }));
  return { explicit: transitions.filter((change) => change.wall.getUTCFullYear() < firstRuleYear), rules };
}

function sameShape(a: Transition, b: Transition): boolean {
  return (
    a.kind === b.kind &&
    a.fromMs === b.fromMs &&
    a.toMs === b.toMs &&
    a.wall.getUTCMonth() === b.wall.getUTCMonth() &&
    a.wall.getUTCDay() === b.wall.getUTCDay() &&
    a.wall.getUTCHours() === b.wall.getUTCHours() &&
    a.wall.getUTCMinutes() === b.wall.getUTCMinutes() &&
    a.wall.getUTCSeconds() === b.wall.getUTCSeconds()
  );
}

/**
 * The rules that put a change on its date, as "weekday W in the seven days from day D" (written "D")
 * or "the last weekday W of the month" (written "L"). Intersected over the years, they leave the rule.
 */
function windowCandidates(change: Transition): string[] {
  const day = change.wall.getUTCDate();
  const length = daysInMonth(change.wall.getUTCFullYear(), change.wall.getUTCMonth() + 1);
  const windows: string[] = day + 7 > length ? ["L"] : [];
  for (let start = Math.max(1, day - 6); start <= day && start + 6 <= length; start += 1) windows.push(String(start));
  return windows;
}

/** The RRULE for a change, in the plainest form that fits: "-1SU", "2SU", or a seven-day BYMONTHDAY window. */
function yearlyRule(first: Transition, windows: readonly string[]): string {
  const weekday = BYDAY_CODES[first.wall.getUTCDay()] ?? "SU";
  const head = `FREQ=YEARLY;BYMONTH=${first.wall.getUTCMonth() + 1}`;
  // "Last Sunday" is the commoner rule, so it wins when the years seen fit "fourth Sunday" as well.
  if (windows.includes("L")) return `${head};BYDAY=-1${weekday}`;
  const nth = windows.find((window) => (Number(window) - 1) % 7 === 0);
  if (nth !== undefined) return `${head};BYDAY=${(Number(nth) - 1) / 7 + 1}${weekday}`;
  const start = Number(windows[0] ?? first.wall.getUTCDate());
  const days = Array.from({ length: 7 }, (_, offset) => start + offset).join(",");
  return `${head};BYMONTHDAY=${days};BYDAY=${weekday}`;
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((value) => b.includes(value));
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
