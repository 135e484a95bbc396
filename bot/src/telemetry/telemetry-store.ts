import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import type {
  ChangePage,
  ContainerName,
  DocumentQuery,
  DocumentStore,
  JsonObject,
  ReplaceOptions,
  StoredDocument,
  WriteOptions,
} from "../storage/document-store.js";
import type { InvalidDocumentReport } from "../storage/invalid-document.js";
import type { StoreOperation } from "../storage/deadline-store.js";
import type { Telemetry } from "./telemetry.js";

/**
 * A span and two data points per store call: operation, container and outcome only. Tenant ids,
 * document ids, query values and contents stay out: a document id can be a reference code or
 * carry a user id (`prefs-<oid>`), and a query value can be anything.
 */
export class TelemetryStore implements DocumentStore {
  constructor(
    private readonly inner: DocumentStore,
    private readonly telemetry: Telemetry,
  ) {}

  get kind(): DocumentStore["kind"] {
    return this.inner.kind;
  }

  reportInvalid(report: InvalidDocumentReport): void {
    this.inner.reportInvalid?.(report);
  }

  get<T extends JsonObject>(container: ContainerName, tenantId: string, id: string): Promise<StoredDocument<T> | undefined> {
    return this.traced("get", container, () => this.inner.get<T>(container, tenantId, id));
  }

  create<T extends JsonObject>(container: ContainerName, tenantId: string, id: string, value: T, options?: WriteOptions) {
    return this.traced("create", container, () => this.inner.create<T>(container, tenantId, id, value, options));
  }

  replace<T extends JsonObject>(container: ContainerName, tenantId: string, id: string, value: T, options: ReplaceOptions) {
    return this.traced("replace", container, () => this.inner.replace<T>(container, tenantId, id, value, options));
  }

  delete(container: ContainerName, tenantId: string, id: string, options?: { ifMatch?: string }): Promise<boolean> {
    return this.traced("delete", container, () => this.inner.delete(container, tenantId, id, options));
  }

  query<T extends JsonObject>(container: ContainerName, tenantId: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    return this.traced("query", container, () => this.inner.query<T>(container, tenantId, query));
  }

  changesSince(container: ContainerName, kind: string, cursor?: string): Promise<ChangePage> {
    return this.traced("changesSince", container, () => this.inner.changesSince(container, kind, cursor));
  }

  ping(): Promise<void> {
    return this.traced("ping", undefined, () => this.inner.ping());
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async traced<T>(operation: StoreOperation, container: ContainerName | undefined, call: () => Promise<T>): Promise<T> {
    const { tracer, storeDuration, storeOperations } = this.telemetry;
    const attributes = {
      "db.system.name": this.inner.kind === "cosmos" ? "azure.cosmosdb" : "lmdb",
      "db.operation.name": operation,
      ...(container ? { "db.collection.name": container } : {}),
    };
    return tracer.startActiveSpan(
      `store.${operation}${container ? ` ${container}` : ""}`,
      { kind: SpanKind.CLIENT, attributes },
      async (span) => {
        const started = performance.now();
        let outcome = "ok";
        try {
          return await call();
        } catch (error) {
          // The error's class only (ConflictError, StoreTimeoutError…): messages can quote ids.
          outcome = (error as Error).name || "Error";
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute("error.type", outcome);
          throw error;
        } finally {
          const point = { ...attributes, "peer_circles.outcome": outcome };
          storeDuration.record((performance.now() - started) / 1000, point);
          storeOperations.add(1, point);
          span.end();
        }
      },
    );
  }
}
