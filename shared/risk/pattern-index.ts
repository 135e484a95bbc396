import { IntTable } from "./int-table.js";
import { chanceOf, isWordCode, requirementOf } from "./pattern-anchors.js";
import { nextWordHash, WORD_HASH_START, wordHash } from "./word-hash.js";

/**
 * Patterns by the words they cannot match without. One pass over a text's words tells which
 * patterns could match it at all; the rest cannot, so the screen need not run them. A pattern that
 * could match is still run as before, so answers stay exactly those of running every pattern.
 *
 * Words are looked up by a hash of their letters, computed while walking them: no word is cut out
 * as a string. Two words sharing a hash only make a pattern run that need not have, never the
 * reverse. A pattern's requirement is a few terms, each a few anchors that must all occur; a term
 * is met once each of its anchors has been seen in the text.
 */

/** Which patterns a scanned text could match: 1 at a pattern's id (plus the row's offset) when it could. */
export type PatternPresence = Uint8Array;

/** Lists of numbers by word hash, flattened into typed arrays; the table's own bit filter answers most misses. */
class ListsByHash {
  private readonly entries: IntTable;
  readonly starts: Int32Array;
  readonly items: Int32Array;

  constructor(lists: Map<number, number[]>) {
    this.entries = new IntTable([...lists.keys()].map((hash, entry) => [hash, entry] as const));
    const flat = flatten([...lists.values()]);
    this.starts = flat.starts;
    this.items = flat.items;
  }

  entryOf(hash: number): number {
    return this.entries.get(hash);
  }
}

function flatten(lists: number[][]): { starts: Int32Array; items: Int32Array } {
  const starts = new Int32Array(lists.length + 1);
  lists.forEach((list, at) => (starts[at + 1] = starts[at]! + list.length));
  return { starts, items: Int32Array.from(lists.flat()) };
}

export class PatternIndex {
  private readonly ids = new Map<RegExp, number>();
  private readonly alwaysRun: number[] = [];
  /** Anchors that are whole words, and anchors that begin words ("suicid" of "suicid\w*"), by hash. */
  private readonly byWord: ListsByHash;
  private readonly byBeginning: ListsByHash;
  /** Beginnings are only looked up at the lengths some have: 1 at those lengths. */
  private readonly beginningLengths: Uint8Array;
  /**
   * Each term is filed under its rarest anchor only, so a common word ("i", "the") seen in a text
   * does not walk every term that mentions it; a term's other anchors are then looked up as seen.
   */
  private readonly termsOfTrigger: { starts: Int32Array; items: Int32Array };
  private readonly anchorsOfTerm: { starts: Int32Array; items: Int32Array };
  private readonly patternOfTerm: Int32Array;
  /** Stamps of the last text and message each anchor was seen in, so nothing is cleared between texts. */
  private stamp = 0;
  private readonly seenInText: Int32Array;
  private readonly seenInMessage: Int32Array;
  private readonly found: Int32Array;
  private readonly foundInMessage: Int32Array;
  private rows = new Uint8Array(0);

  constructor(patterns: Iterable<RegExp>) {
    const anchorNumbers = new Map<string, number>();
    const chances: number[] = [];
    const words = new Map<number, number[]>();
    const beginnings = new Map<number, number[]>();
    const terms: { pattern: number; anchors: number[] }[] = [];
    const lengths = new Set<number>();
    for (const pattern of patterns) {
      if (this.ids.has(pattern)) continue;
      const id = this.ids.size;
      this.ids.set(pattern, id);
      const requirement = requirementOf(pattern);
      if (!requirement) {
        this.alwaysRun.push(id);
        continue;
      }
      const distinct = new Map<string, number[]>();
      for (const term of requirement) {
        const anchors = term.map((anchor) => {
          const key = `${anchor.prefix}${anchor.wholeWord ? "$" : "*"}`;
          let number = anchorNumbers.get(key);
          if (number === undefined) {
            anchorNumbers.set(key, (number = anchorNumbers.size));
            chances.push(chanceOf(anchor));
            const byHash = anchor.wholeWord ? words : beginnings;
            const hash = wordHash(anchor.prefix);
            byHash.set(hash, [...(byHash.get(hash) ?? []), number]);
            if (!anchor.wholeWord) lengths.add(anchor.prefix.length);
          }
          return number;
        });
        const unique = [...new Set(anchors)].sort((a, b) => chances[a]! - chances[b]! || a - b);
        distinct.set(unique.join(" "), unique);
      }
      for (const anchors of distinct.values()) terms.push({ pattern: id, anchors });
    }
    const termsOfTrigger: number[][] = chances.map(() => []);
    terms.forEach(({ anchors }, term) => termsOfTrigger[anchors[0]!]!.push(term));
    this.beginningLengths = new Uint8Array(Math.max(0, ...lengths) + 1);
    for (const length of lengths) this.beginningLengths[length] = 1;
    this.byWord = new ListsByHash(words);
    this.byBeginning = new ListsByHash(beginnings);
    this.termsOfTrigger = flatten(termsOfTrigger);
    this.anchorsOfTerm = flatten(terms.map(({ anchors }) => anchors.slice(1)));
    this.patternOfTerm = Int32Array.from(terms, ({ pattern }) => pattern);
    this.seenInText = new Int32Array(chances.length);
    this.seenInMessage = new Int32Array(chances.length);
    this.found = new Int32Array(chances.length);
    this.foundInMessage = new Int32Array(chances.length);
  }

  /** How many patterns there are: the width of one presence row. */
  get size(): number {
    return this.ids.size;
  }

  /** One pass over the words of `text`, marking every pattern whose requirement it meets. */
  scan(text: string): PatternPresence {
    const present = new Uint8Array(this.size);
    const stamp = this.nextStamp();
    this.meet(this.found, this.collect(text, stamp), this.seenInText, stamp, present, 0);
    return present;
  }

  /**
   * One row per text and a last row for all of them together, in one allocation. The texts' words
   * are the words of any text made of them and word-free separators, so the last row serves it;
   * there a term can be met with anchors from different texts.
   */
  scanAll(texts: string[]): PatternPresence {
    const width = this.size;
    const present = this.scratchRows(width * (texts.length + 1));
    const message = this.nextStamp();
    let foundInMessage = 0;
    texts.forEach((text, row) => {
      const stamp = this.nextStamp();
      const found = this.collect(text, stamp);
      for (let at = 0; at < found; at += 1) {
        const anchor = this.found[at]!;
        if (this.seenInMessage[anchor] === message) continue;
        this.seenInMessage[anchor] = message;
        this.foundInMessage[foundInMessage++] = anchor;
      }
      this.meet(this.found, found, this.seenInText, stamp, present, row * width);
    });
    this.meet(this.foundInMessage, foundInMessage, this.seenInMessage, message, present, texts.length * width);
    return present;
  }

  /**
   * Zeroed presence rows in a buffer reused from scan to scan, valid until this index's next
   * `scanAll`. A fresh typed array per message is memory outside the heap, whose accounting
   * brought extra garbage collections into the screen's slowest rounds.
   */
  private scratchRows(length: number): PatternPresence {
    if (this.rows.length < length) this.rows = new Uint8Array(Math.max(length, this.rows.length * 2));
    const rows = this.rows.subarray(0, length);
    rows.fill(0);
    return rows;
  }

  private nextStamp(): number {
    if (this.stamp === 0x7fffffff) {
      this.stamp = 0;
      this.seenInText.fill(0);
      this.seenInMessage.fill(0);
    }
    return (this.stamp += 1);
  }

  /** Every anchor the text's words hold, each once, into `found`; returns how many. */
  private collect(text: string, stamp: number): number {
    const { byWord, byBeginning, beginningLengths } = this;
    const longest = beginningLengths.length - 1;
    let found = 0;
    const length = text.length;
    for (let at = 0; at < length; at += 1) {
      let code = text.charCodeAt(at);
      if (!isWordCode(code)) continue;
      let hash = WORD_HASH_START;
      let wordLength = 0;
      do {
        hash = nextWordHash(hash, code);
        wordLength += 1;
        if (wordLength <= longest && beginningLengths[wordLength] === 1) found = this.note(byBeginning, hash, stamp, found);
        at += 1;
        code = text.charCodeAt(at);
      } while (isWordCode(code));
      found = this.note(byWord, hash, stamp, found);
    }
    return found;
  }

  private note(byHash: ListsByHash, hash: number, stamp: number, found: number): number {
    const entry = byHash.entryOf(hash);
    if (entry < 0) return found;
    for (let at = byHash.starts[entry]!; at < byHash.starts[entry + 1]!; at += 1) {
      const anchor = byHash.items[at]!;
      if (this.seenInText[anchor] === stamp) continue;
      this.seenInText[anchor] = stamp;
      this.found[found++] = anchor;
    }
    return found;
  }

  /** Marks the patterns of every term whose anchors were all seen, starting from their triggers. */
  private meet(found: Int32Array, count: number, seen: Int32Array, stamp: number, present: PatternPresence, offset: number): void {
    for (const id of this.alwaysRun) present[offset + id] = 1;
    const { starts, items } = this.termsOfTrigger;
    const others = this.anchorsOfTerm;
    for (let at = 0; at < count; at += 1) {
      const trigger = found[at]!;
      for (let of = starts[trigger]!; of < starts[trigger + 1]!; of += 1) {
        const term = items[of]!;
        let met = true;
        for (let other = others.starts[term]!; met && other < others.starts[term + 1]!; other += 1) {
          met = seen[others.items[other]!] === stamp;
        }
        if (met) present[offset + this.patternOfTerm[term]!] = 1;
      }
    }
  }

  /** False only when the pattern cannot match the text scanned into `row`; patterns not indexed always may. */
  mayMatch(present: PatternPresence, pattern: RegExp, row = 0): boolean {
    const id = this.ids.get(pattern);
    return id === undefined || present[row * this.size + id] === 1;
  }

  /** The pattern's place in every presence this index gives. */
  idOf(pattern: RegExp): number {
    const id = this.ids.get(pattern);
    if (id === undefined) throw new Error("pattern not indexed");
    return id;
  }
}
