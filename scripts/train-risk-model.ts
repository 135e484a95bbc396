/**
 * Trains the risk screen's naive Bayes layer on the development corpus only, never the held-out
 * part, and writes shared/risk/risk-model-en.json. Run after changing the development corpus:
 *   node --import tsx scripts/train-risk-model.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { clausesOf } from "../shared/risk/assess-risk.js";
import { parseCorpus } from "../shared/risk/risk-evaluation.js";
import { RISK_LEXICON_EN } from "../shared/risk/risk-lexicon-en.js";
import { modelFeatures, type RiskModel } from "../shared/risk/risk-model.js";

const SMOOTHING = 0.5;
const MIN_COUNT = 2;
const classes = ["none", "elevated", "crisis"] as const;
const corpus = parseCorpus(readFileSync(new URL("../tests/fixtures/risk-corpus/development.jsonl", import.meta.url), "utf8"));

const counts = new Map<string, [number, number, number]>();
const documents = [0, 0, 0];
for (const { text, level } of corpus) {
  const index = classes.indexOf(level);
  documents[index]! += 1;
  for (const feature of modelFeatures(clausesOf(text, RISK_LEXICON_EN))) {
    const row = counts.get(feature) ?? [0, 0, 0];
    row[index] = (row[index] ?? 0) + 1;
    counts.set(feature, row);
  }
}
const totals = [0, 1, 2].map((index) => [...counts.values()].reduce((sum, row) => sum + row[index]!, 0));
const vocabulary = counts.size;
const logLikelihood = (count: number, index: number) => Math.log((count + SMOOTHING) / (totals[index]! + SMOOTHING * vocabulary));
const round = (value: number) => Math.round(value * 100) / 100;
const features: RiskModel["features"] = {};
for (const [feature, row] of [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  if (row[0] + row[1] + row[2] < MIN_COUNT) continue;
  features[feature] = [round(logLikelihood(row[0], 0)), round(logLikelihood(row[1], 1)), round(logLikelihood(row[2], 2))];
}
const model: RiskModel = {
  classes: [...classes],
  prior: documents.map((count) => round(Math.log(count / corpus.length))),
  features,
};
writeFileSync(new URL("../shared/risk/risk-model-en.json", import.meta.url), `${JSON.stringify(model)}\n`);
console.log(`risk model: ${Object.keys(features).length} features from ${corpus.length} development phrasings`);
