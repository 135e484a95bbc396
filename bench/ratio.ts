import type { BenchmarkFigure } from "./figure.js";

/**
 * A timing target stated against a baseline measured in the same run: absolute times on shared
 * machines differ threefold from one machine or hour to the next, the ratio does not (issue #16).
 */
export function ratioFigure(name: string, value: number, baseline: number, limit: number): BenchmarkFigure {
  const ratio = value / baseline;
  return { name, value: Number(ratio.toFixed(2)), unit: "×", target: `≤ ${limit}`, met: ratio <= limit };
}

/** An absolute timing shown beside the ratio it feeds, for context only: no target of its own. */
export function contextFigure(name: string, value: number, unit: string): BenchmarkFigure {
  return { name, value, unit, target: "context", met: null };
}

/**
 * Where no natural baseline exists: the timing over the calibration loop's round (calibration.ts)
 * measured in the same run. The absolute figure goes beside it as context.
 */
export function calibratedFigures(name: string, valueMs: number, calibration: number, limit: number): BenchmarkFigure[] {
  return [contextFigure(name, Number(valueMs.toFixed(1)), "ms"), ratioFigure(`${name} ÷ calibration loop`, valueMs, calibration, limit)];
}

export function calibrationFigure(label: string, calibration: number): BenchmarkFigure {
  return {
    name: `calibration loop round before ${label} (baseline, same run)`,
    value: Number(calibration.toFixed(1)),
    unit: "ms",
    target: "baseline",
    met: null,
  };
}
