import { createHmac, randomBytes } from "node:crypto";
import { isoWeek } from "../../../shared/insights/iso-week.js";
import { TOUCHPOINTS, type Touchpoint } from "../../../shared/insights/insights-report.js";
import { z } from "zod";
import { WeekAggregates } from "../insights/week-aggregate.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

export { isoWeek };

const SALT_ID = "participation-salt";
/** Insights look back a year at most; events older than that go by themselves. */
const PARTICIPATION_TTL_SECONDS = 400 * 86_400;
/** One event per person per week for 400 days. */
const MAX_EVENTS_PER_PERSON = 200;

interface ParticipationEvent {
  kind: "participation";
  week: string;
  person: string;
  touchpoint: Touchpoint;
}

const eventSchema: z.ZodType<ParticipationEvent> = z.looseObject({
  kind: z.literal("participation"),
  week: z.string(),
  person: z.string(),
  touchpoint: z.enum(TOUCHPOINTS),
});

interface ParticipationSalt {
  kind: "participationSalt";
  salt: string;
}

const saltSchema: z.ZodType<ParticipationSalt> = z.looseObject({ kind: z.literal("participationSalt"), salt: z.string().min(1) });

const pseudonymOf = (salt: string, userId: string) => createHmac("sha256", salt).update(userId).digest("base64url");

/**
 * Participation for programme insights, recorded pseudonymously: one event per person per week,
 * keyed by a salted hash whose salt is per tenant and never leaves the store. Never a list of who
 * attended which huddle.
 */
export class ParticipationRecorder {
  private readonly weeks: WeekAggregates;
  private readonly participation;
  private readonly salts;

  constructor(store: DocumentStore) {
    this.weeks = new WeekAggregates(store);
    this.participation = collection(store, "audit", "participation", eventSchema);
    this.salts = collection(store, "settings", "participationSalt", saltSchema);
  }

  /** A touchpoint outside any session; returns how many people were new this week. */
  async record(tenantId: string, userIds: readonly string[], at: Date, touchpoint: Touchpoint): Promise<number> {
    if (userIds.length === 0) return 0;
    const week = isoWeek(at);
    const { recorded } = await this.events(tenantId, userIds, week, touchpoint);
    if (recorded > 0) await this.weeks.update(tenantId, week, { newParticipants: recorded });
    return recorded;
  }

  /**
   * A session that was held (a huddle, or a circle or buddy check-in run as one): its people count
   * as participants, and the week's aggregate gains the session and its closed pulses' counts.
   */
  async recordSession(
    tenantId: string,
    session: {
      userIds: readonly string[];
      at: Date;
      touchpoint: Touchpoint;
      pulses: readonly Readonly<Record<string, number>>[];
      /** The distinct people whose answers those pulse counts hold. */
      pulseRespondents?: readonly string[];
    },
  ): Promise<number> {
    const week = isoWeek(session.at);
    const { recorded, people } = await this.events(tenantId, session.userIds, week, session.touchpoint);
    const salt = await this.salt(tenantId);
    const pulsePeople = [...new Set(session.pulseRespondents ?? [])].map((userId) => pseudonymOf(salt, userId));
    await this.weeks.update(tenantId, week, {
      newParticipants: recorded,
      session: { touchpoint: session.touchpoint, people, pulses: session.pulses, pulsePeople },
    });
    return recorded;
  }

  private async events(
    tenantId: string,
    userIds: readonly string[],
    week: string,
    touchpoint: Touchpoint,
  ): Promise<{ recorded: number; people: string[] }> {
    if (userIds.length === 0) return { recorded: 0, people: [] };
    const salt = await this.salt(tenantId);
    let recorded = 0;
    const people: string[] = [];
    for (const userId of new Set(userIds)) {
      const person = pseudonymOf(salt, userId);
      people.push(person);
      try {
        await this.participation.create(
          tenantId,
          `participation-${week}-${person}`,
          { kind: "participation", week, person, touchpoint },
          { ttlSeconds: PARTICIPATION_TTL_SECONDS },
        );
        recorded++;
      } catch (error) {
        // Already counted this week: one touchpoint is enough.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return { recorded, people };
  }

  /** The weeks in which the person had a touchpoint, oldest first: what their pseudonym links to. */
  async weeksOf(tenantId: string, userId: string): Promise<string[]> {
    const person = await this.existingPseudonym(tenantId, userId);
    return person ? (await this.eventsOf(tenantId, person)).map((event) => event.value.week).sort() : [];
  }

  /**
   * Erasure: removes the person's participation events and their pseudonym from the weekly
   * aggregates. While the salt exists the pseudonym can be recomputed from the user id, so these
   * count as the person's data. Aggregate counters stay; they name nobody.
   */
  async forget(tenantId: string, userId: string): Promise<number> {
    const person = await this.existingPseudonym(tenantId, userId);
    if (!person) return 0;
    const events = await this.eventsOf(tenantId, person);
    for (const event of events) await this.participation.delete(tenantId, event.id);
    await this.weeks.forgetPerson(tenantId, person);
    return events.length;
  }

  /** No salt yet means nothing was ever recorded in this tenant, and none is made just to look. */
  private async existingPseudonym(tenantId: string, userId: string): Promise<string | undefined> {
    const salt = await this.salts.get(tenantId, SALT_ID);
    return salt ? pseudonymOf(salt.value.salt, userId) : undefined;
  }

  private eventsOf(tenantId: string, person: string) {
    // Strict: the person's export and erasure must see every event of theirs.
    return this.participation.query(tenantId, { where: { person }, limit: MAX_EVENTS_PER_PERSON }, { invalid: "throw" });
  }

  private async salt(tenantId: string): Promise<string> {
    const existing = await this.salts.get(tenantId, SALT_ID);
    if (existing) return existing.value.salt;
    try {
      await this.salts.create(tenantId, SALT_ID, { kind: "participationSalt", salt: randomBytes(32).toString("base64url") });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    return (await this.salts.get(tenantId, SALT_ID))!.value.salt;
  }
}
