import type { BenchmarkFigure } from "./figure.js";

const COMPARISON = /^[≤≥=<>]\s*[\d.,]+$/;

function withUnit(text: string, unit: string): string {
  return unit === "count" ? text : `${text} ${unit}`;
}

function formatNumber(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toLocaleString("en-GB", { maximumFractionDigits: digits }) : String(value);
}

/**
 * The one results table: figure, value (with its unit), target, and pass / fail ("—" when the row
 * has no target). A row without a target is context: absolute times beside the ratios that are the
 * targets (issue #16), so "report" is shown as "context".
 */
export function formatTable(figures: BenchmarkFigure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    // A ratio at its limit must not round onto it: 2.03 × shown as "2 ×" beside a fail reads wrong.
    withUnit(formatNumber(figure.value, figure.unit === "×" ? 2 : 1), figure.unit),
    // A bare comparison such as "≤ 250" gets the unit; worded targets ("report", "< 9 (shuffle)") stay as written.
    COMPARISON.test(figure.target)
      ? withUnit(
          figure.target.replace(/[\d.]+/, (number) => formatNumber(Number(number))),
          figure.unit,
        )
      : figure.target === "report"
        ? "context"
        : figure.target,
    figure.met === null ? "—" : figure.met ? "pass" : "fail",
  ]);
  const header = ["figure", "value", "target", "result"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  // Markdown pipes, so the printed table can be pasted into the README as it is.
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
