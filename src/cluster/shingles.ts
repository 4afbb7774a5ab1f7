// Near-duplicate detection with word 5-shingles. Inside the clusterer each article keeps a bottom-k
// sketch (the k smallest shingle hashes), which estimates resemblance and containment between two
// articles without keeping their text; findNearDuplicates compares whole shingle sets exactly.
import { createLexicon, type Lexicon } from './lexicon.js';
import { overlapOf, shingleHashes, type Overlap } from '../annotate/shingles.js';

export { SHINGLE, overlapOf, shingleHashes, type Overlap } from '../annotate/shingles.js';

export const SKETCH_SIZE = 64;

export interface Sketch {
  /** The smallest shingle hashes, ascending (at most SKETCH_SIZE). */
  mins: Uint32Array;
  /** Number of distinct shingles. */
  count: number;
}

export function shingleSketch(wordHashes: number[]): Sketch {
  const all = shingleHashes(wordHashes);
  return { mins: all.slice(0, SKETCH_SIZE), count: all.length };
}

/** Estimated overlap from two bottom-k sketches (Broder): resemblance from the k smallest of the union. */
export function sketchOverlap(a: Sketch, b: Sketch): Overlap {
  const k = Math.min(SKETCH_SIZE, a.count + b.count);
  let i = 0;
  let j = 0;
  let seen = 0;
  let both = 0;
  while (seen < k && (i < a.mins.length || j < b.mins.length)) {
    const x = i < a.mins.length ? a.mins[i]! : Infinity;
    const y = j < b.mins.length ? b.mins[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    seen++;
  }
  const resemblance = seen ? both / seen : 0;
  // |A∩B| = J (|A| + |B|) / (1 + J)
  const inter = (resemblance * (a.count + b.count)) / (1 + resemblance);
  const small = Math.min(a.count, b.count);
  return { resemblance, containment: small ? Math.min(1, inter / small) : 0 };
}

export interface DuplicateOptions {
  /** A text is a copy of an earlier one when this share of the shorter text's shingles is shared. */
  minContainment: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = { minContainment: 0.8 };

export interface NearDuplicate {
  /** Index of the text in the input. */
  index: number;
  /** Index of the earliest text it copies (the head of its group), or null when it is original. */
  duplicateOf: number | null;
  /** Containment with that text (0 when original). */
  similarity: number;
  /** Index of the group's first text (itself when original): texts with the same group count once as evidence. */
  group: number;
}

function wordHashes(text: string, lexicon: Lexicon): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:(?:['’.\-]|,(?=\p{N}{3}))[\p{L}\p{N}]+)*/gu)) out.push(lexicon.info(m[0].toLowerCase()).hash);
  return out;
}

/**
 * Groups wire copies among a story's texts (exact shingle overlap; meant for tens or hundreds of texts).
 * Each text is compared with the earlier ones; a copy points to the first text of the group it copies.
 */
export function findNearDuplicates(texts: string[], options: Partial<DuplicateOptions> = {}, lexicon: Lexicon = createLexicon()): NearDuplicate[] {
  const opts = { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
  const sets = texts.map((t) => shingleHashes(wordHashes(t, lexicon)));
  const out: NearDuplicate[] = [];
  for (let i = 0; i < sets.length; i++) {
    let best: { j: number; c: number } | null = null;
    for (let j = 0; j < i; j++) {
      const c = overlapOf(sets[i]!, sets[j]!).containment;
      if (c >= opts.minContainment && (!best || c > best.c)) best = { j, c };
    }
    const head = best ? out[best.j]!.group : i;
    out.push({ index: i, duplicateOf: best ? head : null, similarity: best ? best.c : 0, group: head });
  }
  return out;
}
