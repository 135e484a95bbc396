import { AppError } from "../app-error.js";
import { CircleInstance, type CircleMember } from "./circle-instance.js";
import { planGroupSizes, type SizeNote } from "./group-sizes.js";
import { constructRound } from "./construct-round.js";
import { ConflictSearch, type SearchBudget } from "./local-search.js";
import { PairLedger } from "./pair-ledger.js";
import { seedFromDesign } from "./design-seed.js";
import { findBlocked, worstViolator, type Unplaced } from "./placement.js";
import { PlanState } from "./plan-state.js";
import { seededRandom, type SeededRandom } from "./seeded-random.js";

export type { CircleMember } from "./circle-instance.js";
export type { SizeNote } from "./group-sizes.js";
export type { Unplaced, UnplacedReason } from "./placement.js";
export { countRepeatedPairs, roundsWithoutRepeat } from "./repeat-metrics.js";
export { randomShuffleRounds } from "./shuffle-baseline.js";

export interface PlanRoundsInput {
  members: CircleMember[];
  groupSize: { min: number; max: number };
  rounds: number;
  /** Earlier rounds: round → groups → member ids. Ids no longer in `members` are ignored. */
  history?: string[][][];
  seed?: number;
}

export interface PlanRoundsReport {
  /** Round → groups → member ids; members in `unplaced` appear in no round. */
  rounds: string[][][];
  unplaced: Unplaced[];
  sizeNote?: SizeNote;
  /** Meetings in the new rounds of pairs that had already met (see countRepeatedPairs). */
  repeatedPairs: number;
}

const DEFAULT_SEED = 0x5eed;
const JOINT_ATTEMPTS = 3;
/** Ten years of weekly rounds; memory grows with rounds × members. */
const MAX_ROUNDS = 520;

/**
 * Work budgets (pair-cost look-ups, see SearchBudget). Short tabu tenures with a little noise did
 * best on the social-golfer benchmarks: long tenures push the walk off the best plateau.
 */
function budgets(n: number, hi: number): { round: SearchBudget; joint: SearchBudget; polish: number } {
  return {
    round: { work: 200_000 + 60 * n * hi, stall: 200, tenure: [1, 2], noise: 0.05 },
    joint: { work: Math.min(400_000_000, 100_000 * n * n), stall: 1000, tenure: [1, 2], noise: 0.05 },
    // Very large circles skip most of the polish: the greedy start already weighs teams.
    polish: Math.max(0, 2_000_000 - 200 * n),
  };
}

function validate(input: PlanRoundsInput): void {
  const { min, max } = input.groupSize;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min)
    throw new AppError("bad_request", "Group size needs whole numbers with 1 ≤ min ≤ max.");
  if (!Number.isInteger(input.rounds) || input.rounds < 0 || input.rounds > MAX_ROUNDS)
    throw new AppError("bad_request", `Rounds must be a whole number from 0 to ${MAX_ROUNDS}.`);
}

function ledgerFor(
  instance: CircleInstance,
  history: readonly (readonly (readonly string[])[])[],
): { ledger: PairLedger; partners: Int32Array } {
  const indexOf = new Map(instance.ids.map((id, index) => [id, index]));
  let seats = 0;
  let groups = 0;
  for (const round of history) {
    groups += round.length;
    for (const group of round) seats += group.length;
  }
  const members = new Int32Array(seats);
  const starts = new Int32Array(groups + 1);
  let used = 0;
  let group = 0;
  for (const round of history)
    for (const ids of round) {
      const start = used;
      for (const id of ids) {
        const index = indexOf.get(id);
        // Ids no longer in the circle drop out; an id listed twice in a group counts once.
        if (index !== undefined && !members.subarray(start, used).includes(index)) members[used++] = index;
      }
      starts[++group] = used;
    }
  const ledger = new PairLedger(instance.count, members.subarray(0, used), starts);
  // Distinct earlier partners bound how many fresh rounds are possible at all.
  return { ledger, partners: ledger.partnerCounts() };
}

interface Prepared {
  state: PlanState;
  search: ConflictSearch;
  partners: Int32Array;
  sizes: number[];
  note?: SizeNote;
}

/**
 * Decides who can be placed: members who plainly cannot share a window or escape an avoid pair
 * are set aside first, then round one is searched; while it still breaks a hard rule, the member
 * in the most conflicts is set aside and the sizes re-planned. The round found is kept as round 1.
 */
function place(members: CircleMember[], input: PlanRoundsInput, random: SeededRandom, unplaced: Unplaced[]): Prepared | null {
  const { min, max } = input.groupSize;
  const placed = [...members];
  for (;;) {
    const plan = planGroupSizes(placed.length, min, max);
    const blocked = findBlocked(placed, plan.lo);
    if (blocked) {
      unplaced.push({ memberId: placed[blocked.index]!.id, reason: blocked.reason });
      placed.splice(blocked.index, 1);
      continue;
    }
    if (placed.length === 0) return null;
    const instance = new CircleInstance(placed);
    const { ledger, partners } = ledgerFor(instance, input.history ?? []);
    const state = new PlanState(instance, ledger, plan.sizes.length, plan.lo, plan.hi, Math.max(1, input.rounds));
    const search = new ConflictSearch(state, random);
    constructRound(state, 0, plan.sizes, random);
    search.run([0], budgets(state.n, state.hi).round);
    if (state.hardCount(0) === 0) return { state, search, partners, sizes: plan.sizes, ...(plan.note ? { note: plan.note } : {}) };
    const worst = worstViolator(state, 0);
    unplaced.push({ memberId: placed[worst.index]!.id, reason: worst.reason });
    placed.splice(worst.index, 1);
  }
}

/**
 * Whether `rounds` fresh rounds are even possible: nobody may need more new partners than exist,
 * and from the second round on each group must draw its members from different groups of every
 * earlier round, so no group may be larger than the number of groups.
 */
function freshRoundsPossible(prepared: Prepared, rounds: number): boolean {
  const { state, partners } = prepared;
  if (rounds > 1 && state.n > state.groups * Math.min(state.hi, state.groups)) return false;
  for (let member = 0; member < state.n; member++) {
    const available = state.n - 1 - partners[member]! - state.instance.avoidCount(member);
    if (rounds * (state.lo - 1) > available) return false;
  }
  return true;
}

/**
 * Plans rounds one at a time, but while every round so far is free of repeated pairs, a round that
 * cannot be made fresh on its own triggers a joint search over all new rounds (a greedy round-by-round
 * plan runs out of fresh pairs long before the social-golfer limit). Once the joint search fails the
 * fresh stretch is final: it is polished for the soft goals, and later rounds are planned singly,
 * spreading the unavoidable repeats. When nobody has met yet, the fresh stretch starts from a
 * transversal design instead of from scratch.
 */
function planAll(prepared: Prepared, rounds: number, random: SeededRandom): void {
  const { state, search, sizes, partners } = prepared;
  const spend = budgets(state.n, state.hi);
  const fallback = state.saveRound(0);
  const produce = (round: number) => {
    constructRound(state, round, sizes, random);
    search.run([round], spend.round);
    // Round one already met every hard rule, so it is a safe start when a fresh search cannot.
    if (state.hardCount(round) > 0) {
      state.loadRound(round, fallback);
      search.run([round], spend.round);
      if (state.hardCount(round) > 0) state.loadRound(round, fallback);
    }
  };
  const strangers = partners.every((count) => count === 0);
  const seeded = strangers && rounds > 1 ? seedFromDesign(state, sizes, rounds, random) : 0;
  if (seeded === 0 && rounds > 0 && state.sizeOf(0, 0) === 0) state.loadRound(0, fallback);
  let fresh = true;
  for (let round = Math.max(seeded, 0); round < rounds; round++) {
    if (round > 0 && state.sizeOf(round, 0) === 0) produce(round);
    if (!fresh) {
      search.polish([round], spend.polish);
      continue;
    }
    if (state.repeatCount(round) === 0) continue;
    const all = Array.from({ length: round + 1 }, (_, index) => index);
    if (round > 0 && freshRoundsPossible(prepared, round + 1) && jointSearch(prepared, all, spend.joint)) continue;
    fresh = false;
    state.clearRound(round);
    search.polish(all.slice(0, -1), spend.polish * round);
    produce(round);
    search.polish([round], spend.polish);
  }
  if (fresh && rounds > 0)
    search.polish(
      Array.from({ length: rounds }, (_, index) => index),
      spend.polish * rounds,
    );
}

/**
 * Tries to make all given rounds fresh together. How long a search needs varies wildly from one
 * random walk to the next, so a few independent attempts from the same start beat one long one.
 * Leaves the rounds as they were when every attempt fails.
 */
function jointSearch({ state, search }: Prepared, rounds: number[], budget: SearchBudget): boolean {
  const before = rounds.map((index) => state.saveRound(index));
  for (let attempt = 0; attempt < JOINT_ATTEMPTS; attempt++) {
    if (attempt > 0) rounds.forEach((index) => state.loadRound(index, before[index]!));
    if (search.run(rounds, budget) === 0) return true;
  }
  rounds.forEach((index) => state.loadRound(index, before[index]!));
  return false;
}

/** Counts repeats round by round against history, as countRepeatedPairs does on strings. */
function repeatsInPlan(state: PlanState, rounds: number): number {
  const saved = Array.from({ length: rounds }, (_, round) => state.saveRound(round));
  for (let round = 0; round < rounds; round++) state.clearRound(round);
  let repeats = 0;
  saved.forEach((plan, round) => {
    for (let group = 0; group < state.groups; group++)
      for (let i = 0; i < plan.sizes[group]!; i++)
        for (let j = i + 1; j < plan.sizes[group]!; j++)
          if (state.ledger.get(plan.slots[group * state.hi + i]!, plan.slots[group * state.hi + j]!) > 0) repeats++;
    state.loadRound(round, plan);
  });
  return repeats;
}

/**
 * Plans `rounds` new rounds of peer circles and explains what could not be done.
 *
 * Hard rules, never broken: each placed member is in exactly one group per round; no group holds
 * both sides of an avoid entry (avoid is symmetric and may name someone outside the circle, such
 * as a manager, which then has no effect); the members of a group who gave windows all share at
 * least one window, so the circle has a time to meet (members without windows fit anywhere). A
 * member who cannot be placed under these rules is listed in `unplaced` with the reason and is
 * left out of every round; nobody is placed in breach of a rule.
 *
 * Group sizes stay within min..max whenever the placed head count can be split that way; otherwise
 * `sizeNote` explains the nearest split (see planGroupSizes).
 *
 * Soft goals, in priority order: no pair meets twice (history included) for as many leading
 * rounds as possible, then as few repeats as possible, spread over many pairs; mix teams; share
 * interests. The result depends only on the input and `seed` (a fixed default when omitted).
 */
export function planRoundsWithReport(input: PlanRoundsInput): PlanRoundsReport {
  validate(input);
  const seen = new Set<string>();
  // A repeated id is one person entered twice; the first entry wins.
  const members = input.members.filter((member) => !seen.has(member.id) && seen.add(member.id));
  const random = seededRandom(input.seed ?? DEFAULT_SEED);
  const unplaced: Unplaced[] = [];
  const prepared = members.length > 0 ? place(members, input, random, unplaced) : null;
  if (!prepared) return { rounds: Array.from({ length: input.rounds }, () => []), unplaced, repeatedPairs: 0 };
  planAll(prepared, input.rounds, random);
  const { state } = prepared;
  const rounds = Array.from({ length: input.rounds }, (_, round) =>
    Array.from({ length: state.groups }, (_, group) => {
      const base = state.groupBase(round, group);
      return Array.from(state.slots.subarray(base, base + state.sizeOf(round, group)), (member) => state.instance.ids[member]!);
    }),
  );
  return {
    rounds,
    unplaced,
    ...(prepared.note ? { sizeNote: prepared.note } : {}),
    repeatedPairs: repeatsInPlan(state, input.rounds),
  };
}

/**
 * Plans `rounds` new rounds: round → groups → member ids. Members who cannot be placed without
 * breaking the window or avoid rules are left out of every round; planRoundsWithReport lists them
 * with the reason, and explains any group size outside min..max.
 */
export function planRounds(input: PlanRoundsInput): string[][][] {
  return planRoundsWithReport(input).rounds;
}
