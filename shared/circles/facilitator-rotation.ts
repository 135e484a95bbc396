import { AppError } from "../app-error.js";

/**
 * Who facilitates a circle's next session. The rotation goes in rounds: a round ends once every member
 * who is willing has facilitated in it, so everyone gets a turn before anyone gets a second. Within a
 * round the next person is whoever has had the fewest turns in it, then whoever has waited longest
 * since their last turn, then whoever comes first in the member list. That makes a steady circle a
 * fixed cycle (A, B, C, A, B, C, …).
 *
 * Only the current member list counts, and it is replayed over the whole history:
 * - people who left are ignored, so a round never waits for them;
 * - someone who joins (or becomes willing) has no turn in the current round, so they go next, once,
 *   and then take their place in the cycle; they do not "catch up" on turns from before they joined;
 * - a per-session override counts as that person's turn once it is in the history.
 */

export interface RotationMember {
  readonly id: string;
  /** Whether the person has said they are happy to facilitate. */
  readonly willing: boolean;
}

export interface NextFacilitatorInput {
  readonly members: readonly RotationMember[];
  /** Past facilitators' ids, oldest first, one per session held (overrides included). */
  readonly history: readonly string[];
  /** Someone asked to facilitate this session instead. They must still be a member, but need not be in the rotation. */
  readonly override?: string;
}

interface RotationState {
  /** Willing members in list order. */
  readonly willing: readonly string[];
  readonly memberIds: ReadonlySet<string>;
  readonly turnsThisRound: Map<string, number>;
  readonly lastTurn: Map<string, number>;
  sessions: number;
}

export function nextFacilitator(input: NextFacilitatorInput): string | undefined {
  const state = replay(input.members, input.history);
  return input.override === undefined ? pick(state) : checkedOverride(state, input.override);
}

/**
 * Who facilitates each of the next `count` sessions, as `nextFacilitator` would choose them one after
 * another. `overrides[i]`, when given, replaces the pick for the i-th upcoming session and counts as
 * that person's turn. An entry is undefined when nobody in the circle is willing.
 */
export function facilitatorSchedule(
  members: readonly RotationMember[],
  history: readonly string[],
  count: number,
  overrides: readonly (string | undefined)[] = [],
): (string | undefined)[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a whole number, 0 or more");
  const state = replay(members, history);
  const schedule: (string | undefined)[] = [];
  for (let session = 0; session < count; session += 1) {
    const override = overrides[session];
    const id = override === undefined ? pick(state) : checkedOverride(state, override);
    schedule.push(id);
    // An empty slot is still a session held, so the wait since everyone's last turn grows.
    record(state, id);
  }
  return schedule;
}

function replay(members: readonly RotationMember[], history: readonly string[]): RotationState {
  const memberIds = new Set<string>();
  const willing: string[] = [];
  for (const member of members) {
    // A member listed twice keeps their first place in the order.
    if (memberIds.has(member.id)) continue;
    memberIds.add(member.id);
    if (member.willing) willing.push(member.id);
  }
  const state: RotationState = { willing, memberIds, turnsThisRound: new Map(), lastTurn: new Map(), sessions: 0 };
  for (const id of history) record(state, id);
  return state;
}

function record(state: RotationState, id: string | undefined): void {
  const session = state.sessions;
  state.sessions += 1;
  if (id === undefined || !state.memberIds.has(id)) return;
  state.lastTurn.set(id, session);
  state.turnsThisRound.set(id, (state.turnsThisRound.get(id) ?? 0) + 1);
  // Any turns beyond one in a finished round (from overrides) are forgiven rather than carried over.
  if (state.willing.every((member) => (state.turnsThisRound.get(member) ?? 0) > 0)) state.turnsThisRound.clear();
}

function pick(state: RotationState): string | undefined {
  let best: string | undefined;
  let bestTurns = Infinity;
  let bestLast = Infinity;
  for (const id of state.willing) {
    const turns = state.turnsThisRound.get(id) ?? 0;
    // Never having facilitated counts as the longest wait of all.
    const last = state.lastTurn.get(id) ?? -1;
    // Strict comparisons keep the earlier member on a full tie.
    if (turns < bestTurns || (turns === bestTurns && last < bestLast)) {
      best = id;
      bestTurns = turns;
      bestLast = last;
    }
  }
  return best;
}

function checkedOverride(state: RotationState, id: string): string {
  if (!state.memberIds.has(id)) {
    throw new AppError("bad_request", "Only a member of this circle can be asked to facilitate it.");
  }
  return id;
}
