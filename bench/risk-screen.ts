import { readFileSync } from "node:fs";
import { assessRisk } from "../shared/risk/assess-risk.js";
import { parseCorpus, screenFigures } from "../shared/risk/risk-evaluation.js";
import { percentile, type BenchmarkFigure } from "./figure.js";

const MESSAGE_LENGTH = 2_000;
const ROUNDS = 2_000;

/** Quality on both corpus parts, and time per 2,000-character message beside a lower-casing baseline. */
export async function riskScreenBenchmark(): Promise<BenchmarkFigure[]> {
  const figures: BenchmarkFigure[] = [];
  for (const part of ["development", "heldout"] as const) {
    const corpus = parseCorpus(readFileSync(new URL(`../tests/fixtures/risk-corpus/${part}.jsonl`, import.meta.url), "utf8"));
    const result = screenFigures(corpus);
    const label = part === "heldout" ? "held-out" : "development";
    const goal = part === "heldout";
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
  const messages = Array.from({ length: 50 }, (_, index) =>
    longMessage(
      corpus.map((row) => row.text),
      index,
    ),
  );
  const screen = timings(messages, (text) => assessRisk(text).level);
  const baseline = timings(messages, (text) => text.normalize("NFKC").toLowerCase().split(/\s+/).length);
  figures.push(
    { name: "risk screen: 2,000-character message p50", value: round(percentile(screen, 0.5)), unit: "ms", target: "report", met: null },
    {
      name: "risk screen: 2,000-character message p99",
      value: round(percentile(screen, 0.99)),
      unit: "ms",
      target: "≤ 1 ms",
      met: percentile(screen, 0.99) <= 1,
    },
    {
      name: "lower-casing and splitting the same message p99 (baseline, same run)",
      value: round(percentile(baseline, 0.99)),
      unit: "ms",
      target: "baseline",
      met: null,
    },
  );
  return figures;
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

const round = (value: number) => Math.round(value * 1000) / 1000;
