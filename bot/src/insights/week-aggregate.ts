import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../../shared/insights/suppression.js";
import { PULSE_COLUMNS, TOUCHPOINTS, type Touchpoint } from "../../../shared/insights/insights-report.js";
import { z } from "zod";
import { collection, type CollectionDocument } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

/**
 * One anonymous document per tenant and ISO week, kept up to date as touchpoints happen, so the
 * dashboard reads a year with 53 point reads instead of scanning hundreds of thousands of
 * participation events. It holds counters only, plus at most four pseudonyms per touchpoint: just
 * enough to know when a touchpoint's sessions have involved five distinct people, after which they
 * are dropped. Never who took part in which session.
 */
export interface WeekAggregate {
  [key: string]: unknown;
  kind: "insightsWeek";
  week: string;
  /** Distinct people with at least one touchpoint this week (one participation event each). */
  participants: number;
  /** Sessions held, by touchpoint. */
  sessions: Record<Touchpoint, number>;
  /** Distinct people in those sessions, counted up to the threshold and no further. */
  sessionPeople: Record<Touchpoint, number>;
  /** The pseudonyms behind `sessionPeople` while it is under the threshold; emptied once it is reached. */
  seen: Record<Touchpoint, string[]>;
  /** Pulse answers by level, from pulses that had enough answers to be shown at all. */
  pulse: Record<(typeof PULSE_COLUMNS)[number], number>;
  /** Distinct people behind those answers, counted up to the threshold; absent in older weeks (none). */
  pulsePeople?: number | undefined;
  /** The pseudonyms behind `pulsePeople` while under the threshold: who answered, never what. */
  pulseSeen?: string[] | undefined;
}

export interface WeekDelta {
  newParticipants: number;
  /** A session held this week: its touchpoint, the pseudonyms of who was there, its pulse counts. */
  session?: {
    touchpoint: Touchpoint;
    people: readonly string[];
    pulses: readonly Readonly<Record<string, number>>[];
    /** Pseudonyms of the distinct people whose answers `pulses` holds. */
    pulsePeople?: readonly string[];
  };
}

export const WEEK_AGGREGATE_TTL_SECONDS = 400 * 86_400;
const MAX_WRITE_ATTEMPTS = 25;
const PEOPLE_CAP = DEFAULT_SUPPRESSION_THRESHOLD;
/** Aggregates live 400 days, so a tenant never has more than about 58 weeks of them. */
const MAX_WEEKS = 200;

export const weekAggregateId = (week: string) => `insights-week-${week}`;

const perTouchpointOf = <T extends z.ZodType>(schema: T) => z.record(z.enum(TOUCHPOINTS), schema);

const weekSchema: z.ZodType<WeekAggregate> = z.looseObject({
  kind: z.literal("insightsWeek"),
  week: z.string(),
  participants: z.number(),
  sessions: perTouchpointOf(z.number()),
  sessionPeople: perTouchpointOf(z.number()),
  seen: perTouchpointOf(z.array(z.string())),
  pulse: z.record(z.enum(PULSE_COLUMNS), z.number()),
  pulsePeople: z.number().optional(),
  pulseSeen: z.array(z.string()).optional(),
});

/** The anonymous week aggregates in `audit`, one per tenant and ISO week. */
export const weekAggregates = (store: DocumentStore) => collection(store, "audit", "insightsWeek", weekSchema);

function perTouchpoint<T>(make: () => T): Record<Touchpoint, T> {
  return Object.fromEntries(TOUCHPOINTS.map((touchpoint) => [touchpoint, make()])) as Record<Touchpoint, T>;
}

export function emptyWeek(week: string): WeekAggregate {
  return {
    kind: "insightsWeek",
    week,
    participants: 0,
    sessions: perTouchpoint(() => 0),
    sessionPeople: perTouchpoint(() => 0),
    seen: perTouchpoint((): string[] => []),
    pulse: Object.fromEntries(PULSE_COLUMNS.map((level) => [level, 0])) as WeekAggregate["pulse"],
    pulsePeople: 0,
    pulseSeen: [],
  };
}

/** Pure, so the recorder and the benchmark's generator build the very same documents. */
export function applyDelta(current: WeekAggregate, delta: WeekDelta): WeekAggregate {
  const next: WeekAggregate = {
    ...current,
    participants: current.participants + delta.newParticipants,
    sessions: { ...current.sessions },
    sessionPeople: { ...current.sessionPeople },
    seen: { ...current.seen },
    pulse: { ...current.pulse },
  };
  const session = delta.session;
  if (!session) return next;
  const { touchpoint } = session;
  next.sessions[touchpoint] += 1;
  if (next.sessionPeople[touchpoint] < PEOPLE_CAP) {
    const seen = [...new Set([...next.seen[touchpoint], ...session.people])];
    next.sessionPeople[touchpoint] = Math.min(PEOPLE_CAP, seen.length);
    next.seen[touchpoint] = seen.length >= PEOPLE_CAP ? [] : seen;
  }
  for (const counts of session.pulses)
    for (const level of PULSE_COLUMNS) next.pulse[level] += Math.max(0, Math.floor(Number(counts[level] ?? 0)));
  // One person answering many pulses is one person: a pulse figure needs five different people.
  if ((next.pulsePeople ?? 0) < PEOPLE_CAP && session.pulsePeople?.length) {
    const seen = [...new Set([...(next.pulseSeen ?? []), ...session.pulsePeople])];
    next.pulsePeople = Math.min(PEOPLE_CAP, seen.length);
    next.pulseSeen = seen.length >= PEOPLE_CAP ? [] : seen;
  }
  return next;
}

/**
 * The aggregate with one person's pseudonym gone from the under-threshold lists, their count going
 * with it. Counting them one short can only keep a figure hidden longer, never show one early.
 */
export function withoutPerson(current: WeekAggregate, person: string): WeekAggregate {
  const seen = { ...current.seen };
  const sessionPeople = { ...current.sessionPeople };
  for (const touchpoint of TOUCHPOINTS) {
    if (!seen[touchpoint].includes(person)) continue;
    seen[touchpoint] = seen[touchpoint].filter((other) => other !== person);
    sessionPeople[touchpoint] = seen[touchpoint].length;
  }
  const pulseSeen = current.pulseSeen ?? [];
  if (!pulseSeen.includes(person)) return { ...current, seen, sessionPeople };
  const remaining = pulseSeen.filter((other) => other !== person);
  return { ...current, seen, sessionPeople, pulseSeen: remaining, pulsePeople: remaining.length };
}

/** Reads and updates week aggregates; updates are ETag-conditional and retried, since they commute. */
export class WeekAggregates {
  private readonly weeks;

  constructor(
    store: DocumentStore,
    private readonly pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.weeks = weekAggregates(store);
  }

  async update(tenantId: string, week: string, delta: WeekDelta): Promise<void> {
    const id = weekAggregateId(week);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.weeks.get(tenantId, id);
      const next = applyDelta(stored ? stored.value : emptyWeek(week), delta);
      try {
        if (stored) await this.weeks.replace(tenantId, id, next, { ifMatch: stored.etag, ttlSeconds: WEEK_AGGREGATE_TTL_SECONDS });
        else await this.weeks.create(tenantId, id, next, { ttlSeconds: WEEK_AGGREGATE_TTL_SECONDS });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
        // Many huddles can end on the hour; a little jitter stops them retrying in lockstep.
        await this.pause(Math.random() * Math.min(50, 2 * attempt));
      }
    }
  }

  /** Takes a pseudonym out of every week that still lists it (erasure); returns how many weeks changed. */
  async forgetPerson(tenantId: string, person: string): Promise<number> {
    let changed = 0;
    // Strict: erasure that skipped a damaged week would leave the pseudonym in it unseen.
    for (const week of await this.weeks.query(tenantId, { limit: MAX_WEEKS }, { invalid: "throw" })) {
      if (await this.removeFromWeek(tenantId, week, person)) changed++;
    }
    return changed;
  }

  /** Starts from the document the query returned; reads it again only when a concurrent update won. */
  private async removeFromWeek(tenantId: string, found: CollectionDocument<WeekAggregate>, person: string): Promise<boolean> {
    let stored: CollectionDocument<WeekAggregate> | undefined = found;
    for (let attempt = 1; stored; attempt++) {
      const current = stored.value;
      if (!TOUCHPOINTS.some((touchpoint) => current.seen[touchpoint].includes(person)) && !current.pulseSeen?.includes(person))
        return false;
      try {
        await this.weeks.replace(tenantId, found.id, withoutPerson(current, person), {
          ifMatch: stored.etag,
          ttlSeconds: WEEK_AGGREGATE_TTL_SECONDS,
        });
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
        await this.pause(Math.random() * Math.min(50, 2 * attempt));
        stored = await this.weeks.get(tenantId, found.id);
      }
    }
    return false;
  }

  /** The aggregates of the given weeks, in order; a week nothing happened in comes back empty. */
  async read(tenantId: string, weeks: readonly string[]): Promise<WeekAggregate[]> {
    const stored = await Promise.all(weeks.map((week) => this.weeks.get(tenantId, weekAggregateId(week))));
    return weeks.map((week, index) => stored[index]?.value ?? emptyWeek(week));
  }
}
