import type { DocumentStore, JsonObject } from "../storage/document-store.js";
import { allPages } from "../storage/document-pages.js";
import { ConflictError } from "../storage/store-errors.js";

interface AttendanceDocument {
  [key: string]: unknown;
  kind: "huddleAttendance";
  /** The session these people were seen in; a new session in the same meeting starts empty. */
  instance: string;
  attendees: string[];
}

const MAX_WRITE_ATTEMPTS = 12;
/** More people than a Teams meeting can hold; beyond it nobody new is noted, and nothing breaks. */
const MAX_ATTENDEES = 1_000;

/**
 * Who the server itself saw take part in a huddle session: verified callers whose panel was
 * connected, who acted or who answered. Kept beside the session rather than in it, so noting a
 * newcomer never changes the version a facilitator's next click is based on.
 */
export class HuddleAttendance {
  constructor(
    private readonly store: DocumentStore,
    private readonly ttlSeconds: number,
  ) {}

  /** Adds people to the session's attendance and returns everyone seen in it so far. */
  async add(tenantId: string, documentId: string, instance: string, userIds: readonly string[]): Promise<string[]> {
    const id = attendanceId(documentId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.store.get<JsonObject>("huddles", tenantId, id);
      const current = stored?.value as AttendanceDocument | undefined;
      const known = current?.instance === instance ? current.attendees : [];
      const attendees = [...new Set([...known, ...userIds.filter(Boolean)])].slice(0, MAX_ATTENDEES);
      if (stored && current?.instance === instance && attendees.length === known.length) return known;
      const next: AttendanceDocument = { kind: "huddleAttendance", instance, attendees };
      try {
        if (stored)
          await this.store.replace("huddles", tenantId, id, next as JsonObject, { ifMatch: stored.etag, ttlSeconds: this.ttlSeconds });
        else await this.store.create("huddles", tenantId, id, next as JsonObject, { ttlSeconds: this.ttlSeconds });
        return attendees;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  async read(tenantId: string, documentId: string, instance: string): Promise<string[]> {
    const stored = await this.store.get<JsonObject>("huddles", tenantId, attendanceId(documentId));
    const value = stored?.value as AttendanceDocument | undefined;
    return value?.instance === instance ? value.attendees : [];
  }

  /** Erasure: takes the person out of every attendance list of the tenant; returns how many changed. */
  async forget(tenantId: string, userId: string): Promise<number> {
    let changed = 0;
    const pages = allPages<JsonObject>(this.store, "huddles", tenantId, { filters: [{ kind: "huddleAttendance" }], limit: 200 });
    for await (const page of pages)
      for (const stored of page) {
        const value = stored.value as AttendanceDocument;
        if (!value.attendees.includes(userId)) continue;
        const next = { ...value, attendees: value.attendees.filter((other) => other !== userId) };
        await this.store.replace("huddles", tenantId, stored.id, next as JsonObject, { ifMatch: stored.etag, ttlSeconds: this.ttlSeconds });
        changed++;
      }
    return changed;
  }
}

const attendanceId = (documentId: string) => `${documentId}-attendance`;
