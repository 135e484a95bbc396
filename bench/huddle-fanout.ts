import { readFileSync } from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer, type ServerProcess } from "../tests/support/server-process.js";
import { baselineServer, builtServer } from "./built-server.js";
import { LOAD_GENERATOR_LIMITS } from "./load-limits.js";
import { median, type BenchmarkFigure } from "./figure.js";
import { contextFigure, ratioFigure } from "./ratio.js";

const HUDDLES = 200;
const CLIENTS_PER_HUDDLE = 10;
const MEASURED_ROUNDS = 3;
/** Issue #16: p95 within twice a bare SSE broadcast server at the same 2,000 streams, same run. */
const P95_RATIO_TARGET = 2;
const MEMORY_TARGET_KB = 50;

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

interface FanOut {
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  perStreamKb: number;
}

/**
 * 2,000 open event streams across 200 huddles; each facilitator presses "next" once per round. The
 * same load generator drives the app and the baseline: the same paths, the same state events.
 */
async function fanOut(server: ServerProcess, tokens: { facilitator: string; participant: string }, prepare: boolean): Promise<FanOut> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
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
            Authorization: `Bearer ${tokens.facilitator}`,
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
  const streams: ReturnType<typeof request>[] = [];
  try {
    if (prepare)
      for (const meetingId of meetings) {
        await post("/api/huddles", { meetingId, templateId: "debrief" });
        await post(`/api/huddles/${encodeURIComponent(meetingId)}/actions`, { type: "start" });
      }
    const baseline = rssKb(server.child.pid!);
    // Arrival times per huddle, per step reached: each round of "next" is told apart by its step.
    const arrivals = new Map<string, Map<number, number[]>>();
    const connected: Promise<void>[] = [];
    for (const meetingId of meetings) {
      arrivals.set(meetingId, new Map());
      for (let client = 0; client < CLIENTS_PER_HUDDLE; client++) {
        connected.push(
          new Promise((resolve, reject) => {
            const stream = request(
              `${server.url}/api/huddles/${encodeURIComponent(meetingId)}/events`,
              { agent, headers: { Authorization: `Bearer ${tokens.participant}` } },
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
    const rounds: Omit<FanOut, "perStreamKb">[] = [];
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
    return {
      delivered: Math.min(...rounds.map((round) => round.delivered)),
      p50: median(rounds.map((round) => round.p50)),
      p95: median(rounds.map((round) => round.p95)),
      p99: median(rounds.map((round) => round.p99)),
      perStreamKb: Math.max(0, (withClients - baseline) / (HUDDLES * CLIENTS_PER_HUDDLE)),
    };
  } finally {
    for (const stream of streams) stream.destroy();
    agent.destroy();
  }
}

async function withServer<T>(entry: string, environment: NodeJS.ProcessEnv, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-fanout-"));
  const server = await spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: "warn", ...environment }, { built: entry });
  try {
    return await use(server);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The built server's huddle fan-out beside a bare SSE broadcast server, one after the other in the same run. */
export async function huddleFanOutBenchmark(): Promise<BenchmarkFigure[]> {
  const app = await withServer(await builtServer(), { AUTH_MODE: "dev", ...LOAD_GENERATOR_LIMITS }, async (server) => {
    const token = async (user: string) =>
      ((await (await fetch(`${server.url}/api/dev/token?user=${user}`)).json()) as { token: string }).token;
    return fanOut(server, { facilitator: await token("fin"), participant: await token("mia") }, true);
  });
  const bare = await withServer(baselineServer("bare-sse-broadcast.mjs"), {}, (server) =>
    fanOut(server, { facilitator: "none", participant: "none" }, false),
  );
  const streams = HUDDLES * CLIENTS_PER_HUDDLE;
  return [
    {
      name: "huddle fan-out: updates delivered (fewest in a round)",
      value: app.delivered,
      unit: "count",
      target: `= ${streams}`,
      met: app.delivered === streams,
    },
    {
      name: "bare SSE broadcast: updates delivered (fewest in a round)",
      value: bare.delivered,
      unit: "count",
      target: `= ${streams}`,
      met: bare.delivered === streams,
    },
    contextFigure(`huddle fan-out latency p50 (median of ${MEASURED_ROUNDS} rounds)`, Math.round(app.p50), "ms"),
    contextFigure("huddle fan-out latency p95", Math.round(app.p95), "ms"),
    contextFigure("huddle fan-out latency p99", Math.round(app.p99), "ms"),
    contextFigure("bare SSE broadcast latency p95 (baseline, same run)", Math.round(bare.p95), "ms"),
    ratioFigure(
      `huddle fan-out p95 ÷ bare SSE broadcast p95 (${streams.toLocaleString("en-GB")} streams)`,
      app.p95,
      bare.p95,
      P95_RATIO_TARGET,
    ),
    {
      name: "server memory per open event stream",
      value: Number(app.perStreamKb.toFixed(1)),
      unit: "KB",
      target: `≤ ${MEMORY_TARGET_KB}`,
      met: app.perStreamKb <= MEMORY_TARGET_KB,
    },
  ];
}
