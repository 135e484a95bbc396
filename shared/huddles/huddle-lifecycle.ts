import type { HuddleClockState } from "./huddle-clock.js";

/**
 * When a meeting may get a new huddle. A recurring Teams meeting keeps one meeting id for every
 * occurrence, so yesterday's stand-up, left running when people dropped off the call, must not
 * block today's. A huddle nobody has touched for this long is taken as abandoned: longer than any
 * pause a debrief takes over lunch, shorter than the gap to the next day's meeting.
 */
export const HUDDLE_ABANDONED_AFTER_MS = 4 * 60 * 60 * 1000;

/** The last moment anything happened in a huddle: its recorded change, else the clock's own timestamps. */
export function lastHuddleActivity(clock: HuddleClockState, changedAt?: number): number | undefined {
  const moments = [changedAt, clock.startedAt, clock.stepStartedAt, clock.pausedAt, clock.speakerStartedAt, clock.endedAt].filter(
    (moment): moment is number => typeof moment === "number",
  );
  return moments.length ? Math.max(...moments) : undefined;
}

/**
 * A new huddle may replace the meeting's current one once that one has ended or been abandoned.
 * A session with no timestamp at all (written before sessions recorded their changes, and never
 * started) counts as abandoned: it holds nothing anyone would lose.
 */
export function mayStartNewHuddle(current: { clock: HuddleClockState; changedAt?: number | undefined }, now: number): boolean {
  if (current.clock.phase === "ended") return true;
  const last = lastHuddleActivity(current.clock, current.changedAt);
  return last === undefined || now - last >= HUDDLE_ABANDONED_AFTER_MS;
}
