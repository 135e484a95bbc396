/**
 * The huddle clock: a pure state machine. The server is the only clock, so the state holds server
 * timestamps (when the step started, was paused, was extended) and every remaining or overtime
 * figure is derived from them at the moment of reading, never stored as a counter.
 */
export interface ClockStep {
  id: string;
  durationSeconds: number;
  round?: { secondsPerSpeaker: number } | undefined;
}

export type HuddlePhase = "ready" | "running" | "paused" | "ended";

export interface HuddleClockState {
  phase: HuddlePhase;
  steps: ClockStep[];
  stepIndex: number;
  /** Server time (ms) the current step began; pauses are accounted for in `pausedMs`. */
  stepStartedAt?: number | undefined;
  pausedAt?: number | undefined;
  pausedMs: number;
  extensionSeconds: number;
  /** Opaque participant keys in this round's shuffled order. */
  speakers: string[];
  speakerIndex: number;
  speakerStartedAt?: number | undefined;
  speakerPausedMs: number;
  /** How many passed across the session: a count, never who. */
  passes: number;
  seed: number;
  facilitatorId: string;
  /** Time actually spent on each step, in the order they were left. */
  completed: { stepId: string; usedSeconds: number }[];
  startedAt?: number | undefined;
  endedAt?: number | undefined;
}

export type HuddleAction =
  | { type: "start"; by: string; participants?: string[] }
  | { type: "pause"; by: string }
  | { type: "resume"; by: string }
  | { type: "next"; by: string; participants?: string[] }
  | { type: "previous"; by: string; participants?: string[] }
  | { type: "extend"; by: string }
  | { type: "next_speaker"; by: string }
  | { type: "skip_speaker"; by: string }
  | { type: "end"; by: string; participants?: string[] }
  | { type: "hand_over"; by: string; to: string }
  | { type: "take_over"; by: string; isOrganizer: boolean };

export type HuddleRefusal =
  | "not_facilitator"
  | "not_organizer"
  | "not_allowed_now"
  | "no_next_step"
  | "no_previous_step"
  | "no_round"
  | "round_finished"
  | "extension_limit";

export type HuddleResult = { ok: true; state: HuddleClockState } | { ok: false; refusal: HuddleRefusal };

export const EXTENSION_SECONDS = 60;
export const MAX_EXTENSION_SECONDS = 30 * 60;

/**
 * Only the timing of each step is copied in: the clock never touches the (frozen) template, and
 * step text stays out of the state that is written and pushed on every tick of the meeting.
 */
export function newHuddleClock(steps: readonly ClockStep[], facilitatorId: string, seed: number): HuddleClockState {
  return {
    phase: "ready",
    steps: steps.map(({ id, durationSeconds, round }) => ({ id, durationSeconds, ...(round ? { round: { ...round } } : {}) })),
    stepIndex: 0,
    pausedMs: 0,
    extensionSeconds: 0,
    speakers: [],
    speakerIndex: 0,
    speakerPausedMs: 0,
    passes: 0,
    seed,
    facilitatorId,
    completed: [],
  };
}

const ok = (state: HuddleClockState): HuddleResult => ({ ok: true, state });
const refuse = (refusal: HuddleRefusal): HuddleResult => ({ ok: false, refusal });

export function applyHuddleAction(state: HuddleClockState, action: HuddleAction, now: number): HuddleResult {
  if (action.type === "take_over") {
    if (!action.isOrganizer) return refuse("not_organizer");
    return state.phase === "ended" ? refuse("not_allowed_now") : ok({ ...state, facilitatorId: action.by });
  }
  if (action.by !== state.facilitatorId) return refuse("not_facilitator");
  const live = state.phase === "running" || state.phase === "paused";
  switch (action.type) {
    case "start":
      if (state.phase !== "ready") return refuse("not_allowed_now");
      return ok(enterStep({ ...state, phase: "running", startedAt: now }, 0, now, action.participants));
    case "pause":
      return state.phase === "running" ? ok({ ...state, phase: "paused", pausedAt: now }) : refuse("not_allowed_now");
    case "resume": {
      if (state.phase !== "paused" || state.pausedAt === undefined) return refuse("not_allowed_now");
      const paused = Math.max(0, now - state.pausedAt);
      const { pausedAt: _resumed, ...rest } = state;
      return ok({ ...rest, phase: "running", pausedMs: state.pausedMs + paused, speakerPausedMs: state.speakerPausedMs + paused });
    }
    case "next":
      if (!live) return refuse("not_allowed_now");
      if (state.stepIndex >= state.steps.length - 1) return refuse("no_next_step");
      return ok(enterStep(leaveStep(state, now), state.stepIndex + 1, now, action.participants));
    case "previous":
      if (!live) return refuse("not_allowed_now");
      if (state.stepIndex === 0) return refuse("no_previous_step");
      return ok(enterStep(leaveStep(state, now), state.stepIndex - 1, now, action.participants));
    case "extend":
      if (!live) return refuse("not_allowed_now");
      if (state.extensionSeconds + EXTENSION_SECONDS > MAX_EXTENSION_SECONDS) return refuse("extension_limit");
      return ok({ ...state, extensionSeconds: state.extensionSeconds + EXTENSION_SECONDS });
    case "next_speaker":
    case "skip_speaker": {
      if (state.phase !== "running") return refuse("not_allowed_now");
      if (!state.steps[state.stepIndex]?.round || state.speakers.length === 0) return refuse("no_round");
      if (state.speakerIndex >= state.speakers.length - 1) return refuse("round_finished");
      const passes = state.passes + (action.type === "skip_speaker" ? 1 : 0);
      return ok({ ...state, speakerIndex: state.speakerIndex + 1, speakerStartedAt: now, speakerPausedMs: 0, passes });
    }
    case "end": {
      if (state.phase === "ended") return refuse("not_allowed_now");
      const left = live ? leaveStep(state, now) : state;
      const { pausedAt: _ended, ...rest } = left;
      return ok({ ...rest, phase: "ended", endedAt: now });
    }
    case "hand_over":
      if (state.phase === "ended" || !action.to) return refuse("not_allowed_now");
      return ok({ ...state, facilitatorId: action.to });
  }
}

/** Milliseconds into the current step, not counting pauses; never negative. */
export function stepElapsedMs(state: HuddleClockState, now: number): number {
  if (state.stepStartedAt === undefined) return 0;
  const until = state.pausedAt ?? (state.phase === "ended" ? (state.endedAt ?? now) : now);
  return Math.max(0, until - state.stepStartedAt - state.pausedMs);
}

/** What the panels and the stage show: time left (or overtime) for the step and the speaker. */
export function clockReading(state: HuddleClockState, now: number) {
  const step = state.steps[state.stepIndex];
  const allowedMs = ((step?.durationSeconds ?? 0) + state.extensionSeconds) * 1000;
  const elapsedMs = stepElapsedMs(state, now);
  const reading = {
    stepIndex: state.stepIndex,
    stepId: step?.id,
    remainingMs: Math.max(0, allowedMs - elapsedMs),
    overtimeMs: Math.max(0, elapsedMs - allowedMs),
    speaker: undefined as undefined | { key: string; position: number; of: number; remainingMs: number; overtimeMs: number },
  };
  if (step?.round && state.speakers.length > 0 && state.speakerStartedAt !== undefined) {
    const until = state.pausedAt ?? now;
    const speakerElapsed = Math.max(0, until - state.speakerStartedAt - state.speakerPausedMs);
    const speakerAllowed = step.round.secondsPerSpeaker * 1000;
    reading.speaker = {
      key: state.speakers[state.speakerIndex]!,
      position: state.speakerIndex + 1,
      of: state.speakers.length,
      remainingMs: Math.max(0, speakerAllowed - speakerElapsed),
      overtimeMs: Math.max(0, speakerElapsed - speakerAllowed),
    };
  }
  return reading;
}

/** The end-of-session summary: steps done and time used. Nothing anyone said. */
export function huddleSummary(state: HuddleClockState) {
  const lastUse = new Map<string, number>();
  for (const { stepId, usedSeconds } of state.completed) lastUse.set(stepId, (lastUse.get(stepId) ?? 0) + usedSeconds);
  const steps = state.steps.filter((step) => lastUse.has(step.id)).map((step) => ({ stepId: step.id, usedSeconds: lastUse.get(step.id)! }));
  return { steps, totalSeconds: steps.reduce((total, step) => total + step.usedSeconds, 0), passes: state.passes };
}

function leaveStep(state: HuddleClockState, now: number): HuddleClockState {
  const step = state.steps[state.stepIndex]!;
  return { ...state, completed: [...state.completed, { stepId: step.id, usedSeconds: Math.round(stepElapsedMs(state, now) / 1000) }] };
}

function enterStep(state: HuddleClockState, index: number, now: number, participants: string[] = []): HuddleClockState {
  const { pausedAt: _left, ...rest } = state;
  const round = state.steps[index]?.round;
  const speakers = round ? shuffled(participants, state.seed + index) : [];
  return {
    ...rest,
    phase: "running",
    stepIndex: index,
    stepStartedAt: now,
    pausedMs: 0,
    extensionSeconds: 0,
    speakers,
    speakerIndex: 0,
    speakerPausedMs: 0,
    ...(speakers.length ? { speakerStartedAt: now } : {}),
  };
}

/** A seeded Fisher–Yates shuffle (mulberry32), so every instance computes the same order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}
