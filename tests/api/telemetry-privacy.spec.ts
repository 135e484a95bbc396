import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
} from "@opentelemetry/sdk-metrics";
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_USERS } from "../../bot/src/auth/dev-identity.js";
import { personalMessage, postActivity, requestSubmission } from "../support/bot-activities.js";
import { startConnectorStub } from "../support/connector-stub.js";
import { devToken, startTestServer, type TestServer } from "../support/in-process-server.js";
import { SUBMITTED_TEXTS } from "../support/log-capture.js";
import { SsePanel, until } from "../support/sse-panel.js";

/**
 * Issue #15: telemetry never carries message text, names or user ids. The real pipeline (the
 * Azure Monitor distro, as production starts it) runs over real API and bot traffic carrying the
 * log-privacy list's texts, with in-memory exporters beside the Application Insights exporter:
 * they are handed the same spans and metrics. Its ingestion endpoint is a closed local port, so
 * nothing leaves the machine (the exporter insists on HTTPS, so a local stand-in is not used).
 */

const spans = new InMemorySpanExporter();
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 60_000 });
const MEETING = `19:meeting_${randomUUID()}@thread.v2`;
const tokens: Record<string, string> = {};
const referenceCodes: string[] = [];
let server: TestServer;
let connector: Awaited<ReturnType<typeof startConnectorStub>>;
let streamsWhileOpen: ResourceMetrics[] = [];

async function call(
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tokens[user]}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

const form = (text: string, urgency = "soon") => ({
  category: "workload",
  urgency,
  preference: "any",
  contact: "chat",
  text,
  shareName: true,
});

beforeAll(async () => {
  // Application Insights' own usage reports would go to Microsoft; offline, and beside the point here.
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = "true";
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED = "true";
  // Nothing listens on port 9 (discard) here: every export to Application Insights fails, offline.
  const endpoint = "https://127.0.0.1:9/";
  connector = await startConnectorStub();
  server = await startTestServer(
    {
      AUTH_MODE: "dev",
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${randomUUID()};IngestionEndpoint=${endpoint}`,
    },
    undefined,
    undefined,
    {
      telemetryHooks: {
        spanProcessors: [new SimpleSpanProcessor(spans)],
        metricReaders: [reader],
        sampleEverything: true,
        noOfflineStorage: true,
      },
    },
  );
  for (const user of DEV_USERS) tokens[user.key] = await devToken(server, user.key);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await connector?.close();
});

/** Every string a span or a data point carries: names, attribute keys and values, events, status, resource. */
function spanStrings(span: ReadableSpan): string[] {
  return [
    span.name,
    JSON.stringify(span.attributes),
    JSON.stringify(span.events),
    span.status.message ?? "",
    JSON.stringify(span.resource.attributes),
    JSON.stringify(span.links),
  ];
}
const metricStrings = (batches: ResourceMetrics[]) => [JSON.stringify(batches)];

describe("telemetry over real traffic", () => {
  it("carries route templates, operations and counts, and no text, name, user id, reference code or query string", async () => {
    // The bot: crisis words, a request with words, a message to a supporter.
    const [requestText, , , , , workload, wayOut, , , , , , , crisis] = SUBMITTED_TEXTS;
    await postActivity(server.url, personalMessage({ user: "sam", serviceUrl: connector.url, id: "t1", text: "on duty" }));
    for (const [n, text] of [crisis!, workload!, wayOut!].entries())
      await postActivity(server.url, personalMessage({ user: "mia", serviceUrl: connector.url, id: `t2-${n}`, text }));
    const submitted = await postActivity(
      server.url,
      requestSubmission({ user: "max", serviceUrl: connector.url, id: "t3", text: SUBMITTED_TEXTS[1]! }),
    );
    expect(submitted.status).toBe(200);
    // The tab: a request with words, read back by its reference code, claimed and written to.
    for (const [n, text] of [requestText!, SUBMITTED_TEXTS[12]!].entries()) {
      const created = await call("mia", "POST", "/api/requests", {
        form: form(text),
        submissionId: `telemetry-${String(n).padStart(8, "0")}`,
        locale: "en-GB",
      });
      expect(created.status).toBe(201);
      referenceCodes.push((created.json.request as { referenceCode: string }).referenceCode);
    }
    const code = referenceCodes[0]!;
    expect((await call("mia", "GET", `/api/requests/${code}`)).status).toBe(200);
    expect((await call("sam", "POST", `/api/requests/${code}/actions`, { action: "claim" })).status).toBe(200);
    expect((await call("sam", "POST", `/api/requests/${code}/messages`, { message: SUBMITTED_TEXTS[2]! })).status).toBe(200);
    expect((await call("mia", "GET", `/api/resources/crisis-lines?country=GB&q=${encodeURIComponent(SUBMITTED_TEXTS[9]!)}`)).status).toBe(
      200,
    );
    expect((await call("mia", "GET", `/api/nothing/${encodeURIComponent(SUBMITTED_TEXTS[10]!)}`)).status).toBe(404);
    // A huddle with an open stream.
    expect((await call("fin", "POST", "/api/huddles", { meetingId: MEETING, templateId: "morning-huddle" })).status).toBe(201);
    const panel = new SsePanel(`${server.url}/api/huddles/${encodeURIComponent(MEETING)}/events`, async () => tokens.mia!);
    await panel.open();
    expect((await call("fin", "POST", `/api/huddles/${encodeURIComponent(MEETING)}/actions`, { type: "start" })).status).toBe(200);
    await reader.forceFlush();
    streamsWhileOpen = metricExporter.getMetrics();
    panel.stop();
    await until(
      () => spans.getFinishedSpans().some((span) => span.name === "GET /api/huddles/:meetingId/events"),
      5_000,
      "the stream's span",
    );
    await reader.forceFlush();

    const finished = spans.getFinishedSpans();
    const names = new Set(finished.map((span) => span.name));
    for (const expected of [
      "POST /api/messages",
      "POST /api/requests",
      "GET /api/requests/:code",
      "POST /api/requests/:code/messages",
      "GET /api/resources/crisis-lines",
      "GET /api/*",
      "GET /api/huddles/:meetingId/events",
    ])
      expect(names, expected).toContain(expected);
    // Store calls are children of the request they were made for.
    const detail = finished.find((span) => span.name === "GET /api/requests/:code")!;
    const children = finished.filter((span) => span.parentSpanContext?.spanId === detail.spanContext().spanId);
    expect(children.map((span) => span.name)).toContain("store.get requests");
    expect(detail.attributes).toMatchObject({ "http.route": "/api/requests/:code", "http.response.status_code": 200 });
    // The stream gauge counted the open panel.
    const openStreams = streamsWhileOpen
      .flatMap((batch) => batch.scopeMetrics.flatMap((scope) => scope.metrics))
      .filter((metric) => metric.descriptor.name === "peer_circles.huddle.streams.open")
      .flatMap((metric) => metric.dataPoints.map((point) => point.value as number));
    expect(Math.max(...openStreams)).toBe(1);

    // A stop whose last export fails is still a clean stop.
    await server.stop();

    const forbidden = [
      ...SUBMITTED_TEXTS,
      ...DEV_USERS.flatMap((user) => [user.displayName, user.userId]),
      ...referenceCodes,
      MEETING,
      encodeURIComponent(MEETING),
      "country=GB",
      "?country",
    ];
    const everything = [
      ...finished.flatMap(spanStrings),
      ...metricStrings(streamsWhileOpen),
      ...metricStrings(metricExporter.getMetrics()),
    ];
    const captureDirectory = process.env.PEER_CIRCLES_LOG_CAPTURE_DIR;
    // The suite's log privacy check reads this too, with the rest of the logs.
    if (captureDirectory) writeFileSync(join(captureDirectory, `telemetry-${randomUUID()}.log`), everything.join("\n"));
    const leaks = forbidden.filter((word) => everything.some((text) => text.includes(word)));
    expect(leaks).toEqual([]);
    expect(finished.length).toBeGreaterThan(30);
  }, 90_000);
});
