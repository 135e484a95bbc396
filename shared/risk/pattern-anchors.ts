/**
 * Words a pattern cannot match without. The screen runs well over a hundred patterns on every
 * clause, and most clauses hold none of the words a given pattern needs; knowing those words lets
 * the screen skip the pattern without changing any answer. The analysis is deliberately
 * conservative: any construct it does not fully understand makes the pattern "always run", so a
 * pattern written in some other style is slower, never missed.
 */
export interface Anchor {
  /** Word characters (`\w`) that begin a word of any text the pattern matches. */
  prefix: string;
  /** The word is exactly the prefix ("i" but not "in"). */
  wholeWord: boolean;
}

type RegexNode =
  | { kind: "char"; char: string; word: boolean }
  | { kind: "class"; mayBeWordChar: boolean; mayBePipe: boolean }
  | { kind: "boundary" }
  | { kind: "start" }
  | { kind: "end" }
  | { kind: "group"; alternatives: RegexNode[][] }
  | { kind: "repeat"; node: RegexNode; min: number; max: number };

type OptionalGroup = { kind: "repeat"; node: { kind: "group"; alternatives: RegexNode[][] }; min: 0; max: 1 };

class Unanchored extends Error {}

// Case folding, sticky matching and the `v` set syntax would each change what a literal means.
const UNDERSTOOD_FLAGS = /^[gmsud]*$/;
/** Words in most messages: a pattern is better known by any rarer word it needs. */
const COMMON_WORDS = new Set(
  (
    "i im ive id ill me my a an the to of and or in on at for it its is be am are was so not no do dont cant can if this " +
    "that what just like all get got have has had will would you we they he she his her them your our there with about " +
    "up out feel feeling want going go know now how one more every some any really too off from by as but when then than"
  ).split(" "),
);

/** `\w`: the word characters `\b` is defined by. */
export function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
}

/**
 * What any text the pattern matches must hold: at least one of the terms, each a few anchors that
 * must all occur. Null when some match could hold none. Of the words a match needs, the
 * rarest-looking are chosen, and two of its parts are required together where that stays small.
 */
export type Requirement = Anchor[][];

export function requirementOf(pattern: RegExp): Requirement | null {
  if (!UNDERSTOOD_FLAGS.test(pattern.flags)) return null;
  try {
    return requiredByAny(new RegexParser(pattern.source).parse(), false, false);
  } catch (error) {
    if (error instanceof Unanchored) return null;
    throw error;
  }
}

/**
 * Whether no match can reach across a "|": the pattern cannot match one and holds no ^ or $ (and,
 * being parsed, no lookaround). Such a pattern can run on the clauses between "|"s one at a time.
 */
export function staysWithinPipes(pattern: RegExp): boolean {
  if (!UNDERSTOOD_FLAGS.test(pattern.flags)) return false;
  try {
    return new RegexParser(pattern.source).parse().every((sequence) => sequence.every(withinPipes));
  } catch (error) {
    if (error instanceof Unanchored) return false;
    throw error;
  }
}

function withinPipes(node: RegexNode): boolean {
  switch (node.kind) {
    case "char":
      return node.char !== "|";
    case "class":
      return !node.mayBePipe;
    case "start":
    case "end":
      return false;
    case "group":
      return node.alternatives.every((sequence) => sequence.every(withinPipes));
    case "repeat":
      return withinPipes(node.node);
    case "boundary":
      return true;
  }
}

const MAX_TERMS = 64;
const MAX_TERM_ANCHORS = 3;

/** A rough chance that a clause holds the anchor: only the order of these matters. */
export function chanceOf({ prefix, wholeWord }: Anchor): number {
  const chance = COMMON_WORDS.has(prefix) ? 0.3 : prefix.length <= 3 ? 0.05 : 0.01;
  return wholeWord ? chance : Math.min(1, chance * 3);
}

function chanceOfAny(requirement: Requirement): number {
  let sum = 0;
  for (const term of requirement) sum += term.reduce((product, anchor) => product * chanceOf(anchor), 1);
  return sum;
}

/** Both requirements at once; dropping an anchor from a term only makes it easier to meet. */
function both(first: Requirement, second: Requirement): Requirement {
  const terms: Requirement = [];
  const same = (a: Anchor, b: Anchor) => a.prefix === b.prefix && a.wholeWord === b.wholeWord;
  for (const one of first) {
    for (const other of second) {
      const term = [...one];
      for (const anchor of other) if (!term.some((held) => same(held, anchor))) term.push(anchor);
      terms.push(term.length <= MAX_TERM_ANCHORS ? term : term.sort((a, b) => chanceOf(a) - chanceOf(b)).slice(0, MAX_TERM_ANCHORS));
    }
  }
  return terms;
}

/** Every alternative must meet one of the terms; null as soon as one may meet none. */
function requiredByAny(alternatives: RegexNode[][], boundedBefore: boolean, boundedAfter: boolean): Requirement | null {
  const terms: Requirement = [];
  for (const sequence of alternatives) {
    const required = requiredBySequence(sequence, boundedBefore, boundedAfter);
    if (!required) return null;
    for (const term of required) terms.push(term);
  }
  return terms;
}

/**
 * A sequence needs what each of its parts needs, so the two rarest parts' requirements together
 * will do. A run of literal word characters is a word of the text when only a boundary can come
 * before it.
 */
function requiredBySequence(sequence: RegexNode[], boundedBefore: boolean, boundedAfter: boolean): Requirement | null {
  const parts: { required: Requirement; chance: number }[] = [];
  for (let at = 0; at < sequence.length; at += 1) {
    const node = sequence[at]!;
    let required: Requirement | null = null;
    if (node.kind === "char" && node.word) {
      let prefix = node.char;
      let end = at;
      for (let next = sequence[end + 1]; next?.kind === "char" && next.word; next = sequence[end + 1]) {
        prefix += next.char;
        end += 1;
      }
      if (boundaryBefore(sequence, at, boundedBefore)) required = [[{ prefix, wholeWord: boundaryAfter(sequence, end, boundedAfter) }]];
      at = end;
    } else if (node.kind === "group") {
      required = requiredByAny(node.alternatives, boundaryBefore(sequence, at, boundedBefore), boundaryAfter(sequence, at, boundedAfter));
    } else if (node.kind === "repeat" && node.min > 0 && node.node.kind === "group") {
      // The first time round is preceded by what precedes the repeat; what follows it is unknown.
      required = requiredByAny(node.node.alternatives, boundaryBefore(sequence, at, boundedBefore), false);
    }
    if (required) parts.push({ required, chance: chanceOfAny(required) });
  }
  if (parts.length === 0) return null;
  parts.sort((a, b) => a.chance - b.chance);
  const [rarest, next] = parts;
  if (next && rarest!.required.length * next.required.length <= MAX_TERMS) return both(rarest!.required, next.required);
  return rarest!.required;
}

/** Whether only a non-word character or the start of the text can come before `at`. */
function boundaryBefore(sequence: RegexNode[], at: number, boundedBefore: boolean): boolean {
  const previous = sequence[at - 1];
  if (!previous) return boundedBefore;
  if (isBoundaryNode(previous, "start")) return true;
  // A skippable part that always ends in a boundary: either it is there, or what is before it counts.
  return isOptionalGroup(previous) && previous.node.alternatives.every(endsInBoundary) && boundaryBefore(sequence, at - 1, boundedBefore);
}

/** Whether only a non-word character or the end of the text can come after `at`. */
function boundaryAfter(sequence: RegexNode[], at: number, boundedAfter: boolean): boolean {
  const next = sequence[at + 1];
  if (!next) return boundedAfter;
  if (isBoundaryNode(next, "end")) return true;
  return isOptionalGroup(next) && next.node.alternatives.every(startsInBoundary) && boundaryAfter(sequence, at + 1, boundedAfter);
}

function isBoundaryNode(node: RegexNode, edge: "start" | "end"): boolean {
  if (node.kind === "boundary" || node.kind === edge) return true;
  if (node.kind === "char") return !node.word;
  return node.kind === "class" && !node.mayBeWordChar;
}

function isOptionalGroup(node: RegexNode): node is OptionalGroup {
  return node.kind === "repeat" && node.min === 0 && node.max === 1 && node.node.kind === "group";
}

function endsInBoundary(sequence: RegexNode[]): boolean {
  return sequence.length > 0 && isBoundaryNode(sequence[sequence.length - 1]!, "start");
}

function startsInBoundary(sequence: RegexNode[]): boolean {
  return sequence.length > 0 && isBoundaryNode(sequence[0]!, "end");
}

/** Parses the small regex dialect the lexicons are written in; anything else is Unanchored. */
class RegexParser {
  private at = 0;

  constructor(private readonly source: string) {}

  parse(): RegexNode[][] {
    const alternatives = this.alternatives();
    if (this.at !== this.source.length) throw new Unanchored();
    return alternatives;
  }

  private alternatives(): RegexNode[][] {
    const alternatives: RegexNode[][] = [this.sequence()];
    while (this.source[this.at] === "|") {
      this.at += 1;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): RegexNode[] {
    const sequence: RegexNode[] = [];
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      sequence.push(this.quantified(this.atom()));
    }
    return sequence;
  }

  private quantified(node: RegexNode): RegexNode {
    const char = this.source[this.at];
    if (char !== "?" && char !== "*" && char !== "+") {
      if (char === "{") throw new Unanchored();
      return node;
    }
    this.at += 1;
    if (this.source[this.at] === "?") this.at += 1;
    if (node.kind === "boundary" || node.kind === "start" || node.kind === "end") throw new Unanchored();
    return { kind: "repeat", node, min: char === "+" ? 1 : 0, max: char === "?" ? 1 : Infinity };
  }

  private atom(): RegexNode {
    const char = this.source[this.at++]!;
    if (char === "(") {
      if (this.source.startsWith("?:", this.at)) this.at += 2;
      else if (this.source[this.at] === "?") throw new Unanchored();
      const alternatives = this.alternatives();
      if (this.source[this.at++] !== ")") throw new Unanchored();
      return { kind: "group", alternatives };
    }
    if (char === "[") return this.characterClass();
    if (char === ".") return { kind: "class", mayBeWordChar: true, mayBePipe: true };
    if (char === "^") return { kind: "start" };
    if (char === "$") return { kind: "end" };
    if (char === "\\") return this.escape();
    if ("*+?{}]".includes(char)) throw new Unanchored();
    return { kind: "char", char, word: isWordCode(char.charCodeAt(0)) };
  }

  private escape(): RegexNode {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unanchored();
    if (char === "b") return { kind: "boundary" };
    if ("wd".includes(char)) return { kind: "class", mayBeWordChar: true, mayBePipe: false };
    if ("SD".includes(char)) return { kind: "class", mayBeWordChar: true, mayBePipe: true };
    if ("snrtfv".includes(char)) return { kind: "class", mayBeWordChar: false, mayBePipe: false };
    if (char === "W") return { kind: "class", mayBeWordChar: false, mayBePipe: true };
    // Other letter or digit escapes (\B, \p{…}, \u…, back references) are not this dialect.
    if (isWordCode(char.charCodeAt(0))) throw new Unanchored();
    return { kind: "char", char, word: false };
  }

  /** Only whether the class may hold a word character matters: it never extends a word. */
  private characterClass(): RegexNode {
    const end = this.source.indexOf("]", this.at);
    const body = end < 0 ? "" : this.source.slice(this.at, end);
    if (end < 0 || body === "" || body.includes("\\") || body.includes("[")) throw new Unanchored();
    this.at = end + 1;
    const negated = body.startsWith("^");
    // A range could span "|" (or word characters) whatever its ends are: assume it does.
    let mayBeWordChar = negated || body.includes("-");
    for (let index = 0; index < body.length && !mayBeWordChar; index += 1) mayBeWordChar = isWordCode(body.charCodeAt(index));
    return { kind: "class", mayBeWordChar, mayBePipe: negated || body.includes("-") || body.includes("|") };
  }
}
