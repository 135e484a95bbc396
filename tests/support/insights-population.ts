import fc from "fast-check";
import { weekStart } from "../../shared/insights/iso-week.js";
import { percentile } from "../../shared/insights/suppression.js";

/**
 * Random request populations for the insights property tests, and an oracle that works out what
 * the dashboard may show straight from the population, without the server's cell code: a figure is
 * the sum over (week, category, urgency) cells with five or more distinct requesters, or withheld.
 */

export const WEEKS = ["2026-W10", "2026-W11", "2026-W12", "2026-W13", "2026-W14", "2026-W15"];
/** A week outside every queried range: its requests must never reach a figure. */
export const OUTSIDE_WEEK = "2026-W20";
export const CATEGORIES = ["workload", "conflict", "other"] as const;
export const URGENCIES = ["today", "soon", "crisis"] as const;
const STATUSES = ["open", "claimed", "in_conversation", "referred", "resolved", "withdrawn"] as const;
const CLOSED = new Set(["referred", "resolved", "withdrawn"]);

export interface PopulationRequest {
  week: string;
  category: string;
  urgency: string;
  /** Undefined for a request whose requester erased their data. */
  person?: number | undefined;
  status: string;
  minutesToClaim?: number | undefined;
  /** Minutes into the week it was made. */
  offset: number;
}

const requestDetails = fc.record({
  /** Most requests of a group end the same way, so outcome cells can reach five people too. */
  status: fc.oneof({ weight: 3, arbitrary: fc.constant("usual") }, { weight: 2, arbitrary: fc.constantFrom(...STATUSES) }),
  minutesToClaim: fc.integer({ min: 0, max: 3000 }),
  offset: fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
  /** 0 for the group's own person, 1 for a second request of theirs, 2 for an erased requester's. */
  shape: fc.constantFrom(0, 0, 0, 0, 1, 2),
});

/**
 * Requests come in groups sharing a week, category and urgency, from 0 to 9 distinct people, so
 * cells land on both sides of five people: a flat random list would leave almost every cell small.
 */
const groupArbitrary = fc
  .record({
    week: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...WEEKS) }, { weight: 1, arbitrary: fc.constant(OUTSIDE_WEEK) }),
    category: fc.constantFrom(...CATEGORIES),
    urgency: fc.constantFrom(...URGENCIES),
    people: fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 9 }),
    usual: fc.constantFrom("referred", "resolved"),
    details: fc.array(requestDetails, { minLength: 9, maxLength: 9 }),
  })
  .map(({ week, category, urgency, people, usual, details }): PopulationRequest[] =>
    people.flatMap((person, index) => {
      const { minutesToClaim, offset, shape } = details[index]!;
      const status = details[index]!.status === "usual" ? usual : details[index]!.status;
      const request: PopulationRequest = {
        week,
        category,
        urgency,
        person,
        status,
        offset,
        ...(status === "open" ? {} : { minutesToClaim }),
      };
      if (shape === 1) return [request, { ...request, offset: (offset + 61) % (7 * 24 * 60), minutesToClaim: 3 }];
      return shape === 2 ? [request, { ...request, person: undefined }] : [request];
    }),
  );

export const populationArbitrary = fc.array(groupArbitrary, { maxLength: 30 }).map((groups) => groups.flat());

export function requesterId(person: number): string {
  return `00000000-0000-4000-8000-${String(person).padStart(12, "0")}`;
}

/** As the request service stores it (or as erasure leaves it, without a requester). */
export function requestDocument(request: PopulationRequest, index: number): { id: string; value: Record<string, unknown> } {
  const created = new Date(weekStart(request.week).getTime() + request.offset * 60_000);
  const common = {
    category: request.category,
    urgency: request.urgency,
    status: request.status,
    createdAt: created.toISOString(),
    updatedAt: created.toISOString(),
    ...(request.minutesToClaim === undefined
      ? {}
      : { claimedAt: new Date(created.getTime() + request.minutesToClaim * 60_000).toISOString() }),
  };
  if (request.person === undefined) return { id: `anon-${index}`, value: { kind: "anonymisedRequest", crisis: false, ...common } };
  return {
    id: `REQ${String(index).padStart(5, "0")}`,
    value: {
      kind: "helpRequest",
      referenceCode: `REQ${index}`,
      requesterId: requesterId(request.person),
      preference: "any",
      contact: "chat",
      anonymous: true,
      crisis: request.urgency === "crisis",
      riskReasons: [],
      text: "words that must never reach insights",
      ...common,
    },
  };
}

export type Figure = { withheld: true } | { withheld: false; value: number };
export interface Query {
  from: string;
  to: string;
  category?: string | undefined;
  urgency?: string | undefined;
}

interface Cell {
  people: Set<number>;
  requests: PopulationRequest[];
}

function cellsOf(population: readonly PopulationRequest[], query: Query, keep: (request: PopulationRequest) => boolean) {
  const cells = new Map<string, Cell>();
  for (const request of population) {
    if (request.week < query.from || request.week > query.to || !keep(request)) continue;
    if (query.category && request.category !== query.category) continue;
    if (query.urgency && request.urgency !== query.urgency) continue;
    const key = `${request.week}|${request.category}|${request.urgency}`;
    const cell = cells.get(key) ?? { people: new Set(), requests: [] };
    if (request.person !== undefined) cell.people.add(request.person);
    cell.requests.push(request);
    cells.set(key, cell);
  }
  return [...cells.values()].filter((cell) => cell.people.size >= 5);
}

/** Requests made, from published cells only. */
export function expectedCount(population: readonly PopulationRequest[], query: Query): Figure {
  const published = cellsOf(population, query, () => true);
  return published.length ? { withheld: false, value: published.reduce((sum, cell) => sum + cell.requests.length, 0) } : { withheld: true };
}

/** Distinct people behind a published figure: never fewer than five when anything is shown. */
export function peopleBehind(population: readonly PopulationRequest[], query: Query): number {
  return new Set(cellsOf(population, query, () => true).flatMap((cell) => [...cell.people])).size;
}

export function expectedClaims(population: readonly PopulationRequest[], query: Query): [Figure, Figure, Figure] {
  const published = cellsOf(population, query, (request) => request.minutesToClaim !== undefined);
  if (published.length === 0) return [{ withheld: true }, { withheld: true }, { withheld: true }];
  const values = published.flatMap((cell) => cell.requests.map((request) => request.minutesToClaim!));
  const measured = (fraction: number): Figure =>
    values.length >= 5 ? { withheld: false, value: percentile(values, fraction) } : { withheld: true };
  return [{ withheld: false, value: values.length }, measured(0.5), measured(0.9)];
}

export function expectedReferrals(population: readonly PopulationRequest[], query: Query): [Figure, Figure, Figure] {
  const closed = (referred?: boolean) => {
    const keep = (request: PopulationRequest) =>
      CLOSED.has(request.status) && (referred === undefined || (request.status === "referred") === referred);
    // Outcome cells are split by outcome, so each side is its own cell with its own five people.
    const published =
      referred === undefined
        ? [
            ...cellsOf(population, query, (request) => keep(request) && request.status === "referred"),
            ...cellsOf(population, query, (request) => keep(request) && request.status !== "referred"),
          ]
        : cellsOf(population, query, keep);
    return published.length ? published.reduce((sum, cell) => sum + cell.requests.length, 0) : undefined;
  };
  const [yes, no, all] = [closed(true), closed(false), closed()];
  const figure = (value: number | undefined): Figure => (value === undefined ? { withheld: true } : { withheld: false, value });
  const share: Figure =
    yes !== undefined && no !== undefined ? { withheld: false, value: Math.round((yes / (yes + no)) * 1000) / 10 } : { withheld: true };
  return [figure(yes), figure(all), share];
}
