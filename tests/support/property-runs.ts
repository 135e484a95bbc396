/**
 * How many cases a property runs. Each property states a modest default, sized so `npm test` stays
 * quick on a two-core machine; `FC_RUNS=<n>` runs n cases of every property instead, for a deep run
 * (with `FC_SEED=random` to explore fresh cases rather than replay the landing seed).
 */
export function propertyRuns(defaultRuns: number): number {
  const chosen = process.env.FC_RUNS;
  if (!chosen) return defaultRuns;
  const runs = Number(chosen);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`FC_RUNS must be a whole number of at least 1, not "${chosen}"`);
  return runs;
}
