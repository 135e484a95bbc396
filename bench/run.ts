/**
 * `npm run bench`: the one benchmark runner. Each benchmark returns figures; the runner prints
 * them as one table with the machine's CPU and writes bench/results/latest.json.
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
import { tabFirstRenderBenchmark } from "./tab-first-render.js";

const benchmarks: { name: string; run: () => Promise<BenchmarkFigure[]> }[] = [
  { name: "server cold start", run: coldStartBenchmark },
  { name: "request intake beside an echo bot", run: intakeBenchmark },
  { name: "huddle fan-out over Server-Sent Events", run: huddleFanOutBenchmark },
  { name: "insights dashboard over a year of a 20,000-member tenant", run: insightsBenchmark },
  { name: "side panel size and first render beside a bare Vite + React page", run: tabFirstRenderBenchmark },
  { name: "circle grouping beside a random shuffle", run: circleGroupingBenchmark },
];

const processors = cpus();
console.log(`Machine: ${processors[0]?.model ?? "unknown CPU"} × ${processors.length} cores, Node ${process.version}`);
const started = performance.now();
const figures: BenchmarkFigure[] = [];
for (const benchmark of benchmarks) {
  console.log(`Running ${benchmark.name}…`);
  figures.push(...(await benchmark.run()));
}

console.table(figures.map(({ name, value, unit, target, met }) => ({ figure: name, value, unit, target, met: met ? "yes" : "NO" })));
const resultsDirectory = new URL("./results/", import.meta.url).pathname;
mkdirSync(resultsDirectory, { recursive: true });
writeFileSync(join(resultsDirectory, "latest.json"), `${JSON.stringify(figures, null, 2)}\n`);
console.log(`Wrote ${join("bench", "results", "latest.json")} after ${((performance.now() - started) / 60_000).toFixed(1)} minutes`);
process.exitCode = figures.every((figure) => figure.met) ? 0 : 1;
