import type { Agent } from "node:https";
import { CosmosClient, type Container, type Database, type ItemDefinition } from "@azure/cosmos";
import type { TokenCredential } from "@azure/identity";
import {
  assertQueryIsSafe,
  assertValidKey,
  CONTAINERS,
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

export interface CosmosStoreOptions {
  endpoint: string;
  databaseId: string;
  /** An account key, for the emulator and tests. In Azure, omit it and pass a managed identity. */
  key?: string;
  credential?: TokenCredential;
  /** Only for a local emulator with a self-signed certificate. */
  agent?: Agent;
}

/** What a stored item looks like inside Cosmos: the tenant is the partition key. */
interface CosmosItem extends ItemDefinition {
  id: string;
  tenantId: string;
  doc: JsonObject;
  ttl?: number;
}

/**
 * Azure Cosmos DB adapter. Partition key `/tenantId`; optimistic concurrency with `IfMatch` on the
 * item's `_etag`; retention with per-item `ttl` on containers that have TTL switched on
 * (`defaultTtl: -1`, meaning "no expiry unless the item says so").
 */
export class CosmosStore implements DocumentStore {
  readonly kind = "cosmos" as const;
  private readonly client: CosmosClient;
  private readonly databaseId: string;
  private readonly containers = new Map<ContainerName, Container>();
  private database: Database | undefined;

  constructor(options: CosmosStoreOptions) {
    this.databaseId = options.databaseId;
    this.client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : options.credential ? { aadCredentials: options.credential } : {}),
      ...(options.agent ? { agent: options.agent } : {}),
      // The SDK retries 429 (throttling) honouring the server's retry-after; these are its bounds.
      connectionPolicy: { retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 30 } },
    });
  }

  /** Creates the database and every container if missing. Call once before use. */
  async initialize(): Promise<void> {
    try {
      const { database } = await this.client.databases.createIfNotExists({ id: this.databaseId });
      this.database = database;
      for (const name of CONTAINERS) {
        const { container } = await database.containers.createIfNotExists({
          id: name,
          partitionKey: { paths: ["/tenantId"] },
          defaultTtl: -1,
        });
        this.containers.set(name, container);
      }
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  }

  /** The container settings as Cosmos reports them, for operators and tests. */
  async describeContainer(name: ContainerName): Promise<{ partitionKeyPaths: string[]; defaultTtl: number | undefined }> {
    const { resource } = await this.container(name).read();
    return { partitionKeyPaths: resource?.partitionKey?.paths ?? [], defaultTtl: resource?.defaultTtl };
  }

  async get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined> {
    assertValidKey(tenantId, id);
    const response = await this.run(() => this.container(container).item(id, tenantId).read<CosmosItem>());
    return response.resource ? this.toDocument<T>(response.resource) : undefined;
  }

  async create<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    assertValidKey(tenantId, id);
    const item = toItem(tenantId, id, value, options);
    try {
      const { resource } = await this.run(() => this.container(container).items.create<CosmosItem>(item));
      return this.toDocument<T>(resource as CosmosItem);
    } catch (error) {
      if (statusOf(error) === 409) throw new ConflictError("exists", serverMessage("storeAlreadyExists"));
      throw error;
    }
  }

  async replace<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options: ReplaceOptions,
  ): Promise<StoredDocument<T>> {
    assertValidKey(tenantId, id);
    const item = toItem(tenantId, id, value, options);
    try {
      const { resource } = await this.run(() =>
        this.container(container)
          .item(id, tenantId)
          .replace<CosmosItem>(item, { accessCondition: { type: "IfMatch", condition: options.ifMatch } }),
      );
      return this.toDocument<T>(resource as CosmosItem);
    } catch (error) {
      if (statusOf(error) === 412) throw new ConflictError("etag");
      if (statusOf(error) === 404) throw new ConflictError("missing");
      throw error;
    }
  }

  async delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    assertValidKey(tenantId, id);
    try {
      const accessCondition = options?.ifMatch ? { accessCondition: { type: "IfMatch", condition: options.ifMatch } } : {};
      await this.run(() => this.container(container).item(id, tenantId).delete(accessCondition));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      if (statusOf(error) === 412) throw new ConflictError("etag");
      throw error;
    }
  }

  async query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    assertValidKey(tenantId, "query");
    assertQueryIsSafe(query);
    const parameters = [{ name: "@tenantId", value: tenantId }];
    const conditions = ["c.tenantId = @tenantId"];
    Object.entries(query?.where ?? {}).forEach(([field, value], index) => {
      conditions.push(`c.doc.${field} = @p${index}`);
      parameters.push({ name: `@p${index}`, value: value as string });
    });
    if (query?.after !== undefined) {
      conditions.push("c.id > @after");
      parameters.push({ name: "@after", value: query.after });
    }
    const top = query?.limit !== undefined ? `TOP ${query.limit} ` : "";
    const sql = `SELECT ${top}* FROM c WHERE ${conditions.join(" AND ")} ORDER BY c.id`;
    const { resources } = await this.run(() =>
      this.container(container).items.query<CosmosItem>({ query: sql, parameters }, { partitionKey: tenantId }).fetchAll(),
    );
    return resources.map((item) => this.toDocument<T>(item));
  }

  /**
   * One cross-partition query on `_ts`, Cosmos's own write time in seconds, returning keys and
   * versions only. Writes in the same second, or landing a little late on another partition, are
   * caught by looking back OVERLAP_SECONDS each time and leaving out the versions already answered
   * (kept in the cursor). Works on any account and on the test server, whose change feed is a stub.
   */
  async changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage> {
    const previous = parseCursor(cursor);
    const since = previous ? previous.ts - OVERLAP_SECONDS : Math.floor(Date.now() / 1000) - OVERLAP_SECONDS;
    const sql = "SELECT c.id, c.tenantId, c._etag, c._ts FROM c WHERE c._ts >= @since AND c.doc.kind = @kind";
    const { resources } = await this.run(() =>
      this.container(container)
        .items.query<{ id: string; tenantId: string; _etag: string; _ts: number }>({
          query: sql,
          parameters: [
            { name: "@since", value: since },
            { name: "@kind", value: kind },
          ],
        })
        .fetchAll(),
    );
    const seen = new Set(previous?.seen ?? []);
    const changes = resources.filter((item) => !seen.has(item._etag)).map(({ id, tenantId, _etag }) => ({ id, tenantId, etag: _etag }));
    const ts = Math.max(previous?.ts ?? since + OVERLAP_SECONDS, ...resources.map((item) => item._ts));
    const kept = resources.filter((item) => item._ts >= ts - OVERLAP_SECONDS).map((item) => item._etag);
    return { changes, cursor: JSON.stringify({ ts, seen: kept }), complete: cursor === undefined || previous !== undefined };
  }

  async ping(): Promise<void> {
    if (!this.database) throw new StoreUnavailableError(new Error("Cosmos store not initialised"));
    await this.run(() => this.database!.read());
  }

  async close(): Promise<void> {
    this.client.dispose();
  }

  private container(name: ContainerName): Container {
    const container = this.containers.get(name);
    if (!container) throw new StoreUnavailableError(new Error(`Cosmos container ${name} is not initialised`));
    return container;
  }

  /** Maps transport failures to `StoreUnavailableError`; lets status-coded answers through. */
  private async run<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await operation();
    } catch (error) {
      if (statusOf(error) === undefined) throw new StoreUnavailableError(error);
      throw error;
    }
  }

  private toDocument<T extends JsonObject>(item: CosmosItem): StoredDocument<T> {
    const document: StoredDocument<T> = { id: item.id, value: item.doc as T, etag: String(item._etag) };
    if (typeof item.ttl === "number") document.ttlSeconds = item.ttl;
    return document;
  }
}

function toItem(tenantId: string, id: string, value: JsonObject, options?: WriteOptions): CosmosItem {
  const item: CosmosItem = { id, tenantId, doc: value };
  if (options?.ttlSeconds !== undefined) item.ttl = Math.max(1, Math.ceil(options.ttlSeconds));
  return item;
}

/** Seconds looked back on each call, so a write that lands late on another partition is still seen. */
const OVERLAP_SECONDS = 3;

function parseCursor(cursor: string | undefined): { ts: number; seen: string[] } | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(cursor) as { ts?: unknown; seen?: unknown };
    if (typeof parsed.ts !== "number" || !Array.isArray(parsed.seen)) return undefined;
    return { ts: parsed.ts, seen: parsed.seen.filter((etag): etag is string => typeof etag === "string") };
  } catch {
    return undefined;
  }
}

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" ? code : undefined;
}
