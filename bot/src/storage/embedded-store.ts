import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { open, type RootDatabase } from "lmdb";
import {
  assertQueryIsSafe,
  assertValidKey,
  matchesWhere,
  type ChangePage,
  type ContainerName,
  type DocumentQuery,
  type DocumentStore,
  type JsonObject,
  type ReplaceOptions,
  type StoredDocument,
  type WriteOptions,
} from "./document-store.js";
import { serverMessage } from "../http/server-messages.js";
import { ConflictError, StoreUnavailableError } from "./store-errors.js";
import { ChangeLog } from "./change-log.js";

type Key = [ContainerName, string, string];

interface StoredRecord {
  etag: string;
  value: JsonObject;
  /** Epoch milliseconds after which the document no longer exists for readers. */
  expiresAt?: number;
}

/**
 * Address space reserved for the store file up front. It costs no disk (the file grows as written)
 * and no memory. Without it lmdb-js starts small and maps the file again each time it outgrows the
 * map, keeping the old mappings, so the same pages were resident twice: two minutes of bot intake
 * left 21 MB of mapped store in the server's RSS for an 11 MB file, and 11 MB with this. A larger
 * store still works; lmdb-js then grows the map as before.
 */
const INITIAL_MAP_BYTES = 2 ** 30;

/** Records examined per slice of a purge before yielding to other work. */
const PURGE_SLICE = 2000;

function isSameKey(a: Key, b: Key): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export interface EmbeddedStoreOptions {
  directory: string;
  /** How often expired documents are physically removed. They are hidden from reads at once. */
  purgeIntervalMs?: number;
  now?: () => number;
}

/**
 * The local store: LMDB on disk. Each write is one LMDB transaction, and the promise resolves only
 * after LMDB has committed it, so an acknowledged write survives the process being killed.
 * Conditional writes compare the ETag inside the write transaction, which LMDB serialises.
 */
export class EmbeddedStore implements DocumentStore {
  readonly kind = "embedded" as const;
  private readonly db: RootDatabase<StoredRecord, Key>;
  private readonly now: () => number;
  private readonly purgeTimer: NodeJS.Timeout;
  /** This process's writes, for changesSince: the embedded store has one process writing to it. */
  private readonly changes = new ChangeLog();

  constructor(options: EmbeddedStoreOptions) {
    mkdirSync(options.directory, { recursive: true });
    this.db = open<StoredRecord, Key>({ path: options.directory, compression: true, mapSize: INITIAL_MAP_BYTES });
    this.now = options.now ?? Date.now;
    this.purgeTimer = setInterval(() => void this.purgeExpired(), options.purgeIntervalMs ?? 10 * 60_000);
    this.purgeTimer.unref();
  }

  async get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined> {
    assertValidKey(tenantId, id);
    const record = this.db.get([container, tenantId, id]);
    return record && this.isLive(record) ? this.toDocument<T>(id, record) : undefined;
  }

  async create<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    assertValidKey(tenantId, id);
    const key: Key = [container, tenantId, id];
    const record = this.newRecord(value, options);
    const created = await this.db.transaction(() => {
      const existing = this.db.get(key);
      if (existing && this.isLive(existing)) return false;
      void this.db.put(key, record);
      return true;
    });
    if (!created) throw new ConflictError("exists", serverMessage("storeAlreadyExists"));
    this.changes.note(container, tenantId, id, value, record.etag);
    return this.toDocument<T>(id, record);
  }

  async replace<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options: ReplaceOptions,
  ): Promise<StoredDocument<T>> {
    assertValidKey(tenantId, id);
    const key: Key = [container, tenantId, id];
    const record = this.newRecord(value, options);
    const outcome = await this.db.transaction(() => {
      const existing = this.db.get(key);
      if (!existing || !this.isLive(existing)) return "missing" as const;
      if (existing.etag !== options.ifMatch) return "etag" as const;
      void this.db.put(key, record);
      return "ok" as const;
    });
    if (outcome !== "ok") throw new ConflictError(outcome);
    this.changes.note(container, tenantId, id, value, record.etag);
    return this.toDocument<T>(id, record);
  }

  async delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    assertValidKey(tenantId, id);
    const key: Key = [container, tenantId, id];
    const outcome = await this.db.transaction(() => {
      const existing = this.db.get(key);
      if (!existing || !this.isLive(existing)) return "missing" as const;
      if (options?.ifMatch !== undefined && existing.etag !== options.ifMatch) return "etag" as const;
      void this.db.remove(key);
      return "ok" as const;
    });
    if (outcome === "etag") throw new ConflictError("etag");
    return outcome === "ok";
  }

  async query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    assertValidKey(tenantId, "query");
    assertQueryIsSafe(query);
    const results: StoredDocument<T>[] = [];
    const after = query?.after;
    // Array keys sort element by element, so this range is exactly one tenant's partition.
    const start: Key | [ContainerName, string] = after === undefined ? [container, tenantId] : [container, tenantId, after];
    for (const { key, value } of this.db.getRange({ start, end: [container, `${tenantId}\u0000`] })) {
      if ((key as Key)[2] === after) continue;
      if (!this.isLive(value) || !matchesWhere(value.value, query?.where)) continue;
      results.push(this.toDocument<T>((key as Key)[2], value));
      if (query?.limit !== undefined && results.length >= query.limit) break;
    }
    return results;
  }

  async changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage> {
    return this.changes.since(container, kind, cursor);
  }

  async ping(): Promise<void> {
    try {
      this.db.getStats();
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }

  /**
   * Physically removes expired documents; reads already ignore them. Returns how many went. The
   * scan goes in slices and yields between them, so a large store never holds up requests.
   */
  async purgeExpired(): Promise<number> {
    const now = this.now();
    let removed = 0;
    let after: Key | undefined;
    for (;;) {
      const expired: Key[] = [];
      let last: Key | undefined;
      let seen = 0;
      for (const { key, value } of this.db.getRange({ ...(after ? { start: after } : {}), limit: PURGE_SLICE + 1 })) {
        if (after && seen === 0 && isSameKey(key as Key, after)) continue;
        seen++;
        last = key as Key;
        if (value.expiresAt !== undefined && value.expiresAt <= now) expired.push(key as Key);
        if (seen >= PURGE_SLICE) break;
      }
      if (expired.length > 0) {
        await this.db.transaction(() => {
          for (const key of expired) {
            const current = this.db.get(key);
            if (current?.expiresAt !== undefined && current.expiresAt <= now) void this.db.remove(key);
          }
        });
        removed += expired.length;
      }
      if (seen < PURGE_SLICE || !last) return removed;
      after = last;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.db.flushed;
    await this.db.close();
  }

  private newRecord(value: JsonObject, options?: WriteOptions): StoredRecord {
    const record: StoredRecord = { etag: randomUUID(), value };
    if (options?.ttlSeconds !== undefined) record.expiresAt = this.now() + options.ttlSeconds * 1000;
    return record;
  }

  private isLive(record: StoredRecord): boolean {
    return record.expiresAt === undefined || record.expiresAt > this.now();
  }

  private toDocument<T extends JsonObject>(id: string, record: StoredRecord): StoredDocument<T> {
    const document: StoredDocument<T> = { id, value: record.value as T, etag: record.etag };
    if (record.expiresAt !== undefined) document.ttlSeconds = Math.max(0, Math.ceil((record.expiresAt - this.now()) / 1000));
    return document;
  }
}
