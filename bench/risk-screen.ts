import { readFileSync } from "node:fs";
import { assessRisk } from "../shared/risk/assess-risk.js";
import { parseCorpus, parseSentences, screenFigures } from "../shared/risk/risk-evaluation.js";
import { percentile, type BenchmarkFigure } from "./figure.js";

const MESSAGE_LENGTH = 2_000;
/**
 * The 1 ms p99 was set on a machine whose baseline p50 was about 20 µs, so the target is
 * 1,000 ÷ 20 = 50 × the baseline measured in the same run: machines of this kind differ about threefold.
 */
const P99_TARGET_BASELINE_MULTIPLE = 50;
const ROUNDS = 2_000;

/** Quality on both corpus parts, and time per 2,000-character message beside a lower-casing baseline timed alongside. */
export async function riskScreenBenchmark(): Promise<BenchmarkFigure[]> {
  const figures: BenchmarkFigure[] = [];
  // The long parts are messages of 250–2,000 characters with the risk amid work talk, written blind;
  // the development ones are trained on, the held-out one never looked at. The two weak-spot parts
  // are long messages written at what the screen over-calls (farewells, endings, medication, dark
  // idioms), the second with crisis messages in the same words (see scripts/risk-training.ts).
  for (const part of [
    "development",
    "heldout",
    "heldout-everyday",
    "long-development",
    "long-benign-development",
    "long-weak-spots-development",
    "long-heldout",
  ] as const) {
    const corpus = parseCorpus(readFileSync(new URL(`../tests/fixtures/risk-corpus/${part}.jsonl`, import.meta.url), "utf8"));
    const result = screenFigures(corpus);
    const label = {
      development: "development",
      heldout: "held-out",
      "heldout-everyday": "held-out, everyday",
      "long-development": "development, long messages",
      "long-benign-development": "development, ordinary long messages at weak spots",
      "long-weak-spots-development": "development, long messages at weak spots, both sides",
      "long-heldout": "held-out, long messages",
    }[part];
    const goal = part === "heldout" || part === "heldout-everyday" || part === "long-heldout";
    const pct = (value: number) => Math.round(value * 1000) / 10;
    figures.push(
      {
        name: `risk screen (${label}, ${result.size} phrasings): crisis recall`,
        value: pct(result.crisisRecall),
        unit: "%",
        target: goal ? "≥ 98 %" : "report",
        met: goal ? result.crisisRecall >= 0.98 : null,
      },
      {
        name: `risk screen (${label}): elevated-or-crisis recall`,
        value: pct(result.elevatedOrCrisisRecall),
        unit: "%",
        target: goal ? "≥ 90 %" : "report",
        met: goal ? result.elevatedOrCrisisRecall >= 0.9 : null,
      },
      {
        name: `risk screen (${label}): benign judged crisis`,
        value: pct(result.benignJudgedCrisis),
        unit: "%",
        target: goal ? "≤ 3 %" : "report",
        met: goal ? result.benignJudgedCrisis <= 0.03 : null,
      },
    );
  }
  const corpus = parseCorpus(readFileSync(new URL("../tests/fixtures/risk-corpus/development.jsonl", import.meta.url), "utf8"));
  figures.push(paddedCrisisFigure());
  const messages = Array.from({ length: 50 }, (_, index) =>
    longMessage(
      corpus.map((row) => row.text),
      index,
    ),
  );
  // Machines differ about threefold in speed, so the absolute p99 is set beside a baseline timed on
  // the same messages in the same run: lower-casing and splitting them, work no screen can skip.
  // Timed one after the other, not interleaved: the baseline's garbage would land in the screen's rounds.
  const screen = timings(messages, (text) => assessRisk(text).level);
  const baseline = timings(messages, (text) => text.normalize("NFKC").toLowerCase().split(/\s+/).length);
  const screenP99 = percentile(screen, 0.99);
  const baselineP50 = percentile(baseline, 0.5);
  // In µs: the table keeps one decimal, too coarse for a 1 ms target and a 20 µs baseline.
  const us = (name: string, value: number, target = "report", met: boolean | null = null): BenchmarkFigure => ({
    name,
    value: Math.round(value * 1000),
    unit: "µs",
    target,
    met,
  });
  // Ordinary text only: no frame settles it, so it also takes the scoring two clauses at a time.
  const benignTexts = corpus.filter(({ level }) => level === "none").map((row) => row.text);
  const benign = timings(
    Array.from({ length: 50 }, (_, index) => longMessage(benignTexts, index)),
    (text) => assessRisk(text).level,
  );
  figures.push(
    us("risk screen: 2,000-character message p50", percentile(screen, 0.5)),
    us("risk screen: 2,000-character message p95", percentile(screen, 0.95)),
    us("risk screen: 2,000-character message p99 (absolute: 1 ms where the baseline is 20 µs)", screenP99),
    us("lower-casing and splitting the same messages p50 (baseline, same run)", baselineP50, "baseline"),
    us("lower-casing and splitting the same messages p99 (baseline, same run)", percentile(baseline, 0.99), "baseline"),
    us("risk screen: 2,000-character message of ordinary text only p99", percentile(benign, 0.99)),
    {
      name: "risk screen, ordinary text only: p99 ÷ baseline p50 (same run)",
      value: Math.round(percentile(benign, 0.99) / baselineP50),
      unit: "×",
      target: "report",
      met: null,
    },
    {
      name: "risk screen p99 ÷ baseline p50 (same run; the p99 target, machine-independent)",
      value: Math.round(screenP99 / baselineP50),
      unit: "×",
      target: `≤ ${P99_TARGET_BASELINE_MULTIPLE}`,
      met: screenP99 / baselineP50 <= P99_TARGET_BASELINE_MULTIPLE,
    },
  );
  return figures;
}

/**
 * Held-out crisis phrasings the screen catches, set after two ordinary sentences and before a third:
 * how many it still catches. The sentences were written blind for the purpose and are never trained
 * on (fillers-heldout.jsonl; training pads with fillers-development.jsonl). Work talk around a crisis
 * sentence must not hide it; this is reported, not yet a goal.
 */
function paddedCrisisFigure(): BenchmarkFigure {
  const heldOut = parseCorpus(readFileSync(new URL("../tests/fixtures/risk-corpus/heldout.jsonl", import.meta.url), "utf8"));
  const fillers = parseSentences(readFileSync(new URL("../tests/fixtures/risk-corpus/fillers-heldout.jsonl", import.meta.url), "utf8"));
  let caught = 0;
  let kept = 0;
  heldOut.forEach(({ text, level }, index) => {
    if (level !== "crisis" || assessRisk(text).level !== "crisis") return;
    caught += 1;
    const padded = `${fillers[(index * 7) % fillers.length]} ${fillers[(index * 13 + 1) % fillers.length]} ${text} ${fillers[(index * 17 + 2) % fillers.length]}`;
    if (assessRisk(padded).level === "crisis") kept += 1;
  });
  return {
    name: `risk screen (held-out): crisis still caught amid three ordinary sentences (${kept}/${caught})`,
    value: Math.round((1000 * kept) / Math.max(caught, 1)) / 10,
    unit: "%",
    target: "report",
    met: null,
  };
}

function longMessage(texts: string[], seed: number): string {
  let message = "";
  for (let index = seed; message.length < MESSAGE_LENGTH; index += 7) message += `${texts[index % texts.length]} `;
  return message.slice(0, MESSAGE_LENGTH);
}

function timings(messages: string[], work: (text: string) => unknown): number[] {
  for (const message of messages) work(message);
  const durations: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const message = messages[round % messages.length]!;
    const started = performance.now();
    work(message);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}
