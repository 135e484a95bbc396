/**
 * How often each pair of members (by integer index) has shared a group. Small circles use a dense
 * matrix because the search reads it millions of times; large ones use an open-addressing table
 * keyed by lo * n + hi, since a 10,000-member matrix would need hundreds of megabytes.
 */
const DENSE_LIMIT = 1024;
const EMPTY = -1;

export class PairLedger {
  readonly size: number;
  private readonly dense: Uint16Array | null;
  private keys: Float64Array;
  private counts: Int32Array;
  private mask: number;
  private shift: number;
  private used = 0;

  constructor(size: number, expectedPairs = 0) {
    this.size = size;
    this.dense = size <= DENSE_LIMIT ? new Uint16Array(size * size) : null;
    let bits = 4;
    while (this.dense === null && 1 << bits < expectedPairs * 2 && bits < 30) bits++;
    this.keys = new Float64Array(this.dense ? 0 : 1 << bits).fill(EMPTY);
    this.counts = new Int32Array(this.dense ? 0 : 1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  get(a: number, b: number): number {
    if (this.dense) return this.dense[a * this.size + b]!;
    const key = a < b ? a * this.size + b : b * this.size + a;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) return this.counts[slot]!;
      if (found === EMPTY) return 0;
    }
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
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot]!;
      if (found === key) {
        const before = this.counts[slot]!;
        this.counts[slot] = before + delta;
        return before;
      }
      if (found === EMPTY) {
        this.keys[slot] = key;
        this.counts[slot] = delta;
        if (++this.used * 2 > this.keys.length) this.grow();
        return 0;
      }
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
