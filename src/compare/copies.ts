import type { Article } from '../model/document.js';

/** Word 5-shingles of a text, hashed. */
function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + 5 <= words.length; i++) {
    let h = 2166136261;
    for (let k = i; k < i + 5; k++) {
      for (const ch of words[k]!) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
      h = Math.imul(h ^ 32, 16777619);
    }
    out.add(h >>> 0);
  }
  return out;
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
      if (a.size === 0 || b.size === 0) continue;
      if (common[i]! / Math.min(a.size, b.size) >= threshold) {
        copies.set(articles[j]!.id, copies.get(articles[i]!.id) ?? articles[i]!.id);
        break;
      }
    }
    for (const h of b) (holders.get(h) ?? holders.set(h, []).get(h)!).push(j);
  }
  return copies;
}
