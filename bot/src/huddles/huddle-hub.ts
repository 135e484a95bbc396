import type { Logger } from "../logger.js";
import type { ChangePage } from "../storage/document-store.js";
import { huddleDocumentId, type HuddleService, type HuddleView } from "./huddle-service.js";
import type { SharedPresence } from "./shared-presence.js";

/** Receives the view and its JSON, serialised once per change however many panels are open. */
type Listener = (view: HuddleView, json: string) => void;

interface Entry {
  tenantId: string;
  meetingId: string;
  version?: string;
  instance?: string;
  listeners: Set<Listener>;
  people: Map<Listener, string>;
}

/** Changed huddles read at once, at most; the rest wait for the next batch. */
const READ_BATCH = 25;
/** Twice a second: a change made on another instance reaches its panels here within about half a second. */
export const CHANGE_POLL_MS = 500;

/**
 * Fans huddle changes out to open panels over Server-Sent Events. Changes made on this instance are
 * pushed at once; changes made on another instance are noticed by asking the store, twice a second
 * and whatever the number of huddles, which huddles changed since the last look
 * (`changesSince`), then reading only those of them that have panels here. The store stays the
 * source of truth, so any number of instances can serve one meeting.
 */
export class HuddleHub {
  private readonly entries = new Map<string, Entry>();
  private readonly timer: NodeJS.Timeout;
  private readonly closers = new Set<() => void>();
  private cursor: string | undefined;
  private polling = false;

  constructor(
    private readonly huddles: HuddleService,
    private readonly presence: SharedPresence,
    private readonly changes: (cursor?: string) => Promise<ChangePage>,
    private readonly logger: Logger,
    pollIntervalMs = CHANGE_POLL_MS,
  ) {
    this.timer = setInterval(() => void this.poll(), pollIntervalMs);
    this.timer.unref();
  }

  /** `end` is called if the hub shuts down first, so streams close instead of holding the server. */
  subscribe(tenantId: string, meetingId: string, userId: string, listener: Listener, end: () => void = () => undefined): () => void {
    this.closers.add(end);
    const key = keyOf(tenantId, huddleDocumentId(meetingId));
    const entry = this.entries.get(key) ?? { tenantId, meetingId, listeners: new Set<Listener>(), people: new Map<Listener, string>() };
    entry.listeners.add(listener);
    entry.people.set(listener, userId);
    this.entries.set(key, entry);
    return () => {
      this.closers.delete(end);
      entry.listeners.delete(listener);
      entry.people.delete(listener);
      if (entry.listeners.size === 0 && this.entries.get(key) === entry) this.entries.delete(key);
    };
  }

  publish(tenantId: string, meetingId: string, view: HuddleView): void {
    const entry = this.entries.get(keyOf(tenantId, huddleDocumentId(meetingId)));
    if (!entry || entry.version === view.version) return;
    entry.version = view.version;
    if (entry.instance !== view.session.instance) {
      entry.instance = view.session.instance;
      // Panels that were open here before this session began (perhaps on another instance) are in it.
      this.huddles
        .noteAttendance(tenantId, meetingId, [...new Set(entry.people.values())])
        .catch((error: Error) => this.logger.warn({ event: "huddles.attendance_failed", errorName: error.name }, "attendance not noted"));
    }
    const json = JSON.stringify(view);
    for (const listener of entry.listeners) listener(view, json);
  }

  /** Who has the huddle open on any instance, as the shared presence says: the speakers of the next round. */
  participants(tenantId: string, meetingId: string): Promise<string[]> {
    return this.presence.here(tenantId, huddleDocumentId(meetingId));
  }

  close(): void {
    clearInterval(this.timer);
    for (const end of [...this.closers]) end();
    this.closers.clear();
    this.entries.clear();
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    // With no panel open here there is nothing to look for; the next one starts a fresh look.
    if (this.entries.size === 0) {
      this.cursor = undefined;
      return;
    }
    this.polling = true;
    try {
      const page = await this.changes(this.cursor);
      // A first look, or one the store cannot vouch for, re-reads every huddle with panels here.
      const everything = this.cursor === undefined || !page.complete;
      this.cursor = page.cursor;
      const stale = everything
        ? [...this.entries.values()]
        : page.changes.flatMap((change) => {
            const entry = this.entries.get(keyOf(change.tenantId, change.id));
            return entry && entry.version !== change.etag ? [entry] : [];
          });
      for (let start = 0; start < stale.length; start += READ_BATCH)
        await Promise.all(stale.slice(start, start + READ_BATCH).map((entry) => this.refresh(entry)));
    } catch (error) {
      this.logger.warn({ event: "huddles.poll_failed", errorName: (error as Error).name }, "huddle changes not read");
    } finally {
      this.polling = false;
    }
  }

  private async refresh(entry: Entry): Promise<void> {
    try {
      const view = await this.huddles.read(entry.tenantId, entry.meetingId);
      if (view) this.publish(entry.tenantId, entry.meetingId, view);
    } catch (error) {
      this.logger.warn({ event: "huddles.poll_failed", errorName: (error as Error).name }, "huddle poll failed");
    }
  }
}

const keyOf = (tenantId: string, documentId: string) => `${tenantId}\u0000${documentId}`;
