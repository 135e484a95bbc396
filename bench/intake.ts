import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../bot/src/config.js";
import { createLogger } from "../bot/src/logger.js";
import { startServer } from "../bot/src/server.js";
import { startConnectorStub } from "../tests/support/connector-stub.js";
import { startEchoBot } from "./echo-bot.js";
import { type BenchmarkFigure } from "./figure.js";

const CONCURRENCY = 8;
const WARM_UP = 200;
const MEASURED = 2000;
const P99_TARGET_MS = 50;

interface LoadResult {
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** A closed loop: CONCURRENCY clients each send their next activity as soon as the last one is answered. */
async function drive(url: string, makeActivity: (index: number) => object, count: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        const sent = performance.now();
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(makeActivity(index)),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (response.status >= 300) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { throughput: count / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), errors };
}

function activity(serviceUrl: string, index: number, extra: object): object {
  return {
    type: "message",
    id: `activity-${index}`,
    channelId: "msteams",
    serviceUrl,
    locale: "en-GB",
    conversation: { id: `conversation-${index % 50}`, conversationType: "personal", tenantId: "bench-tenant" },
    from: { id: `29:user-${index % 50}`, aadObjectId: `00000000-0000-4000-8000-${String(index % 50).padStart(12, "0")}` },
    recipient: { id: "28:bot" },
    ...extra,
  };
}

const submission = (index: number) => ({
  type: "invoke",
  name: "adaptiveCard/action",
  value: {
    action: {
      type: "Action.Execute",
      verb: "submitRequest",
      data: {
        category: "workload",
        urgency: "soon",
        preference: "any",
        contact: "chat",
        text: `bench request ${index}`,
        shareName: "false",
      },
    },
  },
});

/** Request intake through `POST /api/messages` on the embedded store, beside a bare echo bot. */
export async function intakeBenchmark(): Promise<BenchmarkFigure[]> {
  const connector = await startConnectorStub();
  const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-intake-"));
  const config = loadConfig({ AUTH_MODE: "dev", PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATA_DIR: dataDir });
  const server = await startServer(config, createLogger("silent"));
  const echo = await startEchoBot();
  try {
    const intakeUrl = `${server.url.replace("localhost", "127.0.0.1")}/api/messages`;
    const intakeActivity = (index: number) => activity(connector.url, index, { ...submission(index), id: randomUUID() });
    const echoActivity = (index: number) => activity(connector.url, index, { text: `hello ${index}` });
    await drive(intakeUrl, intakeActivity, WARM_UP);
    await drive(echo.url, echoActivity, WARM_UP);
    const intake = await drive(intakeUrl, intakeActivity, MEASURED);
    const baseline = await drive(echo.url, echoActivity, MEASURED);
    const share = intake.throughput / baseline.throughput;
    // Every answered submission must really be in the store, or the figures mean nothing.
    const stored = (await server.store.query("requests", "bench-tenant", { where: { kind: "helpRequest" } })).length;
    return [
      {
        name: "intake throughput (request form submissions)",
        value: Math.round(intake.throughput),
        unit: "req/s",
        target: "report",
        met: intake.errors === 0,
      },
      {
        name: "echo bot throughput (baseline, same run)",
        value: Math.round(baseline.throughput),
        unit: "req/s",
        target: "report",
        met: baseline.errors === 0,
      },
      { name: "intake throughput / echo bot", value: Math.round(share * 100), unit: "%", target: "≥ 50", met: share >= 0.5 },
      { name: "intake latency p50", value: Number(intake.p50.toFixed(1)), unit: "ms", target: "report", met: true },
      {
        name: "intake latency p99",
        value: Number(intake.p99.toFixed(1)),
        unit: "ms",
        target: `≤ ${P99_TARGET_MS}`,
        met: intake.p99 <= P99_TARGET_MS,
      },
      { name: "echo bot latency p99", value: Number(baseline.p99.toFixed(1)), unit: "ms", target: "report", met: true },
      { name: "intake errors", value: intake.errors, unit: "count", target: "0", met: intake.errors === 0 },
      {
        name: "requests stored by the intake run",
        value: stored,
        unit: "count",
        target: `= ${WARM_UP + MEASURED}`,
        met: stored === WARM_UP + MEASURED,
      },
    ];
  } finally {
    await echo.close();
    await server.close();
    await connector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
