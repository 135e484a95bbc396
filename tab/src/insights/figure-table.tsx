import { tokens } from "@fluentui/react-components";
import type { CSSProperties } from "react";
import type { InsightsTable } from "../../../shared/insights/insights-report.js";
import { useMessages } from "../i18n/use-messages.js";
import { columnLabel, formatValue, rowLabel, tableTitle } from "./insights-format.js";

// Wide tables scroll sideways inside their own box, so the page itself fits 320 px.
const scroller: CSSProperties = { overflowX: "auto", maxWidth: "100%" };
const tableStyle: CSSProperties = { borderCollapse: "collapse", minWidth: "100%", fontVariantNumeric: "tabular-nums" };
const caption: CSSProperties = { textAlign: "start", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS };
const cell: CSSProperties = {
  textAlign: "end",
  padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  whiteSpace: "nowrap",
};
const rowHeader: CSSProperties = { ...cell, textAlign: "start", fontWeight: tokens.fontWeightRegular };
const withheld: CSSProperties = { ...cell, color: tokens.colorNeutralForeground2, fontStyle: "italic" };

/**
 * The data table behind a chart: every figure the chart draws, and the withheld ones it cannot,
 * as "fewer than 5". The CSV download holds exactly these cells.
 */
export function FigureTable({ table, locale, id }: { table: InsightsTable; locale: string; id: string }) {
  const messages = useMessages();
  return (
    <div style={scroller} id={id} tabIndex={0} role="region" aria-label={tableTitle(messages, table)}>
      <table style={tableStyle} data-figure={table.id}>
        <caption style={caption}>{tableTitle(messages, table)}</caption>
        <thead>
          <tr>
            <td style={cell} />
            {table.columns.map((column) => (
              <th key={column} scope="col" style={cell}>
                {columnLabel(messages, table, column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row" style={rowHeader}>
                {rowLabel(messages, table, row.key, locale)}
              </th>
              {row.values.map((value, index) => (
                <td key={table.columns[index]} data-column={table.columns[index]} style={value.withheld ? withheld : cell}>
                  {formatValue(messages, value, table.units[index]!, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
