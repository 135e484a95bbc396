import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_TENANT_ID } from "../../bot/src/auth/dev-identity.js";
import { applyDelta, emptyWeek, weekAggregateId, weekAggregates, type WeekAggregate } from "../../bot/src/insights/week-aggregate.js";
import type { JsonObject } from "../../bot/src/storage/document-store.js";
import type { InsightsReport } from "../../shared/insights/insights-report.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import {
  CATEGORIES,
  expectedClaims,
  expectedCount,
  expectedReferrals,
  OUTSIDE_WEEK,
  peopleBehind,
  populationArbitrary,
  requestDocument,
  URGENCIES,
  WEEKS,
  type PopulationRequest,
  type Query,
} from "../support/insights-population.js";
import { propertyRuns } from "../support/property-runs.js";

/**
 * Suppression over the real API with random populations stored as the services store them. The
 * server's answers are checked against an oracle that knows the population, and against the same
 * population with every small cell changed: if any answer moved, a withheld cell would leak.
 */

let server: TestServer;
let admin: string;
const RUNS = 25;

beforeAll(async () => {
  server = await startTestServer({ AUTH_MODE: "dev" });
  admin = await devToken(server, "ada");
});
afterAll(async () => server?.stop());

async function seed(population: readonly PopulationRequest[], weeks: readonly WeekAggregate[] = []): Promise<void> {
  const { store } = server;
  await Promise.all((await store.query("requests", DEV_TENANT_ID)).map((document) => store.delete("requests", DEV_TENANT_ID, document.id)));
  await Promise.all([...WEEKS, OUTSIDE_WEEK].map((week) => store.delete("audit", DEV_TENANT_ID, weekAggregateId(week))));
  await Promise.all(
    population.map((request, index) => {
      const { id, value } = requestDocument(request, index);
      return store.create("requests", DEV_TENANT_ID, id, value as JsonObject);
    }),
  );
  await Promise.all(weeks.map((week) => weekAggregates(store).create(DEV_TENANT_ID, weekAggregateId(week.week), week)));
}

async function report(query: Query): Promise<InsightsReport> {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const response = await fetch(`${server.url}/api/insights?${search}`, { headers: { Authorization: `Bearer ${admin}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as InsightsReport;
}

function table(answer: InsightsReport, id: string) {
  const found = answer.tables.find((candidate) => candidate.id === id)!;
  return (row: string, column: string) => found.rows.find((candidate) => candidate.key === row)!.values[found.columns.indexOf(column)]!;
}

const queryArbitrary = fc
  .record({
    from: fc.integer({ min: 0, max: WEEKS.length - 1 }),
    length: fc.integer({ min: 0, max: WEEKS.length - 1 }),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
    urgency: fc.option(fc.constantFrom(...URGENCIES), { nil: undefined }),
  })
  .map(({ from, length, category, urgency }): Query => ({
    from: WEEKS[from]!,
    to: WEEKS[Math.min(WEEKS.length - 1, from + length)]!,
    ...(category ? { category } : {}),
    ...(urgency ? { urgency } : {}),
  }));

/** The population with every cell of fewer than five people changed: emptied, or given more requests from the same few. */
function perturbed(population: readonly PopulationRequest[], seed: number): PopulationRequest[] {
  const people = new Map<string, Set<number>>();
  const key = (request: PopulationRequest) => `${request.week}|${request.category}|${request.urgency}`;
  for (const request of population)
    if (request.person !== undefined) people.set(key(request), (people.get(key(request)) ?? new Set()).add(request.person));
  const small = (request: PopulationRequest) => (people.get(key(request))?.size ?? 0) < 5;
  return population.flatMap((request, index): PopulationRequest[] => {
    if (!small(request)) return [request];
    const choice = (seed + index) % 3;
    if (choice === 0) return [];
    if (choice === 1) return [request, { ...request, status: "referred", minutesToClaim: 7 }, { ...request, person: undefined }];
    return [{ ...request, status: "open", minutesToClaim: undefined }];
  });
}

describe("insights suppression over the API", () => {
  it("shows only figures the oracle publishes, each from five or more people, and blocks differencing across two filters", async () => {
    await fc.assert(
      fc.asyncProperty(populationArbitrary, queryArbitrary, async (population, query) => {
        await seed(population);
        const answer = await report(query);
        const byCategory = table(answer, "requestsByCategory");
        const categories = query.category ? [query.category] : [...CATEGORIES];
        const urgencies = query.urgency ? [query.urgency] : [...URGENCIES];
        for (const category of [...categories, "all"])
          for (const urgency of [...urgencies, "all"]) {
            const cell: Query = {
              ...query,
              ...(category === "all" ? {} : { category }),
              ...(urgency === "all" ? {} : { urgency }),
            };
            const shown = byCategory(category, urgency);
            expect(shown).toEqual(expectedCount(population, cell));
            if (!shown.withheld) expect(peopleBehind(population, cell)).toBeGreaterThanOrEqual(5);
          }
        for (const week of answer.weeks)
          expect(table(answer, "requestsByWeek")(week, "requests")).toEqual(expectedCount(population, { ...query, from: week, to: week }));
        const claims = table(answer, "timeToClaim");
        for (const urgency of [...urgencies, "all"]) {
          const cell = { ...query, ...(urgency === "all" ? {} : { urgency }) };
          expect(["claimed", "median", "p90"].map((column) => claims(urgency, column))).toEqual(expectedClaims(population, cell));
        }
        const referrals = table(answer, "referrals");
        for (const category of [...categories, "all"]) {
          const cell = { ...query, ...(category === "all" ? {} : { category }) };
          expect(["referred", "closed", "share"].map((column) => referrals(category, column))).toEqual(expectedReferrals(population, cell));
        }

        // Differencing: the total for a category minus its figure for one urgency is exactly the
        // sum of that category's other published cells, never a withheld cell's count.
        if (query.category && query.urgency) {
          const wider = table(await report({ ...query, urgency: undefined }), "requestsByCategory")(query.category, "all");
          const narrower = byCategory(query.category, query.urgency);
          const rest = URGENCIES.filter((urgency) => urgency !== query.urgency).reduce((sum, urgency) => {
            const figure = expectedCount(population, { ...query, urgency });
            return sum + (figure.withheld ? 0 : figure.value);
          }, 0);
          const value = (figure: { withheld: boolean; value?: number }) => (figure.withheld ? 0 : figure.value!);
          expect(value(wider) - value(narrower)).toBe(rest);
        }
      }),
      { numRuns: propertyRuns(RUNS) },
    );
  });

  it("answers every filter combination the same whatever the cells under five people hold", async () => {
    await fc.assert(
      fc.asyncProperty(
        populationArbitrary,
        fc.nat(),
        fc.array(queryArbitrary, { minLength: 2, maxLength: 4 }),
        async (population, salt, queries) => {
          const changed = perturbed(population, salt);
          await seed(population);
          const before = await Promise.all(queries.map(report));
          await seed(changed);
          const after = await Promise.all(queries.map(report));
          expect(after).toEqual(before);
        },
      ),
      { numRuns: propertyRuns(RUNS) },
    );
  });

  it("shows sessions, pulses and participation only for weeks of five people or more, on both sides of a share", async () => {
    const weekArbitrary = fc.record({
      participants: fc.integer({ min: 0, max: 40 }),
      sessions: fc.array(
        fc.record({
          touchpoint: fc.constantFrom("huddle" as const, "circle" as const, "buddy" as const),
          people: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
          pulse: fc.tuple(...[1, 2, 3, 4, 5].map(() => fc.integer({ min: 0, max: 4 }))),
          respondents: fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 6 }),
        }),
        { maxLength: 6 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(weekArbitrary, { minLength: WEEKS.length, maxLength: WEEKS.length }),
        fc.integer({ min: 1, max: 60 }),
        async (weeks, size) => {
          const aggregates = weeks.map((week, index) =>
            week.sessions.reduce(
              (aggregate, session) =>
                applyDelta(aggregate, {
                  newParticipants: 0,
                  session: {
                    touchpoint: session.touchpoint,
                    people: session.people.map(String),
                    pulses: [Object.fromEntries(session.pulse.map((count, level) => [String(level + 1), count]))],
                    pulsePeople: session.respondents.map(String),
                  },
                }),
              { ...emptyWeek(WEEKS[index]!), participants: week.participants },
            ),
          );
          await seed([], aggregates);
          await fetch(`${server.url}/api/insights/settings`, {
            method: "PUT",
            headers: { Authorization: `Bearer ${admin}`, "Content-Type": "application/json" },
            body: JSON.stringify({ programmeSize: size }),
          });
          const answer = await report({ from: WEEKS[0]!, to: WEEKS[WEEKS.length - 1]! });
          weeks.forEach((week, index) => {
            const name = WEEKS[index]!;
            const share = table(answer, "participation")(name, "share");
            const ok = week.participants >= 5 && size - week.participants >= 5;
            expect(share).toEqual(ok ? { withheld: false, value: Math.round((week.participants / size) * 1000) / 10 } : { withheld: true });
            for (const touchpoint of ["huddle", "circle", "buddy"] as const) {
              const held = week.sessions.filter((session) => session.touchpoint === touchpoint);
              const distinct = new Set(held.flatMap((session) => session.people)).size;
              expect(table(answer, "sessions")(name, touchpoint)).toEqual(
                distinct >= 5 ? { withheld: false, value: held.length } : { withheld: true },
              );
            }
            for (const level of [1, 2, 3, 4, 5]) {
              const answers = week.sessions.reduce((sum, session) => sum + session.pulse[level - 1]!, 0);
              // Distinct people behind the week's pulses, however many answers each gave.
              const people = Math.min(answers, new Set(week.sessions.flatMap((session) => session.respondents)).size);
              expect(table(answer, "pulse")(name, String(level))).toEqual(
                people >= 5 ? { withheld: false, value: answers } : { withheld: true },
              );
            }
          });
        },
      ),
      { numRuns: propertyRuns(RUNS) },
    );
  });
});
