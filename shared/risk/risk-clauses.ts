import type { RiskLexicon } from "./risk-lexicon.js";
import { staysWithinPipes } from "./pattern-anchors.js";
import { PatternIndex, type PatternPresence } from "./pattern-index.js";

export const IDIOM_PLACEHOLDER = " _ ";
const CLAUSE_BREAK = /[.!?;:\n\r]+|\bbut\b|\bhowever\b/;
const APOSTROPHES = /['\u2018\u2019\u201B\u0060\u00B4\u2032]/g;
const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/gu;
const LONG_RUN = /(\p{L})\1{2,}/gu;
// Where a clause's only letters and numbers are a-z and 0-9 (lower-cased, emoji and symbols aside),
// these say the same as the Unicode forms above, much faster.
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_RUNS = /[\u0080-\uffff]+/g;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
// Runs of anything but letters and numbers, except a lone space, which would only become itself.
const ASCII_GAPS_NOT_ONE_SPACE = /[^a-z0-9 ][^a-z0-9]*| [^a-z0-9]+/g;
const ASCII_LONG_RUN = /([a-z])\1\1/;
const UNEVEN_SPACING = /\s\s|[^\S ]/;
/** Any character thrice in a row, as code units or as surrogate pairs: a long run of a letter needs one. */
const THRICE = /([^])\1\1|([\ud800-\udbff][\udc00-\udfff])\2\2/;

interface LexiconTools {
  idiomIndex: PatternIndex;
  /** By idiom: whether it can run clause by clause (see withoutIdiomsIn). */
  confinedIdioms: boolean[];
  /**
   * Whole space-separated tokens the misspelling lookup changes: the lexicon's own entries only, so a
   * word such as "constructor" is never looked up on Object.prototype.
   */
  correctable: RegExp;
}

const toolsByLexicon = new WeakMap<RiskLexicon, LexiconTools>();

function toolsFor(lexicon: RiskLexicon): LexiconTools {
  let tools = toolsByLexicon.get(lexicon);
  if (!tools) {
    const corrected = Object.keys(lexicon.misspellings).filter((token) => lexicon.misspellings[token] !== token);
    const tokens = corrected;
    const escaped = tokens.map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    tools = {
      idiomIndex: new PatternIndex(lexicon.idioms),
      confinedIdioms: lexicon.idioms.map((idiom) => idiom.global && staysWithinPipes(idiom)),
      correctable: new RegExp(`(^| )(${escaped.join("|")})(?= |$)`, "g"),
    };
    toolsByLexicon.set(lexicon, tools);
  }
  return tools;
}

/** Normalised clauses, each in two spellings: long runs of a letter cut to two and to one. */
export function clausesOf(text: string, lexicon: RiskLexicon): string[] {
  return screenedClausesOf(text, lexicon, toolsFor(lexicon).idiomIndex).clauses;
}

/**
 * The clauses, and what the index's patterns could match in each: `rows[k]` is clause k's row of
 * `present`, `messageRow` the row of all of them together. The index must hold the lexicon's
 * idioms. The words the idioms pass had to find are the clauses' words, so one scan serves both.
 */
export interface ScreenedClauses {
  clauses: string[];
  present: PatternPresence;
  rows: number[];
  messageRow: number;
}

export function screenedClausesOf(text: string, lexicon: RiskLexicon, index: PatternIndex): ScreenedClauses {
  const tools = toolsFor(lexicon);
  const lowered = text.normalize("NFKC").toLowerCase().replace(APOSTROPHES, "");
  const spellings = new Set<string>();
  for (const rawClause of lowered.split(CLAUSE_BREAK)) {
    const ascii = lettersAndNumbersAreAscii(rawClause);
    const words = rawClause.replace(ascii ? ASCII_GAPS_NOT_ONE_SPACE : NOT_LETTER_OR_NUMBER, " ").trim();
    if (!words) continue;
    if (ascii ? !ASCII_LONG_RUN.test(words) : !THRICE.test(words)) {
      spellings.add(words);
      continue;
    }
    spellings.add(words.replace(LONG_RUN, "$1$1"));
    spellings.add(words.replace(LONG_RUN, "$1"));
  }
  // One pass of corrections and idioms over every clause at once: no pattern can cross the "|".
  const joined = [...spellings].join(" | ");
  // The same as mapping every token through the lookup and joining them again, touching only those it changes.
  const corrected = joined.replace(
    tools.correctable,
    (_, space: string, token: string) => `${space}${Object.hasOwn(lexicon.misspellings, token) ? lexicon.misspellings[token] : token}`,
  );
  const { pieces, present } = withoutIdiomsIn(corrected, lexicon, tools, index);
  const evenlySpaced = !pieces.some((piece) => UNEVEN_SPACING.test(piece));
  const clauses: string[] = [];
  const rows: number[] = [];
  pieces.forEach((piece, row) => {
    // Trimming and evening out spaces leave a clause's words, so its row still holds.
    const clause = (evenlySpaced ? piece : piece.replace(/\s+/g, " ")).trim();
    if (!clause) return;
    clauses.push(clause);
    rows.push(row);
  });
  return { clauses, present, rows, messageRow: pieces.length };
}

function lettersAndNumbersAreAscii(rawClause: string): boolean {
  return !NON_ASCII.test(rawClause) || !LETTER_OR_NUMBER.test(rawClause.match(NON_ASCII_RUNS)!.join(""));
}

/**
 * Idioms in order, each over what the ones before it left, on the clauses whose words it needs. An
 * idiom that cannot reach across a "|" and replaces every match gives the same text run clause by
 * clause as over the whole; any other idiom runs over the whole text. Returns the pieces between
 * "|"s and their rows as the index sees them after the last change.
 *
 * A replacement only takes words away (its placeholder is a word no pattern needs), so rows
 * scanned before it still say every pattern that could match after it: the later idioms can go on
 * with them, and the text is scanned again once, at the end. Only a replacement that swallowed a
 * "|" moves the rows, and needs a scan at once.
 */
function withoutIdiomsIn(
  text: string,
  lexicon: RiskLexicon,
  tools: LexiconTools,
  index: PatternIndex,
): { pieces: string[]; present: PatternPresence } {
  let pieces = text.split("|");
  let present = index.scanAll(pieces);
  let stale = false;
  lexicon.idioms.forEach((idiom, at) => {
    if (!tools.confinedIdioms[at]) {
      if (!index.mayMatch(present, idiom, pieces.length)) return;
      const joined = pieces.join("|");
      const replaced = joined.replace(idiom, IDIOM_PLACEHOLDER);
      if (replaced === joined) return;
      const count = pieces.length;
      pieces = replaced.split("|");
      if (pieces.length === count) stale = true;
      else {
        present = index.scanAll(pieces);
        stale = false;
      }
      return;
    }
    pieces.forEach((piece, row) => {
      if (!index.mayMatch(present, idiom, row)) return;
      const replaced = piece.replace(idiom, IDIOM_PLACEHOLDER);
      if (replaced === piece) return;
      pieces[row] = replaced;
      stale = true;
    });
  });
  if (stale) present = index.scanAll(pieces);
  return { pieces, present };
}
