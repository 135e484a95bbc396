/**
 * Non-negative integer keys to non-negative integer values in two typed arrays. The screen looks
 * words up thousands of times per message between regex runs that push everything else out of the
 * processor's caches; a compact table stays cheap to reach where a Map's scattered entries do not.
 */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    const bits = Math.max(4, Math.ceil(Math.log2(list.length * 2 + 1)));
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    for (const [key, value] of list) {
      let slot = this.slotOf(key);
      while (this.keys[slot] !== -1 && this.keys[slot] !== key) slot = (slot + 1) & (this.keys.length - 1);
      this.keys[slot] = key;
      this.values[slot] = value;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    if (key < 0) return -1;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & (this.keys.length - 1)) {
      const found = this.keys[slot]!;
      if (found === key) return this.values[slot]!;
      if (found === -1) return -1;
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}
