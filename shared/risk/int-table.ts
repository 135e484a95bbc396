/**
 * Non-negative integer keys to non-negative integer values in one typed array, key and value side
 * by side. The screen looks words up thousands of times per message between regex runs that push
 * everything else out of the processor's caches; a slot that holds both costs one memory fetch
 * where separate key and value arrays, or a Map's scattered entries, cost two or more. Most word
 * pairs a message holds are in no table, so a bit filter eight bits per key, small enough to stay
 * cached, answers most of those without touching the slots at all.
 */
export class IntTable {
  /** Key at 2 × slot (-1 when empty), value at 2 × slot + 1. */
  private readonly slots: Int32Array;
  private readonly filter: Int32Array;
  private readonly filterMask: number;
  private readonly mask: number;
  private readonly shift: number;

  constructor(entries: Iterable<readonly [number, number]>) {
    const list = [...entries];
    // Up to three quarters full: linear probes stay within a cache line or two, and the table half the size.
    const bits = Math.max(4, Math.ceil(Math.log2(list.length / 0.75 + 1)));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.slots = new Int32Array(2 << bits).fill(-1);
    const filterBits = Math.max(32, 2 ** Math.ceil(Math.log2(list.length * 8 + 1)));
    this.filter = new Int32Array(filterBits / 32);
    this.filterMask = filterBits - 1;
    for (const [key, value] of list) {
      const bit = this.filterBitOf(key);
      this.filter[bit >>> 5]! |= 1 << (bit & 31);
      let slot = this.slotOf(key);
      while (this.slots[2 * slot] !== -1 && this.slots[2 * slot] !== key) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = key;
      this.slots[2 * slot + 1] = value;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    if (key < 0) return -1;
    const bit = this.filterBitOf(key);
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const slots = this.slots;
    for (let slot = this.slotOf(key); ; slot = (slot + 1) & this.mask) {
      const found = slots[2 * slot]!;
      if (found === key) return slots[2 * slot + 1]!;
      if (found === -1) return -1;
    }
  }

  /** Another mix than the slot's, so keys that crowd one run of slots spread over the filter. */
  private filterBitOf(key: number): number {
    return (Math.imul(key ^ (key >>> 15), 0x85ebca6b) >>> 7) & this.filterMask;
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }
}
