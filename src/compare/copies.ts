import type { Article } from '../model/document.js';
import { SHINGLE, shingleHashes, wordHash } from '../annotate/shingles.js';

/** Word 5-shingles of a text, hashed (a text of fewer than five words has none). */
function shingles(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length < SHINGLE ? new Uint32Array(0) : shingleHashes(words.map(wordHash));
}

/**
 * Wire copies: an article whose shingles are mostly (>= 60% of the shorter text) in an earlier article
 * copies it. Returns article id -> id of the article it copies.
 */
export function findCopies(articles: readonly Article[], threshold = 0.6): Map<string, string> {
  const sets = articles.map((a) => shingles(a.text));
  const copies = new Map<string, string>();
  for (let j = 0; j < articles.length; j++) {
    const b = sets[j]!;
    if (b.length === 0) continue;
    for (let i = 0; i < j; i++) {
      const a = sets[i]!;
      if (a.length === 0) continue;
      if (sharedCount(a, b) / Math.min(a.length, b.length) >= threshold) {
        copies.set(articles[j]!.id, copies.get(articles[i]!.id) ?? articles[i]!.id);
        break;
      }
    }
  }
  return copies;
}

/** Values two ascending arrays of distinct values share (one merge pass, nothing allocated). */
function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else (n++, i++, j++);
  }
  return n;
}
