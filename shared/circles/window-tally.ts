import type { CircleInstance } from "./circle-instance.js";

/**
 * Per group: how many of its windowed members hold each window. A group is fine when one window
 * is held by all of them; otherwise its violation is how many would have to leave.
 */
export class WindowTally {
  private readonly total: number;
  private readonly counts: Int32Array;
  private readonly members: Int32Array;
  private readonly violations: Int32Array;

  constructor(
    private readonly instance: CircleInstance,
    cells: number,
  ) {
    this.total = instance.windowTotal;
    this.counts = new Int32Array(cells * this.total);
    this.members = new Int32Array(cells);
    this.violations = new Int32Array(cells);
  }

  violation(cell: number): number {
    return this.violations[cell]!;
  }

  /** The violation the group would have with `leaving` gone and `joining` added (-1 for neither). */
  after(cell: number, leaving: number, joining: number): number {
    const windowed = this.instance.windowed;
    const members = this.members[cell]! - (leaving >= 0 ? windowed[leaving]! : 0) + (joining >= 0 ? windowed[joining]! : 0);
    if (members === 0) return 0;
    let best = 0;
    for (let window = 0, base = cell * this.total; window < this.total; window++) {
      let count = this.counts[base + window]!;
      if (leaving >= 0 && this.instance.hasWindow(leaving, window)) count--;
      if (joining >= 0 && this.instance.hasWindow(joining, window)) count++;
      if (count > best) best = count;
    }
    return members - best;
  }

  count(cell: number, member: number, delta: number): void {
    if (this.total === 0 || !this.instance.windowed[member]) return;
    this.members[cell]! += delta;
    let best = 0;
    for (let window = 0, base = cell * this.total; window < this.total; window++) {
      if (this.instance.hasWindow(member, window)) this.counts[base + window]! += delta;
      best = Math.max(best, this.counts[base + window]!);
    }
    this.violations[cell] = this.members[cell]! - best;
  }
}
