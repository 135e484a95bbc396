import {
  DataVizPalette,
  getColorFromToken,
  GroupedVerticalBarChart,
  LineChart,
  VerticalBarChart,
  VerticalStackedBarChart,
  type GroupedVerticalBarChartData,
  type LineChartPoints,
  type VerticalStackedChartProps,
} from "@fluentui/react-charts";
import { Text } from "@fluentui/react-components";
import { weekStart } from "../../../shared/insights/iso-week.js";
import type { InsightsTable } from "../../../shared/insights/insights-report.js";
import { useMessages } from "../i18n/use-messages.js";
import { columnLabel, rowLabel, tableTitle, weekTick } from "./insights-format.js";

/**
 * Charts for the insights page, in their own chunk: the charting library is large and no other
 * page needs it. A chart draws published figures only; withheld ones are left out rather than
 * drawn as zero, and the data table beside it says "fewer than 5" for each.
 */

const HEIGHT = 260;

interface Point {
  row: string;
  column: string;
  value: number;
}

/** What each chart draws: one unit per chart, so counts and minutes never share an axis. */
const CHARTED: Partial<Record<InsightsTable["id"], readonly string[]>> = {
  timeToClaim: ["median", "p90"],
  referrals: ["share"],
};

/** The table's published figures, without its total row and column (a chart shows the parts). */
function points(table: InsightsTable): Point[] {
  const charted = CHARTED[table.id];
  return table.rows
    .filter((row) => row.key !== "all")
    .flatMap((row) =>
      row.values.flatMap((value, index) => {
        const column = table.columns[index]!;
        if (value.withheld || column === "all" || (charted && !charted.includes(column))) return [];
        return [{ row: row.key, column, value: value.value }];
      }),
    );
}

/**
 * One colour per column, the same in every bar, so a legend entry means one thing (left to itself,
 * a stacked bar chart picks a random colour for each segment).
 */
function colourOf(table: InsightsTable, column: string): string {
  const palette = Object.values(DataVizPalette);
  return getColorFromToken(palette[table.columns.indexOf(column) % palette.length]!);
}

export function InsightsChart({ table, locale }: { table: InsightsTable; locale: string }) {
  const messages = useMessages();
  const { text } = messages;
  const shown = points(table);
  if (shown.length === 0) return <Text>{text.insightsChartEmpty}</Text>;
  const title = tableTitle(messages, table);
  const label = (row: string) => (table.rowKind === "week" ? weekTick(row, locale) : rowLabel(messages, table, row, locale));
  const rows = [...new Set(shown.map((point) => point.row))];
  const columns = table.columns.filter((column) => column !== "all" && shown.some((point) => point.column === column));
  const common = { height: HEIGHT, culture: locale, enableReflow: true, hideTickOverlap: true };

  if (table.id === "participation") {
    const data: LineChartPoints[] = columns.map((column) => ({
      legend: columnLabel(messages, table, column),
      color: colourOf(table, column),
      data: shown
        .filter((point) => point.column === column)
        .map((point) => ({ x: weekStart(point.row), y: point.value, xAxisCalloutData: label(point.row) })),
    }));
    return (
      <LineChart
        {...common}
        data={{ chartTitle: title, lineChartData: data }}
        yMinValue={0}
        yMaxValue={100}
        useUTC
        customDateTimeFormatter={(date) =>
          new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(date)
        }
      />
    );
  }
  if (table.id === "requestsByWeek" || table.id === "referrals" || table.id === "training") {
    return (
      <VerticalBarChart
        {...common}
        chartTitle={title}
        data={shown.map((point) => ({
          x: label(point.row),
          y: point.value,
          legend: columnLabel(messages, table, point.column),
          color: colourOf(table, point.column),
        }))}
        hideLegend
      />
    );
  }
  if (table.id === "pulse") {
    const data: VerticalStackedChartProps[] = rows.map((row) => ({
      xAxisPoint: label(row),
      chartData: shown
        .filter((point) => point.row === row)
        .map((point) => ({ legend: columnLabel(messages, table, point.column), data: point.value, color: colourOf(table, point.column) })),
    }));
    return <VerticalStackedBarChart {...common} chartTitle={title} data={data} />;
  }
  const data: GroupedVerticalBarChartData[] = rows.map((row) => ({
    name: label(row),
    series: columns.flatMap((column) => {
      const point = shown.find((candidate) => candidate.row === row && candidate.column === column);
      return point
        ? [{ key: column, data: point.value, legend: columnLabel(messages, table, column), color: colourOf(table, column) }]
        : [];
    }),
  }));
  return <GroupedVerticalBarChart {...common} chartTitle={title} data={data} />;
}
