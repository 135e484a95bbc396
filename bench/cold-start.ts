import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnServer } from "../tests/support/server-process.js";
import { median, type BenchmarkFigure } from "./figure.js";

const RUNS = 5;
const TARGET_MS = 3000;

/** From spawning the server process to `/readyz` answering 200, on a fresh embedded store. */
export async function coldStartBenchmark(): Promise<BenchmarkFigure[]> {
  const timings: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), "peer-circles-bench-"));
    const started = performance.now();
    const server = await spawnServer({ AUTH_MODE: "dev", DATA_DIR: dataDir, LOG_LEVEL: "warn" });
    const elapsed = performance.now() - started;
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (run > 0) timings.push(elapsed); // The first run warms the file cache and is not counted.
  }
  const value = Math.round(median(timings));
  return [
    { name: `server cold start to /readyz (median of ${RUNS})`, value, unit: "ms", target: `≤ ${TARGET_MS}`, met: value <= TARGET_MS },
  ];
}
