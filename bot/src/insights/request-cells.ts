import { weeksBetween, weekStart } from "../../../shared/insights/iso-week.js";
import type { AtomicCell } from "../../../shared/insights/suppression.js";

/** The fields insights read from a stored request, whole or anonymised after its requester's erasure. */
export interface RequestFacts {
  kind?: unknown;
  category?: unknown;
  urgency?: unknown;
  status?: unknown;
  createdAt?: unknown;
  claimedAt?: unknown;
  requesterId?: unknown;
}

export interface RequestCells {
  /** One cell per week × category × urgency: requests made. */
  requests: AtomicCell[];
  /** The same cells for requests a supporter claimed, with minutes from asking to the first claim. */
  claims: AtomicCell[];
  /** Closed requests, with an `outcome` dimension: "referred" or "other". */
  outcomes: AtomicCell[];
}

const WEEK_MS = 7 * 86_400_000;
const CLOSED = new Set(["referred", "resolved", "withdrawn"]);
const REQUEST_KINDS = new Set(["helpRequest", "anonymisedRequest"]);

interface Building {
  cell: AtomicCell & { values: number[] };
  people: Set<string>;
}

/**
 * Request cells for the weeks from `from` to `to`. `people` counts distinct requesters; a request
 * whose requester erased their data counts in `count` but not in `people`, so a cell only ever
 * looks smaller than it is, never larger, and the threshold errs towards withholding.
 */
export function requestCells(documents: Iterable<RequestFacts>, from: string, to: string): RequestCells {
  // A year of requests passes through here on every dashboard load, so weeks come from an index
  // into the range rather than a calendar calculation per request.
  const weeks = weeksBetween(from, to, Number.MAX_SAFE_INTEGER);
  const startMs = weekStart(from).getTime();
  const start = new Date(startMs).toISOString();
  const end = new Date(startMs + weeks.length * WEEK_MS).toISOString();
  const maps = { requests: new Map<string, Building>(), claims: new Map<string, Building>(), outcomes: new Map<string, Building>() };
  for (const request of documents) {
    if (!REQUEST_KINDS.has(request.kind as string)) continue;
    const { category, urgency, status, createdAt, claimedAt, requesterId } = request;
    if (typeof category !== "string" || typeof urgency !== "string" || typeof createdAt !== "string") continue;
    // ISO timestamps compare as strings, which keeps this loop cheap over a year of requests.
    if (createdAt < start || createdAt >= end) continue;
    const created = Date.parse(createdAt);
    if (Number.isNaN(created)) continue;
    const week = weeks[Math.floor((created - startMs) / WEEK_MS)];
    if (!week) continue;
    const person = typeof requesterId === "string" ? requesterId : undefined;
    add(maps.requests, week, { category, urgency }, person);
    // Requests claimed before claim times were kept on the request have no measurement, and are left out.
    const claimed = typeof claimedAt === "string" ? Date.parse(claimedAt) : Number.NaN;
    if (!Number.isNaN(claimed))
      add(maps.claims, week, { category, urgency }, person, Math.max(0, Math.round((claimed - created) / 60_000)));
    if (typeof status === "string" && CLOSED.has(status))
      add(maps.outcomes, week, { category, urgency, outcome: status === "referred" ? "referred" : "other" }, person);
  }
  const finish = (map: Map<string, Building>) =>
    [...map.values()].map(({ cell, people }) => ({ ...cell, people: people.size }) satisfies AtomicCell);
  return { requests: finish(maps.requests), claims: finish(maps.claims), outcomes: finish(maps.outcomes) };
}

function add(map: Map<string, Building>, week: string, dims: Record<string, string>, person: string | undefined, value?: number): void {
  const key = `${week}|${dims.category}|${dims.urgency}|${dims.outcome ?? ""}`;
  let building = map.get(key);
  if (!building) {
    building = { cell: { week, dims, people: 0, count: 0, values: [] }, people: new Set() };
    map.set(key, building);
  }
  building.cell.count += 1;
  if (person) building.people.add(person);
  if (value !== undefined) building.cell.values.push(value);
}
