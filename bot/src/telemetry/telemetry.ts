import { metrics, trace, type Counter, type Histogram, type Tracer, type UpDownCounter } from "@opentelemetry/api";
import type { MetricReader } from "@opentelemetry/sdk-metrics";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { AppConfig } from "../config.js";

/**
 * The server's traces and metrics: HTTP requests, store calls and open event streams. Every
 * attribute is chosen here from a closed set (a route template, an operation and container name,
 * a status code, an outcome); nothing from a URL, a query string, a body, a token or a document
 * is ever put on a span or a data point, so no message text, name or user id can leave this way.
 */
export interface Telemetry {
  readonly enabled: boolean;
  readonly tracer: Tracer;
  /** `http.server.request.duration` (s), by method, route template and status code. */
  readonly requestDuration: Histogram;
  /** `peer_circles.store.operation.duration` (s), by operation, container and outcome. */
  readonly storeDuration: Histogram;
  /** `peer_circles.store.operations`: the figure of issue #15 (store calls per instance). */
  readonly storeOperations: Counter;
  /** `peer_circles.huddle.streams.open`: event streams open on this instance. */
  readonly openStreams: UpDownCounter;
  shutdown(): Promise<void>;
}

/** Tests only: where to send spans and metrics as well, and whether to keep every trace. */
export interface TelemetryTestHooks {
  spanProcessors?: SpanProcessor[];
  metricReaders?: MetricReader[];
  /** The distro keeps 5 traces a second by default; a test that checks every span keeps them all. */
  sampleEverything?: boolean;
  /** No disk retry folder for a test's throwaway exporter. */
  noOfflineStorage?: boolean;
  /** Told when the last export on shutdown failed (server.ts logs its class). */
  onShutdownError?: (error: Error) => void;
}

function instruments(enabled: boolean, shutdown: () => Promise<void>): Telemetry {
  const meter = metrics.getMeter("peer-circles");
  return {
    enabled,
    tracer: trace.getTracer("peer-circles"),
    requestDuration: meter.createHistogram("http.server.request.duration", { unit: "s", description: "HTTP requests served" }),
    storeDuration: meter.createHistogram("peer_circles.store.operation.duration", { unit: "s", description: "Store calls" }),
    storeOperations: meter.createCounter("peer_circles.store.operations", { description: "Store calls made by this instance" }),
    openStreams: meter.createUpDownCounter("peer_circles.huddle.streams.open", { description: "Huddle event streams open here" }),
    shutdown,
  };
}

/** What runs when APPLICATIONINSIGHTS_CONNECTION_STRING is unset: the OpenTelemetry API's no-op tracer and meter. */
export const NO_TELEMETRY: Telemetry = instruments(false, async () => undefined);

/**
 * Starts OpenTelemetry with the Azure Monitor distro when a connection string is configured. The
 * distro is imported only then, so an instance without telemetry loads none of it. Its automatic
 * instrumentations are all off: the HTTP one would record full URLs (reference codes, meeting ids,
 * query strings) and the log ones would forward log records; the spans and metrics are the
 * server's own (request-telemetry.ts, telemetry-store.ts, the event stream).
 */
export async function startTelemetry(
  config: Pick<AppConfig, "APPLICATIONINSIGHTS_CONNECTION_STRING">,
  hooks: TelemetryTestHooks = {},
): Promise<Telemetry> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return NO_TELEMETRY;
  const { useAzureMonitor, shutdownAzureMonitor } = await import("@azure/monitor-opentelemetry");
  const off = { enabled: false };
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, ...(hooks.noOfflineStorage ? { disableOfflineStorage: true } : {}) },
    enableLiveMetrics: false,
    instrumentationOptions: {
      http: off,
      azureSdk: off,
      mongoDb: off,
      mySql: off,
      postgreSql: off,
      redis: off,
      redis4: off,
      bunyan: off,
      winston: off,
    },
    ...(hooks.sampleEverything ? { samplingRatio: 1, tracesPerSecond: 0 } : {}),
    ...(hooks.spanProcessors ? { spanProcessors: hooks.spanProcessors } : {}),
    ...(hooks.metricReaders ? { metricReaders: hooks.metricReaders } : {}),
  });
  // The meter and tracer are taken after the providers are registered, or they would stay no-ops.
  return instruments(true, async () => {
    // A last batch Application Insights did not take must not turn a clean stop into a failed one.
    await shutdownAzureMonitor().catch((error: unknown) => hooks.onShutdownError?.(error as Error));
  });
}
