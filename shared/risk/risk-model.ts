import { CLAUSE_SEPARATOR, joinedClauses } from "./clause-spans.js";
import { ClauseFeatures } from "./clause-features.js";
import { FeatureSet } from "./feature-set.js";
import { IntTable } from "./int-table.js";
import { WordTable } from "./word-table.js";

/**
 * A small naive Bayes layer over word and word-pair features, trained on the development corpus
 * only (scripts/train-risk-model.ts) and shipped as data. The frames are precise but miss phrasings
 * nobody wrote down; this layer carries what the labelled phrasings share (a held-out set showed
 * the frames alone finding 59% of crisis phrasings). It can add risk, and it can only veto a crisis
 * frame when it is all but certain the text is benign.
 */
export interface RiskModel {
  classes: string[];
  /** Log prior per class. */
  prior: number[];
  /** Feature → log likelihood per class, rounded to keep the bundle small. */
  features: Record<string, number[]>;
}

const [G, N, I, E, D, S, L, Y, UNDERSCORE] = [..."gniedsly_"].map((letter) => letter.charCodeAt(0));

/** Strips one of -ing, -ed, -es, -ly, -s, as /(?:ing|ed|es|s|ly)$/ would; by character codes, as it runs per word. */
function stem(token: string): string {
  const length = token.length;
  const last = token.charCodeAt(length - 1);
  const before = token.charCodeAt(length - 2);
  if (last === G && before === N && token.charCodeAt(length - 3) === I) return token.slice(0, -3);
  if ((before === E && (last === D || last === S)) || (before === L && last === Y)) return token.slice(0, -2);
  return last === S ? token.slice(0, -1) : token;
}

const stemmedTokens = (clause: string) =>
  clause
    .split(" ")
    .filter((token) => token && token !== "_")
    .map(stem);

/** Distinct features of a message's normalised clauses: stemmed words and adjacent word pairs. */
export function modelFeatures(clauses: string[]): string[] {
  const features = new Set<string>();
  for (const clause of clauses) {
    const tokens = stemmedTokens(clause);
    tokens.forEach((token, index) => {
      features.add(token);
      if (index + 1 < tokens.length) features.add(`${token}_${tokens[index + 1]}`);
    });
  }
  return [...features];
}

/**
 * The model's features numbered, for counting without building feature names. Only the model's own
 * entries count: "constructor" is a word like any other, never Object.prototype's function (whose
 * missing entries once turned the sums into NaN). Words are numbered so a word pair is
 * one number, and found by hash straight from the clause, checked letter by letter. Everything sits
 * in typed arrays: between regex runs a Map's scattered entries would have left the caches.
 */
interface NumberedModel {
  featureByName: Map<string, number>;
  /** Per feature, three log likelihoods side by side (NaN where a lookup would find no number). */
  likelihoods: Float64Array;
  words: string[];
  /** Words, each with its feature on its own (or -1) as its value. */
  wordTable: WordTable;
  /** Feature of each word pair, by first word × word count + second word. */
  featureOfPair: IntTable;
  /** The features this message has counted: each counts once. */
  counted: FeatureSet;
  /** The last message's features, clause by clause. */
  features: ClauseFeatures;
}

const numberedModels = new WeakMap<RiskModel, NumberedModel | "by-features">();

/** The numbered model, or "by-features" when some likelihood is neither a number nor missing. */
function numbered(model: RiskModel): NumberedModel | "by-features" {
  const known = numberedModels.get(model);
  if (known) return known;
  const names = new Set<string>();
  for (const name of Object.keys(model.features)) names.add(name);
  const featureByName = new Map<string, number>();
  const likelihoods: number[] = [];
  for (const name of names) {
    const likelihood = model.features[name];
    if (!Array.isArray(likelihood)) continue;
    featureByName.set(name, featureByName.size);
    for (let index = 0; index < 3; index += 1) likelihoods.push(likelihood[index] === undefined ? Number.NaN : likelihood[index]!);
  }
  // `x += undefined` is NaN, as is `x += NaN`; `x += null` or `x += "1"` are not, so such a model is left to the straightforward sum.
  if (likelihoods.some((value) => typeof value !== "number")) {
    numberedModels.set(model, "by-features");
    return "by-features";
  }
  const wordByName = new Map<string, number>();
  const wordOf = (word: string) => {
    let number = wordByName.get(word);
    if (number === undefined) wordByName.set(word, (number = wordByName.size));
    return number;
  };
  const singles: [number, number][] = [];
  const pairs: [number, number, number][] = [];
  for (const [name, feature] of featureByName) {
    const join = name.indexOf("_");
    if (join < 0) singles.push([wordOf(name), feature]);
    else if (name.indexOf("_", join + 1) < 0) pairs.push([wordOf(name.slice(0, join)), wordOf(name.slice(join + 1)), feature]);
  }
  const words = [...wordByName.keys()];
  const featureOfWord = new Int32Array(words.length).fill(-1);
  for (const [word, feature] of singles) featureOfWord[word] = feature;
  const result: NumberedModel = {
    featureByName,
    likelihoods: Float64Array.from(likelihoods),
    words,
    wordTable: new WordTable(words, featureOfWord),
    featureOfPair: new IntTable(pairs.map(([first, second, feature]) => [first * words.length + second, feature] as const)),
    counted: new FeatureSet(featureByName.size),
    features: new ClauseFeatures(),
  };
  numberedModels.set(model, result);
  return result;
}

/** Where `stem` would cut the token `text` holds from `start` to `end`. */
function stemEnd(text: string, start: number, end: number): number {
  const length = end - start;
  const last = text.charCodeAt(end - 1);
  const before = length >= 2 ? text.charCodeAt(end - 2) : -1;
  if (length >= 3 && last === G && before === N && text.charCodeAt(end - 3) === I) return end - 3;
  if ((before === E && (last === D || last === S)) || (before === L && last === Y)) return end - 2;
  return last === S ? end - 1 : end;
}

/**
 * Posterior probabilities of none, elevated and crisis: the same sum as over `modelFeatures(clauses)`
 * and in the same order (floating-point sums depend on it), by numbers instead of feature names.
 */
export function modelPosterior(clauses: string[], model: RiskModel): [number, number, number] {
  const features = bayesClauseFeatures(clauses, model);
  return features === "by-features" ? modelPosteriorByFeatures(clauses, model) : posteriorOf(features, model);
}

/**
 * The posterior over some of the clauses `features` were read from (all when `clauses` is not
 * given), each feature counted once, in the order the clauses' tokens give them.
 */
export function posteriorOf(features: ClauseFeatures, model: RiskModel, clauses?: readonly number[]): [number, number, number] {
  const numbers = numbered(model);
  if (numbers === "by-features") throw new Error("posteriorOf needs a numbered model");
  const { likelihoods, counted } = numbers;
  const { ids, starts } = features;
  counted.clear();
  const logs = [...model.prior];
  const count = clauses?.length ?? features.clauseCount;
  for (let at = 0; at < count; at += 1) {
    const clause = clauses ? clauses[at]! : at;
    for (let of = starts[clause]!; of < starts[clause + 1]!; of += 1) {
      const feature = ids[of]!;
      if (!counted.add(feature)) continue;
      for (let index = 0; index < 3; index += 1) logs[index]! += likelihoods[feature * 3 + index]!;
    }
  }
  return normalised(logs);
}

/**
 * The features of each clause, by number, or "by-features" when the model cannot be numbered.
 * The same features as `modelFeatures(clauses)`, found by hash straight from the clauses.
 */
export function bayesClauseFeatures(clauses: string[], model: RiskModel): ClauseFeatures | "by-features" {
  const numbers = numbered(model);
  if (numbers === "by-features") return "by-features";
  const { wordTable, featureOfPair, featureByName, features } = numbers;
  features.reset();
  const byName = (name: string) => featureByName.get(name) ?? -1;
  const wordCount = numbers.words.length;
  const joined = joinedClauses(clauses);
  for (let at = 0, from = 0; at < clauses.length; at += 1) {
    const clause = joined ?? clauses[at]!;
    const first = joined === undefined ? 0 : from;
    const to = first + clauses[at]!.length;
    let previousStart = -1;
    let previousEnd = -1;
    let previousWord = -1;
    let previousOdd = false;
    let underscore = clause.indexOf("_", first);
    // Tokens as the clause's split(" ") gives them, without "" and "_", from `from` to `to` of `clause`.
    for (let start = first; start <= to;) {
      const space = clause.indexOf(" ", start);
      const end = space < 0 || space > to ? to : space;
      const tokenStart = start;
      start = end + 1;
      if (end === tokenStart || (end - tokenStart === 1 && clause.charCodeAt(tokenStart) === UNDERSCORE)) continue;
      const tokenEnd = stemEnd(clause, tokenStart, end);
      if (underscore >= 0 && underscore < tokenStart) underscore = clause.indexOf("_", tokenStart);
      const odd = underscore >= 0 && underscore < tokenEnd;
      // Words hold no "_", so a token with one is looked up by name, and so is any pair it is in.
      const slot = odd ? -1 : wordTable.slotAt(clause, tokenStart, tokenEnd);
      const word = wordTable.numberIn(slot);
      if (previousStart >= 0) {
        if (odd || previousOdd) {
          features.push(byName(`${clause.slice(previousStart, previousEnd)}_${clause.slice(tokenStart, tokenEnd)}`));
        } else if (previousWord >= 0 && word >= 0) features.push(featureOfPair.get(previousWord * wordCount + word));
      }
      features.push(word >= 0 ? wordTable.valueIn(slot) : odd ? byName(clause.slice(tokenStart, tokenEnd)) : -1);
      previousStart = tokenStart;
      previousEnd = tokenEnd;
      previousWord = word;
      previousOdd = odd;
    }
    features.endClause();
    from = to + CLAUSE_SEPARATOR.length;
  }
  return features;
}

/** The straightforward form, kept to show `modelPosterior` is the same sum. */
export function modelPosteriorByFeatures(clauses: string[], model: RiskModel): [number, number, number] {
  const logs = [...model.prior];
  for (const feature of modelFeatures(clauses)) {
    // Own entries only: "constructor" is a word, not Object.prototype's function.
    const likelihood = Object.hasOwn(model.features, feature) ? model.features[feature] : undefined;
    if (!Array.isArray(likelihood)) continue;
    for (let index = 0; index < 3; index += 1) logs[index]! += likelihood[index]!;
  }
  return normalised(logs);
}

function normalised(logs: number[]): [number, number, number] {
  const top = Math.max(...logs);
  const weights = logs.map((value) => Math.exp(value - top));
  const total = weights.reduce((sum, value) => sum + value, 0);
  return weights.map((value) => value / total) as [number, number, number];
}
