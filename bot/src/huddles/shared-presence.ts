import { createHash } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";

/** A tenant's presence on one instance is split in this many documents, by person. */
export const PRESENCE_SHARDS = 4;
/** A presence document its instance stopped refreshing (it crashed, or was cut off) counts for nothing after this. */
export const PRESENCE_TTL_MS = 45_000;
/** How often an instance rewrites the presence documents that hold anyone, well inside the TTL. */
export const PRESENCE_REFRESH_MS = 15_000;

/**
 * Who has which huddle open on one instance, for the people of one tenant in one shard:
 * user id → huddle document id → open streams, and each person's display name from their verified
 * token, for the facilitator's "who is here". It lives 45 s unless refreshed.
 */
interface PresenceDocument {
  kind: "presence";
  instance: string;
  shard: number;
  /** The writer's clock; readers also ignore a document past it, whatever the store's TTL does. */
  expiresAt: number;
  streams: Record<string, Record<string, number>>;
  /** User id → display name, for the people in `streams` only. */
  names?: Record<string, string> | undefined;
}

const presenceSchema: z.ZodType<PresenceDocument> = z.looseObject({
  kind: z.literal("presence"),
  instance: z.string(),
  shard: z.number(),
  expiresAt: z.number(),
  streams: z.record(z.string(), z.record(z.string(), z.number())),
  names: z.record(z.string(), z.string()).optional(),
});

/** One person with a huddle open, as the server saw their verified stream connect. */
export interface PresentPerson {
  userId: string;
  displayName?: string;
}

const nameKey = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;

export const shardOf = (userId: string) => createHash("sha256").update(userId).digest().readUInt32BE(0) % PRESENCE_SHARDS;

/**
 * Shared presence: which verified people have a huddle's stream open, on any instance. Each
 * instance writes only its own documents (one per tenant and shard), when someone joins or leaves
 * and every 15 s while they hold anyone, with a 45 s time-to-live; readers merge every instance's
 * live documents. Only the event stream, after its token and the meeting roster were checked,
 * calls `join`, so nothing a client sends can add a person. Speaking rounds, who took part and the
 * stream cap read it.
 */
export class SharedPresence {
  private readonly presence;
  /** tenant → user → huddle document → open streams on this instance. */
  private readonly local = new Map<string, Map<string, Map<string, number>>>();
  /** tenant + user → display name, while they have anything open here. */
  private readonly names = new Map<string, string>();
  private readonly etags = new Map<string, string>();
  private readonly queued = new Map<string, Promise<void>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly timer: NodeJS.Timeout;
  /** After close nothing more is written: the store is about to close too. */
  private closed = false;

  constructor(
    store: DocumentStore,
    readonly instanceId: string,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    refreshMs = PRESENCE_REFRESH_MS,
  ) {
    this.presence = collection(store, "huddles", "presence", presenceSchema);
    this.timer = setInterval(() => this.refresh(), refreshMs);
    this.timer.unref();
  }

  /**
   * Notes one open stream and resolves once the store holds it, so a round started after the
   * panel got its first state includes the person. Returns the leave function.
   */
  async join(tenantId: string, userId: string, huddleId: string, displayName?: string): Promise<() => void> {
    if (displayName) this.names.set(nameKey(tenantId, userId), displayName.slice(0, 200));
    const people = this.local.get(tenantId) ?? new Map<string, Map<string, number>>();
    this.local.set(tenantId, people);
    const huddles = people.get(userId) ?? new Map<string, number>();
    people.set(userId, huddles);
    huddles.set(huddleId, (huddles.get(huddleId) ?? 0) + 1);
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      const count = (huddles.get(huddleId) ?? 1) - 1;
      if (count > 0) huddles.set(huddleId, count);
      else huddles.delete(huddleId);
      if (huddles.size === 0 && people.get(userId) === huddles) {
        people.delete(userId);
        this.names.delete(nameKey(tenantId, userId));
      }
      if (people.size === 0 && this.local.get(tenantId) === people) this.local.delete(tenantId);
      this.flush(tenantId, shardOf(userId)).catch((error: Error) => this.warn(error));
    };
    try {
      await this.flush(tenantId, shardOf(userId));
    } catch (error) {
      // Not in the store, so not here: the caller's stream fails, and this instance forgets it too.
      leave();
      throw error;
    }
    return leave;
  }

  /** Everyone with the huddle open on any live instance. */
  async here(tenantId: string, huddleId: string): Promise<string[]> {
    const people = new Set<string>();
    for (const document of await this.liveOthers(tenantId))
      for (const [userId, huddles] of Object.entries(document.streams)) if ((huddles[huddleId] ?? 0) > 0) people.add(userId);
    for (const [userId, huddles] of this.local.get(tenantId) ?? []) if ((huddles.get(huddleId) ?? 0) > 0) people.add(userId);
    return [...people];
  }

  /** Everyone with the huddle open on any live instance, with the display name their token gave, for "who is here". */
  async whoIsHere(tenantId: string, huddleId: string): Promise<PresentPerson[]> {
    const people = new Map<string, string | undefined>();
    for (const document of await this.liveOthers(tenantId))
      for (const [userId, huddles] of Object.entries(document.streams))
        if ((huddles[huddleId] ?? 0) > 0) people.set(userId, people.get(userId) ?? document.names?.[userId]);
    for (const [userId, huddles] of this.local.get(tenantId) ?? [])
      if ((huddles.get(huddleId) ?? 0) > 0) people.set(userId, this.names.get(nameKey(tenantId, userId)) ?? people.get(userId));
    return [...people].map(([userId, displayName]) => (displayName ? { userId, displayName } : { userId }));
  }

  /** The instances, this one included, whose presence for the person's shard is live: the ones whose stream counts still hold. */
  async liveInstancesFor(tenantId: string, userId: string): Promise<Set<string>> {
    const shard = shardOf(userId);
    const live = new Set([this.instanceId]);
    for (const document of await this.liveOthers(tenantId, shard)) live.add(document.instance);
    return live;
  }

  /** Stops refreshing; the documents lapse within the TTL (or at once, if `forget` is set). */
  async close(options: { forget?: boolean } = {}): Promise<void> {
    clearInterval(this.timer);
    const tenants = [...new Set([...this.local.keys(), ...[...this.etags.keys()].map((key) => key.split("\u0000")[0]!)])];
    if (options.forget) {
      this.local.clear();
      await Promise.allSettled(
        tenants.flatMap((tenantId) => Array.from({ length: PRESENCE_SHARDS }, (_, shard) => this.flush(tenantId, shard))),
      );
    }
    await Promise.allSettled([...this.queued.values(), ...this.running.values()]);
    this.closed = true;
  }

  private async liveOthers(tenantId: string, shard?: number): Promise<PresenceDocument[]> {
    if (this.closed) return [];
    const found = await this.presence.query(tenantId, shard === undefined ? {} : { where: { shard } });
    const now = this.now();
    return found.map((stored) => stored.value).filter((value) => value.instance !== this.instanceId && value.expiresAt > now);
  }

  private refresh(): void {
    for (const [tenantId, people] of this.local) {
      const shards = new Set([...people.keys()].map(shardOf));
      for (const shard of shards) this.flush(tenantId, shard).catch((error: Error) => this.warn(error));
    }
  }

  /** One write at a time per document; callers that arrive while one is queued share it, as it reads the state when it starts. */
  private flush(tenantId: string, shard: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    const key = `${tenantId}\u0000${shard}`;
    const queued = this.queued.get(key);
    if (queued) return queued;
    const before = this.running.get(key) ?? Promise.resolve();
    const next = before
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        const writing = this.write(tenantId, shard);
        this.running.set(key, writing);
        return writing;
      });
    this.queued.set(key, next);
    return next;
  }

  private async write(tenantId: string, shard: number): Promise<void> {
    const key = `${tenantId}\u0000${shard}`;
    const id = `presence-${this.instanceId}-${shard}`;
    const streams: PresenceDocument["streams"] = {};
    const names: Record<string, string> = {};
    for (const [userId, huddles] of this.local.get(tenantId) ?? [])
      if (shardOf(userId) === shard && huddles.size > 0) {
        streams[userId] = Object.fromEntries(huddles);
        const name = this.names.get(nameKey(tenantId, userId));
        if (name) names[userId] = name;
      }
    if (Object.keys(streams).length === 0) {
      if (!this.etags.has(key)) return;
      this.etags.delete(key);
      await this.presence.delete(tenantId, id);
      return;
    }
    const value: PresenceDocument = {
      kind: "presence",
      instance: this.instanceId,
      shard,
      expiresAt: this.now() + PRESENCE_TTL_MS,
      streams,
      names,
    };
    const ttlSeconds = Math.ceil(PRESENCE_TTL_MS / 1000);
    // Only this instance writes this document, so a conflict means it lapsed or was never made here.
    for (let attempt = 1; ; attempt++) {
      try {
        const etag = this.etags.get(key) ?? (await this.presence.get(tenantId, id))?.etag;
        const written = etag
          ? await this.presence.replace(tenantId, id, value, { ifMatch: etag, ttlSeconds })
          : await this.presence.create(tenantId, id, value, { ttlSeconds });
        this.etags.set(key, written.etag);
        return;
      } catch (error) {
        this.etags.delete(key);
        if (!(error instanceof ConflictError) || attempt >= 3) throw error;
      }
    }
  }

  private warn(error: Error): void {
    this.logger.warn({ event: "huddles.presence_write_failed", errorName: error.name }, "presence not written");
  }
}
