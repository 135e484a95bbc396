import type {
  ChangePage,
  ContainerName,
  DocumentQuery,
  DocumentStore,
  JsonObject,
  ReplaceOptions,
  StoredDocument,
  WriteOptions,
} from "./document-store.js";
import type { InvalidDocumentReport } from "./invalid-document.js";
import type { StoreOperation } from "./deadline-store.js";

/**
 * Counts the calls made through the port, by operation: what an instance costs the store. The
 * bench and the scale-out tests wrap a server's store in it (the idle figure of issue #15).
 */
export class CountingStore implements DocumentStore {
  readonly counts: Record<StoreOperation, number> = { get: 0, create: 0, replace: 0, delete: 0, query: 0, changesSince: 0, ping: 0 };

  constructor(private readonly inner: DocumentStore) {}

  get kind(): DocumentStore["kind"] {
    return this.inner.kind;
  }

  /** Every call so far, `ping` (the readiness probe) left out unless asked for. */
  total(options: { withPing?: boolean } = {}): number {
    return Object.entries(this.counts).reduce(
      (sum, [operation, count]) => (operation === "ping" && !options.withPing ? sum : sum + count),
      0,
    );
  }

  reportInvalid(report: InvalidDocumentReport): void {
    this.inner.reportInvalid?.(report);
  }

  get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined> {
    this.counts.get++;
    return this.inner.get<T>(container, tenantId, id);
  }

  create<T extends JsonObject>(container: ContainerName, tenantId: string, id: string, value: T, options?: WriteOptions) {
    this.counts.create++;
    return this.inner.create<T>(container, tenantId, id, value, options);
  }

  replace<T extends JsonObject>(container: ContainerName, tenantId: string, id: string, value: T, options: ReplaceOptions) {
    this.counts.replace++;
    return this.inner.replace<T>(container, tenantId, id, value, options);
  }

  delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    this.counts.delete++;
    return this.inner.delete(container, tenantId, id, options);
  }

  query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    this.counts.query++;
    return this.inner.query<T>(container, tenantId, query);
  }

  changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage> {
    this.counts.changesSince++;
    return this.inner.changesSince(container, kind, cursor);
  }

  ping(): Promise<void> {
    this.counts.ping++;
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
