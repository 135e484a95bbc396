import type { PlanState } from "./plan-state.js";
import { shuffleInPlace, type SeededRandom } from "./seeded-random.js";
import { transversalRounds } from "./transversal-design.js";

const RELABEL_WORK = 3_000_000;
const RELABEL_SAMPLE = 64;

/**
 * Loads rounds 0.. from a transversal design (see transversal-design.ts) when nobody has met yet:
 * the design keeps every pair fresh for as many rounds as it has, far beyond what round-by-round
 * search reaches. Members are then relabelled (two members trade seats in every design round at
 * once, which keeps all pairs fresh) to mix teams, share interests and meet the avoid and window
 * rules. Returns how many leading rounds are kept: the design rounds up to the first one that
 * still breaks a hard rule.
 */
export function seedFromDesign(state: PlanState, sizes: readonly number[], rounds: number, random: SeededRandom): number {
  const size = sizes[0] ?? 0;
  const holes = state.groups * size - state.n;
  const design = transversalRounds(state.groups, size, holes, rounds, random);
  if (design.length < 2) return 0;
  const seatOf = new Int32Array(state.groups * size).fill(-1);
  const members = Int32Array.from({ length: state.n }, (_, member) => member);
  shuffleInPlace(members, random);
  let next = 0;
  // Seats left empty are the last `holes` seats of the last class (see transversalRounds).
  for (let seat = 0; seat < seatOf.length; seat++)
    if (seat < (size - 1) * state.groups || seat % state.groups < state.groups - holes) seatOf[seat] = members[next++]!;
  design.forEach((groups, round) => {
    state.clearRound(round);
    groups.forEach((seats, group) => seats.forEach((seat) => state.place(round, group, seatOf[seat]!)));
  });
  const used = Array.from({ length: design.length }, (_, round) => round);
  relabel(state, used, random);
  let kept = 0;
  while (kept < design.length && state.hardCount(kept) === 0) kept++;
  for (let round = kept; round < design.length; round++) state.clearRound(round);
  return kept;
}

/** First-improvement descent over seat trades between two members across all given rounds. */
function relabel(state: PlanState, rounds: readonly number[], random: SeededRandom): void {
  const { n, instance } = state;
  const order = Int32Array.from({ length: n }, (_, member) => member);
  let work = 0;
  let improved = true;
  while (improved && work < RELABEL_WORK) {
    improved = false;
    shuffleInPlace(order, random);
    for (const a of order) {
      for (let tries = 0; tries < Math.min(n - 1, RELABEL_SAMPLE); tries++) {
        const b = n - 1 <= RELABEL_SAMPLE ? (a + 1 + tries) % n : random.below(n);
        if (b === a) continue;
        let delta = 0;
        for (const round of rounds) {
          const groupA = state.groupOf[round * n + a]!;
          const groupB = state.groupOf[round * n + b]!;
          if (groupA === groupB) continue;
          delta += state.swapWindowDelta(round, a, b);
          for (const [group, leaving, joining] of [
            [groupA, a, b],
            [groupB, b, a],
          ] as const) {
            const base = state.groupBase(round, group);
            for (let index = 0, count = state.sizeOf(round, group); index < count; index++) {
              const other = state.slots[base + index]!;
              if (other !== leaving) delta += instance.pairCost(joining, other) - instance.pairCost(leaving, other);
            }
            work += state.sizeOf(round, group);
          }
        }
        if (delta >= -1e-6) continue;
        for (const round of rounds) if (state.groupOf[round * n + a] !== state.groupOf[round * n + b]) state.swap(round, a, b);
        improved = true;
      }
      if (work >= RELABEL_WORK) return;
    }
  }
}
