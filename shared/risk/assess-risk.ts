import { isWordCode } from "./pattern-anchors.js";
import { IDIOM_PLACEHOLDER, screenedClausesOf } from "./risk-clauses.js";
import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import type { RiskLexicon } from "./risk-lexicon.js";
import RISK_MODEL_EN from "./risk-model-en.json" with { type: "json" };
import RISK_LINEAR_EN from "./risk-linear-en.json" with { type: "json" };
import {
  EXPLAINED_CRISIS_THRESHOLD,
  FRAME_CRISIS_FLOOR,
  LOCAL_FRAME_FLOOR,
  LINEAR_CRISIS_THRESHOLD,
  LINEAR_RISK_THRESHOLD,
  type LinearRiskModel,
} from "./risk-linear-model.js";
import { clauseRange } from "./clause-features.js";
import { linearClauseFeatures, linearScoresOf, lowestLinearCrisisScore, namedFeatureIds, namedFeatures } from "./risk-linear-scoring.js";
import { bayesClauseFeatures, modelPosteriorByFeatures, posteriorOf, type RiskModel } from "./risk-model.js";
import { ELEVATED_FRAMES_EN, RISK_FRAMES_EN } from "./risk-frames-en.js";
import { type IndexedFrame, screenPlan, ScreenedText, type ScreenPlan } from "./screen-plan.js";

export { clausesOf } from "./risk-clauses.js";

export type RiskLevel = "none" | "elevated" | "crisis";

export interface RiskAssessment {
  level: RiskLevel;
  /** Stable labels such as "suicidal-thoughts"; never the person's words. */
  reasons: string[];
}

/** Lexicons by language. English always runs too, since people often write in English at work. */
const LEXICONS: Readonly<Record<string, RiskLexicon>> = { en: RISK_LEXICON_EN };
const NEGATION_WINDOW_TOKENS = 3;
/** A supporter or author asking how to handle crisis words is writing about them, in every sentence. */
const HELPING_ROLE =
  /\b(?:handbook|faq|faqs|escalation (?:section|policy|process)|volunteer guide|training (?:deck|slides|material)|how (?:do|can|should) (?:i|we) (?:ask|respond|reply|handle))\b/;
const REPORTED_HARM = /\b(?:die|kill|hurt|harm|suicid\w*|end it|overdose)\b/;
const FIRST_PERSON = /\b(?:i|im|ive|id|ill|me|my|myself)\b/;
/**
 * See highestWindowScore. Chosen by five-fold cross-validation on development, plain and with every
 * row set between two ordinary sentences written blind, the logistic layer trained with one padded
 * copy of each row (scripts/risk-training.ts): two clauses above 0.95, where the whole message
 * scores above 0.001, caught 84.1% of padded crisis rows (the previous 0.98 above 0.01, trained
 * without copies: 82.5%) and 97.1% of plain ones (96.9%), for plain benign judged crisis 4.8% (4.3%).
 * One clause at a time did no better; three did worse.
 */
const WINDOW_CLAUSES = 2;
const WINDOW_THRESHOLD = 0.95;
const WINDOW_GATE = 0.001;
const EXPLAINED_AWAY = ["negated-risk-language", "concern-for-someone-else", "crisis-language-about-a-story-or-topic"];

const plans = new WeakMap<RiskLexicon, ScreenPlan>();

function planFor(lexicon: RiskLexicon): ScreenPlan {
  let plan = plans.get(lexicon);
  if (!plan) {
    const patterns = { frames: RISK_FRAMES_EN, elevatedFrames: ELEVATED_FRAMES_EN, helpingRole: HELPING_ROLE, reportedHarm: REPORTED_HARM };
    plans.set(lexicon, (plan = screenPlan(lexicon, patterns)));
  }
  return plan;
}

/** What the frames and lexicon found, before the statistical layer has its say. */
export interface FrameScreen {
  crisis: Set<string>;
  elevated: Set<string>;
  /** The English lexicon's normalised clauses, idioms replaced by a placeholder. */
  clauses: string[];
  /** Indexes of the English clauses in which a crisis frame or phrase fired. */
  crisisClauses: number[];
  /** Whether risk words were explained away (negated, someone else's, a story, an idiom). */
  explained: boolean;
}

/** The frames and lexicon alone: precise, explainable, and blind to phrasings nobody wrote down. */
export function screenByFrames(text: string, locale?: string): FrameScreen {
  const crisis = new Set<string>();
  const elevated = new Set<string>();
  const crisisClauses: number[] = [];
  let englishClauses: ScreenedText[] = [];
  for (const lexicon of lexiconsFor(locale)) {
    const plan = planFor(lexicon);
    const scanned = screenedClausesOf(text, lexicon, plan.index);
    const { clauses: screened, message } = ScreenedText.batch(scanned, scanned.clauses.join(" . "), plan.index);
    if (lexicon === RISK_LEXICON_EN) englishClauses = screened;
    const helpingRole = message.test(plan.helpingRole);
    screened.forEach((clause, index) => {
      const before = crisis.size;
      screenClause(clause, message, helpingRole, lexicon, plan, crisis, elevated);
      if (crisis.size > before && lexicon === RISK_LEXICON_EN) crisisClauses.push(index);
    });
  }
  const explained =
    EXPLAINED_AWAY.some((reason) => elevated.has(reason)) ||
    (crisis.size === 0 &&
      englishClauses.some(
        (clause) => clause.text.includes(IDIOM_PLACEHOLDER.trim()) || clause.testAny(planFor(RISK_LEXICON_EN).mediaCues),
      ));
  return { crisis, elevated, clauses: englishClauses.map((clause) => clause.text), crisisClauses, explained };
}

/**
 * Screens text for risk to life or safety (`crisis`) or severe distress (`elevated`). Frames over
 * meaning (normalisation, idioms, negation, reported speech, first person and means) say why; two
 * small statistical layers trained on labelled phrasings weigh them, so a phrasing nobody wrote
 * down can still be caught. Explainable, offline, and deliberately inclined to over-call.
 */
export function assessRisk(text: string, locale?: string): RiskAssessment {
  return combinedAssessment(text, screenByFrames(text, locale), {
    bayes: RISK_MODEL_EN as RiskModel,
    linear: RISK_LINEAR_EN as LinearRiskModel,
  });
}

export interface RiskModels {
  bayes: RiskModel;
  linear: LinearRiskModel;
  /** Only cross-validation sets these, to sweep the operating point. */
  crisisThreshold?: number;
  frameFloor?: number | undefined;
  explainedThreshold?: number | undefined;
  riskThreshold?: number | undefined;
  /** Cross-validation can switch off the check of a frame in its own clauses, to measure it. */
  localFrames?: boolean | undefined;
  /** Clauses at a time a message is also scored in; 0 scores only the whole message. */
  windowClauses?: number | undefined;
  windowThreshold?: number | undefined;
  windowGate?: number | undefined;
}

/** Scores for any set of a message's clauses (all when none are given): [crisis, any risk]. */
type ClauseScorer = (clauses?: readonly number[]) => [number, number];

interface MessageLayers {
  score: ClauseScorer;
  /** The lowest the whole message's crisis score can be, whatever the Bayes layer says. */
  lowestCrisisScore(): number;
}

/**
 * Both layers read the message's clauses once, into feature numbers per clause; scoring the whole
 * message, the clauses a frame fired in, or two clauses at a time then only adds up their weights.
 * Tones (a question, a joke) and what the frames found stay the message's in every part. The Bayes
 * layer reads the clauses only when a score needs it.
 */
function layersOf(text: string, frames: FrameScreen, models: RiskModels): MessageLayers {
  const words = linearClauseFeatures(frames.clauses, models.linear);
  const named = namedFeatureIds(namedFeatures(text, frames), models.linear);
  let bayes: ReturnType<typeof bayesClauseFeatures> | undefined;
  const score: ClauseScorer = (clauses) => {
    bayes ??= bayesClauseFeatures(frames.clauses, models.bayes);
    const [, distressed, inCrisis] =
      bayes === "by-features"
        ? modelPosteriorByFeatures(clauses ? clauses.map((at) => frames.clauses[at]!) : frames.clauses, models.bayes)
        : posteriorOf(bayes, models.bayes, clauses);
    return linearScoresOf(words, named, models.linear, [inCrisis, distressed + inCrisis], clauses);
  };
  return { score, lowestCrisisScore: () => lowestLinearCrisisScore(words, named, models.linear) };
}

/**
 * The highest crisis score of any run of `size` consecutive clauses. A crisis sentence amid work
 * talk is scored with the talk's words too, and in the corpus crisis phrasings seldom come with
 * work talk, so the whole message's score can fall below the threshold while the sentence's own
 * would not.
 */
function highestWindowScore(frames: FrameScreen, score: ClauseScorer, size: number): number {
  let highest = 0;
  if (size <= 0 || frames.clauses.length <= size) return highest;
  for (let start = 0; start + size <= frames.clauses.length; start += 1) {
    const [crisis] = score(clauseRange(start, start + size));
    // A score that is not a number cannot vouch for the window: it counts as the highest of all.
    if (Number.isNaN(crisis)) return Number.NaN;
    if (crisis > highest) highest = crisis;
  }
  return highest;
}

/**
 * Whether the clauses a crisis frame fired in score above LOCAL_FRAME_FLOOR on their own. The whole
 * message's score sums the ordinary words around the frame too, and in the corpus crisis phrasings
 * seldom come with work talk, so without this a few ordinary sentences around "i am going to kill
 * myself tonight" would demote it.
 */
function frameHoldsInItsClauses(frames: FrameScreen, score: ClauseScorer): boolean {
  if (frames.crisisClauses.length === 0 || frames.crisisClauses.length === frames.clauses.length) return false;
  const [local] = score(frames.crisisClauses);
  return local > LOCAL_FRAME_FLOOR;
}

/** The frames' findings weighed by the statistical layers; exported so evaluation can swap the models. */
export function combinedAssessment(text: string, frames: FrameScreen, models: RiskModels): RiskAssessment {
  const layers = layersOf(text, frames, models);
  const floor = models.frameFloor ?? FRAME_CRISIS_FLOOR;
  // Only a low score demotes a frame, and nothing below needs a score once a frame stands, so a
  // frame no Bayes verdict could demote settles the message: the same answer, half the layers' work.
  if (frames.crisis.size > 0 && layers.lowestCrisisScore() > floor) {
    return { level: "crisis", reasons: [...frames.crisis, ...frames.elevated] };
  }
  const score = layers.score;
  const [crisisScore, riskScore] = score();
  const crisis = new Set<string>();
  const elevated = new Set(frames.elevated);
  // Only a score that is a number and low demotes a frame: anything the layer cannot score stays crisis.
  const demoted = crisisScore <= floor && (models.localFrames === false || !frameHoldsInItsClauses(frames, score));
  for (const reason of frames.crisis) (demoted ? elevated : crisis).add(reason);
  // Words the frames explained away (negated, someone else's, a story) take more for the layer to call back.
  const threshold = frames.explained
    ? (models.explainedThreshold ?? EXPLAINED_CRISIS_THRESHOLD)
    : (models.crisisThreshold ?? LINEAR_CRISIS_THRESHOLD);
  if (crisis.size === 0 && crisisScore > threshold) {
    crisis.add("crisis-language-like-known-phrasings");
  }
  const windowThreshold = Math.max(threshold, models.windowThreshold ?? WINDOW_THRESHOLD);
  // Only a message the layer already finds somewhat like crisis is scored again clause by clause.
  const gated = crisisScore <= (models.windowGate ?? WINDOW_GATE);
  if (crisis.size === 0 && !gated && !(highestWindowScore(frames, score, models.windowClauses ?? WINDOW_CLAUSES) <= windowThreshold)) {
    crisis.add("crisis-language-like-known-phrasings");
  }
  if (crisis.size === 0 && elevated.size === 0 && riskScore > (models.riskThreshold ?? LINEAR_RISK_THRESHOLD))
    elevated.add("distress-like-known-phrasings");
  if (crisis.size > 0) return { level: "crisis", reasons: [...crisis, ...elevated] };
  if (elevated.size > 0) return { level: "elevated", reasons: [...elevated] };
  return { level: "none", reasons: [] };
}

function lexiconsFor(locale: string | undefined): RiskLexicon[] {
  const language = (locale ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  // Own keys only: a locale such as "constructor" must not reach Object.prototype and throw.
  const chosen = Object.hasOwn(LEXICONS, language) ? LEXICONS[language] : undefined;
  return chosen && chosen !== RISK_LEXICON_EN ? [chosen, RISK_LEXICON_EN] : [RISK_LEXICON_EN];
}

function screenClause(
  clause: ScreenedText,
  message: ScreenedText,
  helpingRole: boolean,
  lexicon: RiskLexicon,
  plan: ScreenPlan,
  crisis: Set<string>,
  elevated: Set<string>,
): void {
  const isMedia = helpingRole || clause.testAny(plan.mediaCues);
  for (const match of matchesIn(clause, plan.crisis, lexicon.negations)) {
    if (isMedia) elevated.add("crisis-language-about-a-story-or-topic");
    else if (isReportedAbout(clause, match.index, plan)) elevated.add("concern-for-someone-else");
    else crisis.add(match.reason);
  }
  for (const match of matchesIn(clause, plan.elevated, lexicon.negations)) elevated.add(match.reason);
  screenFrames(clause, message, lexicon, plan, isMedia, crisis, elevated);
  if (!isMedia && clause.testAny(plan.reportedCues) && clause.test(plan.reportedHarm)) {
    elevated.add("concern-for-someone-else");
  }
}

function matchesIn(clause: ScreenedText, patterns: ScreenPlan["crisis"], negations: string[]): { reason: string; index: number }[] {
  const found: { reason: string; index: number }[] = [];
  for (const pattern of patterns) {
    const index = clause.firstMatch(pattern);
    if (index >= 0 && !isNegated(clause.text, index, negations)) found.push({ reason: pattern.reason, index });
  }
  return found;
}

const SPACE = 32;

/** Whether `text` from `start` to `end` is one of `words`. */
function isOneOf(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const word of words) if (word.length === end - start && text.startsWith(word, start)) return true;
  return false;
}

/** A negation among the few words just before the phrase, in the same clause, turns it around. */
function isNegated(clause: string, index: number, negations: string[]): boolean {
  // The last few of clause.slice(0, index).trim().split(" "), taken from the end without splitting it all.
  // Compared in place: cutting each of those words out as a string would be garbage per match.
  let end = index;
  while (end > 0 && clause.charCodeAt(end - 1) === SPACE) end -= 1;
  for (let taken = 0; taken < NEGATION_WINDOW_TOKENS; taken += 1) {
    const space = end > 0 ? clause.lastIndexOf(" ", end - 1) : -1;
    if (isOneOf(clause, space + 1, end, negations)) return true;
    if (space < 0) return false;
    end = space;
  }
  return false;
}

/**
 * Someone else's words: a reporting cue before the phrase with no first person in between
 * ("she said she wants to die"), unlike "my manager told me I'm useless and I want to die".
 */
function isReportedAbout(clause: ScreenedText, index: number, plan: ScreenPlan): boolean {
  const text = clause.text;
  const before = text.slice(0, index);
  // Cut between words, the words before the phrase are some of the clause's words, so a cue the
  // clause cannot match cannot match them either.
  const cutBetweenWords = !(isWordCode(text.charCodeAt(index - 1)) && isWordCode(text.charCodeAt(index)));
  for (const cue of plan.reportedCues) {
    if (cutBetweenWords && !clause.mayMatch(cue)) continue;
    const cueMatch = cue.pattern.exec(before);
    if (!cueMatch) continue;
    const between = before.slice(cueMatch.index + cueMatch[0].length);
    if (!FIRST_PERSON.test(between)) return true;
  }
  return false;
}

/**
 * Frames over meaning. A crisis frame that is negated, about a story, or reported about somebody
 * else still counts as elevated: a supporter should hear it, and over-calling beats missing.
 */
function screenFrames(
  clause: ScreenedText,
  message: ScreenedText,
  lexicon: RiskLexicon,
  plan: ScreenPlan,
  isMedia: boolean,
  crisis: Set<string>,
  elevated: Set<string>,
): void {
  for (const indexed of plan.frames) {
    const { frame } = indexed;
    const index = frameMatch(clause, indexed);
    if (index < 0 || message.testAny(indexed.unlessInMessage)) continue;
    if (isNegated(clause.text, index, lexicon.negations)) elevated.add("negated-risk-language");
    else if (isMedia) elevated.add("crisis-language-about-a-story-or-topic");
    else if (frame.subject === "self" && isReportedAbout(clause, index, plan)) elevated.add("concern-for-someone-else");
    else crisis.add(frame.reason);
  }
  for (const indexed of plan.elevatedFrames) {
    const index = frameMatch(clause, indexed);
    if (index >= 0 && !isNegated(clause.text, index, lexicon.negations)) elevated.add(indexed.frame.reason);
  }
}

/** Where the frame's last concept starts, or -1 when the clause does not hold the frame. */
function frameMatch(clause: ScreenedText, { all, unless }: IndexedFrame): number {
  // A concept none of whose words occur settles it before any pattern runs.
  if (!clause.allMayMatch(all)) return -1;
  let index = -1;
  for (const concept of all) {
    const first = clause.firstMatch(concept);
    if (first < 0) return -1;
    index = Math.max(index, first);
  }
  return clause.testAny(unless) ? -1 : index;
}
