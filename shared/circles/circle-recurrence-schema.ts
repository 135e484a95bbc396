import { z } from "zod";
import { isTimeZone, TIME_ZONE_MESSAGE } from "../time-zones.js";
import { isLocalDate, isLocalTime } from "../zoned-time.js";
import { CIRCLE_CADENCES, CIRCLE_RECURRENCE_LIMITS, WEEKDAYS, type CircleRecurrence } from "./circle-schedule.js";

const limits = CIRCLE_RECURRENCE_LIMITS;

const localDateSchema = z
  .string()
  .refine(isLocalDate, "is not a date written YYYY-MM-DD")
  .refine((date) => Number(date.slice(0, 4)) >= limits.minYear && Number(date.slice(0, 4)) <= limits.maxYear, {
    message: `must be a date from ${limits.minYear} to ${limits.maxYear}`,
  });

export const circleRecurrenceSchema: z.ZodType<CircleRecurrence> = z
  .object({
    cadence: z.enum(CIRCLE_CADENCES),
    weekday: z.enum(WEEKDAYS),
    localTime: z.string().refine(isLocalTime, "is not a 24-hour time written HH:MM"),
    durationMinutes: z.number().int().min(limits.minDurationMinutes).max(limits.maxDurationMinutes),
    timeZone: z.string().max(64).refine(isTimeZone, TIME_ZONE_MESSAGE),
    /** Sessions start on the circle's weekday on or after this date; fortnights count from that session. */
    startDate: localDateSchema,
    /** Local dates in the circle's zone with no session (holidays, a facilitator away). */
    skippedDates: z.array(localDateSchema).max(limits.maxSkippedDates).optional(),
  })
  .strict();
