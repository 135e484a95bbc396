import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyHuddleAction,
  clockReading,
  huddleSummary,
  newHuddleClock,
  shuffled,
  stepElapsedMs,
  type ClockStep,
  type HuddleAction,
  type HuddleClockState,
} from "./huddle-clock.js";
import { propertyRuns } from "../../tests/support/property-runs.js";

const STEPS = [
  { id: "pulse", durationSeconds: 60 },
  { id: "round", durationSeconds: 120, round: { secondsPerSpeaker: 20 } },
  { id: "close", durationSeconds: 60 },
];
const FACILITATOR = "facilitator";
const T0 = 1_800_000_000_000;
const PEOPLE = ["p1", "p2", "p3", "p4"];

function run(actions: [HuddleAction, number][], start: HuddleClockState = newHuddleClock(STEPS, FACILITATOR, 42)): HuddleClockState {
  let state = start;
  for (const [action, at] of actions) {
    const result = applyHuddleAction(state, action, at);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.refusal}`);
    state = result.state;
  }
  return state;
}

const by = FACILITATOR;

describe("huddle clock transitions", () => {
  it("keeps only each step's timing, never its text or facilitator notes", () => {
    const clock = newHuddleClock(
      [{ id: "a", durationSeconds: 60, round: { secondsPerSpeaker: 20 }, title: "Words", facilitatorNotes: "private" } as ClockStep],
      FACILITATOR,
      1,
    );
    expect(clock.steps).toEqual([{ id: "a", durationSeconds: 60, round: { secondsPerSpeaker: 20 } }]);
  });

  it("starts on the first step with the full time", () => {
    const state = run([[{ type: "start", by }, T0]]);
    expect(state.phase).toBe("running");
    expect(clockReading(state, T0 + 10_000)).toMatchObject({ stepIndex: 0, remainingMs: 50_000, overtimeMs: 0 });
  });

  it("stops the clock while paused and carries on after resume", () => {
    const state = run([
      [{ type: "start", by }, T0],
      [{ type: "pause", by }, T0 + 10_000],
    ]);
    expect(clockReading(state, T0 + 500_000).remainingMs).toBe(50_000);
    const resumed = run([[{ type: "resume", by }, T0 + 40_000]], state);
    expect(clockReading(resumed, T0 + 45_000).remainingMs).toBe(45_000);
  });

  it("adds a minute per extension, also while paused", () => {
    const state = run([
      [{ type: "start", by }, T0],
      [{ type: "extend", by }, T0 + 5_000],
      [{ type: "pause", by }, T0 + 10_000],
      [{ type: "extend", by }, T0 + 20_000],
    ]);
    expect(clockReading(state, T0 + 30_000).remainingMs).toBe(170_000);
  });

  it("shows overtime counting up instead of hiding it", () => {
    const state = run([[{ type: "start", by }, T0]]);
    expect(clockReading(state, T0 + 75_000)).toMatchObject({ remainingMs: 0, overtimeMs: 15_000 });
  });

  it("moves next and previous with fresh time and records what was used", () => {
    const state = run([
      [{ type: "start", by }, T0],
      [{ type: "next", by, participants: PEOPLE }, T0 + 30_000],
      [{ type: "previous", by }, T0 + 50_000],
    ]);
    expect(state.stepIndex).toBe(0);
    expect(clockReading(state, T0 + 50_000).remainingMs).toBe(60_000);
    expect(state.completed).toEqual([
      { stepId: "pulse", usedSeconds: 30 },
      { stepId: "round", usedSeconds: 20 },
    ]);
  });

  it("runs a speaking round in a seeded shuffled order with a timebox per speaker", () => {
    const state = run([
      [{ type: "start", by }, T0],
      [{ type: "next", by, participants: PEOPLE }, T0 + 60_000],
    ]);
    expect([...state.speakers].sort()).toEqual(PEOPLE);
    expect(state.speakers).toEqual(shuffled(PEOPLE, 42 + 1));
    expect(clockReading(state, T0 + 70_000).speaker).toMatchObject({ position: 1, of: 4, remainingMs: 10_000 });
    const after = run(
      [
        [{ type: "skip_speaker", by }, T0 + 75_000],
        [{ type: "next_speaker", by }, T0 + 80_000],
      ],
      state,
    );
    expect(clockReading(after, T0 + 85_000).speaker).toMatchObject({ position: 3, remainingMs: 15_000 });
    expect(after.passes).toBe(1);
    expect(clockReading(after, T0 + 110_000).speaker).toMatchObject({ remainingMs: 0, overtimeMs: 10_000 });
  });

  it("gives the same order for the same seed and a different one for another", () => {
    const many = Array.from({ length: 12 }, (_, index) => `person-${index}`);
    expect(shuffled(many, 7)).toEqual(shuffled(many, 7));
    expect(shuffled(many, 7)).not.toEqual(shuffled(many, 8));
  });

  it("ends with a summary of steps and time, and then refuses everything", () => {
    const state = run([
      [{ type: "start", by }, T0],
      [{ type: "next", by, participants: PEOPLE }, T0 + 65_000],
      [{ type: "end", by }, T0 + 185_000],
    ]);
    expect(huddleSummary(state)).toEqual({
      steps: [
        { stepId: "pulse", usedSeconds: 65 },
        { stepId: "round", usedSeconds: 120 },
      ],
      totalSeconds: 185,
      passes: 0,
    });
    for (const action of [
      { type: "start", by },
      { type: "next", by },
      { type: "end", by },
      { type: "resume", by },
    ] as HuddleAction[]) {
      expect(applyHuddleAction(state, action, T0 + 200_000)).toEqual({ ok: false, refusal: expect.any(String) });
    }
  });

  it.each([
    [{ type: "pause", by }, "not_allowed_now"],
    [{ type: "resume", by }, "not_allowed_now"],
    [{ type: "next", by }, "not_allowed_now"],
    [{ type: "extend", by }, "not_allowed_now"],
    [{ type: "next_speaker", by }, "not_allowed_now"],
  ] as [HuddleAction, string][])("refuses %j before the start", (action, refusal) => {
    expect(applyHuddleAction(newHuddleClock(STEPS, FACILITATOR, 1), action, T0)).toEqual({ ok: false, refusal });
  });

  it("refuses moves past either end, speakers outside a round, and a round past its last speaker", () => {
    const started = run([[{ type: "start", by }, T0]]);
    expect(applyHuddleAction(started, { type: "previous", by }, T0)).toEqual({ ok: false, refusal: "no_previous_step" });
    expect(applyHuddleAction(started, { type: "next_speaker", by }, T0)).toEqual({ ok: false, refusal: "no_round" });
    const last = run(
      [
        [{ type: "next", by, participants: ["a"] }, T0 + 1],
        [{ type: "next", by }, T0 + 2],
      ],
      started,
    );
    expect(applyHuddleAction(last, { type: "next", by }, T0 + 3)).toEqual({ ok: false, refusal: "no_next_step" });
    const oneSpeaker = run([[{ type: "next", by, participants: ["solo"] }, T0 + 1]], started);
    expect(applyHuddleAction(oneSpeaker, { type: "next_speaker", by }, T0 + 2)).toEqual({ ok: false, refusal: "round_finished" });
  });

  it("caps extensions at 30 minutes", () => {
    let state = run([[{ type: "start", by }, T0]]);
    for (let minute = 0; minute < 30; minute++) state = run([[{ type: "extend", by }, T0 + minute]], state);
    expect(applyHuddleAction(state, { type: "extend", by }, T0 + 100)).toEqual({ ok: false, refusal: "extension_limit" });
  });

  it("accepts only the facilitator, lets control be handed over, and lets the organiser take over", () => {
    const started = run([[{ type: "start", by }, T0]]);
    expect(applyHuddleAction(started, { type: "next", by: "someone" }, T0)).toEqual({ ok: false, refusal: "not_facilitator" });
    expect(applyHuddleAction(started, { type: "hand_over", by: "someone", to: "someone" }, T0)).toEqual({
      ok: false,
      refusal: "not_facilitator",
    });
    expect(applyHuddleAction(started, { type: "take_over", by: "someone", isOrganizer: false }, T0)).toEqual({
      ok: false,
      refusal: "not_organizer",
    });
    const handed = run([[{ type: "hand_over", by, to: "colleague" }, T0 + 1]], started);
    expect(applyHuddleAction(handed, { type: "pause", by }, T0 + 2)).toEqual({ ok: false, refusal: "not_facilitator" });
    expect(applyHuddleAction(handed, { type: "pause", by: "colleague" }, T0 + 2).ok).toBe(true);
    const taken = run([[{ type: "take_over", by: "organiser", isOrganizer: true }, T0 + 3]], handed);
    expect(taken.facilitatorId).toBe("organiser");
  });
});

describe("huddle clock under any sequence of actions", () => {
  const actionArbitrary = fc.oneof(
    fc.constant<HuddleAction>({ type: "start", by, participants: PEOPLE }),
    fc.constant<HuddleAction>({ type: "pause", by }),
    fc.constant<HuddleAction>({ type: "resume", by }),
    fc.constant<HuddleAction>({ type: "next", by, participants: PEOPLE }),
    fc.constant<HuddleAction>({ type: "previous", by, participants: PEOPLE }),
    fc.constant<HuddleAction>({ type: "extend", by }),
    fc.constant<HuddleAction>({ type: "next_speaker", by }),
    fc.constant<HuddleAction>({ type: "skip_speaker", by }),
    fc.constant<HuddleAction>({ type: "end", by }),
    fc.constant<HuddleAction>({ type: "next", by: "intruder" }),
  );

  it("never yields a negative duration, a lost step or a step out of range", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArbitrary, fc.integer({ min: 0, max: 120_000 })), { maxLength: 60 }), (steps) => {
        let state = newHuddleClock(STEPS, FACILITATOR, 3);
        let now = T0;
        for (const [action, wait] of steps) {
          now += wait;
          const result = applyHuddleAction(state, action, now);
          if (result.ok) state = result.state;
          expect(state.steps).toEqual(STEPS);
          expect(state.stepIndex).toBeGreaterThanOrEqual(0);
          expect(state.stepIndex).toBeLessThan(STEPS.length);
          const reading = clockReading(state, now);
          expect(reading.remainingMs).toBeGreaterThanOrEqual(0);
          expect(reading.overtimeMs).toBeGreaterThanOrEqual(0);
          expect(stepElapsedMs(state, now)).toBeGreaterThanOrEqual(0);
          if (reading.speaker) expect(reading.speaker.remainingMs + reading.speaker.overtimeMs).toBeGreaterThanOrEqual(0);
          for (const entry of state.completed) expect(entry.usedSeconds).toBeGreaterThanOrEqual(0);
          expect(huddleSummary(state).totalSeconds).toBeLessThanOrEqual(Math.ceil((now - T0) / 1000) + state.completed.length);
        }
      }),
      { numRuns: propertyRuns(500) },
    );
  });
});
