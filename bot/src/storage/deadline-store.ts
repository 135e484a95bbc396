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
import { StoreTimeoutError } from "./store-errors.js";

export type StoreOperation = "get" | "create" | "replace" | "delete" | "query" | "changesSince" | "ping";

/** Told when a call that was already given up on finishes after all, e.g. to log it. */
export type LateOutcomeListener = (operation: StoreOperation, outcome: "succeeded" | "failed") => void;

/**
 * Puts a deadline on every storage call, whatever the adapter. A store that hangs (a network
 * partition, an SDK retrying for minutes) would otherwise hold each request, its socket and its
 * memory until the client gave up; with this the caller gets `StoreTimeoutError` (HTTP 503 with
 * Retry-After) when the deadline passes.
 *
 * The call underneath is not cancelled (the port has no way to), so a write that timed out may
 * still land: the 503 means "outcome unknown, try again", which is why writes are idempotent or
 * conditional. Whatever the abandoned call does later is caught here, so it can never surface as
 * an unhandled rejection.
 */
export class DeadlineStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly deadlineMs: number,
    private readonly onLateOutcome: LateOutcomeListener = () => undefined,
    /** Told about stored documents a typed collection could not read; else they go to the inner store's listener. */
    private readonly onInvalidDocument?: (report: InvalidDocumentReport) => void,
  ) {}

  reportInvalid(report: InvalidDocumentReport): void {
    if (this.onInvalidDocument) this.onInvalidDocument(report);
    else this.inner.reportInvalid?.(report);
  }

  get kind(): DocumentStore["kind"] {
    return this.inner.kind;
  }

  get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined> {
    return this.within("get", () => this.inner.get<T>(container, tenantId, id));
  }

  create<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredDocument<T>> {
    return this.within("create", () => this.inner.create<T>(container, tenantId, id, value, options));
  }

  replace<T extends JsonObject>(
    container: ContainerName,
    tenantId: string,
    id: string,
    value: T,
    options: ReplaceOptions,
  ): Promise<StoredDocument<T>> {
    return this.within("replace", () => this.inner.replace<T>(container, tenantId, id, value, options));
  }

  delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    return this.within("delete", () => this.inner.delete(container, tenantId, id, options));
  }

  query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    return this.within("query", () => this.inner.query<T>(container, tenantId, query));
  }

  changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage> {
    return this.within("changesSince", () => this.inner.changesSince(container, kind, cursor));
  }

  ping(): Promise<void> {
    return this.within("ping", () => this.inner.ping());
  }

  /** Not timed: shutdown has its own grace period, and a store must be allowed to flush. */
  close(): Promise<void> {
    return this.inner.close();
  }

  private within<R>(operation: StoreOperation, call: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let late = false;
      const timer = setTimeout(() => {
        late = true;
        reject(new StoreTimeoutError(operation));
      }, this.deadlineMs);
      let pending: Promise<R>;
      try {
        pending = call();
      } catch (error) {
        // A store that throws instead of rejecting has answered: at once, not at the deadline.
        clearTimeout(timer);
        reject(error);
        return;
      }
      // Both handlers are attached at once, so a late rejection is always handled, never unhandled.
      pending.then(
        (value) => {
          clearTimeout(timer);
          if (late) this.reportLate(operation, "succeeded");
          else resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          if (late) this.reportLate(operation, "failed");
          else reject(error);
        },
      );
    });
  }

  private reportLate(operation: StoreOperation, outcome: "succeeded" | "failed"): void {
    try {
      this.onLateOutcome(operation, outcome);
    } catch {
      // Nobody is waiting for this call any more; a failing listener must not become a crash.
    }
  }
}
