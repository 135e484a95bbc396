import { wordHash } from "./word-hash.js";

/**
 * Words numbered 0…n-1 and found straight from a text by their hash, checked letter by letter, so a
 * layer can look a token up without cutting it out as a string. Open addressing over typed arrays:
 * between the screen's regex runs a Map's scattered entries would have left the caches.
 */
export class WordTable {
  private readonly hashes: Int32Array;
  /** Word number + 1 by slot, or 0 for an empty slot. */
  private readonly slots: Int32Array;

  constructor(readonly words: readonly string[]) {
    this.hashes = Int32Array.from(words, (word) => wordHash(word));
    this.slots = new Int32Array(2 ** Math.ceil(Math.log2(words.length * 4 + 1)));
    this.hashes.forEach((hash, number) => {
      let slot = hash & (this.slots.length - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (this.slots.length - 1);
      this.slots[slot] = number + 1;
    });
  }

  /** The number of the word `text` holds from `start` to `end` (whose `wordHash` is `hash`), or -1. */
  numberAt(text: string, start: number, end: number, hash: number): number {
    const { slots, hashes, words } = this;
    for (let slot = hash & (slots.length - 1); slots[slot] !== 0; slot = (slot + 1) & (slots.length - 1)) {
      const number = slots[slot]! - 1;
      const word = words[number]!;
      if (hashes[number] === hash && word.length === end - start && text.startsWith(word, start)) return number;
    }
    return -1;
  }
}
