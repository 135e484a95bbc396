/**
 * Small-number suppression for programme insights. Every figure the dashboard shows is built from
 * atomic cells (one week × one value of each dimension). A cell with fewer than `threshold`
 * distinct people is withheld, and every figure is computed from published cells only.
 *
 * That last rule is what blocks differencing: a total, a filtered figure, or the difference of any
 * two figures is a sum over published cells, so no combination of queries can recover a withheld
 * one. Whether a withheld cell is empty or holds one to four people is not revealed either: both
 * read "fewer than 5". The property test in suppression.spec.ts checks exactly this: changing the
 * withheld cells in any way leaves every answer the same.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface AtomicCell {
  /** ISO week, e.g. "2026-W48". */
  week: string;
  /** The cell's position, e.g. { category: "workload", urgency: "today" }. */
  dims: Readonly<Record<string, string>>;
  /** Distinct people the cell is about; this is what the threshold applies to. */
  people: number;
  /** What the cell counts (requests, sessions, answers…); at least one per person. */
  count: number;
  /** Measurements behind medians and percentiles, e.g. minutes to claim. */
  values?: readonly number[];
}

export interface InsightsQuery {
  /** Inclusive ISO-week range; ISO week strings sort in time order. */
  fromWeek: string;
  toWeek: string;
  /** Only cells with these dimension values. */
  filter?: Readonly<Record<string, string>>;
  /** One row per value of this dimension, or per week with "week". */
  groupBy?: string;
}

export type FigureValue = { withheld: false; value: number } | { withheld: true };

export interface FigureRow {
  group: string;
  count: FigureValue;
  median?: FigureValue;
  p90?: FigureValue;
}

/** Only the cells that may be shown; everything else is dropped before any figure is computed. */
export function publishedCells(cells: readonly AtomicCell[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): AtomicCell[] {
  return cells.filter((cell) => cell.people >= threshold);
}

function matches(cell: AtomicCell, query: InsightsQuery): boolean {
  if (cell.week < query.fromWeek || cell.week > query.toWeek) return false;
  return Object.entries(query.filter ?? {}).every(([dimension, value]) => cell.dims[dimension] === value);
}

function groupOf(cell: AtomicCell, groupBy: string | undefined): string {
  if (!groupBy) return "all";
  return groupBy === "week" ? cell.week : (cell.dims[groupBy] ?? "");
}

/** The p-th percentile by the nearest-rank method, so the answer is always a measured value. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]!;
}

/**
 * Answers a query from published cells only. `groups` lists the rows to show (e.g. every category),
 * so a group with nothing published still appears, as withheld, and its absence tells nothing. A
 * shown figure counts only cells of `threshold` people or more; the dashboard says so beside it.
 */
export function answerQuery(
  cells: readonly AtomicCell[],
  query: InsightsQuery,
  groups: readonly string[],
  threshold = DEFAULT_SUPPRESSION_THRESHOLD,
): FigureRow[] {
  const shown = publishedCells(cells, threshold).filter((cell) => matches(cell, query));
  return groups.map((group) => {
    const inGroup = shown.filter((cell) => groupOf(cell, query.groupBy) === group);
    if (inGroup.length === 0) return { group, count: { withheld: true } };
    const values = inGroup.flatMap((cell) => cell.values ?? []);
    // A median over fewer measurements than the threshold could single someone out.
    const measured = values.length >= threshold;
    return {
      group,
      count: { withheld: false, value: inGroup.reduce((total, cell) => total + cell.count, 0) },
      ...(values.length > 0
        ? {
            median: measured ? { withheld: false, value: percentile(values, 0.5) } : { withheld: true },
            p90: measured ? { withheld: false, value: percentile(values, 0.9) } : { withheld: true },
          }
        : {}),
    } satisfies FigureRow;
  });
}

export interface ShareCell {
  week: string;
  /** Distinct people with at least one touchpoint that week. */
  participants: number;
  /** Everyone the share is taken over (the programme's members). */
  members: number;
}

export type SharePoint = { week: string; withheld: true } | { week: string; withheld: false; share: number };

/**
 * Weekly participation share. A point is withheld when fewer than `threshold` people took part,
 * and also when fewer than `threshold` did not: "97 of 100" names a group of three just as surely.
 */
export function participationShare(weeks: readonly ShareCell[], threshold = DEFAULT_SUPPRESSION_THRESHOLD): SharePoint[] {
  return weeks.map(({ week, participants, members }) =>
    participants < threshold || members - participants < threshold || members <= 0
      ? { week, withheld: true }
      : { week, withheld: false, share: participants / members },
  );
}
