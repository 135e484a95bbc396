/**
 * How often each pair of members (by integer index) has shared a group. Small circles use a dense
 * matrix because the search reads it millions of times. Large ones keep history as a per-member
 * partner list (compact and read in order, which is what makes a 10,000-member history cheap to
 * load) and count meetings added later in a small open-addressing table keyed by lo · n + hi.
 */
const DENSE_LIMIT = 1024;
const EMPTY = -1;

export class PairLedger {
  readonly size: number;
  private readonly dense: Uint16Array | null;
  private readonly partnerStart: Int32Array;
  private readonly partners: Int32Array;
  private keys: Float64Array;
  private counts: Int32Array;
  private mask: number;
  private shift: number;
  private used = 0;

  /**
   * History as one flat list of member indices, with group g at members[starts[g]..starts[g+1]);
   * each pair in a group counts one meeting.
   */
  constructor(size: number, members: Int32Array = new Int32Array(0), starts: Int32Array = new Int32Array(1)) {
    this.size = size;
    this.dense = size <= DENSE_LIMIT ? new Uint16Array(size * size) : null;
    this.partnerStart = new Int32Array(this.dense ? 0 : size + 1);
    this.partners = new Int32Array(0);
    const groups = starts.length - 1;
    if (this.dense) {
      for (let group = 0; group < groups; group++)
        for (let i = starts[group]!; i < starts[group + 1]!; i++)
          for (let j = i + 1; j < starts[group + 1]!; j++) this.add(members[i]!, members[j]!, 1);
    } else {
      for (let group = 0; group < groups; group++)
        for (let i = starts[group]!; i < starts[group + 1]!; i++)
          this.partnerStart[members[i]! + 1]! += starts[group + 1]! - starts[group]! - 1;
      for (let member = 0; member < size; member++) this.partnerStart[member + 1]! += this.partnerStart[member]!;
      const fill = this.partnerStart.slice(0, size);
      this.partners = new Int32Array(this.partnerStart[size]!);
      for (let group = 0; group < groups; group++)
        for (let i = starts[group]!; i < starts[group + 1]!; i++)
          for (let j = starts[group]!; j < starts[group + 1]!; j++) if (i !== j) this.partners[fill[members[i]!]!++] = members[j]!;
    }
    const bits = this.dense ? 0 : 12;
    this.keys = new Float64Array(this.dense ? 0 : 1 << bits).fill(EMPTY);
    this.counts = new Int32Array(this.keys.length);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  get(a: number, b: number): number {
    if (this.dense) return this.dense[a * this.size + b]!;
    return this.earlier(a, b) + this.later(a < b ? a * this.size + b : b * this.size + a);
  }

  /** Adds delta (usually ±1) to the pair's count and returns the count before the change. */
  add(a: number, b: number, delta: number): number {
    if (this.dense) {
      const before = this.dense[a * this.size + b]!;
      this.dense[a * this.size + b] = before + delta;
      this.dense[b * this.size + a] = before + delta;
      return before;
    }
    const key = a < b ? a * this.size + b : b * this.size + a;
    const earlier = this.earlier(a, b);
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) {
        const before = this.counts[slot]!;
        this.counts[slot] = before + delta;
        return earlier + before;
      }
      if (found === EMPTY) {
        this.keys[slot] = key;
        this.counts[slot] = delta;
        if (++this.used * 2 > this.keys.length) this.grow();
        return earlier;
      }
    }
  }

  /** For each member, how many different people they have met. */
  partnerCounts(): Int32Array {
    const counts = new Int32Array(this.size);
    const seen = new Int32Array(this.size).fill(-1);
    for (let a = 0; a < this.size; a++) {
      if (this.dense) {
        for (let b = 0; b < this.size; b++) if (this.dense[a * this.size + b]! > 0) counts[a]!++;
        continue;
      }
      for (let index = this.partnerStart[a]!, end = this.partnerStart[a + 1]!; index < end; index++) {
        const other = this.partners[index]!;
        if (seen[other] === a) continue;
        seen[other] = a;
        counts[a]!++;
      }
    }
    // Meetings added after construction are few and only matter to callers before any are added.
    return counts;
  }

  private earlier(a: number, b: number): number {
    let count = 0;
    for (let index = this.partnerStart[a]!, end = this.partnerStart[a + 1]!; index < end; index++) if (this.partners[index] === b) count++;
    return count;
  }

  private later(key: number): number {
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.counts[slot]!;
      if (found === EMPTY) return 0;
    }
  }

  private slotOf(key: number): number {
    const low = key >>> 0;
    const high = Math.floor(key / 4294967296);
    return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const [keys, counts] = [this.keys, this.counts];
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.counts = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.shift--;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (key === EMPTY) continue;
      let slot = this.slotOf(key);
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.counts[slot] = counts[index]!;
    }
  }
}
