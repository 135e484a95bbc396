import { seededRandom, shuffleInPlace } from "./seeded-random.js";

/**
 * The usual approach of pairing apps, kept as a yardstick: shuffle everyone, then cut the list into
 * groups of `groupSize`. Leftovers (fewer than a full group) join the first groups one each, or form
 * the only group when there are not enough members for one full group.
 */
export function randomShuffleRounds(memberIds: readonly string[], groupSize: number, rounds: number, seed: number): string[][][] {
  const random = seededRandom(seed);
  return Array.from({ length: rounds }, () => {
    const order = [...memberIds];
    shuffleInPlace(order, random);
    const full = Math.floor(order.length / groupSize);
    if (full === 0) return order.length > 0 ? [order] : [];
    const groups = Array.from({ length: full }, (_, index) => order.slice(index * groupSize, (index + 1) * groupSize));
    order.slice(full * groupSize).forEach((id, index) => groups[index % full]!.push(id));
    return groups;
  });
}
