import type { PlanState } from "./plan-state.js";
import { shuffleInPlace, type SeededRandom } from "./seeded-random.js";

const SMALL_INSTANCE = 400;
const CONSTRUCTION_CANDIDATES = 24;

/**
 * Greedy start for one round: groups are filled one by one, each seat going to the cheapest of the
 * members still waiting (fewest earlier meetings, then team and interest costs). Small circles weigh
 * everyone waiting; large ones take the first of a few candidates that costs nothing, which keeps
 * a 10,000-member round linear.
 */
export function constructRound(state: PlanState, round: number, sizes: readonly number[], random: SeededRandom): void {
  const { instance, n } = state;
  const pool = Int32Array.from({ length: n }, (_, index) => index);
  shuffleInPlace(pool, random);
  // Members with windows or avoid lists are hardest to seat, so they are seeded first (popped last).
  const difficulty = (member: number) => (instance.windowed[member] ? 2 : 0) + (instance.avoidCount(member) > 0 ? 1 : 0);
  let ordered = pool;
  if (pool.some((member) => difficulty(member) > 0)) ordered = Int32Array.from([...pool].sort((a, b) => difficulty(a) - difficulty(b)));
  const scanAll = n <= SMALL_INSTANCE;
  let waiting = n;
  sizes.forEach((target, group) => {
    if (waiting === 0) return;
    state.place(round, group, ordered[--waiting]!);
    while (state.sizeOf(round, group) < target && waiting > 0) {
      const scan = scanAll ? waiting : Math.min(waiting, CONSTRUCTION_CANDIDATES);
      let bestAt = waiting - 1;
      let bestCost = Infinity;
      for (let offset = 0; offset < scan; offset++) {
        const at = waiting - 1 - offset;
        const cost = state.joinDelta(round, group, ordered[at]!);
        if (cost < bestCost) [bestCost, bestAt] = [cost, at];
        if (!scanAll && cost <= 0) break;
      }
      const chosen = ordered[bestAt]!;
      ordered[bestAt] = ordered[waiting - 1]!;
      waiting--;
      state.place(round, group, chosen);
    }
  });
}
