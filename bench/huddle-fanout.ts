import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer } from "../tests/support/server-process.js";
import type { BenchmarkFigure } from "./figure.js";

const HUDDLES = 200;
const CLIENTS_PER_HUDDLE = 10;
const P95_TARGET_MS = 250;
const MEMORY_TARGET_KB = 50;

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/** 2,000 open event streams across 200 huddles; each facilitator presses "next" once. */
export async function huddleFanOutBenchmark(): Promise<BenchmarkFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-fanout-"));
  const server = await spawnServer({ AUTH_MODE: "dev", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const token = async (user: string) =>
      ((await (await fetch(`${server.url}/api/dev/token?user=${user}`)).json()) as { token: string }).token;
    const [facilitator, participant] = [await token("fin"), await token("mia")];
    const meetings = Array.from({ length: HUDDLES }, (_, index) => `bench-meeting-${index}`);
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${facilitator}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    for (const meetingId of meetings) {
      await post("/api/huddles", { meetingId, templateId: "debrief" });
      await post(`/api/huddles/${encodeURIComponent(meetingId)}/actions`, { type: "start" });
    }

    const baseline = rssKb(server.child.pid!);
    const arrivals = new Map<string, number[]>();
    const connected: Promise<void>[] = [];
    const streams: ReturnType<typeof request>[] = [];
    for (const meetingId of meetings) {
      arrivals.set(meetingId, []);
      for (let client = 0; client < CLIENTS_PER_HUDDLE; client++) {
        connected.push(
          new Promise((resolve, reject) => {
            const stream = request(
              `${server.url}/api/huddles/${encodeURIComponent(meetingId)}/events`,
              { agent, headers: { Authorization: `Bearer ${participant}` } },
              (response) => {
                let seenFirst = false;
                response.on("data", (chunk: Buffer) => {
                  const text = chunk.toString();
                  if (!seenFirst && text.includes("event: state")) {
                    seenFirst = true;
                    resolve();
                  }
                  if (text.includes('"stepIndex":1')) arrivals.get(meetingId)!.push(performance.now());
                });
              },
            );
            stream.on("error", reject);
            stream.end();
            streams.push(stream);
          }),
        );
      }
    }
    await Promise.all(connected);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const withClients = rssKb(server.child.pid!);

    const posted = new Map<string, number>();
    await Promise.all(
      meetings.map(async (meetingId) => {
        posted.set(meetingId, performance.now());
        await post(`/api/huddles/${encodeURIComponent(meetingId)}/actions`, { type: "next" });
      }),
    );
    const deadline = performance.now() + 15_000;
    while ([...arrivals.values()].some((list) => list.length < CLIENTS_PER_HUDDLE) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const latencies = meetings
      .flatMap((meetingId) => arrivals.get(meetingId)!.map((at) => at - posted.get(meetingId)!))
      .sort((a, b) => a - b);
    const delivered = latencies.length;
    for (const stream of streams) stream.destroy();
    const perConnectionKb = Math.max(0, (withClients - baseline) / (HUDDLES * CLIENTS_PER_HUDDLE));
    const p95 = percentile(latencies, 0.95);
    return [
      {
        name: "huddle fan-out: updates delivered",
        value: delivered,
        unit: "count",
        target: `= ${HUDDLES * CLIENTS_PER_HUDDLE}`,
        met: delivered === HUDDLES * CLIENTS_PER_HUDDLE,
      },
      { name: "huddle fan-out latency p50", value: Math.round(percentile(latencies, 0.5)), unit: "ms", target: "report", met: true },
      { name: "huddle fan-out latency p95", value: Math.round(p95), unit: "ms", target: `≤ ${P95_TARGET_MS}`, met: p95 <= P95_TARGET_MS },
      { name: "huddle fan-out latency p99", value: Math.round(percentile(latencies, 0.99)), unit: "ms", target: "report", met: true },
      {
        name: "server memory per open event stream",
        value: Number(perConnectionKb.toFixed(1)),
        unit: "KB",
        target: `≤ ${MEMORY_TARGET_KB}`,
        met: perConnectionKb <= MEMORY_TARGET_KB,
      },
    ];
  } finally {
    agent.destroy();
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
