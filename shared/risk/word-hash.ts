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
