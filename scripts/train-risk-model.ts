/**
 * Trains the risk screen's statistical layers on the development parts only (short phrasings and
 * long messages), never the held-out parts, and writes shared/risk/risk-model-en.json (naive Bayes) and risk-linear-en.json (logistic).
 * Run after changing the development corpus, then check with scripts/cross-validate-risk.ts:
 *   node --import tsx scripts/train-risk-model.ts
 */
import { writeFileSync } from "node:fs";
import { developmentCorpus, trainBayes, trainLinear, withFillerCopies } from "./risk-training.js";

const rows = developmentCorpus();
const corpus = withFillerCopies(rows);
// The padded copies teach the logistic layer that ordinary sentences are no evidence either way;
// they add no features of their own to either layer, so the models stay the size the rows make them.
const bayes = trainBayes(rows);
writeFileSync(new URL("../shared/risk/risk-model-en.json", import.meta.url), `${JSON.stringify(bayes)}\n`);
// The linear layer's frame features come from the frames alone, so it does not depend on the Bayes model written above.
const linear = trainLinear(corpus, rows.length);
writeFileSync(new URL("../shared/risk/risk-linear-en.json", import.meta.url), `${JSON.stringify(linear)}\n`);
console.log(
  `risk model: ${Object.keys(bayes.features).length} Bayes features and ${Object.keys(linear.weights).length} linear weights from ${rows.length} development phrasings and ${corpus.length - rows.length} copies set in ordinary sentences`,
);
