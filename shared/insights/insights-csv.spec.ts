import { describe, expect, it } from "vitest";
import { parseCsv, reportCsv, reportRows } from "./insights-csv.js";
import type { InsightsReport } from "./insights-report.js";

describe("insights CSV", () => {
  it("writes one line per figure and reads back the same fields", () => {
    const report = {
      tables: [
        {
          id: "sessions",
          rowKind: "week",
          columns: ["huddle", "circle"],
          units: ["count", "count"],
          rows: [{ key: "2026-W10", values: [{ withheld: false, value: 3 }, { withheld: true }] }],
        },
      ],
    } as unknown as InsightsReport;
    const text = reportCsv(report);
    expect(text).toBe("figure,row,column,value\r\nsessions,2026-W10,huddle,3\r\nsessions,2026-W10,circle,fewer than 5\r\n");
    expect(parseCsv(text)).toEqual([["figure", "row", "column", "value"], ...reportRows(report)]);
    expect(parseCsv('a,"b,""c"""\r\n')).toEqual([["a", 'b,"c"']]);
  });
});
