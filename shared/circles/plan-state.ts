import { HARD_WEIGHT, REPEAT_WEIGHT, type CircleInstance } from "./circle-instance.js";
import type { PairLedger } from "./pair-ledger.js";

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
  private readonly windowCounts: Int32Array;
  private readonly windowMembers: Int32Array;
  private readonly windowTotal: number;
  /**
   * For small plans, the cost of each member joining each group of each round, kept up to date on
   * every change so a swap is priced in constant time; large plans sum the group instead.
   */
  private readonly groupCosts: Float64Array | null;

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
    this.windowCounts = new Int32Array(roundCapacity * groups * this.windowTotal);
    this.windowMembers = new Int32Array(roundCapacity * groups);
    const cells = roundCapacity * this.n * groups;
    this.groupCosts = this.n <= GROUP_COST_MEMBERS && cells <= GROUP_COST_CELLS ? new Float64Array(cells) : null;
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

  /** One more (or one fewer) meeting of a and b changes what a pays to join b's groups, and back. */
  private meetingChanged(a: number, b: number, change: number): void {
    const costs = this.groupCosts!;
    const { n, groups } = this;
    for (let round = 0; round < this.roundCapacity; round++) {
      const groupOfB = this.groupOf[round * n + b]!;
      if (groupOfB >= 0) costs[(round * n + a) * groups + groupOfB]! += change;
      const groupOfA = this.groupOf[round * n + a]!;
      if (groupOfA >= 0) costs[(round * n + b) * groups + groupOfA]! += change;
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
      this.ledger.add(member, other, 1);
      if (this.groupCosts) this.meetingChanged(member, other, REPEAT_WEIGHT);
    }
    if (this.groupCosts) this.membershipChanged(round, group, member, 1);
    this.slots[base + size] = member;
    this.sizes[cell] = size + 1;
    this.groupOf[round * this.n + member] = group;
    this.countWindows(cell, member, 1);
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
      this.ledger.add(member, other, -1);
      if (this.groupCosts) this.meetingChanged(member, other, -REPEAT_WEIGHT);
    }
    this.countWindows(cell, member, -1);
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
      delta += HARD_WEIGHT * (this.violationAfter(cell, -1, member) - this.violation(cell));
    }
    return delta;
  }

  /** Window part of a swap's cost change, already weighted. */
  swapWindowDelta(round: number, a: number, b: number): number {
    if (this.windowTotal === 0 || !(this.instance.windowed[a] || this.instance.windowed[b])) return 0;
    const cellA = round * this.groups + this.groupOf[round * this.n + a]!;
    const cellB = round * this.groups + this.groupOf[round * this.n + b]!;
    return (
      HARD_WEIGHT * (this.violationAfter(cellA, a, b) - this.violation(cellA) + this.violationAfter(cellB, b, a) - this.violation(cellB))
    );
  }

  /** Cost change of moving member to another group of the same round. */
  moveDelta(round: number, member: number, target: number): number {
    const from = this.groupOf[round * this.n + member]!;
    // Each pair left behind costs one meeting less: REPEAT_WEIGHT per pair restores that.
    let delta = this.groupCost(round, member, target) - this.groupCost(round, member, from) + REPEAT_WEIGHT * (this.sizeOf(round, from) - 1);
    if (this.windowTotal > 0 && this.instance.windowed[member]) {
      const [fromCell, targetCell] = [round * this.groups + from, round * this.groups + target];
      delta +=
        HARD_WEIGHT *
        (this.violationAfter(fromCell, member, -1) - this.violation(fromCell) + this.violationAfter(targetCell, -1, member) - this.violation(targetCell));
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
    const members = this.windowMembers[cell]!;
    if (members === 0) return 0;
    let best = 0;
    for (let window = 0, base = cell * this.windowTotal; window < this.windowTotal; window++)
      best = Math.max(best, this.windowCounts[base + window]!);
    return members - best;
  }

  private violationAfter(cell: number, leaving: number, joining: number): number {
    const windowed = this.instance.windowed;
    const members = this.windowMembers[cell]! - (leaving >= 0 ? windowed[leaving]! : 0) + (joining >= 0 ? windowed[joining]! : 0);
    if (members === 0) return 0;
    let best = 0;
    for (let window = 0, base = cell * this.windowTotal; window < this.windowTotal; window++) {
      let count = this.windowCounts[base + window]!;
      if (leaving >= 0 && this.instance.hasWindow(leaving, window)) count--;
      if (joining >= 0 && this.instance.hasWindow(joining, window)) count++;
      if (count > best) best = count;
    }
    return members - best;
  }

  /** Avoid pairs sharing a group plus window violations: zero means the round is acceptable. */
  hardCount(round: number): number {
    let count = 0;
    for (let group = 0; group < this.groups; group++) {
      const base = this.groupBase(round, group);
      const size = this.sizeOf(round, group);
      for (let i = 0; i < size; i++)
        for (let j = i + 1; j < size; j++) if (this.instance.avoids(this.slots[base + i]!, this.slots[base + j]!)) count++;
      count += this.violation(round * this.groups + group);
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

  private countWindows(cell: number, member: number, delta: number): void {
    if (this.windowTotal === 0 || !this.instance.windowed[member]) return;
    this.windowMembers[cell]! += delta;
    for (let window = 0, base = cell * this.windowTotal; window < this.windowTotal; window++)
      if (this.instance.hasWindow(member, window)) this.windowCounts[base + window]! += delta;
  }
}
