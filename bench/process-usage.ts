import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Kernel clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU seconds a process has used so far, user plus system, over all its threads. */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name in parentheses may hold spaces, so fields are counted after its closing ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Seconds the process's main thread has spent runnable but waiting for a CPU (/proc/<pid>/schedstat,
 * second field, in ns): how much other work on the same cores held the server's event loop back.
 */
export function mainThreadCpuWaitSeconds(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e9;
}

/** Busy CPU seconds of the whole machine (all cores, all processes), from /proc/stat. */
export function machineBusyCpuSeconds(): number {
  const [, ...ticks] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
}

/**
 * Resident memory now, its anonymous part and its high-water mark, in MB, from /proc/<pid>/status.
 * The anonymous part (heaps, buffers) is what a leak grows; the rest is mostly the store's
 * memory-mapped file, which grows with the data and which the kernel can drop.
 */
export function processMemoryMb(pid: number): { rss: number; anonymous: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, anonymous: kb("RssAnon") / 1024, peak: kb("VmHWM") / 1024 };
}

export interface CpuReading {
  at: number;
  server: number;
  generator: number;
  machine: number;
  serverWait: number;
}

/** Reads all three CPU counters at once, so shares over a window can be taken from two readings. */
export function readCpu(serverPid: number): CpuReading {
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    server: processCpuSeconds(serverPid),
    generator: (own.user + own.system) / 1e6,
    machine: machineBusyCpuSeconds(),
    serverWait: mainThreadCpuWaitSeconds(serverPid),
  };
}

/**
 * CPU between two readings as % of one core: the server, this load generator, and everything else;
 * and how long the server's main thread waited for a CPU, in ms per second.
 */
export interface CpuShares {
  server: number;
  generator: number;
  others: number;
  serverWaitMsPerSecond: number;
}

export function cpuShares(from: CpuReading, to: CpuReading): CpuShares {
  const seconds = (to.at - from.at) / 1000;
  const share = (used: number) => (100 * used) / seconds;
  const server = share(to.server - from.server);
  const generator = share(to.generator - from.generator);
  return {
    server,
    generator,
    others: Math.max(0, share(to.machine - from.machine) - server - generator),
    serverWaitMsPerSecond: (1000 * (to.serverWait - from.serverWait)) / seconds,
  };
}

export interface MemorySample {
  at: number;
  rss: number;
  anonymous: number;
}

/** Polls a process's resident memory once a second, stamped with performance.now(). */
export function pollMemory(pid: number, intervalMs = 1000): { samples: MemorySample[]; stop(): number } {
  const samples: MemorySample[] = [];
  const poll = () => {
    const { rss, anonymous } = processMemoryMb(pid);
    samples.push({ at: performance.now(), rss, anonymous });
  };
  poll();
  const timer = setInterval(poll, intervalMs);
  timer.unref(); // If the run fails part-way, polling must not keep the process alive.
  return {
    samples,
    /** Stops polling and returns the process's high-water mark. */
    stop: () => {
      clearInterval(timer);
      return processMemoryMb(pid).peak;
    },
  };
}
