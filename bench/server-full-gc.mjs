/**
 * Preloaded into the soak's server (NODE_OPTIONS=--import). On SIGUSR2 it runs a full garbage
 * collection through the inspector and appends the memory right after it to BENCH_GC_REPORT, one
 * JSON line each time. RSS sampled at a random moment swings by tens of MB with where the collector
 * happens to be, so the soak's leak check compares memory after a full collection at minute 1 and at
 * the end. Plain JavaScript, because it loads before the server's TypeScript loader.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { Session } from "node:inspector";
import process from "node:process";

const reportPath = process.env.BENCH_GC_REPORT;
if (reportPath) {
  const session = new Session();
  session.connect();
  const statusKb = (status, field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  process.on("SIGUSR2", () =>
    session.post("HeapProfiler.collectGarbage", () => {
      const status = readFileSync("/proc/self/status", "utf8");
      const usage = process.memoryUsage();
      const mb = (kb) => kb / 1024;
      const reading = {
        rss: mb(statusKb(status, "VmRSS")),
        anonymous: mb(statusKb(status, "RssAnon")),
        file: mb(statusKb(status, "RssFile")),
        heapUsed: usage.heapUsed / 2 ** 20,
        external: usage.external / 2 ** 20,
      };
      appendFileSync(reportPath, `${JSON.stringify(reading)}\n`);
    }),
  );
}
