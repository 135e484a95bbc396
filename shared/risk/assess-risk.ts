import { RISK_LEXICON_EN } from "./risk-lexicon-en.js";
import type { RiskLexicon, RiskPattern } from "./risk-lexicon.js";

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
const CLAUSE_BREAK = /[.!?;:\n\r]+|\bbut\b|\bhowever\b/;

/**
 * Screens text for risk to life or safety (`crisis`) or severe distress (`elevated`). It is a
 * transparent lexicon with normalisation, idiom, negation and reported-speech handling: explainable,
 * offline, and deliberately inclined to over-call rather than miss.
 */
export function assessRisk(text: string, locale?: string): RiskAssessment {
  const crisis = new Set<string>();
  const elevated = new Set<string>();
  for (const lexicon of lexiconsFor(locale)) {
    for (const clause of clausesOf(text, lexicon)) screenClause(clause, lexicon, crisis, elevated);
  }
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
  const clauses: string[] = [];
  for (const rawClause of lowered.split(CLAUSE_BREAK)) {
    const words = rawClause.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!words) continue;
    for (const variant of new Set([words.replace(/(\p{L})\1{2,}/gu, "$1$1"), words.replace(/(\p{L})\1{2,}/gu, "$1")])) {
      const corrected = variant
        .split(" ")
        .map((token) => lexicon.misspellings[token] ?? token)
        .join(" ");
      clauses.push(lexicon.idioms.reduce((clause, idiom) => clause.replace(idiom, IDIOM_PLACEHOLDER), corrected).replace(/\s+/g, " "));
    }
  }
  return clauses;
}

function screenClause(clause: string, lexicon: RiskLexicon, crisis: Set<string>, elevated: Set<string>): void {
  const isMedia = lexicon.mediaCues.some((cue) => cue.test(clause));
  for (const match of matchesIn(clause, lexicon.crisis, lexicon.negations)) {
    if (isMedia) elevated.add("crisis-language-about-a-story-or-topic");
    else if (isReportedAbout(clause, match.index, lexicon)) elevated.add("concern-for-someone-else");
    else crisis.add(match.reason);
  }
  for (const match of matchesIn(clause, lexicon.elevated, lexicon.negations)) elevated.add(match.reason);
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
