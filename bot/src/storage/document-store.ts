/**
 * The one storage port. Adapters (embedded LMDB, Azure Cosmos DB) implement it; nothing outside
 * `bot/src/storage` sees an adapter's own types. Every operation is scoped to one tenant, which is
 * also the partition key, so a caller cannot ask for another tenant's data by construction.
 */

import type { InvalidDocumentReport } from "./invalid-document.js";

/** The document containers the product uses. Adapters create them on start. */
export const CONTAINERS = ["settings", "requests", "huddles", "circles", "audit"] as const;
export type ContainerName = (typeof CONTAINERS)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface StoredDocument<T extends JsonObject = JsonObject> {
  id: string;
  value: T;
  /** Opaque version tag; pass it back to `replace` or `delete` to write only if nobody else has. */
  etag: string;
  /** Seconds of life left at write time, when the document has a time-to-live. */
  ttlSeconds?: number;
}

export interface WriteOptions {
  /** Per-document time-to-live for retention. Omit to keep the document until deleted. */
  ttlSeconds?: number;
}

export interface ReplaceOptions extends WriteOptions {
  ifMatch: string;
}

/** Equality filters on top-level fields, bound as parameters (never spliced into a query text). */
export interface DocumentQuery {
  where?: Record<string, string | number | boolean | null>;
  limit?: number;
  /**
   * Only documents whose id sorts after this one. Results are ordered by id, so passing the last id
   * of one page gives the next page, and the pages stay correct while documents come and go.
   */
  after?: string;
}

/** One document that changed: where it is and its new version, never its content. */
export interface ChangedDocument {
  tenantId: string;
  id: string;
  etag: string;
}

export interface ChangePage {
  changes: ChangedDocument[];
  /** Pass back to the next call. Opaque. */
  cursor: string;
  /**
   * False when the store could not say everything that changed since the cursor (it was too old,
   * or the store restarted): the caller must then re-read whatever it cares about.
   */
  complete: boolean;
}

export interface DocumentStore {
  readonly kind: "embedded" | "cosmos";
  get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** Fails with `ConflictError` (reason `exists`) when the id is taken in that tenant. */
  create<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredDocument<T>>;
  /** Fails with `ConflictError` (reason `etag`) when the document changed since `ifMatch`. */
  replace<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options: ReplaceOptions,
  ): Promise<StoredDocument<T>>;
  /** Returns false when there was nothing to delete. */
  delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean>;
  /** Documents of one tenant matching the filters, ordered by id. */
  query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]>;
  /**
   * Documents of one kind in a container, across every tenant, created or replaced since `cursor`
   * (without one: from about now). It answers keys and versions only, never content, so a caller
   * that wants a document still reads it in its own tenant. One call whatever the number of
   * documents: this is how instances notice each other's writes (the huddle hub). A document may
   * be reported again; deletions are not reported.
   */
  changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage>;
  /** Resolves when the store answers; rejects with `StoreUnavailableError` otherwise. */
  ping(): Promise<void>;
  /**
   * Told by a typed collection (`collection.ts`) about a document that failed its schema, so the
   * server can log it. Optional: a bare adapter has nobody to tell.
   */
  reportInvalid?(report: InvalidDocumentReport): void;
  close(): Promise<void>;
}

export const MAX_QUERY_LIMIT = 1000;
// Cosmos DB refuses these characters in ids; refusing them in every adapter keeps behaviour equal.
const FORBIDDEN_ID_CHARACTERS = /[/\\?#]/;

export function assertValidKey(tenantId: string, id: string): void {
  for (const [label, value] of [
    ["tenant id", tenantId],
    ["document id", id],
  ] as const) {
    if (value.length === 0 || value.length > 255 || FORBIDDEN_ID_CHARACTERS.test(value)) {
      throw new TypeError(`Invalid ${label}: must be 1-255 characters without / \\ ? #`);
    }
  }
}
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Field names become part of the query text in Cosmos, so only plain identifiers are allowed. */
export function assertQueryIsSafe(query: DocumentQuery | undefined): void {
  for (const field of Object.keys(query?.where ?? {})) {
    if (!FIELD_NAME.test(field)) throw new TypeError(`Query field name is not allowed: ${field}`);
  }
  if (query?.after !== undefined) assertValidKey("query", query.after);
  const limit = query?.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_LIMIT)) {
    throw new TypeError(`Query limit must be an integer from 1 to ${MAX_QUERY_LIMIT}`);
  }
}

export function matchesWhere(value: JsonObject, where: DocumentQuery["where"]): boolean {
  return Object.entries(where ?? {}).every(([field, expected]) => value[field] === expected);
}
