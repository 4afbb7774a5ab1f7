import type { Article } from '../model/document.js';
import { SHINGLE, shingleHashes } from '../annotate/shingles.js';

/** Word 5-shingles of a text, hashed (a text of fewer than five words has none). */
function shingles(text: string): Uint32Array {
  const hashes = wordHashes(text.toLowerCase());
  return hashes.length < SHINGLE ? new Uint32Array(0) : shingleHashes(hashes);
}

/**
 * `wordHash` of each word (run of letters and digits) of a lower-cased text, read in one pass without making the
 * words: the same hashes as hashing each match of /[\p{L}\p{N}]+/gu.
 */
function wordHashes(text: string): number[] {
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const next = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const size = next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    if (isWordChar(text, i, c, size)) {
      if (!inWord) (h = 0x811c9dc5), (inWord = true);
      for (let k = i; k < i + size; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
    } else if (inWord) {
      out.push(h >>> 0);
      inWord = false;
    }
    i += size;
  }
  if (inWord) out.push(h >>> 0);
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit, learnt on first sight (0 = not yet, 1 = yes, 2 = no). */
const wordUnits = new Uint8Array(0x10000);
function isWordChar(text: string, i: number, c: number, size: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (size === 2) return WORD_CHAR.test(text.slice(i, i + 2));
  if (wordUnits[c] === 0) wordUnits[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return wordUnits[c] === 1;
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
