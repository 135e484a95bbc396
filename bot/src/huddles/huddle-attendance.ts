import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import { huddleAttendances, type AttendanceDocument } from "./huddle-documents.js";

const MAX_WRITE_ATTEMPTS = 12;
/** More people than a Teams meeting can hold; beyond it nobody new is noted, and nothing breaks. */
const MAX_ATTENDEES = 1_000;

/**
 * Who the server itself saw take part in a huddle session: verified callers whose panel was
 * connected, who acted or who answered. Kept beside the session rather than in it, so noting a
 * newcomer never changes the version a facilitator's next click is based on.
 */
export class HuddleAttendance {
  private readonly attendances;

  constructor(
    store: DocumentStore,
    private readonly ttlSeconds: number,
  ) {
    this.attendances = huddleAttendances(store);
  }

  /** Adds people to the session's attendance and returns everyone seen in it so far. */
  async add(tenantId: string, documentId: string, instance: string, userIds: readonly string[]): Promise<string[]> {
    const id = attendanceId(documentId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.attendances.get(tenantId, id);
      const current = stored?.value;
      const known = current?.instance === instance ? current.attendees : [];
      const attendees = [...new Set([...known, ...userIds.filter(Boolean)])].slice(0, MAX_ATTENDEES);
      if (stored && current?.instance === instance && attendees.length === known.length) return known;
      const next: AttendanceDocument = { kind: "huddleAttendance", instance, attendees };
      try {
        if (stored) await this.attendances.replace(tenantId, id, next, { ifMatch: stored.etag, ttlSeconds: this.ttlSeconds });
        else await this.attendances.create(tenantId, id, next, { ttlSeconds: this.ttlSeconds });
        return attendees;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  async read(tenantId: string, documentId: string, instance: string): Promise<string[]> {
    const value = (await this.attendances.get(tenantId, attendanceId(documentId)))?.value;
    return value?.instance === instance ? value.attendees : [];
  }

  /** Erasure: takes the person out of every attendance list of the tenant; returns how many changed. */
  async forget(tenantId: string, userId: string): Promise<number> {
    let changed = 0;
    // Strict: erasure that skipped a damaged list would leave the person in it unseen.
    const pages = this.attendances.pages(tenantId, { filters: [{}], limit: 200 }, { invalid: "throw" });
    for await (const page of pages)
      for (const stored of page) {
        const value = stored.value;
        if (!value.attendees.includes(userId)) continue;
        const next: AttendanceDocument = { ...value, attendees: value.attendees.filter((other) => other !== userId) };
        await this.attendances.replace(tenantId, stored.id, next, { ifMatch: stored.etag, ttlSeconds: this.ttlSeconds });
        changed++;
      }
    return changed;
  }
}

const attendanceId = (documentId: string) => `${documentId}-attendance`;
