import { REQUEST_CATEGORIES } from "../../../shared/requests/help-request.js";
import {
  ALL,
  INSIGHT_URGENCIES,
  TRAINING_ROWS,
  PULSE_COLUMNS,
  TOUCHPOINTS,
  type InsightsReport,
  type InsightsSettings,
  type InsightsTable,
} from "../../../shared/insights/insights-report.js";
import {
  answerQuery,
  DEFAULT_SUPPRESSION_THRESHOLD,
  participationShare,
  type AtomicCell,
  type FigureValue,
} from "../../../shared/insights/suppression.js";
import type { RequestCells } from "./request-cells.js";
import type { WeekAggregate } from "./week-aggregate.js";

export interface ReportInput {
  weeks: readonly string[];
  filter: { category?: string; urgency?: string };
  settings: InsightsSettings;
  aggregates: readonly WeekAggregate[];
  requests: RequestCells;
  /** Each rostered supporter's training standing today (the roster's `trainingStatus`). */
  training: { asOf: string; statuses: readonly string[] };
}

const WITHHELD: FigureValue = { withheld: true };
const shown = (value: number): FigureValue => ({ withheld: false, value });
const round1 = (value: number) => Math.round(value * 1000) / 10;

/**
 * Every figure of the dashboard, and nothing but `answerQuery` and `participationShare` decide what
 * is shown: each number is a sum, median or share over published cells (five people or more), so
 * no filter, total or difference of two answers can expose a withheld cell. Filters narrow the
 * request figures only; participation, sessions and pulses have no category or urgency.
 */
export function buildReport(input: ReportInput): InsightsReport {
  const { weeks, filter, settings } = input;
  const from = weeks[0]!;
  const to = weeks[weeks.length - 1]!;
  const range = { fromWeek: from, toWeek: to };
  const byWeek = [...weeks, ALL];
  const categories = filter.category ? [filter.category] : [...REQUEST_CATEGORIES];
  const urgencies = filter.urgency ? [filter.urgency] : [...INSIGHT_URGENCIES];
  const requestFilter = {
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.urgency ? { urgency: filter.urgency } : {}),
  };

  /** One column of a table: rows grouped by `groupBy`, plus the range's (or filter's) total. */
  const column = (cells: readonly AtomicCell[], where: Record<string, string>, groupBy: string, groups: readonly string[]) => {
    const rows = answerQuery(cells, { ...range, filter: where, groupBy }, groups);
    const [total] = answerQuery(cells, { ...range, filter: where }, [ALL]);
    return [...rows, { ...total!, group: ALL }];
  };
  const transpose = (columns: FigureValue[][], keys: readonly string[]) =>
    keys.map((key, row) => ({ key, values: columns.map((values) => values[row]!) }));

  // Sessions held: a touchpoint's week is shown once five distinct people took part in its sessions.
  const sessionCells = input.aggregates.flatMap((week) =>
    TOUCHPOINTS.map((touchpoint) => ({
      week: week.week,
      dims: { touchpoint },
      people: week.sessionPeople[touchpoint],
      count: week.sessions[touchpoint],
    })),
  );
  // A level's cell holds no more people than its answers, nor than the distinct people who answered
  // any pulse that week (one person answering five pulses is one person), so it is shown only when
  // both reach five.
  const pulseCells = input.aggregates.flatMap((week) =>
    PULSE_COLUMNS.map((level) => ({
      week: week.week,
      dims: { level },
      people: Math.min(week.pulse[level], week.pulsePeople ?? 0),
      count: week.pulse[level],
    })),
  );

  const members = settings.programmeSize;
  const shares = participationShare(
    input.aggregates.map((week) => ({ week: week.week, participants: week.participants, members: members ?? 0 })),
  );
  // The target is the admin's own setting, not a figure about people, so it is never withheld.
  const target = settings.targetShare === undefined ? [] : [shown(round1(settings.targetShare))];
  const participation: InsightsTable = {
    id: "participation",
    rowKind: "week",
    columns: target.length ? ["share", "target"] : ["share"],
    units: target.length ? ["percent", "percent"] : ["percent"],
    rows: shares.map((point) => ({ key: point.week, values: [point.withheld ? WITHHELD : shown(round1(point.share)), ...target] })),
  };

  const cellValue = (row: { count: FigureValue }) => row.count;
  const sessions = TOUCHPOINTS.map((touchpoint) => column(sessionCells, { touchpoint }, "week", weeks).map(cellValue));
  const pulse = PULSE_COLUMNS.map((level) => column(pulseCells, { level }, "week", weeks).map(cellValue));
  const requestsByWeek = column(input.requests.requests, requestFilter, "week", weeks).map(cellValue);
  const byCategory = [...urgencies, ALL].map((urgency) =>
    column(input.requests.requests, { ...requestFilter, ...(urgency === ALL ? {} : { urgency }) }, "category", categories).map(cellValue),
  );
  const claimRows = column(input.requests.claims, requestFilter, "urgency", urgencies);
  // Training standing is as of today, so its cells sit in the range's last week whatever the range;
  // a standing held by fewer than five supporters is withheld like any other figure about people.
  const trainingCells = TRAINING_ROWS.map((status) => {
    const supporters = input.training.statuses.filter((standing) => standing === status).length;
    return { week: to, dims: { status }, people: supporters, count: supporters };
  });
  const training = column(trainingCells, {}, "status", TRAINING_ROWS).map(cellValue);
  const referred = column(input.requests.outcomes, { ...requestFilter, outcome: "referred" }, "category", categories);
  const other = column(input.requests.outcomes, { ...requestFilter, outcome: "other" }, "category", categories);
  const closed = column(input.requests.outcomes, requestFilter, "category", categories);

  return {
    from,
    to,
    weeks: [...weeks],
    filter: { ...filter },
    options: { categories: [...REQUEST_CATEGORIES], urgencies: [...INSIGHT_URGENCIES] },
    threshold: DEFAULT_SUPPRESSION_THRESHOLD,
    settings: { ...settings },
    participation: members === undefined ? "needs-programme-size" : "ok",
    trainingAsOf: input.training.asOf,
    tables: [
      participation,
      {
        id: "sessions",
        rowKind: "week",
        columns: [...TOUCHPOINTS],
        units: TOUCHPOINTS.map(() => "count"),
        rows: transpose(sessions, byWeek),
      },
      {
        id: "pulse",
        rowKind: "week",
        columns: [...PULSE_COLUMNS],
        units: PULSE_COLUMNS.map(() => "count"),
        rows: transpose(pulse, byWeek),
      },
      { id: "requestsByWeek", rowKind: "week", columns: ["requests"], units: ["count"], rows: transpose([requestsByWeek], byWeek) },
      {
        id: "requestsByCategory",
        rowKind: "category",
        columns: [...urgencies, ALL],
        units: [...urgencies, ALL].map(() => "count"),
        rows: transpose(byCategory, [...categories, ALL]),
      },
      {
        id: "timeToClaim",
        rowKind: "urgency",
        columns: ["claimed", "median", "p90"],
        units: ["count", "minutes", "minutes"],
        rows: claimRows.map((row) => ({ key: row.group, values: [row.count, row.median ?? WITHHELD, row.p90 ?? WITHHELD] })),
      },
      {
        id: "referrals",
        rowKind: "category",
        columns: ["referred", "closed", "share"],
        units: ["count", "count", "percent"],
        rows: closed.map((row, index) => {
          const [yes, no] = [referred[index]!.count, other[index]!.count];
          // A share needs five or more people on both sides, or it tells about the smaller group.
          const share = !yes.withheld && !no.withheld ? shown(round1(yes.value / (yes.value + no.value))) : WITHHELD;
          return { key: row.group, values: [yes, row.count, share] };
        }),
      },
      {
        id: "training",
        rowKind: "trainingStatus",
        columns: ["supporters"],
        units: ["count"],
        rows: transpose([training], [...TRAINING_ROWS, ALL]),
      },
    ],
  };
}
