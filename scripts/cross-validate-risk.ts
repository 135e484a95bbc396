/**
 * Five-fold cross-validation of the whole risk screen on the development corpus: each fold is
 * screened by layers trained on the other four. This, not the held-out part, is what settings and
 * thresholds are chosen on. Prints figures at the shipped operating point and a sweep around it.
 *   node --import tsx scripts/cross-validate-risk.ts [threshold,...]
 */
import { readFileSync } from "node:fs";
import { combinedAssessment, screenByFrames } from "../shared/risk/assess-risk.js";
import { parseCorpus, parseSentences, type LabelledPhrasing } from "../shared/risk/risk-evaluation.js";
import { LINEAR_CRISIS_THRESHOLD } from "../shared/risk/risk-linear-model.js";
import { developmentCorpus, trainBayes, trainLinear, withFillerCopies } from "./risk-training.js";

const FOLDS = 5;
const rows = developmentCorpus();
const thresholds = process.argv[2]?.split(",").map(Number) ?? [0.5, 0.6, LINEAR_CRISIS_THRESHOLD, 0.8, 0.9];
const frameFloor = process.env.FRAME_FLOOR ? Number(process.env.FRAME_FLOOR) : undefined;
const riskThreshold = process.env.RISK_THRESHOLD ? Number(process.env.RISK_THRESHOLD) : undefined;
const explainedThreshold = process.env.EXPLAINED ? Number(process.env.EXPLAINED) : undefined;
// EVAL_SUBSET=<jsonl> scores only the rows whose text is in that file: two training corpora compared on the same rows.
const subset = process.env.EVAL_SUBSET
  ? new Set(parseCorpus(readFileSync(process.env.EVAL_SUBSET, "utf8")).map(({ text }) => text))
  : undefined;
const localFrames = process.env.LOCAL_FRAMES === "0" ? false : undefined;
// TRAIN_EXCLUDE=<jsonl> screens the rows whose text is in that file but never trains on them: whether adding them to training helps.
const untrained = process.env.TRAIN_EXCLUDE
  ? new Set(parseCorpus(readFileSync(process.env.TRAIN_EXCLUDE, "utf8")).map(({ text }) => text))
  : undefined;
// WINDOWS=0,2,3 also sweeps how many clauses at a time a message is scored in (0: the whole message only).
const windows = process.env.WINDOWS?.split(",").map(Number) ?? [undefined];
const windowThresholds = process.env.WINDOW_THRESHOLDS?.split(",").map(Number) ?? [undefined];
const windowGates = process.env.WINDOW_GATES?.split(",").map(Number) ?? [undefined];
const settings = thresholds.flatMap((threshold) =>
  windows.flatMap((window) =>
    windowThresholds.flatMap((windowThreshold) => windowGates.map((windowGate) => ({ threshold, window, windowThreshold, windowGate }))),
  ),
);
// PAD_EVAL=1 screens each row between two ordinary sentences (training still reads the rows as written):
// crisis must survive work talk around it.
// PAD_FILLERS=<jsonl> takes the ordinary sentences from that file instead: ones no fold trains on.
const screenedTexts = rows.map(({ text }) => text);
if (process.env.PAD_EVAL === "1") {
  const fillers = process.env.PAD_FILLERS
    ? parseSentences(readFileSync(process.env.PAD_FILLERS, "utf8"))
    : rows.filter(({ kind }) => kind === "everyday-chat" || kind === "logistics").map(({ text }) => text.replace(/[.!?\s]*$/, "."));
  rows.forEach((row, index) => {
    screenedTexts[index] = `${fillers[(index * 7) % fillers.length]} ${row.text} ${fillers[(index * 13 + 5) % fillers.length]}`;
  });
}
const frames = screenedTexts.map((text) => screenByFrames(text));
const found = settings.map(() => new Array<string>(rows.length));
for (let fold = 0; fold < FOLDS; fold += 1) {
  // TRAIN_SHARE below 1 trains on part of the other folds: a learning curve says whether more data would help.
  const share = Number(process.env.TRAIN_SHARE ?? 1);
  const training = rows.filter(({ text }, index) => index % FOLDS !== fold && (index * 7919) % 100 < share * 100 && !untrained?.has(text));
  const augmented = withFillerCopies(training);
  const models = { bayes: trainBayes(training), linear: trainLinear(augmented, training.length) };
  rows.forEach((_row, index) => {
    if (index % FOLDS !== fold) return;
    settings.forEach(({ threshold: crisisThreshold, window: windowClauses, windowThreshold, windowGate }, at) => {
      found[at]![index] = combinedAssessment(screenedTexts[index]!, frames[index]!, {
        ...models,
        windowClauses,
        windowThreshold,
        windowGate,
        crisisThreshold,
        frameFloor,
        explainedThreshold,
        riskThreshold,
        localFrames,
      }).level;
    });
  });
}
const percent = (count: number, of: number) => `${((100 * count) / of).toFixed(1)}%`;
// REPORT_ALSO=<jsonl> adds a line for the rows whose text is in that file, from the same run.
const reportAlso = process.env.REPORT_ALSO
  ? new Set(parseCorpus(readFileSync(process.env.REPORT_ALSO, "utf8")).map(({ text }) => text))
  : undefined;
for (const [label, only] of [
  ["all", subset],
  ["also", reportAlso],
] as const) {
  if (label === "also" && !only) continue;
  report(label, only);
}

function report(label: string, only: Set<string> | undefined) {
  settings.forEach(({ threshold, window, windowThreshold, windowGate }, at) => {
    const levels = found[at]!;
    const missed: Record<string, number> = {};
    let crisis = 0,
      crisisFound = 0,
      risk = 0,
      riskFound = 0,
      benign = 0,
      benignCrisis = 0,
      benignAny = 0;
    rows.forEach(({ level, kind, text }: LabelledPhrasing, index) => {
      if (only && !only.has(text)) return;
      const got = levels[index];
      if (level === "crisis") {
        crisis += 1;
        if (got === "crisis") crisisFound += 1;
        else missed[kind] = (missed[kind] ?? 0) + 1;
      }
      if (level !== "none") {
        risk += 1;
        if (got !== "none") riskFound += 1;
      }
      if (level === "none" && got !== "none") benignAny += 1;
      if (level === "none") {
        benign += 1;
        if (got === "crisis") {
          benignCrisis += 1;
          missed[`benign ${kind}`] = (missed[`benign ${kind}`] ?? 0) + 1;
        }
      }
    });
    console.log(
      `[${label}] threshold ${threshold}${threshold === LINEAR_CRISIS_THRESHOLD ? " (shipped)" : ""}${window === undefined ? "" : `, window ${window}`}${windowThreshold === undefined ? "" : ` above ${windowThreshold}`}${windowGate === undefined ? "" : ` gated at ${windowGate}`}: crisis recall ${percent(crisisFound, crisis)}, ` +
        `elevated-or-crisis ${percent(riskFound, risk)}, benign judged crisis ${percent(benignCrisis, benign)}, benign judged any risk ${percent(benignAny, benign)}  ${JSON.stringify(missed)}`,
    );
  });
}
