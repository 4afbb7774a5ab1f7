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
  // Shingle -> the earlier articles that have it: only articles that share text are ever counted.
  const holders = new Map<number, number[]>();
  const common = new Int32Array(articles.length);
  for (let j = 0; j < articles.length; j++) {
    const b = sets[j]!;
    common.fill(0, 0, j);
    for (const h of b) for (const i of holders.get(h) ?? []) common[i] = common[i]! + 1;
    for (let i = 0; i < j; i++) {
      const a = sets[i]!;
      if (a.length === 0 || b.length === 0) continue;
      if (common[i]! / Math.min(a.length, b.length) >= threshold) {
        copies.set(articles[j]!.id, copies.get(articles[i]!.id) ?? articles[i]!.id);
        break;
      }
    }
    for (const h of b) (holders.get(h) ?? holders.set(h, []).get(h)!).push(j);
  }
  return copies;
}
