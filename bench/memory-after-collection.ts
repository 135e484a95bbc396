import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** A spawned server's memory in MB, read by the server itself right after a full collection. */
export interface MemoryAfterCollection {
  rss: number;
  /** Anonymous resident memory: the JS heap, buffers and native allocations, which a leak grows. */
  anonymous: number;
  /** File-backed resident memory: mostly the embedded store's memory-mapped file. */
  file: number;
  heapUsed: number;
  external: number;
}

const ANSWER_TIMEOUT_MS = 15_000;

/** The server's environment for `readMemoryAfterCollection`: preloads server-full-gc.mjs. */
export function fullCollectionEnvironment(reportPath: string): NodeJS.ProcessEnv {
  return { BENCH_GC_REPORT: reportPath, NODE_OPTIONS: `--import ${new URL("./server-full-gc.mjs", import.meta.url).href}` };
}

function readings(reportPath: string): MemoryAfterCollection[] {
  if (!existsSync(reportPath)) return [];
  return readFileSync(reportPath, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MemoryAfterCollection);
}

/** Asks the server (SIGUSR2) for a full collection and waits for the memory it reports after it. */
export async function readMemoryAfterCollection(pid: number, reportPath: string): Promise<MemoryAfterCollection> {
  const before = readings(reportPath).length;
  process.kill(pid, "SIGUSR2");
  const askedAt = performance.now();
  while (performance.now() - askedAt < ANSWER_TIMEOUT_MS) {
    const all = readings(reportPath);
    if (all.length > before) return all.at(-1)!;
    await sleep(50);
  }
  throw new Error(`the server did not report its memory within ${ANSWER_TIMEOUT_MS} ms of SIGUSR2`);
}
