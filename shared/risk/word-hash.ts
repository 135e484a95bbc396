/**
 * A hash of a word's character codes, computed one character at a time while walking a text, so
 * words can be looked up without cutting them out as strings. Kept to 30 bits so hashes stay small
 * integers, which engines store without allocating.
 */
export const WORD_HASH_START = 0x011c9dc5;

export const nextWordHash = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193) & 0x3fffffff;

export function wordHash(word: string, start = 0, end = word.length): number {
  let hash = WORD_HASH_START;
  for (let index = start; index < end; index += 1) hash = nextWordHash(hash, word.charCodeAt(index));
  return hash;
}

/**
 * A second 30-bit hash, mixed differently (a rotation and another multiplier), so that two words
 * agree on both only by a 1-in-2^60 chance: tables can then trust the pair instead of comparing
 * letters, which would mean fetching the word's string from wherever the heap put it.
 */
export const SECOND_HASH_START = 0x2f9b3c1d;

export const nextSecondHash = (hash: number, code: number) => Math.imul(((hash << 7) | (hash >>> 23)) ^ code, 0x2c1b3c6d) & 0x3fffffff;

export function secondWordHash(word: string, start = 0, end = word.length): number {
  let hash = SECOND_HASH_START;
  for (let index = start; index < end; index += 1) hash = nextSecondHash(hash, word.charCodeAt(index));
  return hash;
}
