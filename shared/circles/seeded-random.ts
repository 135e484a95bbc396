/**
 * A tiny seeded generator (mulberry32). Plans must be reproducible for a seed so an admin preview
 * and the saved plan agree, and so tests can pin a result; Math.random cannot give that.
 */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (bound) => Math.floor(next() * bound) };
}

export function shuffleInPlace<T>(items: { length: number; [index: number]: T }, random: SeededRandom): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = random.below(index + 1);
    const held = items[index]!;
    items[index] = items[other]!;
    items[other] = held;
  }
}
