import type { z } from "zod";
import { queryPage, type PagedQuery } from "./document-pages.js";
import type { ContainerName, DocumentQuery, DocumentStore, JsonObject, ReplaceOptions, WriteOptions } from "./document-store.js";
import { InvalidDocumentError, issuesOf, type InvalidDocumentReport } from "./invalid-document.js";

export type Where = NonNullable<DocumentQuery["where"]>;

export interface CollectionDocument<T> {
  id: string;
  value: T;
  etag: string;
  ttlSeconds?: number;
}

export interface CollectionPage<T> {
  documents: CollectionDocument<T>[];
  continuation?: string;
}

export interface CollectionOptions {
  /**
   * Earlier spellings of this kind that documents on disk may still carry. They are read (and
   * queried) as this kind; every write uses the current spelling, so they fade out as documents
   * are rewritten.
   */
  legacyKinds?: readonly string[];
}

export interface ReadOptions {
  /**
   * What a query does with a document of this kind that fails its schema. `skip` (the default)
   * reports it and leaves it out: a list is a view of many people's documents, and one damaged
   * document must not take the whole list away from everyone (a supporter's queue with a crisis
   * request in it, say). `throw` fails the whole read, for work that must see every document.
   */
  invalid?: "skip" | "throw";
}

/**
 * One kind of document in one container, read and written through its zod schema: the typed face
 * of the storage port. Reads are parsed, so nothing unchecked from the store reaches a service;
 * a document of this kind that fails its schema is reported to the store's `reportInvalid`
 * (logged by the server, ids and issue codes only) and surfaces as `InvalidDocumentError`.
 * Documents of other kinds sharing the container are simply not this collection's: a `get` of
 * one answers undefined, as if there were none. Schemas should be loose objects, so fields this
 * version does not know (written by a newer one) survive a read-modify-write.
 */
export class Collection<T extends { kind: string }> {
  private readonly spellings: readonly string[];

  constructor(
    private readonly store: DocumentStore,
    readonly container: ContainerName,
    readonly kind: T["kind"],
    private readonly schema: z.ZodType<T>,
    options: CollectionOptions = {},
  ) {
    this.spellings = [kind, ...(options.legacyKinds ?? [])];
  }

  async get(tenantId: string, id: string): Promise<CollectionDocument<T> | undefined> {
    const stored = await this.store.get<JsonObject>(this.container, tenantId, id);
    if (!stored) return undefined;
    const kind = stored.value.kind;
    if (typeof kind === "string" && !this.spellings.includes(kind)) return undefined;
    return { ...stored, value: this.parse(stored.id, stored.value) };
  }

  async create(tenantId: string, id: string, value: T, options?: WriteOptions): Promise<CollectionDocument<T>> {
    const written = await this.store.create(this.container, tenantId, id, this.checked(id, value), options);
    return { ...written, value };
  }

  async replace(tenantId: string, id: string, value: T, options: ReplaceOptions): Promise<CollectionDocument<T>> {
    const written = await this.store.replace(this.container, tenantId, id, this.checked(id, value), options);
    return { ...written, value };
  }

  delete(tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    return this.store.delete(this.container, tenantId, id, options);
  }

  /** Documents of this kind matching the filters, ordered by id; `kind` is added to the filter. */
  async query(tenantId: string, query: DocumentQuery = {}, options: ReadOptions = {}): Promise<CollectionDocument<T>[]> {
    const found = [];
    for (const kind of this.spellings)
      found.push(...(await this.store.query<JsonObject>(this.container, tenantId, { ...query, where: { ...query.where, kind } })));
    // With earlier spellings there is one query per spelling; merged back into one id order.
    if (this.spellings.length > 1) found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return this.parseAll(found.slice(0, query.limit ?? found.length), options);
  }

  /** One bounded page across the filters (see `queryPage`); a skipped document still moves the page on. */
  async page(tenantId: string, query: PagedQuery, options: ReadOptions = {}): Promise<CollectionPage<T>> {
    const filters = query.filters.flatMap((filter) => this.spellings.map((kind) => ({ ...filter, kind })));
    const page = await queryPage<JsonObject>(this.store, this.container, tenantId, { ...query, filters });
    return { documents: this.parseAll(page.documents, options), ...(page.continuation ? { continuation: page.continuation } : {}) };
  }

  /** Every matching document, a bounded page at a time, for work that must see them all. */
  async *pages(
    tenantId: string,
    query: Omit<PagedQuery, "continuation">,
    options: ReadOptions = {},
  ): AsyncGenerator<CollectionDocument<T>[]> {
    let continuation: string | undefined;
    do {
      const page: CollectionPage<T> = await this.page(tenantId, { ...query, ...(continuation ? { continuation } : {}) }, options);
      if (page.documents.length > 0) yield page.documents;
      continuation = page.continuation;
    } while (continuation);
  }

  private parseAll(
    found: { id: string; value: JsonObject; etag: string; ttlSeconds?: number }[],
    options: ReadOptions,
  ): CollectionDocument<T>[] {
    const documents: CollectionDocument<T>[] = [];
    for (const stored of found) {
      try {
        documents.push({ ...stored, value: this.parse(stored.id, stored.value) });
      } catch (error) {
        if (!(error instanceof InvalidDocumentError) || options.invalid === "throw") throw error;
      }
    }
    return documents;
  }

  private parse(id: string, raw: JsonObject): T {
    const value =
      typeof raw.kind === "string" && raw.kind !== this.kind && this.spellings.includes(raw.kind) ? { ...raw, kind: this.kind } : raw;
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw this.invalid(id, parsed.error);
  }

  /** A write is checked against the same schema its readers use, so what is written can be read. */
  private checked(id: string, value: T): JsonObject {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw this.invalid(id, parsed.error);
    // Checked by the schema just now: plain JSON data, which is what the port stores.
    const json: object = value;
    return json as JsonObject;
  }

  private invalid(documentId: string, error: z.ZodError): InvalidDocumentError {
    const report: InvalidDocumentReport = { container: this.container, kind: this.kind, documentId, issues: issuesOf(error) };
    try {
      this.store.reportInvalid?.(report);
    } catch {
      // A failing report must not turn one bad document into a different failure.
    }
    return new InvalidDocumentError(report);
  }
}

/** `new Collection(...)`, spelled as the issue describes it: `collection(store, container, kind, schema)`. */
export function collection<T extends { kind: string }>(
  store: DocumentStore,
  container: ContainerName,
  kind: T["kind"],
  schema: z.ZodType<T>,
  options?: CollectionOptions,
): Collection<T> {
  return new Collection(store, container, kind, schema, options);
}
