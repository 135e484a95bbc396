import type { Logger } from "../logger.js";
import type { HuddleService, HuddleView } from "./huddle-service.js";

/** Receives the view and its JSON, serialised once per change however many panels are open. */
type Listener = (view: HuddleView, json: string) => void;

/**
 * Fans huddle changes out to open panels over Server-Sent Events. Changes made on this instance are
 * pushed at once; changes made on another instance are noticed by polling the store, which stays
 * the source of truth, so several instances can serve one meeting.
 */
export class HuddleHub {
  private readonly listeners = new Map<
    string,
    { tenantId: string; meetingId: string; version?: string; instance?: string; listeners: Set<Listener>; people: Map<Listener, string> }
  >();
  private readonly timer: NodeJS.Timeout;
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly huddles: HuddleService,
    private readonly logger: Logger,
    pollIntervalMs = 1000,
  ) {
    this.timer = setInterval(() => void this.poll(), pollIntervalMs);
    this.timer.unref();
  }

  /** `end` is called if the hub shuts down first, so streams close instead of holding the server. */
  subscribe(tenantId: string, meetingId: string, userId: string, listener: Listener, end: () => void = () => undefined): () => void {
    this.closers.add(end);
    const key = `${tenantId}\u0000${meetingId}`;
    const entry = this.listeners.get(key) ?? { tenantId, meetingId, listeners: new Set<Listener>(), people: new Map<Listener, string>() };
    entry.listeners.add(listener);
    entry.people.set(listener, userId);
    this.listeners.set(key, entry);
    return () => {
      this.closers.delete(end);
      entry.listeners.delete(listener);
      entry.people.delete(listener);
      if (entry.listeners.size === 0) this.listeners.delete(key);
    };
  }

  publish(tenantId: string, meetingId: string, view: HuddleView): void {
    const entry = this.listeners.get(`${tenantId}\u0000${meetingId}`);
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

  /** Who has the huddle open on this instance: the speakers of the next round. */
  participants(tenantId: string, meetingId: string): string[] {
    return [...new Set(this.listeners.get(`${tenantId}\u0000${meetingId}`)?.people.values() ?? [])];
  }

  close(): void {
    clearInterval(this.timer);
    for (const end of [...this.closers]) end();
    this.closers.clear();
    this.listeners.clear();
  }

  private async poll(): Promise<void> {
    for (const entry of [...this.listeners.values()]) {
      try {
        const view = await this.huddles.read(entry.tenantId, entry.meetingId);
        if (view) this.publish(entry.tenantId, entry.meetingId, view);
      } catch (error) {
        this.logger.warn({ event: "huddles.poll_failed", errorName: (error as Error).name }, "huddle poll failed");
      }
    }
  }
}
