import type { BenchmarkFigure } from "./figure.js";

const COMPARISON = /^[≤≥=<>]\s*[\d.,]+$/;

function withUnit(text: string, unit: string): string {
  return unit === "count" ? text : `${text} ${unit}`;
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? value.toLocaleString("en-GB", { maximumFractionDigits: 1 }) : String(value);
}

/** The one results table: figure, value (with its unit), target, met (yes / no / — when there is no target). */
export function formatTable(figures: BenchmarkFigure[]): string {
  const rows = figures.map((figure) => [
    figure.name,
    withUnit(formatNumber(figure.value), figure.unit),
    // A bare comparison such as "≤ 250" gets the unit; worded targets ("report", "< 9 (shuffle)") stay as written.
    COMPARISON.test(figure.target)
      ? withUnit(
          figure.target.replace(/[\d.]+/, (number) => formatNumber(Number(number))),
          figure.unit,
        )
      : figure.target,
    figure.met === null ? "—" : figure.met ? "yes" : "no",
  ]);
  const header = ["figure", "value", "target", "met"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  // Markdown pipes, so the printed table can be pasted into the README as it is.
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
