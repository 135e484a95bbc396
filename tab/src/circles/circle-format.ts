import type { CandidateSlot, RoundSummary } from "../../../shared/circles/circle-programme.js";
import {
  formatSessionForViewer,
  nextSessions,
  WEEKDAYS,
  type CircleCadence,
  type CircleRecurrence,
  type SessionViewer,
  type Weekday,
} from "../../../shared/circles/circle-schedule.js";
import type { Messages } from "../i18n/messages.js";

/**
 * How circles and their time slots read to the person looking: always in their own language and
 * time zone, because a circle set for 14:00 in London is at 19:30 for a member in Kolkata.
 */

/** Takes only the session's context, so this file (and its spec) stays free of the browser's types. */
export function viewerOf(session: { context: { locale: string; timeZone: string } }): SessionViewer {
  return { locale: safeLocale(session.context.locale), timeZone: session.context.timeZone };
}

/** Teams sends tags such as "en-gb"; anything Intl refuses falls back to English rather than breaking the page. */
function safeLocale(locale: string): string {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : "en";
  } catch {
    return "en";
  }
}

/** A candidate slot as a recurrence, so its sessions can be worked out like a circle's. */
export function slotRecurrence(round: Pick<RoundSummary, "cadence" | "startsOn">, slot: CandidateSlot): CircleRecurrence {
  return {
    cadence: round.cadence,
    weekday: slot.weekday,
    localTime: slot.localTime,
    durationMinutes: slot.durationMinutes,
    timeZone: slot.timeZone,
    startDate: round.startsOn,
  };
}

/**
 * A round's slots in the order their first sessions fall, not the order the admin typed them: a
 * Thursday slot in New York and a Monday one in London read in date order wherever the viewer is.
 * A slot with no session to come goes last, keeping the admin's order among those.
 */
export function slotsInDateOrder<Slot extends CandidateSlot>(
  round: Pick<RoundSummary, "cadence" | "startsOn"> & { slots: readonly Slot[] },
  from = new Date(),
): Slot[] {
  const firstStart = (slot: Slot) => nextSessions(slotRecurrence(round, slot), from, 1)[0]?.start.getTime() ?? Number.POSITIVE_INFINITY;
  return round.slots
    .map((slot, index) => ({ slot, index, start: firstStart(slot) }))
    .sort((a, b) => a.start - b.start || a.index - b.index)
    .map(({ slot }) => slot);
}

/** The next session still to come (or under way), in the viewer's words; undefined when there is none. */
export function nextSessionText(recurrence: CircleRecurrence, viewer: SessionViewer, from = new Date()): string | undefined {
  const [session] = nextSessions(recurrence, from, 1);
  return session ? formatSessionForViewer(session.start, session.end, viewer) : undefined;
}

export function cadenceText({ text }: Messages, cadence: CircleCadence): string {
  return cadence === "weekly" ? text.cadenceWeekly : text.cadenceFortnightly;
}

/** e.g. "Monday 9 March, 18:30–19:30 GMT+5:30, then every week". */
export function slotText(
  messages: Messages,
  round: Pick<RoundSummary, "cadence" | "startsOn">,
  slot: CandidateSlot,
  viewer: SessionViewer,
): string {
  const when = nextSessionText(slotRecurrence(round, slot), viewer) ?? "";
  return messages.formatMessage("roundSlotWhen", { when, cadence: cadenceText(messages, round.cadence) });
}

/** The slot as the admin set it, for when the viewer's zone differs: "set for Monday at 14:00, Europe/London time". */
export function slotHomeText({ formatMessage }: Messages, slot: CandidateSlot, locale: string): string {
  return formatMessage("roundSlotHome", { weekday: weekdayName(slot.weekday, locale), time: slot.localTime, timeZone: slot.timeZone });
}

/** 7 January 2024 was a Sunday, so day N of that week is WEEKDAYS[N]. */
export function weekdayName(weekday: Weekday, locale: string): string {
  const day = WEEKDAYS.indexOf(weekday);
  return new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(Date.UTC(2024, 0, 7 + day));
}

/** A calendar date ("YYYY-MM-DD") as words, e.g. "14 March 2026"; it names a day, not a moment, so no zone shifts it. */
export function localDateText(localDate: string, locale: string): string {
  const [year, month, day] = localDate.split("-").map(Number);
  if (!year || !month || !day) return localDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(year, month - 1, day));
}
