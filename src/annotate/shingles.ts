// Word shingles: the one measure of copied text, used by the clusterer (near duplicates in a story) and
// by the comparison (wire copies among the reports). Each caller hashes its own words.

export const SHINGLE = 5;

/** FNV-1a of a word (UTF-16 code units), for callers that have no word hashes of their own. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Hashes of the distinct word 5-shingles, ascending (a text of fewer words gives one shorter shingle). */
export function shingleHashes(wordHashes: ArrayLike<number>): Uint32Array {
  const n = Math.max(1, wordHashes.length - SHINGLE + 1);
  if (wordHashes.length === 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b1;
    for (let j = i; j < Math.min(i + SHINGLE, wordHashes.length); j++) {
      h = Math.imul(h ^ wordHashes[j]!, 0x85ebca6b);
      h ^= h >>> 13;
    }
    out[i] = h >>> 0;
  }
  out.sort();
  let k = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[k++] = out[i]!;
  return out.slice(0, k);
}

export interface Overlap {
  /** Jaccard resemblance |A∩B| / |A∪B|. */
  resemblance: number;
  /** |A∩B| / min(|A|, |B|): high when one text is a trimmed copy of the other. */
  containment: number;
}

/** Exact overlap of two sorted, distinct hash arrays. */
export function overlapOf(a: Uint32Array, b: Uint32Array): Overlap {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - both;
  return { resemblance: union ? both / union : 0, containment: Math.min(a.length, b.length) ? both / Math.min(a.length, b.length) : 0 };
}
