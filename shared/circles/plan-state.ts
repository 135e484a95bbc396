import { HARD_WEIGHT as HARD_IMPORT, REPEAT_WEIGHT as REPEAT_IMPORT, type CircleInstance } from "./circle-instance.js";
import type { PairLedger } from "./pair-ledger.js";
import { WindowTally } from "./window-tally.js";

// Local copies: bundlers and test runners may turn every use of an import into a property read.
const HARD_WEIGHT = HARD_IMPORT;
const REPEAT_WEIGHT = REPEAT_IMPORT;
const GROUP_COST_MEMBERS = 512;
const GROUP_COST_CELLS = 1 << 21;

export interface SavedRound {
  slots: Int32Array;
  sizes: Int32Array;
}

/**
 * The rounds being planned, in flat typed arrays, with the cost change of every move computed
 * from the groups it touches only. The ledger always holds history plus every round loaded here,
 * so a pair's cost reflects all its meetings, earlier or later.
 *
 * A pair that has met c times costs REPEAT_WEIGHT · c(c−1)/2: the first meeting is free and each
 * further one costs more than the last, which spreads unavoidable repeats over many pairs.
 */
export class PlanState {
  readonly n: number;
  readonly groups: number;
  readonly lo: number;
  readonly hi: number;
  readonly slots: Int32Array;
  readonly sizes: Int32Array;
  readonly groupOf: Int32Array;
  private readonly windows: WindowTally;
  private readonly windowTotal: number;
  /**
   * For small plans, the cost of each member joining each group of each round, kept up to date on
   * every change so a swap is priced in constant time; large plans sum the group instead.
   */
  private readonly groupCosts: Float64Array | null;
  /**
   * Per round and member: how many group-mates they have already met elsewhere or must avoid.
   * Cells above zero are listed in conflictCells[0..conflictTotal) so the search finds them at once.
   */
  private readonly conflictDegree: Int32Array;
  private readonly conflictAt: Int32Array;
  readonly conflictCells: Int32Array;
  conflictTotal = 0;

  constructor(
    readonly instance: CircleInstance,
    readonly ledger: PairLedger,
    groups: number,
    lo: number,
    hi: number,
    readonly roundCapacity: number,
  ) {
    this.n = instance.count;
    this.groups = groups;
    this.lo = lo;
    this.hi = hi;
    this.slots = new Int32Array(roundCapacity * groups * hi);
    this.sizes = new Int32Array(roundCapacity * groups);
    this.groupOf = new Int32Array(roundCapacity * this.n).fill(-1);
    this.windowTotal = instance.windowTotal;
    this.windows = new WindowTally(instance, roundCapacity * groups);
    const cells = roundCapacity * this.n * groups;
    this.groupCosts = this.n <= GROUP_COST_MEMBERS && cells <= GROUP_COST_CELLS ? new Float64Array(cells) : null;
    this.conflictDegree = new Int32Array(roundCapacity * this.n);
    this.conflictAt = new Int32Array(roundCapacity * this.n).fill(-1);
    this.conflictCells = new Int32Array(roundCapacity * this.n);
  }

  /** Look-ups a groupCost call takes, for work budgets. */
  get groupCostWork(): number {
    return this.groupCosts ? 1 : this.hi;
  }

  /** Cost of member meeting everyone else in the group once more (themselves excluded). */
  groupCost(round: number, member: number, group: number): number {
    if (this.groupCosts) return this.groupCosts[(round * this.n + member) * this.groups + group]!;
    let cost = 0;
    const base = this.groupBase(round, group);
    for (let index = 0, size = this.sizeOf(round, group); index < size; index++) {
      const other = this.slots[base + index]!;
      if (other !== member) cost += this.meetCost(member, other);
    }
    return cost;
  }

  /**
   * A meeting of a and b was added to or removed from `round` (delta ±1; before = count before).
   * Their cost of joining each other's groups changes in every round, and when the pair crosses
   * from one meeting to two (or back) their other meetings turn into conflicts (or stop being ones).
   */
  private meetingChanged(round: number, a: number, b: number, before: number, delta: number): void {
    const { n, groups } = this;
    const avoid = this.instance.avoids(a, b);
    if (avoid || (delta > 0 ? before >= 1 : before >= 2)) {
      this.bumpConflict(round * n + a, delta);
      this.bumpConflict(round * n + b, delta);
    }
    const crossing = !avoid && (delta > 0 ? before === 1 : before === 2);
    const costs = this.groupCosts;
    if (!costs && !crossing) return;
    for (let other = 0; other < this.roundCapacity; other++) {
      const groupOfA = this.groupOf[other * n + a]!;
      const groupOfB = this.groupOf[other * n + b]!;
      if (costs) {
        if (groupOfB >= 0) costs[(other * n + a) * groups + groupOfB]! += delta * REPEAT_WEIGHT;
        if (groupOfA >= 0) costs[(other * n + b) * groups + groupOfA]! += delta * REPEAT_WEIGHT;
      }
      if (crossing && groupOfA >= 0 && groupOfA === groupOfB) {
        this.bumpConflict(other * n + a, delta);
        this.bumpConflict(other * n + b, delta);
      }
    }
  }

  private bumpConflict(cell: number, delta: number): void {
    const degree = this.conflictDegree[cell]! + delta;
    this.conflictDegree[cell] = degree;
    if (degree > 0 && this.conflictAt[cell] === -1) {
      this.conflictAt[cell] = this.conflictTotal;
      this.conflictCells[this.conflictTotal++] = cell;
    } else if (degree === 0 && this.conflictAt[cell]! >= 0) {
      const at = this.conflictAt[cell]!;
      const last = this.conflictCells[--this.conflictTotal]!;
      this.conflictCells[at] = last;
      this.conflictAt[last] = at;
      this.conflictAt[cell] = -1;
    }
  }

  private membershipChanged(round: number, group: number, member: number, sign: number): void {
    const costs = this.groupCosts!;
    for (let other = 0; other < this.n; other++)
      if (other !== member) costs[(round * this.n + other) * this.groups + group]! += sign * this.meetCost(other, member);
  }

  /** Cost of one more meeting between a and b. */
  meetCost(a: number, b: number): number {
    return REPEAT_WEIGHT * this.ledger.get(a, b) + this.instance.pairCost(a, b);
  }

  groupBase(round: number, group: number): number {
    return (round * this.groups + group) * this.hi;
  }

  sizeOf(round: number, group: number): number {
    return this.sizes[round * this.groups + group]!;
  }

  place(round: number, group: number, member: number): void {
    const cell = round * this.groups + group;
    const base = cell * this.hi;
    const size = this.sizes[cell]!;
    for (let index = 0; index < size; index++) {
      const other = this.slots[base + index]!;
      this.meetingChanged(round, member, other, this.ledger.add(member, other, 1), 1);
    }
    if (this.groupCosts) this.membershipChanged(round, group, member, 1);
    this.slots[base + size] = member;
    this.sizes[cell] = size + 1;
    this.groupOf[round * this.n + member] = group;
    this.windows.count(cell, member, 1);
  }

  remove(round: number, member: number): void {
    const group = this.groupOf[round * this.n + member]!;
    const cell = round * this.groups + group;
    const base = cell * this.hi;
    const size = this.sizes[cell]!;
    if (this.groupCosts) this.membershipChanged(round, group, member, -1);
    let at = -1;
    for (let index = 0; index < size; index++) if (this.slots[base + index] === member) at = index;
    this.slots[base + at] = this.slots[base + size - 1]!;
    this.sizes[cell] = size - 1;
    this.groupOf[round * this.n + member] = -1;
    for (let index = 0; index < size - 1; index++) {
      const other = this.slots[base + index]!;
      this.meetingChanged(round, member, other, this.ledger.add(member, other, -1), -1);
    }
    this.windows.count(cell, member, -1);
  }

  clearRound(round: number): void {
    for (let group = 0; group < this.groups; group++) {
      const base = this.groupBase(round, group);
      while (this.sizeOf(round, group) > 0) this.remove(round, this.slots[base + this.sizeOf(round, group) - 1]!);
    }
  }

  /** A copy of a round's groups, to restore later with loadRound. */
  saveRound(round: number): SavedRound {
    const start = round * this.groups;
    return {
      slots: this.slots.slice(start * this.hi, (start + this.groups) * this.hi),
      sizes: this.sizes.slice(start, start + this.groups),
    };
  }

  loadRound(round: number, saved: SavedRound): void {
    this.clearRound(round);
    for (let group = 0; group < this.groups; group++)
      for (let index = 0; index < saved.sizes[group]!; index++) this.place(round, group, saved.slots[group * this.hi + index]!);
  }

  /** Cost change of adding a member who is in no group of this round yet. */
  joinDelta(round: number, group: number, member: number): number {
    let delta = this.groupCost(round, member, group);
    if (this.windowTotal > 0 && this.instance.windowed[member]) {
      const cell = round * this.groups + group;
      delta += HARD_WEIGHT * (this.windows.after(cell, -1, member) - this.windows.violation(cell));
    }
    return delta;
  }

  /** Window part of a swap's cost change, already weighted. */
  swapWindowDelta(round: number, a: number, b: number): number {
    // Members with the same windows (or none) change nothing by trading places.
    if (this.windowTotal === 0 || this.instance.windowKind[a] === this.instance.windowKind[b]) return 0;
    const cellA = round * this.groups + this.groupOf[round * this.n + a]!;
    const cellB = round * this.groups + this.groupOf[round * this.n + b]!;
    return (
      HARD_WEIGHT *
      (this.windows.after(cellA, a, b) - this.windows.violation(cellA) + this.windows.after(cellB, b, a) - this.windows.violation(cellB))
    );
  }

  /** Cost change of moving member to another group of the same round. */
  moveDelta(round: number, member: number, target: number): number {
    const from = this.groupOf[round * this.n + member]!;
    // Each pair left behind costs one meeting less: REPEAT_WEIGHT per pair restores that.
    let delta =
      this.groupCost(round, member, target) - this.groupCost(round, member, from) + REPEAT_WEIGHT * (this.sizeOf(round, from) - 1);
    if (this.windowTotal > 0 && this.instance.windowed[member]) {
      const [fromCell, targetCell] = [round * this.groups + from, round * this.groups + target];
      delta +=
        HARD_WEIGHT *
        (this.windows.after(fromCell, member, -1) -
          this.windows.violation(fromCell) +
          this.windows.after(targetCell, -1, member) -
          this.windows.violation(targetCell));
    }
    return delta;
  }

  /** Cost change of exchanging two members of different groups in the same round. */
  swapDelta(round: number, a: number, b: number): number {
    const groupA = this.groupOf[round * this.n + a]!;
    const groupB = this.groupOf[round * this.n + b]!;
    return (
      REPEAT_WEIGHT * (this.sizeOf(round, groupA) + this.sizeOf(round, groupB) - 2) +
      this.groupCost(round, b, groupA) -
      this.meetCost(a, b) -
      this.groupCost(round, a, groupA) +
      this.groupCost(round, a, groupB) -
      this.meetCost(a, b) -
      this.groupCost(round, b, groupB) +
      this.swapWindowDelta(round, a, b)
    );
  }

  move(round: number, member: number, target: number): void {
    this.remove(round, member);
    this.place(round, target, member);
  }

  swap(round: number, a: number, b: number): void {
    const groupA = this.groupOf[round * this.n + a]!;
    const groupB = this.groupOf[round * this.n + b]!;
    this.remove(round, a);
    this.remove(round, b);
    this.place(round, groupB, a);
    this.place(round, groupA, b);
  }

  /** Windowed members of the group who would have to leave for the rest to share a window. */
  violation(cell: number): number {
    return this.windows.violation(cell);
  }

  /** Avoid pairs sharing a group plus window violations: zero means the round is acceptable. */
  hardCount(round: number): number {
    let count = 0;
    for (let group = 0; group < this.groups; group++) {
      const base = this.groupBase(round, group);
      const size = this.sizeOf(round, group);
      for (let i = 0; i < size; i++)
        for (let j = i + 1; j < size; j++) if (this.instance.avoids(this.slots[base + i]!, this.slots[base + j]!)) count++;
      count += this.windows.violation(round * this.groups + group);
    }
    return count;
  }

  /** Pairs in this round that have met elsewhere too (history or another loaded round). */
  repeatCount(round: number): number {
    let count = 0;
    for (let group = 0; group < this.groups; group++) {
      const base = this.groupBase(round, group);
      const size = this.sizeOf(round, group);
      for (let i = 0; i < size; i++)
        for (let j = i + 1; j < size; j++) if (this.ledger.get(this.slots[base + i]!, this.slots[base + j]!) > 1) count++;
    }
    return count;
  }
}
