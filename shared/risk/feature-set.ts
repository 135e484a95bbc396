/**
 * The features one message has counted so far, so each counts once: a stamp per feature, in its
 * own small array apart from the weights. Stamps beside the weights made every weight twice the
 * size; a hashed set of the message's features kept smaller still but cost more instructions per
 * feature than its cache misses saved (measured with cachegrind on the bench's messages).
 */
export class FeatureSet {
  private readonly stamps: Int32Array;
  private stamp = 1;

  /** @param size how many features there are: they are numbered 0 to size - 1 */
  constructor(size: number) {
    this.stamps = new Int32Array(size);
  }

  /** Empties the set without touching its stamps. */
  clear(): void {
    if (this.stamp === 0x7fffffff) {
      this.stamp = 0;
      this.stamps.fill(0);
    }
    this.stamp += 1;
  }

  /** Adds a feature: true when it was not in the set yet. */
  add(feature: number): boolean {
    if (this.stamps[feature] === this.stamp) return false;
    this.stamps[feature] = this.stamp;
    return true;
  }
}
