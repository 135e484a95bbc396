import { CLAUSE_SEPARATOR, joinedClauses } from "./clause-spans.js";
import { ClauseFeatures } from "./clause-features.js";
import { FeatureSet } from "./feature-set.js";
import { IntTable } from "./int-table.js";
import { WordTable } from "./word-table.js";
import { linearTones, type FrameFindings, type LinearRiskModel } from "./risk-linear-model.js";

/**
 * The linear layer's weights numbered, so a message is scored without building a name for each of
 * its word features: words are numbered once per token, word pairs are one integer key, and a
 * feature set counts each feature once per message, as the named features do.
 */
interface NumberedLinearModel {
  /** Words, each with its feature on its own (or -1) as its value. */
  wordTable: WordTable;
  /** Adjacent pairs and pairs one word apart, by first word × word count + second word. */
  adjacentPairs: { get(key: number): number };
  skipPairs: { get(key: number): number };
  wordCount: number;
  /** Frame, tone and other features, by name. */
  named: Map<string, number>;
  /** Per feature, its crisis weight and its risk weight, side by side: one fetch brings both. */
  weights: Float64Array;
  /** The features this message has counted. */
  counted: FeatureSet;
  /** The last message's word features, clause by clause. */
  features: ClauseFeatures;
}

const numberedModels = new WeakMap<LinearRiskModel, NumberedLinearModel>();
/** Above this many words a pair key no longer fits the table's 31-bit keys. */
const MAX_TABLE_WORDS = 46_340;

function numbered(model: LinearRiskModel): NumberedLinearModel {
  const known = numberedModels.get(model);
  if (known) return known;
  const names = Object.keys(model.weights);
  const wordNumbers = new Map<string, number>();
  const wordOf = (word: string) => {
    let number = wordNumbers.get(word);
    if (number === undefined) wordNumbers.set(word, (number = wordNumbers.size));
    return number;
  };
  const singles: [number, number][] = [];
  const adjacent: [number, number, number][] = [];
  const skips: [number, number, number][] = [];
  const named = new Map<string, number>();
  names.forEach((name, feature) => {
    const parts = name.split("|");
    if (parts[0] === "w" && parts.length === 2) singles.push([wordOf(parts[1]!), feature]);
    else if ((parts[0] === "b" || parts[0] === "s") && parts.length === 3) {
      (parts[0] === "b" ? adjacent : skips).push([wordOf(parts[1]!), wordOf(parts[2]!), feature]);
    } else named.set(name, feature);
  });
  const wordCount = wordNumbers.size;
  const table = (entries: [number, number, number][]) => {
    const keyed = entries.map(([first, second, feature]) => [first * wordCount + second, feature] as const);
    if (wordCount <= MAX_TABLE_WORDS) return new IntTable(keyed);
    const map = new Map(keyed);
    return { get: (key: number) => map.get(key) ?? -1 };
  };
  const featureOfWord = new Int32Array(wordCount).fill(-1);
  for (const [word, feature] of singles) featureOfWord[word] = feature;
  const result: NumberedLinearModel = {
    wordTable: new WordTable([...wordNumbers.keys()], featureOfWord),
    adjacentPairs: table(adjacent),
    skipPairs: table(skips),
    wordCount,
    named,
    weights: Float64Array.from(names.flatMap((name) => [model.weights[name]![0] ?? Number.NaN, model.weights[name]![1] ?? Number.NaN])),
    counted: new FeatureSet(names.length),
    features: new ClauseFeatures(),
  };
  numberedModels.set(model, result);
  return result;
}

// Naive Bayes is overconfident (it multiplies evidence as if independent); its say is bounded.
const BAYES_BOUND = 1e-12;
const logistic = (logOdds: number) => 1 / (1 + Math.exp(-logOdds));
const logOddsOf = (probability: number) => {
  const bounded = Math.min(Math.max(probability, BAYES_BOUND), 1 - BAYES_BOUND);
  return Math.log(bounded / (1 - bounded));
};

/**
 * Probability of crisis and of any risk: the same sums as over `linearFeatures(text, frames)` (see
 * linearRiskScoresByFeatures), by numbers. `bayes` is the naive Bayes layer's [crisis, any risk].
 */
export function linearRiskScores(
  text: string,
  frames: FrameFindings,
  model: LinearRiskModel,
  bayes: [number, number],
  // The message's `namedFeatures`, when the caller scores several parts of one message.
  named: readonly string[] = namedFeatures(text, frames),
): [number, number] {
  return linearScoresOf(linearClauseFeatures(frames.clauses, model), namedFeatureIds(named, model), model, bayes);
}

/** The numbers of the named features (frame reasons, tones) the model weighs, in the given order. */
export function namedFeatureIds(named: readonly string[], model: LinearRiskModel): number[] {
  const numbers = numbered(model);
  return named.map((name) => numbers.named.get(name) ?? -1);
}

/**
 * The scores over some of the clauses `features` were read from (all when `clauses` is not given),
 * with the message's named features first, each feature counted once.
 */
export function linearScoresOf(
  features: ClauseFeatures,
  named: readonly number[],
  model: LinearRiskModel,
  bayes: [number, number],
  clauses?: readonly number[],
): [number, number] {
  const [crisis, risk] = linearSumsOf(features, named, model, clauses);
  return [logistic(crisis + model.bayesShare * logOddsOf(bayes[0])), logistic(risk + model.bayesShare * logOddsOf(bayes[1]))];
}

/**
 * The lowest crisis score the whole message can have, whatever the naive Bayes layer says: its
 * log-odds are bounded, so when even its strongest say for safety leaves the score above a floor,
 * the Bayes layer need not run to know the score is above it.
 */
export function lowestLinearCrisisScore(features: ClauseFeatures, named: readonly number[], model: LinearRiskModel): number {
  const [crisis] = linearSumsOf(features, named, model);
  return logistic(crisis - Math.abs(model.bayesShare) * logOddsOf(1));
}

/** The weights' sums, [crisis, any risk], before the Bayes layer's say. */
function linearSumsOf(
  features: ClauseFeatures,
  named: readonly number[],
  model: LinearRiskModel,
  clauses?: readonly number[],
): [number, number] {
  const { weights, counted } = numbered(model);
  const { ids, starts } = features;
  counted.clear();
  let crisis = model.bias[0] ?? 0;
  let risk = model.bias[1] ?? 0;
  for (const feature of named) {
    if (feature < 0 || !counted.add(feature)) continue;
    crisis += weights[2 * feature]!;
    risk += weights[2 * feature + 1]!;
  }
  const count = clauses?.length ?? features.clauseCount;
  for (let at = 0; at < count; at += 1) {
    const clause = clauses ? clauses[at]! : at;
    for (let of = starts[clause]!; of < starts[clause + 1]!; of += 1) {
      const feature = ids[of]!;
      if (!counted.add(feature)) continue;
      crisis += weights[2 * feature]!;
      risk += weights[2 * feature + 1]!;
    }
  }
  return [crisis, risk];
}

/** The word and word-pair features of each clause, by number, walking the clauses without cutting them into strings. */
export function linearClauseFeatures(clauses: string[], model: LinearRiskModel): ClauseFeatures {
  const numbers = numbered(model);
  const { wordTable, wordCount, adjacentPairs, skipPairs, features } = numbers;
  features.reset();
  const joined = joinedClauses(clauses);
  for (let at = 0, from = 0; at < clauses.length; at += 1) {
    const clause = joined ?? clauses[at]!;
    const first = joined === undefined ? 0 : from;
    const to = first + clauses[at]!.length;
    // Word numbers of the last two tokens.
    let previous = -1;
    let beforePrevious = -1;
    for (let start = first; start < to;) {
      let end = clause.indexOf(" ", start);
      if (end < 0 || end > to) end = to;
      if (end > start) {
        const slot = wordTable.slotAt(clause, start, stemEnd(clause, start, end));
        const word = wordTable.numberIn(slot);
        if (word >= 0) {
          features.push(wordTable.valueIn(slot));
          if (previous >= 0) features.push(adjacentPairs.get(previous * wordCount + word));
          if (beforePrevious >= 0) features.push(skipPairs.get(beforePrevious * wordCount + word));
        }
        beforePrevious = previous;
        previous = word;
      }
      start = end + 1;
    }
    features.endClause();
    from = to + CLAUSE_SEPARATOR.length;
  }
  return features;
}

const [G, N, I, E, D, S, L, Y] = [..."gniedsly"].map((letter) => letter.charCodeAt(0));

/** Where `linearStem` would cut the token `text` holds from `start` to `end`, by character codes. */
function stemEnd(text: string, start: number, end: number): number {
  const length = end - start;
  const last = text.charCodeAt(end - 1);
  const before = text.charCodeAt(end - 2);
  if (length > 4 && last === G && before === N && text.charCodeAt(end - 3) === I) return end - 3;
  if (length > 3 && ((before === E && (last === D || last === S)) || (before === L && last === Y))) return end - 2;
  if (length > 3 && last === S) return end - 1;
  return end;
}

/** The features that are not words: frame reasons, tones and frames read with a tone. */
export function namedFeatures(text: string, frames: FrameFindings): string[] {
  const tones = linearTones(text, frames);
  const names = [...tones];
  for (const reason of frames.crisis) {
    names.push(`R|${reason}`);
    for (const tone of tones) names.push(`R|${reason}|${tone}`);
  }
  for (const reason of frames.elevated) names.push(`E|${reason}`);
  return names;
}

/** The straightforward form, kept to show `linearRiskScores` is the same sum. */
export function linearRiskScoresByFeatures(features: string[], model: LinearRiskModel, bayes: [number, number]): [number, number] {
  let crisis = model.bias[0] ?? 0;
  let risk = model.bias[1] ?? 0;
  for (const feature of features) {
    const weight = Object.hasOwn(model.weights, feature) ? model.weights[feature] : undefined;
    if (!weight) continue;
    crisis += weight[0] ?? Number.NaN;
    risk += weight[1] ?? Number.NaN;
  }
  return [logistic(crisis + model.bayesShare * logOddsOf(bayes[0])), logistic(risk + model.bayesShare * logOddsOf(bayes[1]))];
}
