import { createHash } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { collection } from "../storage/collection.js";
import type { DocumentStore } from "../storage/document-store.js";
import { ConflictError } from "../storage/store-errors.js";
import type { SharedPresence } from "./shared-presence.js";

const MAX_WRITE_ATTEMPTS = 10;
/** A lease this young counts even before its instance's presence document shows it. */
const GRACE_MS = 20_000;
/** Garbage collection only: a person's lease document goes a day after its last change. */
const LEASE_TTL_SECONDS = 86_400;

/** One person's open event streams, per instance: instance id → how many and when it last grew. */
interface StreamLeaseDocument {
  kind: "streamLeases";
  leases: Record<string, { count: number; since: number }>;
}

const leaseSchema: z.ZodType<StreamLeaseDocument> = z.looseObject({
  kind: z.literal("streamLeases"),
  leases: z.record(z.string(), z.looseObject({ count: z.number(), since: z.number() })),
});

/**
 * `SSE_STREAMS_PER_USER` across every instance: one document per person holds each instance's
 * count, changed only by ETag-conditional writes, so two instances admitting the person's last
 * place at once cannot both win. An instance that died stops refreshing its presence; from then on
 * its counts are not counted (and are pruned at the next write), so a crash frees its places
 * within the presence TTL.
 */
export class SharedStreamQuota {
  private readonly leases;
  private readonly releasing = new Set<Promise<void>>();
  /** This instance's own open streams per person: what its entry is set to at each write, so a lost write heals at the next. */
  private readonly mine = new Map<string, number>();

  constructor(
    store: DocumentStore,
    private readonly presence: SharedPresence,
    private readonly perUser: number,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.leases = collection(store, "settings", "streamLeases", leaseSchema);
  }

  /** Reserves a stream; resolves to the release function, or undefined when the person is at the cap. */
  async acquire(tenantId: string, userId: string): Promise<(() => void) | undefined> {
    const self = this.presence.instanceId;
    const id = leaseId(userId);
    for (let attempt = 1; ; attempt++) {
      const [stored, live] = await Promise.all([this.leases.get(tenantId, id), this.presence.liveInstancesFor(tenantId, userId)]);
      const now = this.now();
      const leases = Object.fromEntries(
        Object.entries(stored?.value.leases ?? {}).filter(
          ([instance, lease]) => lease.count > 0 && (live.has(instance) || now - lease.since < GRACE_MS),
        ),
      );
      const open = Object.values(leases).reduce((sum, lease) => sum + lease.count, 0);
      if (open >= this.perUser) return undefined;
      const key = `${tenantId}\u0000${userId}`;
      leases[self] = { count: (this.mine.get(key) ?? 0) + 1, since: now };
      try {
        await this.write(tenantId, id, leases, stored?.etag);
        this.mine.set(key, (this.mine.get(key) ?? 0) + 1);
        return this.releaser(tenantId, userId);
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private releaser(tenantId: string, userId: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const key = `${tenantId}\u0000${userId}`;
      const left = (this.mine.get(key) ?? 1) - 1;
      if (left > 0) this.mine.set(key, left);
      else this.mine.delete(key);
      const releasing = this.release(tenantId, userId)
        .catch((error: Error) =>
          this.logger.warn({ event: "huddles.stream_release_failed", errorName: error.name }, "stream lease not released"),
        )
        .finally(() => this.releasing.delete(releasing));
      this.releasing.add(releasing);
    };
  }

  /** Resolves when every release under way has been written: shutdown waits for it before closing the store. */
  async settle(): Promise<void> {
    while (this.releasing.size > 0) await Promise.allSettled([...this.releasing]);
  }

  private async release(tenantId: string, userId: string): Promise<void> {
    const self = this.presence.instanceId;
    const id = leaseId(userId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.leases.get(tenantId, id);
      if (!stored) return;
      const open = this.mine.get(`${tenantId}\u0000${userId}`) ?? 0;
      if ((stored.value.leases[self]?.count ?? 0) === open) return;
      const leases = { ...stored.value.leases };
      if (open > 0) leases[self] = { count: open, since: leases[self]?.since ?? this.now() };
      else delete leases[self];
      try {
        await this.write(tenantId, id, leases, stored.etag);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  private async write(tenantId: string, id: string, leases: StreamLeaseDocument["leases"], etag: string | undefined): Promise<void> {
    const value: StreamLeaseDocument = { kind: "streamLeases", leases };
    if (etag) await this.leases.replace(tenantId, id, value, { ifMatch: etag, ttlSeconds: LEASE_TTL_SECONDS });
    else await this.leases.create(tenantId, id, value, { ttlSeconds: LEASE_TTL_SECONDS });
  }
}

/** The person's id is hashed into the document id: ids in ids would show in the store's tooling. */
const leaseId = (userId: string) => `streams-${createHash("sha256").update(userId).digest("hex").slice(0, 40)}`;
