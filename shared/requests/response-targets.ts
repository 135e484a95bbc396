/**
 * Response targets for help requests (docs/product.md, flow A.6): how long a request may wait to be
 * claimed, and when the chase moves from re-sending to supporters to telling the admins.
 *
 * Pure logic: every instant is epoch milliseconds handed in by the caller, so the escalation timer, the queue
 * countdown and the tests all share one clock-free implementation.
 */
import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "../time-zones.js";
import { addDays, localDateOfWallMs, wallMsOf, weekdayOf, zoneClock, type ZoneClock } from "../zoned-time.js";

/** `crisis` is set by screening; the other three are chosen by the requester. */
export const URGENCIES = ["crisis", "today", "soon", "can_wait"] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface ResponseTarget {
  amount: number;
  unit: "minutes" | "hours" | "business_days";
}
export type ResponseTargets = Record<Urgency, ResponseTarget>;

export const DEFAULT_RESPONSE_TARGETS: ResponseTargets = {
  crisis: { amount: 5, unit: "minutes" },
  today: { amount: 1, unit: "hours" },
  soon: { amount: 1, unit: "business_days" },
  can_wait: { amount: 3, unit: "business_days" },
};

export interface BusinessCalendar {
  /** IANA time zone in which working days and local times are read. */
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  workingDays: number[];
  /** Local dates "YYYY-MM-DD" that are not working days even when their weekday is. */
  holidays?: string[] | undefined;
}

export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

export type EscalationStage = "on_time" | "resend_supporters" | "notify_admins";

export interface EscalationDeadlines {
  /** The claim deadline: once reached, the request is re-sent to every supporter. */
  resendSupportersAt: number;
  /** The deadline missed a second time (the same target length again): the admins are told. */
  notifyAdminsAt: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Requests made on a non-working day start counting when a working day would normally begin: 09:00. */
const WORKING_DAY_START_MS = 9 * HOUR_MS;
/** Stops a calendar made only of holidays from looping forever. */
const MAX_DAYS_TO_NEXT_WORKING_DAY = 400;

/** When a request created at `createdAt` (epoch ms) must be claimed by. */
export function claimDeadline(createdAt: number, urgency: Urgency, targets: ResponseTargets, calendar: BusinessCalendar): number {
  return deadlineAfter(createdAt, targets[urgency], calendar);
}

export function escalationDeadlines(
  createdAt: number,
  urgency: Urgency,
  targets: ResponseTargets,
  calendar: BusinessCalendar,
): EscalationDeadlines {
  const target = targets[urgency];
  // Doubling the amount (rather than restarting from the first deadline) keeps a business-day chase at the
  // requester's original local time even when the first deadline was nudged by a DST gap.
  return {
    resendSupportersAt: deadlineAfter(createdAt, target, calendar),
    notifyAdminsAt: deadlineAfter(createdAt, { ...target, amount: target.amount * 2 }, calendar),
  };
}

/** A deadline counts as missed from the very millisecond it falls due. */
export function escalationStage(
  createdAt: number,
  now: number,
  urgency: Urgency,
  targets: ResponseTargets,
  calendar: BusinessCalendar,
): EscalationStage {
  if (now - createdAt < earliestPossibleDeadline(targets[urgency])) return "on_time";
  const { resendSupportersAt, notifyAdminsAt } = escalationDeadlines(createdAt, urgency, targets, calendar);
  if (now < resendSupportersAt) return "on_time";
  if (now < notifyAdminsAt) return "resend_supporters";
  return "notify_admins";
}

/**
 * A bound no deadline can fall before, to skip the calendar arithmetic (a few Intl calls) for the
 * many requests that are plainly on time. The n-th working day at the same local time is at least
 * n days on; 22 hours a day leaves room for any daylight-saving shift, which is 2 hours at most.
 */
function earliestPossibleDeadline(target: ResponseTarget): number {
  switch (target.unit) {
    case "minutes":
      return target.amount * MINUTE_MS;
    case "hours":
      return target.amount * HOUR_MS;
    case "business_days":
      return target.amount * 22 * HOUR_MS;
  }
}

/** Milliseconds left until the claim deadline, negative once overdue: the queue's countdown. */
export function timeToDeadline(
  createdAt: number,
  now: number,
  urgency: Urgency,
  targets: ResponseTargets,
  calendar: BusinessCalendar,
): number {
  return claimDeadline(createdAt, urgency, targets, calendar) - now;
}

function deadlineAfter(createdAt: number, target: ResponseTarget, calendar: BusinessCalendar): number {
  if (!Number.isInteger(target.amount) || target.amount < 1) {
    throw new RangeError(`A response target needs a whole number of at least 1, got ${target.amount}`);
  }
  switch (target.unit) {
    case "minutes":
      return createdAt + target.amount * MINUTE_MS;
    case "hours":
      return createdAt + target.amount * HOUR_MS;
    case "business_days":
      return addBusinessDays(createdAt, target.amount, calendar);
  }
}

/** Same local time on the n-th following working day; from 09:00 of the next working day when created on a day off. */
function addBusinessDays(createdAt: number, days: number, calendar: BusinessCalendar): number {
  const isWorkingDay = workingDayTest(calendar);
  const clock = clockFor(calendar.timeZone);
  const createdWallMs = clock.wallMs(createdAt);
  const createdDate = localDateOfWallMs(createdWallMs);
  let date = createdDate;
  let msIntoDay = createdWallMs - wallMsOf(createdDate);
  if (!isWorkingDay(createdDate)) {
    date = nextWorkingDay(createdDate, isWorkingDay);
    msIntoDay = WORKING_DAY_START_MS;
  }
  for (let counted = 0; counted < days; counted++) date = nextWorkingDay(date, isWorkingDay);
  // A skipped local time moves on by the gap's length (01:30 becomes 02:30) and a repeated one takes its first
  // occurrence, because that is when a clock on the wall first shows the deadline (shared/zoned-time.ts).
  return clock.fromWallMs(wallMsOf(date, msIntoDay));
}

// ---- Calendar dates -------------------------------------------------------------------------------------------

/** Local dates are "YYYY-MM-DD", as holidays are written; the time-zone arithmetic is shared/zoned-time.ts. */
function workingDayTest(calendar: BusinessCalendar): (localDate: string) => boolean {
  const weekdays = new Set(calendar.workingDays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7));
  if (weekdays.size === 0) throw new RangeError("A business calendar needs at least one working day (1 = Monday … 7 = Sunday)");
  const holidays = new Set(calendar.holidays ?? []);
  return (localDate) => weekdays.has(isoWeekday(localDate)) && !holidays.has(localDate);
}

function nextWorkingDay(from: string, isWorkingDay: (localDate: string) => boolean): string {
  let date = from;
  for (let step = 0; step < MAX_DAYS_TO_NEXT_WORKING_DAY; step++) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) return date;
  }
  throw new RangeError(`No working day within ${MAX_DAYS_TO_NEXT_WORKING_DAY} days of ${from}: check the holidays`);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(localDate: string): number {
  return weekdayOf(localDate) || 7;
}

// Building a zone clock (an Intl formatter) is far slower than using one, and the escalation sweep asks the same
// zones repeatedly. Calendars are validated to real IANA zones, so the cache holds at most one entry per zone.
const clocks = new Map<string, ZoneClock>();

function clockFor(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = zoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

// ---- Admin configuration --------------------------------------------------------------------------------------

const UNIT_LIMITS = { minutes: 10_080, hours: 168, business_days: 30 } as const;

function targetIn<Unit extends ResponseTarget["unit"]>(unit: Unit, maxAmount: number) {
  return z.strictObject({ amount: z.number().int().min(1).max(maxAmount), unit: z.literal(unit) });
}

const targetSchema = z.discriminatedUnion("unit", [
  targetIn("minutes", UNIT_LIMITS.minutes),
  targetIn("hours", UNIT_LIMITS.hours),
  targetIn("business_days", UNIT_LIMITS.business_days),
]);

// A crisis must be acknowledged within the hour, whoever configures it: business days would leave someone at risk overnight.
const crisisTargetSchema = z.discriminatedUnion("unit", [targetIn("minutes", 60), targetIn("hours", 1)]);

/** Validates admin-configured targets: every urgency present, amounts whole and within the unit's limits. */
export const responseTargetsSchema = z.strictObject({
  crisis: crisisTargetSchema,
  today: targetSchema,
  soon: targetSchema,
  can_wait: targetSchema,
}) satisfies z.ZodType<ResponseTargets>;

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Validates an admin-configured business calendar; working days default to Monday to Friday. */
export const businessCalendarSchema = z.strictObject({
  timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
  workingDays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .refine((days) => new Set(days).size === days.length, "lists a weekday twice")
    .default([...DEFAULT_WORKING_DAYS]),
  holidays: z
    .array(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "is not a YYYY-MM-DD date")
        .refine(isRealDate, "is not a real date"),
    )
    .max(366)
    .optional(),
}) satisfies z.ZodType<BusinessCalendar>;
