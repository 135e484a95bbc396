import { weekStart } from "../../../shared/insights/iso-week.js";
import type { InsightsTable, InsightsUnit } from "../../../shared/insights/insights-report.js";
import type { FigureValue } from "../../../shared/insights/suppression.js";
import type { Messages } from "../i18n/messages.js";

/** "Week of 2 Mar 2026": the Monday the ISO week starts on, in the viewer's language. */
export function weekLabel({ formatMessage }: Messages, week: string, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    weekStart(week),
  );
  return formatMessage("insightsWeekOf", { date });
}

/** The short form for chart axes, where "Week of" on every tick would crowd them out. */
export function weekTick(week: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(weekStart(week));
}

export function rowLabel(messages: Messages, table: InsightsTable, key: string, locale: string): string {
  const { text, labelFor } = messages;
  if (key === "all") return table.rowKind === "week" ? text.insightsTotal : text.insightsAll;
  if (table.rowKind === "week") return weekLabel(messages, key, locale);
  if (table.rowKind === "trainingStatus") return labelFor("rosterStatus", key);
  return labelFor(table.rowKind, key);
}

export function columnLabel({ text, formatMessage, labelFor }: Messages, table: InsightsTable, column: string): string {
  if (column === "all") return text.insightsAll;
  if (table.id === "pulse") return formatMessage("huddlePulseLevel", { level: column });
  if (table.id === "requestsByCategory") return labelFor("urgency", column);
  if (table.id === "referrals" && column === "share") return text.insightsColumn_shareReferred;
  return labelFor("insightsColumn", column);
}

export function tableTitle({ text }: Messages, table: InsightsTable): string {
  return text[`insightsTable_${table.id}`];
}

export function tableAbout({ text }: Messages, table: InsightsTable): string {
  return text[`insightsTableAbout_${table.id}`];
}

/** A figure as the table shows it; the CSV carries the same value, unformatted. */
export function formatValue({ text }: Messages, value: FigureValue, unit: InsightsUnit, locale: string): string {
  if (value.withheld) return text.insightsWithheld;
  if (unit === "percent") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value.value / 100);
  if (unit === "minutes") return new Intl.NumberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "short" }).format(value.value);
  return new Intl.NumberFormat(locale).format(value.value);
}

export function formatShare(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(fraction);
}
