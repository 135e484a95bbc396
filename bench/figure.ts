/** One measured figure, as written to bench/results/latest.json. */
export interface BenchmarkFigure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 3000". */
  target: string;
  met: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
