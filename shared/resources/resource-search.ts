import type { Resource, ResourceCategory } from "./resource-catalogue.js";

/**
 * Client-side search over a tenant's catalogue: small enough (a few hundred entries) to search on
 * every keystroke. Forgiving of typos, accents and case, because people look for help when they are
 * stressed and typing fast on a phone. Every word of the query must match somewhere; a match in the
 * title counts more than one in the tags, which counts more than one in the description or text.
 */

export interface ResourceSearchOptions {
  /** Only these categories; empty or absent means all. */
  categories?: readonly ResourceCategory[];
}

const FIELD_WEIGHTS = { title: 8, tags: 4, description: 2, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
// How well a word matched: exactly, as the start of a word, or with a typo.
const MATCH_QUALITY = { exact: 3, prefix: 2, typo: 1 } as const;

/** Lower case, without accents, so "Café" and "cafe" are the same word; "ß" reads as "ss". */
export function normaliseText(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/ß/g, "ss");
}

/** The words of a text, normalised. Digits count as words so "988" and "116" can be found. */
export function tokenise(text: string): string[] {
  return normaliseText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Typos allowed in a query word of this length: none for short words, where one typo changes the word. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance (a swap of two neighbours counts as one
 * edit), giving up early: anything above `limit` is reported as `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_value, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/** How well one query word matches one word of a resource, or 0 when it does not. */
export function wordMatch(queryWord: string, word: string): number {
  if (word === queryWord) return MATCH_QUALITY.exact;
  if (word.startsWith(queryWord)) return MATCH_QUALITY.prefix;
  const typos = allowedTypos(queryWord.length);
  return typos > 0 && editDistance(queryWord, word, typos) <= typos ? MATCH_QUALITY.typo : 0;
}

interface IndexedResource<T extends Resource> {
  resource: T;
  words: Record<Field, readonly string[]>;
}

function indexed<T extends Resource>(resource: T): IndexedResource<T> {
  return {
    resource,
    words: {
      title: tokenise(resource.title),
      tags: resource.tags.flatMap(tokenise),
      description: tokenise(resource.description),
      body: tokenise(resource.body ?? ""),
    },
  };
}

/** The best score one query word gets in a resource: field weight times match quality. */
function bestScore(queryWord: string, words: Record<Field, readonly string[]>): number {
  let best = 0;
  for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
    for (const word of words[field]) {
      const quality = wordMatch(queryWord, word);
      if (quality > 0) best = Math.max(best, FIELD_WEIGHTS[field] * quality);
    }
  }
  return best;
}

/**
 * The resources that match the query and categories, best first. An empty query keeps the
 * catalogue's own order, so admins decide what people see first.
 */
export function searchResources<T extends Resource>(resources: readonly T[], query: string, options: ResourceSearchOptions = {}): T[] {
  const categories = options.categories?.length ? new Set(options.categories) : undefined;
  const inCategory = resources.filter((resource) => !categories || categories.has(resource.category));
  const queryWords = [...new Set(tokenise(query))];
  if (queryWords.length === 0) return inCategory;
  const scored: { resource: T; score: number; position: number }[] = [];
  inCategory.forEach((resource, position) => {
    const { words } = indexed(resource);
    let score = 0;
    for (const queryWord of queryWords) {
      const best = bestScore(queryWord, words);
      if (best === 0) return;
      score += best;
    }
    scored.push({ resource, score, position });
  });
  return scored.sort((a, b) => b.score - a.score || a.position - b.position).map((entry) => entry.resource);
}
