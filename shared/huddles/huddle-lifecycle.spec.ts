import { describe, expect, it } from "vitest";
import { applyHuddleAction, newHuddleClock, type HuddleClockState } from "./huddle-clock.js";
import { HUDDLE_ABANDONED_AFTER_MS, lastHuddleActivity, mayStartNewHuddle } from "./huddle-lifecycle.js";

const STEPS = [
  { id: "a", durationSeconds: 60 },
  { id: "b", durationSeconds: 60 },
];
const T0 = Date.UTC(2026, 11, 4, 8, 0);

function act(state: HuddleClockState, type: "start" | "pause" | "end", at: number): HuddleClockState {
  const result = applyHuddleAction(state, { type, by: "fin" }, at);
  if (!result.ok) throw new Error(result.refusal);
  return result.state;
}

describe("huddle lifecycle", () => {
  const ready = newHuddleClock(STEPS, "fin", 7);

  it("lets a new huddle follow one that ended, at once", () => {
    const ended = act(act(ready, "start", T0), "end", T0 + 1000);
    expect(mayStartNewHuddle({ clock: ended, changedAt: T0 + 1000 }, T0 + 1001)).toBe(true);
  });

  it("keeps a running, paused or freshly set-up huddle until it has been idle for hours", () => {
    const running = act(ready, "start", T0);
    const paused = act(running, "pause", T0 + 60_000);
    for (const [clock, last] of [
      [running, T0],
      [paused, T0 + 60_000],
      [ready, T0],
    ] as const) {
      expect(mayStartNewHuddle({ clock, changedAt: last }, last + HUDDLE_ABANDONED_AFTER_MS - 1)).toBe(false);
      // The next day's stand-up in the same recurring meeting.
      expect(mayStartNewHuddle({ clock, changedAt: last }, last + 24 * 3_600_000)).toBe(true);
    }
  });

  it("counts the latest of the recorded change and the clock's timestamps", () => {
    const paused = act(act(ready, "start", T0), "pause", T0 + 5000);
    expect(lastHuddleActivity(paused)).toBe(T0 + 5000);
    expect(lastHuddleActivity(paused, T0 + 9000)).toBe(T0 + 9000);
    expect(mayStartNewHuddle({ clock: paused }, T0 + 5000 + HUDDLE_ABANDONED_AFTER_MS - 1)).toBe(false);
    // An old, never-started session without timestamps holds nothing to lose.
    expect(lastHuddleActivity(ready)).toBeUndefined();
    expect(mayStartNewHuddle({ clock: ready }, T0)).toBe(true);
  });
});
