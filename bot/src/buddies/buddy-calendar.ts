import ical, { ICalCalendarMethod } from "ical-generator";

/** Fixed so calendars can tell our files apart. */
export const BUDDY_CALENDAR_PRODID = { company: "Peer Circles", product: "Peer Circles buddy check-in", language: "EN" } as const;

export interface BuddyCheckInCalendarInput {
  /** Stable per pairing and reader, so importing again updates rather than duplicates. */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string;
  readonly start: Date;
  readonly end: Date;
  /** DTSTAMP. */
  readonly now: Date;
}

/**
 * The suggested first buddy check-in as a one-off event. It is a single moment, so it is written
 * in UTC and needs no VTIMEZONE: every calendar shows it on its own clock.
 */
export function buddyCheckInCalendar(input: BuddyCheckInCalendarInput): string {
  // ical-generator would quietly make up a random UID, and every download would become a new event.
  if (input.uid.trim() === "") throw new RangeError("a check-in calendar needs a stable uid");
  if (!(input.end.getTime() > input.start.getTime())) throw new RangeError("a check-in must end after it starts");
  // No calendar-wide zone: with none, ical-generator writes native Dates in UTC ("…Z").
  const calendar = ical({ prodId: BUDDY_CALENDAR_PRODID, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: input.uid,
    stamp: input.now,
    start: input.start,
    end: input.end,
    summary: input.summary,
    ...(input.description?.trim() ? { description: input.description } : {}),
  });
  return calendar.toString();
}
