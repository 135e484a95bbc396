/**
 * Preloaded into the spawned server (NODE_OPTIONS=--import) only when the soak runs with
 * BENCH_SERVER_DIAGNOSTICS=<directory>, to find where latency tails come from: a CPU profile
 * (--cpu-prof is not allowed in NODE_OPTIONS, so the inspector takes it), the server's own
 * event-loop delay and its garbage-collection pauses, written to that directory when it exits.
 * Plain JavaScript, because it loads before the server's TypeScript loader.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector";
import { join } from "node:path";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import process from "node:process";

const directory = process.env.BENCH_SERVER_DIAGNOSTICS;
if (directory) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  const sampleMs = 10;
  const delay = monitorEventLoopDelay({ resolution: sampleMs });
  delay.enable();
  const pauses = [];
  new PerformanceObserver((list) => pauses.push(...list.getEntries().map((entry) => entry.duration))).observe({ entryTypes: ["gc"] });
  // The inspector answers synchronously on the server's own thread, so this completes inside "exit".
  process.on("exit", () => {
    session.post("Profiler.stop", (_error, result) => writeFileSync(join(directory, "server.cpuprofile"), JSON.stringify(result.profile)));
    const sorted = [...pauses].sort((a, b) => a - b);
    // The histogram counts the sampling interval in; what is left is the delay.
    const ms = (nanoseconds) => Number(Math.max(0, nanoseconds / 1e6 - sampleMs).toFixed(1));
    const summary = {
      eventLoopDelayMs: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      gcPauses: {
        count: sorted.length,
        totalMs: Number(sorted.reduce((total, pause) => total + pause, 0).toFixed(0)),
        p99Ms: Number((sorted[Math.floor(sorted.length * 0.99)] ?? 0).toFixed(1)),
        maxMs: Number((sorted.at(-1) ?? 0).toFixed(1)),
        over50Ms: sorted.filter((pause) => pause > 50).length,
      },
    };
    writeFileSync(join(directory, "server-stalls.json"), `${JSON.stringify(summary, null, 2)}\n`);
  });
}
