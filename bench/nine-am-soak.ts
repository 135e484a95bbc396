import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { DEV_USERS } from "../bot/src/auth/dev-identity.js";
import { startConnectorStub } from "../tests/support/connector-stub.js";
import { spawnServer } from "../tests/support/server-process.js";
import { builtServer } from "./built-server.js";
import { calibrationMs } from "./calibration.js";
import type { BenchmarkFigure } from "./figure.js";
import { keepAliveClient } from "./keep-alive-http.js";
import { LOAD_GENERATOR_LIMITS } from "./load-limits.js";
import { fullCollectionEnvironment, readMemoryAfterCollection } from "./memory-after-collection.js";
import { describeErrors, nineAmFigures, writeTimeline } from "./nine-am-figures.js";
import { HuddleFleet } from "./nine-am-huddles.js";
import { CallLog, fixedRate, InFlight } from "./open-loop.js";
import { cpuShares, pollMemory, readCpu } from "./process-usage.js";
import { helpRequestSubmission } from "./teams-activity.js";

/**
 * The "9 a.m." mix on ONE spawned server: 300 huddles with 6 panels each (1,800 open event streams),
 * every facilitator moving their huddle on every 10 s, 20 help requests a second through the bot
 * endpoint and 50 tab API reads a second, all fired open-loop. The same mix then runs on as the soak.
 *
 * To keep `npm run bench` under ten minutes, the 9 a.m. figures are the soak's first measured minute
 * rather than a separate run (the figure names say "soak minute 1"). A 15 s warm-up of the same mix
 * comes first and is left out of every timing, though not out of the error count.
 */
const HUDDLES = 300;
const PANELS_PER_HUDDLE = 6;
const ACTION_EVERY_SECONDS = 10;
const INTAKES_PER_SECOND = 20;
const READS_PER_SECOND = 50;
const WARM_UP_MS = 15_000;
const NINE_AM_MS = 60_000;
/** The generator's event loop is sampled every 10 ms; the histogram counts that interval in, so it is taken off. */
const LOOP_SAMPLE_MS = 10;

/** BENCH_SOAK_MINUTES shortens the soak for a quick try (at least 1, which is the 9 a.m. minute); the default is 5. */
function soakMinutes(): number {
  const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 5);
  if (!Number.isFinite(minutes) || minutes < 1) throw new Error("BENCH_SOAK_MINUTES must be a number of minutes, at least 1");
  return minutes;
}

/** The tab's own reads as two members, a supporter and an admin open it. */
const TAB_READS = ["/api/me", "/api/requests/mine", "/api/resources", "/api/circles/mine"];
const READERS = ["mia", "max", "sam", "ada"];

export async function nineAmSoakBenchmark(): Promise<BenchmarkFigure[]> {
  const minutes = soakMinutes();
  const connector = await startConnectorStub();
  const workDir = mkdtempSync(join(tmpdir(), "peer-circles-nine-am-"));
  const dataDir = join(workDir, "store");
  const memoryReport = join(workDir, "memory-after-collection.jsonl");
  const collection = fullCollectionEnvironment(memoryReport);
  // BENCH_SERVER_DIAGNOSTICS=<directory>: a CPU profile and stall figures of the server (see server-diagnostics.mjs).
  const diagnostics = process.env.BENCH_SERVER_DIAGNOSTICS;
  // The machine's speed just before the load, the baseline of the latency targets.
  const calibration = calibrationMs();
  const server = await spawnServer(
    {
      AUTH_MODE: "dev",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...LOAD_GENERATOR_LIMITS,
      ...collection,
      ...(diagnostics
        ? {
            BENCH_SERVER_DIAGNOSTICS: diagnostics,
            NODE_OPTIONS: `${collection.NODE_OPTIONS} --import ${new URL("./server-diagnostics.mjs", import.meta.url).href}`,
          }
        : {}),
    },
    { built: await builtServer() },
  );
  const pid = server.child.pid!;
  const client = keepAliveClient(server.url);
  const inFlight = new InFlight();
  let fleet: HuddleFleet | undefined;
  try {
    const tokens = new Map<string, string>();
    for (const { key } of DEV_USERS) {
      const answer = await client.call("GET", `/api/dev/token?user=${key}`, { keepBody: true });
      tokens.set(key, (JSON.parse(answer.body) as { token: string }).token);
    }
    const setupStarted = performance.now();
    const huddles = new HuddleFleet(server.url, client, tokens.get("fin")!, new CallLog(), inFlight);
    fleet = huddles;
    await huddles.create(HUDDLES, "debrief");
    // Six panels a huddle, one for each sample person, the facilitator included.
    await huddles.openPanels([...tokens.values()], PANELS_PER_HUDDLE);
    console.log(
      `  ${HUDDLES} huddles created and ${huddles.openStreams} panels open in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    const intake = new CallLog();
    const reads = new CallLog();
    const bot = `/api/messages`;
    const memory = pollMemory(pid);
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    const schedules = [
      fixedRate(HUDDLES / ACTION_EVERY_SECONDS, (index) => huddles.act(index)),
      fixedRate(INTAKES_PER_SECOND, (index) => {
        const sentAt = performance.now();
        void inFlight
          .track(client.call("POST", bot, { body: helpRequestSubmission(connector.url, index) }))
          .then((answer) => intake.record(sentAt, answer.ms, answer.status, answer.error));
      }),
      fixedRate(READS_PER_SECOND, (index) => {
        const sentAt = performance.now();
        const reader = READERS[index % READERS.length]!;
        const path = TAB_READS[Math.floor(index / READERS.length) % TAB_READS.length]!;
        void inFlight
          .track(client.call("GET", path, { token: tokens.get(reader)! }))
          .then((answer) => reads.record(sentAt, answer.ms, answer.status, answer.error));
      }),
    ];

    await sleep(WARM_UP_MS);
    const start = performance.now();
    const warmUpStart = start - WARM_UP_MS;
    const cpuAtStart = readCpu(pid);
    loopDelay.enable();
    const progress = setInterval(() => {
      const now = performance.now();
      const last = (log: CallLog) => log.window(now - 60_000, now);
      const [f, i, r] = [last(huddles.fanOut), last(intake), last(reads)];
      console.log(
        `  ${((now - start) / 60_000).toFixed(0)} min: p95 fan-out ${f.p95.toFixed(0)} ms, intake ${i.p95.toFixed(0)} ms, ` +
          `reads ${r.p95.toFixed(0)} ms; errors ${f.errors + i.errors + r.errors}; server RSS ${memory.samples.at(-1)!.rss.toFixed(0)} MB`,
      );
    }, 60_000);
    progress.unref();
    await sleep(NINE_AM_MS);
    const cpuAfterNineAm = readCpu(pid);
    loopDelay.disable();
    // Under the same load at both ends, so the two readings differ only by what the soak left behind.
    const memoryAtMinuteOne = await readMemoryAfterCollection(pid, memoryReport);
    await sleep(Math.max(0, start + minutes * 60_000 - performance.now()));
    const end = performance.now();
    const cpuAtEnd = readCpu(pid);
    const memoryAtEnd = await readMemoryAfterCollection(pid, memoryReport);
    clearInterval(progress);
    for (const schedule of schedules) schedule.stop();
    const unanswered = await inFlight.settle(35_000);
    await huddles.drain(10_000);
    const peakRss = memory.stop();
    huddles.close();

    const run = {
      calibration,
      soakMinutes: minutes,
      warmUpStart,
      start,
      end,
      fanOut: huddles.fanOut,
      intake,
      reads,
      eventsDueInNineAm: huddles.actionsSent(start, start + NINE_AM_MS) * PANELS_PER_HUDDLE,
      unanswered,
      memory: memory.samples,
      afterCollection: { minuteOne: memoryAtMinuteOne, end: memoryAtEnd },
      storeOnDiskMb: directoryMb(dataDir),
      peakRss,
      nineAmCpu: cpuShares(cpuAtStart, cpuAfterNineAm),
      soakCpu: cpuShares(cpuAtStart, cpuAtEnd),
      generatorLoopDelayP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
    };
    console.log(`  errors over the run: ${describeErrors(run)}`);
    console.log(`  second-by-second memory and slowest calls: ${writeTimeline(run)}`);
    return nineAmFigures(run);
  } finally {
    fleet?.close();
    client.close();
    server.child.kill("SIGTERM");
    await server.exited;
    await connector.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Disk actually used by the files in a directory (allocated blocks, so a sparse file counts as written). */
function directoryMb(directory: string): number {
  const bytes = readdirSync(directory).reduce((total, name) => total + statSync(join(directory, name)).blocks * 512, 0);
  return bytes / 2 ** 20;
}
