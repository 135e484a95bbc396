import type { InsightsReport } from "./insights-report.js";

/** The words a withheld figure reads in the export, the same as on the dashboard. */
export const WITHHELD_TEXT = "fewer than 5";
export const CSV_HEADER = ["figure", "row", "column", "value"] as const;

/** One line per figure on the dashboard: which table, which row, which column, and its value. */
export function reportRows(report: InsightsReport): string[][] {
  return report.tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      row.values.map((value, index) => [table.id, row.key, table.columns[index]!, value.withheld ? WITHHELD_TEXT : String(value.value)]),
    ),
  );
}

/**
 * RFC 4180 text. Every field is a fixed key or a number today, but quoting stays in case that
 * changes, and a leading = + - @ is defused so a spreadsheet never runs a cell as a formula.
 */
export function reportCsv(report: InsightsReport): string {
  return [[...CSV_HEADER], ...reportRows(report)].map((fields) => fields.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(field: string): string {
  const safe = /^[=+@]/.test(field) || (/^-/.test(field) && !/^-\d/.test(field)) ? `'${field}` : field;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Reads text written by `reportCsv` back into fields, for checks that the export matches the screen. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted && character === '"' && text[index + 1] === '"') {
      field += '"';
      index++;
    } else if (character === '"') {
      quoted = !quoted;
    } else if (quoted || (character !== "," && character !== "\n")) {
      field += character;
    } else {
      row.push(character === "\n" ? field.replace(/\r$/, "") : field);
      field = "";
      if (character === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
