/**
 * The features one message has counted so far, so each counts once, in a small stamped table that
 * stays in the processor's caches. A stamp beside every weight did the same job, but it doubled the
 * weights' size and wrote to lines scattered over all of them: profiling put about a fifth of the
 * screen's time on those fetches, the weights leaving the caches between the screen's regex runs.
 */
export class FeatureSet {
  private keys = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private shift = 32 - 10;
  private stamp = 1;
  private size = 0;

  /** Empties the set without touching its slots. */
  clear(): void {
    if (this.stamp === 0x7fffffff) {
      this.stamp = 0;
      this.stamps.fill(0);
    }
    this.stamp += 1;
    this.size = 0;
  }

  /** Adds a feature, a non-negative integer: true when it was not in the set yet. */
  add(feature: number): boolean {
    // Half full at most, so probes stay short; a long message only grows the table once.
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const { keys, stamps, stamp } = this;
    const mask = keys.length - 1;
    for (let slot = Math.imul(feature, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      if (stamps[slot] !== stamp) {
        stamps[slot] = stamp;
        keys[slot] = feature;
        this.size += 1;
        return true;
      }
      if (keys[slot] === feature) return false;
    }
  }

  private grow(): void {
    const { keys, stamps, stamp } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.stamps = new Int32Array(keys.length * 2);
    this.shift -= 1;
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot += 1) if (stamps[slot] === stamp) this.add(keys[slot]!);
  }
}
