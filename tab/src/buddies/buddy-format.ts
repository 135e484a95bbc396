import type { BuddyUnmatchedReason } from "../../../shared/circles/buddy-matching.js";
import type { BuddyCheckIn } from "../../../shared/circles/buddy-programme.js";
import { buddyWindow, parseBuddyWindow } from "../../../shared/circles/buddy-windows.js";
import { formatSessionForViewer, type SessionViewer, type Weekday } from "../../../shared/circles/circle-schedule.js";
import type { Messages, TabMessageKey } from "../i18n/messages.js";
import { weekdayName } from "../circles/circle-format.js";
import { listOf } from "../resources/resource-format.js";

/**
 * How buddy times read to the person looking. Windows are weekly hours on the person's own clock
 * ("MO-09:00"), which the form builds from the days and hours ticked; a check-in is a real moment,
 * shown in the viewer's own zone and language.
 */

/** Monday first: a working week reads more naturally that way round in most places. */
export const FORM_WEEKDAYS: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
export const FORM_HOURS: readonly string[] = Array.from({ length: 24 }, (_unused, hour) => `${String(hour).padStart(2, "0")}:00`);

export const UNMATCHED_REASON_KEYS: Record<BuddyUnmatchedReason, TabMessageKey> = {
  "no-capacity": "buddyUnmatched_noCapacity",
  "no-shared-window": "buddyUnmatched_noSharedWindow",
  "only-manager": "buddyUnmatched_onlyManager",
};

/** "Suggested first check-in: Tuesday 12 May, 09:00–09:15 BST", or that it was, once it has gone. */
export function checkInText({ formatMessage }: Messages, checkIn: BuddyCheckIn, viewer: SessionViewer, now = new Date()): string {
  const start = new Date(checkIn.start);
  const when = formatSessionForViewer(start, new Date(checkIn.end), viewer);
  return formatMessage(start.getTime() > now.getTime() ? "buddyCheckIn" : "buddyCheckInPast", { when });
}

/** A moment as a date in the viewer's zone, e.g. "12 May 2026". */
export function sinceText(iso: string, viewer: SessionViewer): string {
  return new Intl.DateTimeFormat(viewer.locale, { dateStyle: "long", timeZone: viewer.timeZone }).format(new Date(iso));
}

/** An hour as the viewer's clock writes it: "09:00" or "9:00 AM". */
export function hourLabel(localTime: string, locale: string): string {
  const [hour = 0, minute = 0] = localTime.split(":").map(Number);
  return new Intl.DateTimeFormat(locale, { hour: "numeric", minute: "2-digit", timeZone: "UTC" }).format(
    Date.UTC(2024, 0, 7, hour, minute),
  );
}

/** The days and hours ticked, back from a list of windows. */
export function daysAndHours(windows: readonly string[]): { days: Weekday[]; hours: string[] } {
  const parts = windows.map(parseBuddyWindow);
  return {
    days: FORM_WEEKDAYS.filter((day) => parts.some((part) => part.weekday === day)),
    hours: [...new Set(parts.map((part) => part.localTime))].sort(),
  };
}

/** Every hour ticked on every day ticked. */
export function windowsOf(days: readonly Weekday[], hours: readonly string[]): string[] {
  return FORM_WEEKDAYS.filter((day) => days.includes(day)).flatMap((day) => [...hours].sort().map((hour) => buddyWindow(day, hour)));
}

/** "Monday and Tuesday, starting 09:00 and 10:00 (Europe/London time)": lists joined the viewer's way. */
export function windowsText({ formatMessage }: Messages, windows: readonly string[], timeZone: string, locale: string): string {
  const { days, hours } = daysAndHours(windows);
  return formatMessage("buddyWindowsSummary", {
    days: listOf(
      days.map((day) => weekdayName(day, locale)),
      locale,
    ),
    hours: listOf(
      hours.map((hour) => hourLabel(hour, locale)),
      locale,
    ),
    timeZone,
  });
}

export const reasonText = ({ text }: Messages, reason: BuddyUnmatchedReason): string => text[UNMATCHED_REASON_KEYS[reason]];
