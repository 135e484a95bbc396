/**
 * `npm run bench`: the one benchmark runner. Each benchmark returns figures; the runner prints the
 * machine, one table of every figure (figure, value, target, met) and the total wall time, and
 * writes the same to bench/results/latest.json (git-ignored).
 *
 * BENCH_ONLY=soak,intake runs only the benchmarks whose names contain one of those words, for a
 * quick try; BENCH_SOAK_MINUTES shortens the soak (see nine-am-soak.ts). A full run sets neither.
 * Issue #15's 9 a.m. scenario on three instances runs only when asked for (BENCH_ONLY=scale-out):
 * at full size its set-up alone takes over ten minutes on this machine, past the whole bench's limit.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { circleGroupingBenchmark } from "./circle-grouping.js";
import { coldStartBenchmark } from "./cold-start.js";
import type { BenchmarkFigure } from "./figure.js";
import { huddleFanOutBenchmark } from "./huddle-fanout.js";
import { insightsBenchmark } from "./insights.js";
import { intakeBenchmark } from "./intake.js";
import { nineAmScaleOutBenchmark } from "./nine-am-scale-out.js";
import { nineAmSoakBenchmark } from "./nine-am-soak.js";
import { riskScreenBenchmark } from "./risk-screen.js";
import { formatTable } from "./table.js";
import { tabFirstRenderBenchmark } from "./tab-first-render.js";

const benchmarks: { name: string; run: () => Promise<BenchmarkFigure[]>; onlyWhenAsked?: boolean }[] = [
  { name: "risk screen on both corpus parts and on 2,000-character messages", run: riskScreenBenchmark },
  { name: "server cold start", run: coldStartBenchmark },
  { name: "request intake beside an echo bot", run: intakeBenchmark },
  { name: "huddle fan-out over Server-Sent Events", run: huddleFanOutBenchmark },
  { name: "insights dashboard over a year of a 20,000-member tenant", run: insightsBenchmark },
  { name: "side panel size and first render beside a bare Vite + React page", run: tabFirstRenderBenchmark },
  { name: "circle grouping beside a random shuffle", run: circleGroupingBenchmark },
  { name: "9 a.m. mix on one server, continued as a soak", run: nineAmSoakBenchmark },
  {
    name: "9 a.m. huddles on three instances and on one, over the Cosmos test server (scale-out)",
    run: nineAmScaleOutBenchmark,
    onlyWhenAsked: true,
  },
];

const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((word) => word.trim().toLowerCase())
  .filter(Boolean);
const selected = only.length
  ? benchmarks.filter(({ name }) => only.some((word) => name.toLowerCase().includes(word)))
  : benchmarks.filter(({ onlyWhenAsked }) => !onlyWhenAsked);
for (const { name } of benchmarks.filter((benchmark) => !selected.includes(benchmark)))
  if (!only.length) console.log(`Not run unless asked for (BENCH_ONLY): ${name}`);

const processors = cpus();
const machine = { cpu: processors[0]?.model ?? "unknown CPU", cores: processors.length, node: process.version };
console.log(`Machine: ${machine.cpu} × ${machine.cores} cores, Node ${machine.node}`);
const startedAt = new Date();
const started = performance.now();
const figures: BenchmarkFigure[] = [];
for (const benchmark of selected) {
  const benchmarkStarted = performance.now();
  console.log(`Running ${benchmark.name}…`);
  figures.push(...(await benchmark.run()));
  console.log(`  done in ${((performance.now() - benchmarkStarted) / 1000).toFixed(0)} s`);
}
const wallSeconds = (performance.now() - started) / 1000;

console.log(`\nMachine: ${machine.cpu} × ${machine.cores} cores, Node ${machine.node}`);
console.log(formatTable(figures));
const resultsDirectory = new URL("./results/", import.meta.url).pathname;
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(
  join(resultsDirectory, "latest.json"),
  `${JSON.stringify({ machine, startedAt: startedAt.toISOString(), wallSeconds: Math.round(wallSeconds), figures }, null, 2)}\n`,
);
const wholeSeconds = Math.round(wallSeconds);
const missed = figures.filter((figure) => figure.met === false).length;
console.log(
  `Total wall time: ${Math.floor(wholeSeconds / 60)} min ${wholeSeconds % 60} s; ` +
    `${missed ? `bench FAILED: ${missed} target(s) missed` : "bench PASSED: every target met"}; wrote ${join("bench", "results", "latest.json")}`,
);
process.exitCode = missed ? 1 : 0;
