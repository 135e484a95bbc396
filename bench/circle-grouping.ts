import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  countRepeatedPairs,
  planRounds,
  planRoundsWithReport,
  randomShuffleRounds,
  roundsWithoutRepeat,
  type CircleMember,
} from "../shared/circles/plan-rounds.js";
import { calibrationMs } from "./calibration.js";
import { median, type BenchmarkFigure } from "./figure.js";
import { calibrationFigure, calibratedFigures } from "./ratio.js";

const SEED = 2026;
/**
 * Targets over the calibration loop's round measured just before (issue #16): the old 60 s for a
 * plan and 100 ms for one 10,000-member round, over the loop's 7.4 ms on this machine, rounded down.
 */
const PLAN_CALIBRATIONS = 8_000;
const LARGE_MEMBERS = 10_000;
const LARGE_HISTORY_ROUNDS = 12;
const LARGE_RUNS = 7;
const LARGE_ROUND_CALIBRATIONS = 13;

function members(count: number, teams: number): CircleMember[] {
  return Array.from({ length: count }, (_, index) => ({ id: `member-${index}`, team: `team-${index % teams}` }));
}

/** A forced collection, so heap figures are not blurred by garbage from the run before. */
function collector(): () => void {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  return gc;
}

interface Comparison {
  label: string;
  count: number;
  size: number;
  rounds: number;
  target: number;
}

/** Social-golfer instances: the engine against the shuffle-then-chunk approach, same members. */
function compare({ label, count, size, rounds, target }: Comparison, calibration: number): BenchmarkFigure[] {
  const roster = members(count, 8);
  const started = performance.now();
  const engine = planRounds({ members: roster, groupSize: { min: size, max: size }, rounds, seed: SEED });
  const seconds = (performance.now() - started) / 1000;
  const shuffle = randomShuffleRounds(
    roster.map((member) => member.id),
    size,
    rounds,
    SEED,
  );
  const fresh = roundsWithoutRepeat(engine);
  const figures: BenchmarkFigure[] = [
    {
      name: `circles ${label}: rounds without a repeated pair (engine, ${rounds} asked)`,
      value: fresh,
      unit: "rounds",
      target: `≥ ${target}`,
      met: fresh >= target,
    },
    {
      name: `circles ${label}: rounds without a repeated pair (random shuffle)`,
      value: roundsWithoutRepeat(shuffle),
      unit: "rounds",
      target: "baseline",
      met: null,
    },
    ...calibratedFigures(`circles ${label}: engine computation`, seconds * 1000, calibration, PLAN_CALIBRATIONS),
  ];
  // With any history the design shortcut is off; one earlier pair is enough to see the search alone.
  const history = [[[roster[0]!.id, roster[1]!.id]]];
  const searchStarted = performance.now();
  const searchOnly = planRounds({ members: roster, groupSize: { min: size, max: size }, rounds, history, seed: SEED });
  const searchMs = performance.now() - searchStarted;
  figures.push(
    {
      name: `circles ${label}: rounds without a repeated pair (search alone, one earlier pair in history)`,
      value: roundsWithoutRepeat(searchOnly, history),
      unit: "rounds",
      target: "report",
      met: null,
    },
    ...calibratedFigures(`circles ${label}: search-alone computation`, searchMs, calibration, PLAN_CALIBRATIONS),
  );
  if (rounds === 12) {
    const [ours, theirs] = [countRepeatedPairs(engine), countRepeatedPairs(shuffle)];
    figures.push(
      {
        name: `circles ${label}: repeated pairs after 12 rounds (engine)`,
        value: ours,
        unit: "pairs",
        target: `< ${theirs} (shuffle)`,
        met: ours < theirs,
      },
      {
        name: `circles ${label}: repeated pairs after 12 rounds (random shuffle)`,
        value: theirs,
        unit: "pairs",
        target: "baseline",
        met: null,
      },
    );
  }
  return figures;
}

/**
 * 10,000 members, one new round against 12 earlier rounds that the engine itself planned. Time is
 * measured warm, as in a running service; memory on separate runs that start from a collected heap.
 */
function largeRound(calibration: number): BenchmarkFigure[] {
  const gc = collector();
  const roster = members(LARGE_MEMBERS, 250);
  const groupSize = { min: 4, max: 6 };
  const history = planRounds({ members: roster, groupSize, rounds: LARGE_HISTORY_ROUNDS, seed: SEED });
  const plan = (seed: number) => planRoundsWithReport({ members: roster, groupSize, rounds: 1, history, seed });
  for (let run = 0; run < 3; run++) plan(SEED - 1 - run);
  const times: number[] = [];
  let repeats = 0;
  for (let run = 0; run < LARGE_RUNS; run++) {
    const started = performance.now();
    const report = plan(SEED + run);
    times.push(performance.now() - started);
    repeats = Math.max(repeats, countRepeatedPairs(report.rounds, history));
  }
  const afterCollection: number[] = [];
  let heapGrowth = 0;
  const rssBefore = process.memoryUsage().rss;
  for (let run = 0; run < LARGE_RUNS; run++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    plan(SEED + LARGE_RUNS + run);
    afterCollection.push(performance.now() - started);
    // Read before any forced collection: what the run allocated, an upper bound on its peak heap.
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
  }
  const milliseconds = median(times);
  const rssGrowth = Math.max(0, process.memoryUsage().rss - rssBefore);
  return [
    ...calibratedFigures(
      `circles 10,000 members, one round after ${LARGE_HISTORY_ROUNDS}: time (median of ${LARGE_RUNS}, warm)`,
      milliseconds,
      calibration,
      LARGE_ROUND_CALIBRATIONS,
    ),
    {
      name: "circles 10,000 members: time right after a forced full collection (median)",
      value: Math.round(median(afterCollection)),
      unit: "ms",
      target: "report",
      met: null,
    },
    { name: "circles 10,000 members: repeated pairs (worst run)", value: repeats, unit: "pairs", target: "= 0", met: repeats === 0 },
    {
      name: "circles 10,000 members: heap allocated per plan (worst run)",
      value: Number((heapGrowth / 2 ** 20).toFixed(1)),
      unit: "MB",
      target: "report",
      met: null,
    },
    {
      name: "circles 10,000 members: process RSS growth over those runs",
      value: Number((rssGrowth / 2 ** 20).toFixed(1)),
      unit: "MB",
      target: "report",
      met: null,
    },
  ];
}

/** Peer-circle grouping quality and speed, side by side with a random shuffle. */
export async function circleGroupingBenchmark(): Promise<BenchmarkFigure[]> {
  const calibration = calibrationMs();
  return [
    calibrationFigure("circle grouping", calibration),
    ...compare({ label: "32 in groups of 4", count: 32, size: 4, rounds: 12, target: 8 }, calibration),
    ...compare({ label: "60 in groups of 5", count: 60, size: 5, rounds: 12, target: 10 }, calibration),
    ...largeRound(calibration),
  ];
}
