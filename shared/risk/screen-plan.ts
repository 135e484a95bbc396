import { PatternIndex, type PatternPresence } from "./pattern-index.js";
import type { ScreenedClauses } from "./risk-clauses.js";
import type { RiskLexicon } from "./risk-lexicon.js";
import type { RiskFrame } from "./risk-frames-en.js";

/** A pattern with its number in the plan's index: asking whether it could match is an array read. */
export interface Indexed {
  pattern: RegExp;
  id: number;
}

export interface IndexedFrame {
  frame: RiskFrame;
  all: Indexed[];
  unless: Indexed[];
  unlessInMessage: Indexed[];
}

/** Everything one lexicon's screen runs, numbered once in one index. */
export interface ScreenPlan {
  index: PatternIndex;
  crisis: (Indexed & { reason: string })[];
  elevated: (Indexed & { reason: string })[];
  mediaCues: Indexed[];
  reportedCues: Indexed[];
  frames: IndexedFrame[];
  elevatedFrames: IndexedFrame[];
  helpingRole: Indexed;
  reportedHarm: Indexed;
}

/** Message-wide and clause-level patterns the screen adds to a lexicon's. */
export interface ScreenPatterns {
  frames: RiskFrame[];
  elevatedFrames: RiskFrame[];
  helpingRole: RegExp;
  reportedHarm: RegExp;
}

export function screenPlan(lexicon: RiskLexicon, patterns: ScreenPatterns): ScreenPlan {
  const frameParts = (frame: RiskFrame) => [...frame.all, ...(frame.unless ?? []), ...(frame.unlessInMessage ?? [])];
  const index = new PatternIndex([
    ...[...lexicon.crisis, ...lexicon.elevated].map(({ pattern }) => pattern),
    ...lexicon.mediaCues,
    ...lexicon.reportedCues,
    ...[...patterns.frames, ...patterns.elevatedFrames].flatMap(frameParts),
    patterns.helpingRole,
    patterns.reportedHarm,
    // The idioms pass scans the clauses with this same index, and the screen reuses that scan.
    ...lexicon.idioms,
  ]);
  const indexed = (pattern: RegExp): Indexed => ({ pattern, id: index.idOf(pattern) });
  const indexedFrame = (frame: RiskFrame): IndexedFrame => ({
    frame,
    all: frame.all.map(indexed),
    unless: (frame.unless ?? []).map(indexed),
    unlessInMessage: (frame.unlessInMessage ?? []).map(indexed),
  });
  return {
    index,
    crisis: lexicon.crisis.map(({ reason, pattern }) => ({ reason, ...indexed(pattern) })),
    elevated: lexicon.elevated.map(({ reason, pattern }) => ({ reason, ...indexed(pattern) })),
    mediaCues: lexicon.mediaCues.map(indexed),
    reportedCues: lexicon.reportedCues.map(indexed),
    frames: patterns.frames.map(indexedFrame),
    elevatedFrames: patterns.elevatedFrames.map(indexedFrame),
    helpingRole: indexed(patterns.helpingRole),
    reportedHarm: indexed(patterns.reportedHarm),
  };
}

const firstMatchBuffers = new WeakMap<PatternIndex, Int32Array>();

/**
 * Zeroed first-match slots in a buffer reused per index, valid until the next batch over it: the
 * screen's texts live only while one message is screened, and a fresh typed array per message is
 * memory outside the heap, whose accounting brought extra garbage collections into slow rounds.
 */
function scratchFirstMatches(index: PatternIndex, length: number): Int32Array {
  let buffer = firstMatchBuffers.get(index);
  if (!buffer || buffer.length < length)
    firstMatchBuffers.set(index, (buffer = new Int32Array(Math.max(length, (buffer?.length ?? 0) * 2))));
  const slots = buffer.subarray(0, length);
  slots.fill(0);
  return slots;
}

/**
 * A clause or a whole message with the patterns it could match. Patterns run through it: one none
 * of whose needed words occur is skipped, as it would not have matched anyway, and one several
 * frames share (a concept, a harmless sense) runs once per text, its answer remembered.
 */
export class ScreenedText {
  /**
   * @param present presence rows, this text's from `offset`
   * @param firstMatches where each pattern first matched plus 2: 1 for nowhere, 0 until asked; same rows
   */
  constructor(
    readonly text: string,
    private readonly present: PatternPresence,
    private readonly firstMatches: Int32Array,
    private readonly offset: number,
  ) {}

  /** The clauses of a message, and the message made of them, over the rows their scan gave. */
  static batch({ clauses, present, rows, messageRow }: ScreenedClauses, message: string, index: PatternIndex) {
    const firstMatches = scratchFirstMatches(index, present.length);
    const row = (text: string, at: number) => new ScreenedText(text, present, firstMatches, at * index.size);
    return { clauses: clauses.map((clause, at) => row(clause, rows[at]!)), message: row(message, messageRow) };
  }

  mayMatch({ id }: Indexed): boolean {
    return this.present[this.offset + id] === 1;
  }

  allMayMatch(patterns: Indexed[]): boolean {
    for (const { id } of patterns) if (this.present[this.offset + id] !== 1) return false;
    return true;
  }

  /** The index `pattern.exec(text)` gives, or -1 when it finds nothing. */
  firstMatch({ pattern, id }: Indexed): number {
    const at = this.offset + id;
    if (this.present[at] !== 1) return -1;
    const known = this.firstMatches[at]!;
    if (known > 0) return known - 2;
    // `search` gives exec's index without building a match; with g or y it would ignore lastIndex.
    const first = pattern.global || pattern.sticky ? (pattern.exec(this.text)?.index ?? -1) : this.text.search(pattern);
    this.firstMatches[at] = first + 2;
    return first;
  }

  test(pattern: Indexed): boolean {
    return this.firstMatch(pattern) >= 0;
  }

  /** Whether any of the patterns matches; a loop, since a closure per call would be garbage per clause and frame. */
  testAny(patterns: readonly Indexed[]): boolean {
    for (const pattern of patterns) if (this.firstMatch(pattern) >= 0) return true;
    return false;
  }
}
