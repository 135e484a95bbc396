/** One measured figure, as written to bench/results/latest.json. */
export interface BenchmarkFigure {
  name: string;
  value: number;
  unit: string;
  /**
   * Human-readable target, e.g. "≤ 2" for a ratio; "context" (or the older "report") or "baseline"
   * when the figure has none. Every timing target is a ratio to a baseline from the same run.
   */
  target: string;
  /** Whether the target is met; null when there is no target, shown as "—". */
  met: boolean | null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile of an ascending list (`fraction` 0.95 for p95); NaN when it is empty. */
export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))]!;
}
