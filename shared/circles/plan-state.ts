import { HARD_WEIGHT, REPEAT_WEIGHT, type CircleInstance } from "./circle-instance.js";
import type { PairLedger } from "./pair-ledger.js";

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
    for (let index = 0; index < size; index++) this.ledger.add(member, this.slots[base + index]!, 1);
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
    let at = -1;
    for (let index = 0; index < size; index++) {
      const other = this.slots[base + index]!;
      if (other === member) at = index;
      else this.ledger.add(member, other, -1);
    }
    this.slots[base + at] = this.slots[base + size - 1]!;
    this.sizes[cell] = size - 1;
    this.groupOf[round * this.n + member] = -1;
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
    let delta = 0;
    const base = this.groupBase(round, group);
    for (let index = 0, size = this.sizeOf(round, group); index < size; index++) delta += this.meetCost(member, this.slots[base + index]!);
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
    let delta = 0;
    let base = this.groupBase(round, from);
    for (let index = 0, size = this.sizeOf(round, from); index < size; index++) {
      const other = this.slots[base + index]!;
      if (other !== member) delta -= this.meetCost(member, other) - REPEAT_WEIGHT;
    }
    base = this.groupBase(round, target);
    for (let index = 0, size = this.sizeOf(round, target); index < size; index++) delta += this.meetCost(member, this.slots[base + index]!);
    if (this.windowTotal > 0 && this.instance.windowed[member]) {
      const [fromCell, targetCell] = [round * this.groups + from, round * this.groups + target];
      delta +=
        HARD_WEIGHT *
        (this.violationAfter(fromCell, member, -1) -
          this.violation(fromCell) +
          this.violationAfter(targetCell, -1, member) -
          this.violation(targetCell));
    }
    return delta;
  }

  /** Cost change of exchanging two members of different groups in the same round. */
  swapDelta(round: number, a: number, b: number): number {
    const groupA = this.groupOf[round * this.n + a]!;
    const groupB = this.groupOf[round * this.n + b]!;
    const sizeA = this.sizeOf(round, groupA);
    const sizeB = this.sizeOf(round, groupB);
    // Each pair left behind costs one meeting less: the REPEAT_WEIGHT terms restore that.
    let delta = REPEAT_WEIGHT * (sizeA + sizeB - 2);
    let base = this.groupBase(round, groupA);
    for (let index = 0; index < sizeA; index++) {
      const other = this.slots[base + index]!;
      if (other !== a) delta += this.meetCost(b, other) - this.meetCost(a, other);
    }
    base = this.groupBase(round, groupB);
    for (let index = 0; index < sizeB; index++) {
      const other = this.slots[base + index]!;
      if (other !== b) delta += this.meetCost(a, other) - this.meetCost(b, other);
    }
    return delta + this.swapWindowDelta(round, a, b);
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
