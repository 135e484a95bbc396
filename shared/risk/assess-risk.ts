import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import type { RiskLexicon, RiskPattern } from "./risk-lexicon.js";
import RISK_MODEL_EN from "./risk-model-en.json" with { type: "json" };
import { MODEL_BENIGN_VETO, MODEL_CRISIS_THRESHOLD, modelPosterior, type RiskModel } from "./risk-model.js";
import { ELEVATED_FRAMES_EN, RISK_FRAMES_EN, type RiskFrame } from "./risk-frames-en.js";

export type RiskLevel = "none" | "elevated" | "crisis";

export interface RiskAssessment {
  level: RiskLevel;
  /** Stable labels such as "suicidal-thoughts"; never the person's words. */
  reasons: string[];
}

/** Lexicons by language. English always runs too, since people often write in English at work. */
const LEXICONS: Readonly<Record<string, RiskLexicon>> = { en: RISK_LEXICON_EN };
const NEGATION_WINDOW_TOKENS = 3;
const IDIOM_PLACEHOLDER = " _ ";
/** A supporter or author asking how to handle crisis words is writing about them, in every sentence. */
const HELPING_ROLE =
  /\b(?:handbook|faq|faqs|escalation (?:section|policy|process)|volunteer guide|training (?:deck|slides|material)|how (?:do|can|should) (?:i|we) (?:ask|respond|reply|handle))\b/;
const EXPLAINED_AWAY = ["negated-risk-language", "concern-for-someone-else", "crisis-language-about-a-story-or-topic"];
const CLAUSE_BREAK = /[.!?;:\n\r]+|\bbut\b|\bhowever\b/;

/**
 * Screens text for risk to life or safety (`crisis`) or severe distress (`elevated`). It is a
 * transparent lexicon with normalisation, idiom, negation and reported-speech handling: explainable,
 * offline, and deliberately inclined to over-call rather than miss.
 */
export function assessRisk(text: string, locale?: string): RiskAssessment {
  const crisis = new Set<string>();
  const elevated = new Set<string>();
  let englishClauses: string[] = [];
  for (const lexicon of lexiconsFor(locale)) {
    const clauses = clausesOf(text, lexicon);
    if (lexicon === RISK_LEXICON_EN) englishClauses = clauses;
    const message = clauses.join(" . ");
    const helpingRole = HELPING_ROLE.test(message);
    for (const clause of clauses) screenClause(clause, message, helpingRole, lexicon, crisis, elevated);
  }
  const [benign, distressed, inCrisis] = modelPosterior(englishClauses, RISK_MODEL_EN as RiskModel);
  if (crisis.size > 0 && benign > MODEL_BENIGN_VETO) {
    for (const reason of crisis) elevated.add(reason);
    crisis.clear();
  }
  // Words the frames explained away (negated, someone else's, a story) are not the model's to call back.
  const explained =
    EXPLAINED_AWAY.some((reason) => elevated.has(reason)) ||
    (crisis.size === 0 &&
      englishClauses.some(
        (clause) => clause.includes(IDIOM_PLACEHOLDER.trim()) || RISK_LEXICON_EN.mediaCues.some((cue) => cue.test(clause)),
      ));
  if (inCrisis > MODEL_CRISIS_THRESHOLD && !explained) crisis.add("crisis-language-like-known-phrasings");
  else if (distressed + inCrisis > MODEL_CRISIS_THRESHOLD) elevated.add("distress-like-known-phrasings");
  if (crisis.size > 0) return { level: "crisis", reasons: [...crisis, ...elevated] };
  if (elevated.size > 0) return { level: "elevated", reasons: [...elevated] };
  return { level: "none", reasons: [] };
}

function lexiconsFor(locale: string | undefined): RiskLexicon[] {
  const language = (locale ?? "en").toLowerCase().split(/[-_]/)[0] ?? "en";
  const chosen = LEXICONS[language];
  return chosen && chosen !== RISK_LEXICON_EN ? [chosen, RISK_LEXICON_EN] : [RISK_LEXICON_EN];
}

/** Normalised clauses, each in two spellings: long runs of a letter cut to two and to one. */
export function clausesOf(text: string, lexicon: RiskLexicon): string[] {
  const lowered = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201B\u0060\u00B4\u2032]/g, "'")
    .replace(/'/g, "");
  const spellings = new Set<string>();
  for (const rawClause of lowered.split(CLAUSE_BREAK)) {
    const words = rawClause.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!words) continue;
    spellings.add(words.replace(/(\p{L})\1{2,}/gu, "$1$1"));
    spellings.add(words.replace(/(\p{L})\1{2,}/gu, "$1"));
  }
  // One pass of corrections and idioms over every clause at once: no pattern can cross the "|".
  const corrected = [...spellings]
    .join(" | ")
    .split(" ")
    .map((token) => lexicon.misspellings[token] ?? token)
    .join(" ");
  const withoutIdioms = lexicon.idioms.reduce((all, idiom) => all.replace(idiom, IDIOM_PLACEHOLDER), corrected);
  return withoutIdioms
    .split("|")
    .map((clause) => clause.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function screenClause(
  clause: string,
  message: string,
  helpingRole: boolean,
  lexicon: RiskLexicon,
  crisis: Set<string>,
  elevated: Set<string>,
): void {
  const isMedia = helpingRole || lexicon.mediaCues.some((cue) => cue.test(clause));
  for (const match of matchesIn(clause, lexicon.crisis, lexicon.negations)) {
    if (isMedia) elevated.add("crisis-language-about-a-story-or-topic");
    else if (isReportedAbout(clause, match.index, lexicon)) elevated.add("concern-for-someone-else");
    else crisis.add(match.reason);
  }
  for (const match of matchesIn(clause, lexicon.elevated, lexicon.negations)) elevated.add(match.reason);
  screenFrames(clause, message, lexicon, isMedia, crisis, elevated);
  if (
    !isMedia &&
    lexicon.reportedCues.some((cue) => cue.test(clause)) &&
    /\b(?:die|kill|hurt|harm|suicid\w*|end it|overdose)\b/.test(clause)
  ) {
    elevated.add("concern-for-someone-else");
  }
}

function matchesIn(clause: string, patterns: RiskPattern[], negations: string[]): { reason: string; index: number }[] {
  const found: { reason: string; index: number }[] = [];
  for (const { reason, pattern } of patterns) {
    const match = pattern.exec(clause);
    if (match && !isNegated(clause, match.index, negations)) found.push({ reason, index: match.index });
  }
  return found;
}

/** A negation among the few words just before the phrase, in the same clause, turns it around. */
function isNegated(clause: string, index: number, negations: string[]): boolean {
  const before = clause.slice(0, index).trim().split(" ").slice(-NEGATION_WINDOW_TOKENS);
  return before.some((token) => negations.includes(token));
}

/**
 * Someone else's words: a reporting cue before the phrase with no first person in between
 * ("she said she wants to die"), unlike "my manager told me I'm useless and I want to die".
 */
function isReportedAbout(clause: string, index: number, lexicon: RiskLexicon): boolean {
  const before = clause.slice(0, index);
  for (const cue of lexicon.reportedCues) {
    const cueMatch = cue.exec(before);
    if (!cueMatch) continue;
    const between = before.slice(cueMatch.index + cueMatch[0].length);
    if (!/\b(?:i|im|ive|id|ill|me|my|myself)\b/.test(between)) return true;
  }
  return false;
}

/**
 * Frames over meaning. A crisis frame that is negated, about a story, or reported about somebody
 * else still counts as elevated: a supporter should hear it, and over-calling beats missing.
 */
function screenFrames(
  clause: string,
  message: string,
  lexicon: RiskLexicon,
  isMedia: boolean,
  crisis: Set<string>,
  elevated: Set<string>,
): void {
  for (const frame of RISK_FRAMES_EN) {
    const index = frameMatch(clause, frame);
    if (index < 0 || frame.unlessInMessage?.some((pattern) => pattern.test(message))) continue;
    if (isNegated(clause, index, lexicon.negations)) elevated.add("negated-risk-language");
    else if (isMedia) elevated.add("crisis-language-about-a-story-or-topic");
    else if (frame.subject === "self" && isReportedAbout(clause, index, lexicon)) elevated.add("concern-for-someone-else");
    else crisis.add(frame.reason);
  }
  for (const frame of ELEVATED_FRAMES_EN) {
    const index = frameMatch(clause, frame);
    if (index >= 0 && !isNegated(clause, index, lexicon.negations)) elevated.add(frame.reason);
  }
}

/** Where the frame's last concept starts, or -1 when the clause does not hold the frame. */
function frameMatch(clause: string, frame: RiskFrame): number {
  let index = -1;
  for (const pattern of frame.all) {
    const match = pattern.exec(clause);
    if (!match) return -1;
    index = Math.max(index, match.index);
  }
  return frame.unless?.some((pattern) => pattern.test(clause)) ? -1 : index;
}
