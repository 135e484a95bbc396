import type { PlanState, SavedRound } from "./plan-state.js";
import { REPEAT_WEIGHT as REPEAT_IMPORT } from "./circle-instance.js";
import { shuffleInPlace, type SeededRandom } from "./seeded-random.js";

/** Budgets count pair-cost look-ups, not milliseconds, so a seed always gives the same plan. */
export interface SearchBudget {
  work: number;
  /** Iterations without a new best before the search jumps back to the best and shakes it. */
  stall: number;
  /** Tabu tenure: at least [0] steps plus a random number below [1]. */
  tenure: [number, number];
  /** Share of steps that take a random swap instead of the best one. */
  noise: number;
}

// A local copy: bundlers and test runners may turn every use of an import into a property read.
const REPEAT_WEIGHT = REPEAT_IMPORT;
const MAX_CANDIDATES = 24;
const GROUP_SAMPLE = 48;
const IMPROVEMENT = -1e-6;

/**
 * Tabu search over the given rounds (after Dotú and Van Hentenryck's social-golfer search): every
 * step takes the best swap or move of a member who is in a conflict (a repeated pair, an avoid
 * pair, a group without a shared window), even when it makes things worse, and for a few steps
 * forbids the members it moved to go back to the groups they left, so the walk cannot undo itself
 * at once. Returns the conflicts left.
 */
export class ConflictSearch {
  private readonly stamp: Int32Array;
  /** A member may not return to the group they just left (tabuGroup) until step tabuUntil. */
  private readonly tabuUntil: Int32Array;
  private readonly tabuGroup: Int32Array;
  private readonly conflicted: Int32Array;
  private readonly searched: Uint8Array;
  private stampNow = 0;
  private work = 0;
  private bestDelta = 0;
  private bestRound = -1;
  private bestMember = -1;
  private bestPartner = -1;
  private bestTarget = -1;
  private ties = 0;

  constructor(
    private readonly state: PlanState,
    private readonly random: SeededRandom,
  ) {
    const cells = state.roundCapacity * state.n;
    this.stamp = new Int32Array(cells);
    this.tabuUntil = new Int32Array(cells);
    this.tabuGroup = new Int32Array(cells);
    this.conflicted = new Int32Array(cells);
    this.searched = new Uint8Array(state.roundCapacity);
  }

  /** Conflicts in the given rounds, recorded in `conflicted` as round · n + member. */
  countConflicts(rounds: readonly number[]): number {
    const { state } = this;
    const { instance, n } = state;
    this.stampNow++;
    const searched = this.searched;
    searched.fill(0);
    for (const round of rounds) searched[round] = 1;
    let count = 0;
    for (let index = 0; index < state.conflictTotal; index++) {
      const cell = state.conflictCells[index]!;
      if (!searched[Math.floor(cell / n)]) continue;
      this.stamp[cell] = this.stampNow;
      this.conflicted[count++] = cell;
    }
    // At least one unit a step, so that a walk that finds no move still uses up its budget.
    this.work += state.conflictTotal + 1;
    if (instance.windowTotal === 0) return count;
    for (const round of rounds)
      for (let group = 0; group < state.groups; group++) {
        if (state.violation(round * state.groups + group) === 0) continue;
        const base = state.groupBase(round, group);
        for (let index = 0; index < state.sizeOf(round, group); index++) {
          const member = state.slots[base + index]!;
          const cell = round * n + member;
          if (!instance.windowed[member] || this.stamp[cell] === this.stampNow) continue;
          this.stamp[cell] = this.stampNow;
          this.conflicted[count++] = cell;
        }
      }
    return count;
  }

  run(rounds: readonly number[], budget: SearchBudget): number {
    const { state, random } = this;
    const n = state.n;
    this.work = 0;
    this.tabuUntil.fill(0);
    let current = 0;
    let best = 0;
    // The best plan is copied only when the walk is about to leave it, not at every new best.
    let saved: SavedRound[] = [];
    let atBest = true;
    let sinceBest = 0;
    let conflicts = this.countConflicts(rounds);
    // With one group a round there is no move to make; window conflicts there are for the caller.
    if (state.groups < 2) return conflicts;
    for (let step = 1; conflicts > 0 && this.work < budget.work; step++) {
      this.beginChoice();
      if (random.next() < budget.noise) this.randomSwap(conflicts);
      else {
        if (conflicts > MAX_CANDIDATES) this.sample(conflicts, MAX_CANDIDATES);
        for (let index = 0; index < Math.min(conflicts, MAX_CANDIDATES); index++) {
          const cell = this.conflicted[index]!;
          const round = Math.floor(cell / n);
          this.considerMember(round, cell - round * n, step, best - current);
        }
      }
      if (this.bestMember >= 0) {
        const [round, member, partner, target] = [this.bestRound, this.bestMember, this.bestPartner, this.bestTarget];
        const from = state.groupOf[round * n + member]!;
        if (atBest && this.bestDelta > -0.5) saved = rounds.map((index) => state.saveRound(index));
        atBest = false;
        if (partner >= 0) state.swap(round, member, partner);
        else state.move(round, member, target);
        current += this.bestDelta;
        const tenure = budget.tenure[0] + random.below(budget.tenure[1]);
        this.tabuGroup[round * n + member] = from;
        this.tabuUntil[round * n + member] = step + tenure;
        if (partner >= 0) {
          this.tabuGroup[round * n + partner] = target;
          this.tabuUntil[round * n + partner] = step + tenure;
        }
      }
      if (current < best - 0.5) {
        best = current;
        atBest = true;
        sinceBest = 0;
      } else if (++sinceBest > budget.stall) {
        if (!atBest) rounds.forEach((round, index) => state.loadRound(round, saved[index]!));
        saved = rounds.map((index) => state.saveRound(index));
        current = best + this.shake(rounds);
        atBest = false;
        this.tabuUntil.fill(0);
        sinceBest = 0;
      }
      conflicts = this.countConflicts(rounds);
    }
    if (conflicts > 0 && !atBest && current > best) {
      rounds.forEach((round, index) => state.loadRound(round, saved[index]!));
      conflicts = this.countConflicts(rounds);
    }
    return conflicts;
  }

  /**
   * The plateaus of this problem are wide: the best moves often just trade one repeat for another
   * and cycle. An occasional random swap of a conflicted member breaks those cycles.
   */
  private randomSwap(conflicts: number): void {
    const { state, random } = this;
    const n = state.n;
    const cell = this.conflicted[random.below(conflicts)]!;
    const round = Math.floor(cell / n);
    const partner = random.below(n);
    const target = state.groupOf[round * n + partner]!;
    if (target === state.groupOf[cell]) return;
    this.bestDelta = state.swapDelta(round, cell - round * n, partner);
    [this.bestRound, this.bestMember, this.bestPartner, this.bestTarget] = [round, cell - round * n, partner, target];
    this.work += 4 * state.hi;
  }

  /** Plain descent for the soft goals once conflicts are settled; never accepts a worse plan. */
  polish(rounds: readonly number[], workLimit: number): void {
    const { state, random } = this;
    const n = state.n;
    this.work = 0;
    const order = Int32Array.from(rounds.flatMap((round) => Array.from({ length: n }, (_, member) => round * n + member)));
    let improved = true;
    while (improved && this.work < workLimit) {
      improved = false;
      shuffleInPlace(order, random);
      for (let index = 0; index < order.length && this.work < workLimit; index++) {
        const round = Math.floor(order[index]! / n);
        const member = order[index]! - round * n;
        this.beginChoice();
        this.considerMember(round, member, Number.MAX_SAFE_INTEGER, IMPROVEMENT);
        if (this.bestMember < 0 || this.bestDelta >= IMPROVEMENT) continue;
        if (this.bestPartner >= 0) state.swap(round, member, this.bestPartner);
        else state.move(round, member, this.bestTarget);
        improved = true;
      }
    }
  }

  private beginChoice(): void {
    this.bestDelta = Infinity;
    this.bestMember = -1;
    this.ties = 0;
  }

  /**
   * Weighs every swap and move of one member. A move counts only if neither member is tabu, or if
   * it beats `aspiration` (the change that would reach a new best).
   */
  private considerMember(round: number, member: number, step: number, aspiration: number): void {
    const { state } = this;
    const { n, groups, slots } = state;
    const from = state.groupOf[round * n + member]!;
    const fromSize = state.sizeOf(round, from);
    const leave = state.groupCost(round, member, from);
    const memberCell = round * n + member;
    const unit = state.groupCostWork;
    const windowKind = state.instance.windowKind[member];
    const windowWork = 4 * state.instance.windowTotal;
    const sampled = groups > GROUP_SAMPLE;
    const visits = sampled ? GROUP_SAMPLE : groups;
    for (let visit = 0; visit < visits; visit++) {
      const target = sampled ? this.random.below(groups) : visit;
      if (target === from) continue;
      const base = state.groupBase(round, target);
      const size = state.sizeOf(round, target);
      const join = state.groupCost(round, member, target);
      const memberTabu = this.tabuGroup[memberCell] === target && this.tabuUntil[memberCell]! > step;
      if (fromSize > state.lo && size < state.hi) {
        const delta = state.moveDelta(round, member, target);
        if (!memberTabu || delta < aspiration) this.offer(delta, round, member, -1, target);
      }
      // Each pair left behind costs one meeting less: REPEAT_WEIGHT per pair restores that.
      const fixed = REPEAT_WEIGHT * (fromSize + size - 2) + join - leave;
      for (let index = 0; index < size; index++) {
        const partner = slots[base + index]!;
        const together = state.meetCost(member, partner);
        const delta =
          fixed +
          state.groupCost(round, partner, from) -
          together -
          together -
          state.groupCost(round, partner, target) +
          state.swapWindowDelta(round, member, partner);
        this.work += 2 + 2 * unit + (state.instance.windowKind[partner] === windowKind ? 0 : windowWork);
        const partnerCell = round * n + partner;
        const tabu = memberTabu || (this.tabuGroup[partnerCell] === from && this.tabuUntil[partnerCell]! > step);
        if (!tabu || delta < aspiration) this.offer(delta, round, member, partner, target);
      }
      this.work += 1 + unit;
    }
  }

  private offer(delta: number, round: number, member: number, partner: number, target: number): void {
    if (delta > this.bestDelta) return;
    if (delta < this.bestDelta) this.ties = 0;
    // Reservoir choice among equal moves keeps the walk from always taking the first one.
    if (this.random.below(++this.ties) !== 0) return;
    this.bestDelta = delta;
    this.bestRound = round;
    this.bestMember = member;
    this.bestPartner = partner;
    this.bestTarget = target;
  }

  private sample(count: number, keep: number): void {
    for (let index = 0; index < keep; index++) {
      const other = index + this.random.below(count - index);
      const held = this.conflicted[index]!;
      this.conflicted[index] = this.conflicted[other]!;
      this.conflicted[other] = held;
    }
  }

  /** A few random swaps from the best plan, so the next stretch of search starts elsewhere. */
  private shake(rounds: readonly number[]): number {
    const { state, random } = this;
    let change = 0;
    const swaps = Math.max(2, Math.round(state.n / 16));
    for (let count = 0; count < swaps; count++) {
      const round = rounds[random.below(rounds.length)]!;
      const a = random.below(state.n);
      const b = random.below(state.n);
      if (state.groupOf[round * state.n + a] === state.groupOf[round * state.n + b]) continue;
      change += state.swapDelta(round, a, b);
      state.swap(round, a, b);
    }
    return change;
  }
}
