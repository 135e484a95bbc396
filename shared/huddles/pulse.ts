/**
 * The pulse check: each person taps a level once per pulse step. Answers are kept as counts per
 * level plus a set of hashed participant keys that only exists to refuse a second vote; nothing
 * links a key to a level. The distribution is shown only once enough people have answered.
 */
export const PULSE_LEVELS = [1, 2, 3, 4, 5] as const;
export type PulseLevel = (typeof PULSE_LEVELS)[number];
export const MIN_PULSE_ANSWERS_SHOWN = 3;

export interface PulseState {
  stepId: string;
  counts: Record<PulseLevel, number>;
  /** Salted hashes of who has answered, dropped when the step ends. */
  answeredKeys: string[];
}

export type PulseResult = { ok: true; state: PulseState } | { ok: false; refusal: "already_answered" | "invalid_level" };

export function newPulse(stepId: string): PulseState {
  return { stepId, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, answeredKeys: [] };
}

export function recordPulseAnswer(state: PulseState, participantKeyHash: string, level: number): PulseResult {
  if (!(PULSE_LEVELS as readonly number[]).includes(level)) return { ok: false, refusal: "invalid_level" };
  if (state.answeredKeys.includes(participantKeyHash)) return { ok: false, refusal: "already_answered" };
  const counts = { ...state.counts, [level]: state.counts[level as PulseLevel] + 1 };
  return { ok: true, state: { ...state, counts, answeredKeys: [...state.answeredKeys, participantKeyHash] } };
}

export function pulseAnswerCount(state: Pick<PulseState, "counts">): number {
  return PULSE_LEVELS.reduce((total, level) => total + state.counts[level], 0);
}

/** The distribution, or undefined while fewer than three people have answered (privacy rule 4). */
export function pulseDistribution(state: Pick<PulseState, "counts">): Record<PulseLevel, number> | undefined {
  return pulseAnswerCount(state) >= MIN_PULSE_ANSWERS_SHOWN ? { ...state.counts } : undefined;
}

/** What is kept after the step: the counts alone, and only when they may be shown at all. */
export function closePulse(state: PulseState): { stepId: string; counts: Record<PulseLevel, number> } | { stepId: string; withheld: true } {
  const distribution = pulseDistribution(state);
  return distribution ? { stepId: state.stepId, counts: distribution } : { stepId: state.stepId, withheld: true };
}
