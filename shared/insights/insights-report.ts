import type { FigureValue } from "./suppression.js";

/**
 * The programme dashboard as the API returns it and the tab shows it: a list of tables, each a grid
 * of figures. The CSV export is these very rows (see insights-csv.ts), so what is downloaded is
 * exactly what is shown. A withheld figure is `{ withheld: true }` and nothing else.
 */

/** Peer touchpoints that count towards participation. */
export const TOUCHPOINTS = ["huddle", "circle", "buddy"] as const;
export type Touchpoint = (typeof TOUCHPOINTS)[number];

export const INSIGHT_URGENCIES = ["crisis", "today", "soon", "can_wait"] as const;
export const PULSE_COLUMNS = ["1", "2", "3", "4", "5"] as const;

/** The row or column that sums a table's other rows or columns (from published cells only). */
export const ALL = "all";

export type InsightsTableId =
  "participation" | "sessions" | "pulse" | "requestsByWeek" | "requestsByCategory" | "timeToClaim" | "referrals" | "training";

/** Supporters' refresher standing, as the roster works it out; the training table has a row for each. */
export const TRAINING_ROWS = ["overdue", "due_soon", "current", "untrained"] as const;

/** What a table's values measure, so the tab formats them (a share is a percentage from 0 to 100). */
export type InsightsUnit = "percent" | "count" | "minutes";

export interface InsightsTable {
  id: InsightsTableId;
  /** What the row keys are: weeks, request categories, urgencies or supporters' training standing. */
  rowKind: "week" | "category" | "urgency" | "trainingStatus";
  columns: string[];
  /** One unit per column. */
  units: InsightsUnit[];
  rows: { key: string; values: FigureValue[] }[];
}

export interface InsightsSettings {
  /** Members the participation share is taken over, as the admin counts them. */
  programmeSize?: number | undefined;
  /** The share aimed for, from 0 to 1. */
  targetShare?: number | undefined;
  /** When the target should be reached (YYYY-MM-DD). */
  targetBy?: string | undefined;
}

export interface InsightsReport {
  from: string;
  to: string;
  weeks: string[];
  filter: { category?: string; urgency?: string };
  /** Every value the filters can take, so the tab need not load the request schema to list them. */
  options: { categories: string[]; urgencies: string[] };
  /** Figures about fewer people than this are withheld. */
  threshold: number;
  settings: InsightsSettings;
  /** Without a programme size there is nothing to take a share of, so every point is withheld. */
  participation: "ok" | "needs-programme-size";
  /** The day supporters' training standing is worked out for (YYYY-MM-DD, UTC): it is as of now, whatever the range. */
  trainingAsOf: string;
  tables: InsightsTable[];
}
