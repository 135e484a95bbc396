import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer } from "../tests/support/server-process.js";
import { LOAD_GENERATOR_LIMITS } from "./load-limits.js";
import { median, type BenchmarkFigure } from "./figure.js";

const HUDDLES = 200;
const CLIENTS_PER_HUDDLE = 10;
const MEASURED_ROUNDS = 3;
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
  const server = await spawnServer({ AUTH_MODE: "dev", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...LOAD_GENERATOR_LIMITS });
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  try {
    const token = async (user: string) =>
      ((await (await fetch(`${server.url}/api/dev/token?user=${user}`)).json()) as { token: string }).token;
    const [facilitator, participant] = [await token("fin"), await token("mia")];
    const meetings = Array.from({ length: HUDDLES }, (_, index) => `bench-meeting-${index}`);
    // node:http on a keep-alive agent: the load generator shares two cores with the server, and
    // fetch's own overhead per call would be measured as if it were the server's.
    const post = (path: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const payload = JSON.stringify(body);
        const call = request(
          `${server.url}${path}`,
          {
            method: "POST",
            agent,
            headers: {
              Authorization: `Bearer ${facilitator}`,
              "Content-Type": "application/json",
              "Content-Length": Buffer.byteLength(payload),
            },
          },
          (response) => {
            response.resume();
            response.on("end", () => resolve(response.statusCode ?? 0));
          },
        );
        call.on("error", reject);
        call.end(payload);
      });
    for (const meetingId of meetings) {
      await post("/api/huddles", { meetingId, templateId: "debrief" });
      await post(`/api/huddles/${encodeURIComponent(meetingId)}/actions`, { type: "start" });
    }

    const baseline = rssKb(server.child.pid!);
    // Arrival times per huddle, per step reached: each round of "next" is told apart by its step.
    const arrivals = new Map<string, Map<number, number[]>>();
    const connected: Promise<void>[] = [];
    const streams: ReturnType<typeof request>[] = [];
    for (const meetingId of meetings) {
      arrivals.set(meetingId, new Map());
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
                  const step = /"stepIndex":(\d+)/.exec(text)?.[1];
                  if (seenFirst && step && step !== "0") {
                    const byStep = arrivals.get(meetingId)!;
                    byStep.set(Number(step), [...(byStep.get(Number(step)) ?? []), performance.now()]);
                  }
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

    // One warm-up round, then measured rounds; each figure is the median over the measured rounds.
    const rounds: { delivered: number; p50: number; p95: number; p99: number }[] = [];
    for (let round = 1; round <= MEASURED_ROUNDS + 1; round++) {
      const posted = new Map<string, number>();
      await Promise.all(
        meetings.map(async (meetingId) => {
          posted.set(meetingId, performance.now());
          await post(`/api/huddles/${encodeURIComponent(meetingId)}/actions`, { type: "next" });
        }),
      );
      const arrived = (meetingId: string) => arrivals.get(meetingId)!.get(round) ?? [];
      const deadline = performance.now() + 15_000;
      while (meetings.some((meetingId) => arrived(meetingId).length < CLIENTS_PER_HUDDLE) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const latencies = meetings.flatMap((meetingId) => arrived(meetingId).map((at) => at - posted.get(meetingId)!)).sort((a, b) => a - b);
      if (round > 1)
        rounds.push({
          delivered: latencies.length,
          p50: percentile(latencies, 0.5),
          p95: percentile(latencies, 0.95),
          p99: percentile(latencies, 0.99),
        });
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const delivered = Math.min(...rounds.map((round) => round.delivered));
    const p95 = median(rounds.map((round) => round.p95));
    const latencies = { p50: median(rounds.map((round) => round.p50)), p99: median(rounds.map((round) => round.p99)) };
    for (const stream of streams) stream.destroy();
    const perConnectionKb = Math.max(0, (withClients - baseline) / (HUDDLES * CLIENTS_PER_HUDDLE));
    return [
      {
        name: "huddle fan-out: updates delivered (fewest in a round)",
        value: delivered,
        unit: "count",
        target: `= ${HUDDLES * CLIENTS_PER_HUDDLE}`,
        met: delivered === HUDDLES * CLIENTS_PER_HUDDLE,
      },
      {
        name: `huddle fan-out latency p50 (median of ${MEASURED_ROUNDS} rounds)`,
        value: Math.round(latencies.p50),
        unit: "ms",
        target: "report",
        met: null,
      },
      { name: "huddle fan-out latency p95", value: Math.round(p95), unit: "ms", target: `≤ ${P95_TARGET_MS}`, met: p95 <= P95_TARGET_MS },
      { name: "huddle fan-out latency p99", value: Math.round(latencies.p99), unit: "ms", target: "report", met: null },
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
