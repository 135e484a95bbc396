import { Button, Card, Spinner, Text, Title3 } from "@fluentui/react-components";
import { lazy, Suspense, useState, type ReactNode } from "react";
import type { InsightsTable } from "../../../shared/insights/insights-report.js";
import { useMessages } from "../i18n/use-messages.js";
import { FigureTable } from "./figure-table.js";
import { tableAbout, tableTitle } from "./insights-format.js";

const InsightsChart = lazy(() => import("./insights-charts.js").then((module) => ({ default: module.InsightsChart })));

/**
 * One figure: a chart, and its data table as the accessible alternative. The table is one press
 * away for everyone (and read by screen readers instead of the drawing), not only for admins who
 * know to look for it.
 */
export function FigureSection({ table, locale, children }: { table: InsightsTable; locale: string; children?: ReactNode }) {
  const messages = useMessages();
  const { text } = messages;
  const [showTable, setShowTable] = useState(false);
  const headingId = `insights-${table.id}-title`;
  const tableId = `insights-${table.id}-table`;
  return (
    <Card role="region" aria-labelledby={headingId} data-testid={`figure-${table.id}`} style={{ minWidth: 0 }}>
      <Title3 as="h2" id={headingId}>
        {tableTitle(messages, table)}
      </Title3>
      <Text>{tableAbout(messages, table)}</Text>
      {children}
      <div data-testid={`chart-${table.id}`} style={{ width: "100%", minWidth: 0 }}>
        <Suspense fallback={<Spinner size="small" label={text.insightsChartLoading} />}>
          <InsightsChart table={table} locale={locale} />
        </Suspense>
      </div>
      <Text size={200}>{text.insightsChartNote}</Text>
      <div>
        <Button aria-expanded={showTable} aria-controls={showTable ? tableId : undefined} onClick={() => setShowTable((shown) => !shown)}>
          {showTable ? text.insightsHideTable : text.insightsShowTable}
        </Button>
      </div>
      {showTable && <FigureTable table={table} locale={locale} id={tableId} />}
    </Card>
  );
}
