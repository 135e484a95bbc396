import { createHmac, randomBytes } from "node:crypto";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

const SALT_ID = "participation-salt";
/** Insights look back a year at most; events older than that go by themselves. */
const PARTICIPATION_TTL_SECONDS = 400 * 86_400;

/** The ISO week of a moment, e.g. "2026-W48", in UTC. */
export function isoWeek(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((day.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/**
 * Participation for programme insights, recorded pseudonymously: one event per person per week,
 * keyed by a salted hash whose salt is per tenant and never leaves the store. Never a list of who
 * attended which huddle.
 */
export class ParticipationRecorder {
  constructor(private readonly store: DocumentStore) {}

  async record(tenantId: string, userIds: readonly string[], at: Date, touchpoint: "huddle" | "circle" | "buddy"): Promise<number> {
    if (userIds.length === 0) return 0;
    const salt = await this.salt(tenantId);
    const week = isoWeek(at);
    let recorded = 0;
    for (const userId of new Set(userIds)) {
      const person = createHmac("sha256", salt).update(userId).digest("base64url");
      try {
        await this.store.create(
          "audit",
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
    return recorded;
  }

  private async salt(tenantId: string): Promise<string> {
    const existing = await this.store.get<{ salt: string }>("settings", tenantId, SALT_ID);
    if (existing) return existing.value.salt;
    try {
      await this.store.create("settings", tenantId, SALT_ID, { kind: "participationSalt", salt: randomBytes(32).toString("base64url") });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    return (await this.store.get<{ salt: string }>("settings", tenantId, SALT_ID))!.value.salt;
  }
}
