import { nextSecondHash, nextWordHash, SECOND_HASH_START, secondWordHash, WORD_HASH_START, wordHash } from "./word-hash.js";

/** Slot layout: first hash, second hash, word number + 1 (0 for an empty slot), the word's value. */
const SLOT_INTS = 4;

/**
 * Words numbered 0…n-1, each with one integer value, found straight from a text by two hashes of
 * its letters, so a layer can look a token up without cutting it out as a string. One slot holds
 * both hashes, the number and the value: a lookup costs one memory fetch. Between the screen's
 * regex runs anything more scattered (a Map, or a letter-by-letter check against the word's
 * string) would have left the caches, and the screen looks up hundreds of tokens per message.
 *
 * A token that is not a word is taken for one only if it matches a word on both 30-bit hashes: one
 * chance in about 10^18 per token. Two words of the table that did are refused when it is built.
 */
export class WordTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    readonly words: readonly string[],
    values?: ArrayLike<number>,
  ) {
    // At most two thirds full: short probes, and a table small enough to stay in the caches.
    const size = 2 ** Math.ceil(Math.log2(words.length * 1.5 + 1));
    this.mask = size - 1;
    this.slots = new Int32Array(size * SLOT_INTS);
    words.forEach((word, number) => {
      const first = wordHash(word);
      const second = secondWordHash(word);
      let slot = first & this.mask;
      for (; this.slots[slot * SLOT_INTS + 2] !== 0; slot = (slot + 1) & this.mask) {
        if (this.slots[slot * SLOT_INTS] === first && this.slots[slot * SLOT_INTS + 1] === second) {
          throw new Error(`word table: "${word}" and "${words[this.slots[slot * SLOT_INTS + 2]! - 1]}" share both hashes`);
        }
      }
      this.slots.set([first, second, number + 1, values?.[number] ?? -1], slot * SLOT_INTS);
    });
  }

  /** The slot of the word `text` holds from `start` to `end`, or -1 when the table has no such word. */
  slotAt(text: string, start: number, end: number): number {
    let first = WORD_HASH_START;
    let second = SECOND_HASH_START;
    for (let at = start; at < end; at += 1) {
      const code = text.charCodeAt(at);
      first = nextWordHash(first, code);
      second = nextSecondHash(second, code);
    }
    const { slots, mask } = this;
    for (let slot = first & mask; slots[slot * SLOT_INTS + 2] !== 0; slot = (slot + 1) & mask) {
      if (slots[slot * SLOT_INTS] === first && slots[slot * SLOT_INTS + 1] === second) return slot;
    }
    return -1;
  }

  /** The number of the word in a slot `slotAt` gave, or -1 for -1. */
  numberIn(slot: number): number {
    return slot < 0 ? -1 : this.slots[slot * SLOT_INTS + 2]! - 1;
  }

  /** The value stored with the word in a slot `slotAt` gave, or -1 for -1. */
  valueIn(slot: number): number {
    return slot < 0 ? -1 : this.slots[slot * SLOT_INTS + 3]!;
  }

  /** The number of the word `text` holds from `start` to `end`, or -1. */
  numberAt(text: string, start = 0, end = text.length): number {
    return this.numberIn(this.slotAt(text, start, end));
  }
}
