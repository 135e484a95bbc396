import {
  MAX_QUERY_LIMIT,
  type ContainerName,
  type DocumentQuery,
  type DocumentStore,
  type JsonObject,
  type StoredDocument,
} from "./document-store.js";

/** A continuation that this server did not issue, or that no longer fits the query it is given to. */
export class InvalidContinuationError extends TypeError {
  constructor() {
    super("The continuation token is not one this list issued.");
    this.name = "InvalidContinuationError";
  }
}

export interface DocumentPage<T extends JsonObject> {
  documents: StoredDocument<T>[];
  /** Present when there may be more: pass it back to get the next page. */
  continuation?: string;
}

export interface PagedQuery {
  /**
   * The filters to read, in order: the page takes from the first until it is exhausted, then the
   * next. Callers order them by what must come first (e.g. the most urgent requests).
   */
  filters: readonly NonNullable<DocumentQuery["where"]>[];
  /** At most this many documents per page, and about as many read from the store. */
  limit: number;
  continuation?: string;
}

/** Where the previous page stopped: the filter it was reading and the last id it returned there. */
interface Position {
  filter: number;
  after?: string;
}

/**
 * One bounded page of documents across one or more filters, with a continuation for the rest. Each
 * store call asks for one more document than it needs, only to learn whether the filter goes on.
 */
export async function queryPage<T extends JsonObject>(
  store: DocumentStore,
  container: ContainerName,
  tenantId: string,
  query: PagedQuery,
): Promise<DocumentPage<T>> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit >= MAX_QUERY_LIMIT) throw new RangeError("page limit out of range");
  const start = query.continuation === undefined ? { filter: 0 } : positionOf(query.continuation, query.filters.length);
  const documents: StoredDocument<T>[] = [];
  for (let filter = start.filter; filter < query.filters.length; filter++) {
    const room = query.limit - documents.length;
    const after = filter === start.filter ? start.after : undefined;
    const found = await store.query<T>(container, tenantId, {
      where: query.filters[filter]!,
      limit: room + 1,
      ...(after === undefined ? {} : { after }),
    });
    documents.push(...found.slice(0, room));
    if (found.length > room) return { documents, continuation: tokenOf({ filter, after: documents.at(-1)!.id }) };
    if (documents.length === query.limit && filter + 1 < query.filters.length)
      return { documents, continuation: tokenOf({ filter: filter + 1 }) };
  }
  return { documents };
}

/** Every document across the filters, read a bounded page at a time; for work that must see them all. */
export async function* allPages<T extends JsonObject>(
  store: DocumentStore,
  container: ContainerName,
  tenantId: string,
  query: Omit<PagedQuery, "continuation">,
): AsyncGenerator<StoredDocument<T>[]> {
  let continuation: string | undefined;
  do {
    const page: DocumentPage<T> = await queryPage<T>(store, container, tenantId, { ...query, ...(continuation ? { continuation } : {}) });
    if (page.documents.length > 0) yield page.documents;
    continuation = page.continuation;
  } while (continuation);
}

// Opaque to clients: base64url of a small JSON position. Decoding checks its shape strictly.
function tokenOf(position: Position): string {
  return Buffer.from(JSON.stringify(position.after === undefined ? [position.filter] : [position.filter, position.after])).toString(
    "base64url",
  );
}

function positionOf(token: string, filters: number): Position {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(token)) throw new InvalidContinuationError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw new InvalidContinuationError();
  }
  if (!Array.isArray(decoded) || decoded.length < 1 || decoded.length > 2) throw new InvalidContinuationError();
  const [filter, after] = decoded as unknown[];
  if (!Number.isInteger(filter) || (filter as number) < 0 || (filter as number) >= filters) throw new InvalidContinuationError();
  if (after !== undefined && (typeof after !== "string" || after.length === 0 || after.length > 255 || /[/\\?#]/.test(after)))
    throw new InvalidContinuationError();
  return after === undefined ? { filter: filter as number } : { filter: filter as number, after };
}
