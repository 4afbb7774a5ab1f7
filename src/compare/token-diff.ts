import type { Span } from '../model/document.js';

/** A word of a claim with its position in its article's text. */
export interface Word extends Span {
  text: string;
}

export interface Hunk {
  /** Words of side a and side b that differ (either may be empty for an insertion/deletion). */
  a: Word[];
  b: Word[];
  /** Index in a / b where the hunk starts (for context around insertions). */
  aIndex: number;
  bIndex: number;
}

const norm = (w: Word) => w.text.toLowerCase();

/**
 * Words as small integers, lower-cased once: one id for one lower-cased word wherever `ids` is shared (a story's
 * claims share one map, so that a pair of claims is diffed without lower-casing its words again).
 */
export function wordIds(words: readonly Word[], ids: Map<string, number> = new Map()): Int32Array {
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const k = norm(words[i]!);
    let id = ids.get(k);
    if (id === undefined) ids.set(k, (id = ids.size));
    out[i] = id;
  }
  return out;
}

/**
 * Longest-common-subsequence diff of two short word lists; returns the differing runs. `ai` and `bi` are the words'
 * ids from one `wordIds` map, when the caller has them.
 */
export function diffWords(a: readonly Word[], b: readonly Word[], ai?: Int32Array, bi?: Int32Array): Hunk[] {
  const n = a.length;
  const m = b.length;
  // (The table compares every word of a with every word of b: as integers.)
  if (!ai || !bi) {
    const ids = new Map<string, number>();
    ai = wordIds(a, ids);
    bi = wordIds(b, ids);
  }
  // dp[i][j] = LCS length of a[i..], b[j..]
  const dp = new Uint16Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[at(i, j)] = ai[i] === bi[j] ? dp[at(i + 1, j + 1)]! + 1 : Math.max(dp[at(i + 1, j)]!, dp[at(i, j + 1)]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let cur: Hunk | null = null;
  const flush = () => {
    if (cur && (cur.a.length > 0 || cur.b.length > 0)) hunks.push(cur);
    cur = null;
  };
  while (i < n || j < m) {
    if (i < n && j < m && ai[i] === bi[j]) {
      flush();
      i++;
      j++;
    } else if (j < m && (i === n || dp[at(i, j + 1)]! >= dp[at(i + 1, j)]!)) {
      cur ??= { a: [], b: [], aIndex: i, bIndex: j };
      cur.b.push(b[j]!);
      j++;
    } else {
      cur ??= { a: [], b: [], aIndex: i, bIndex: j };
      cur.a.push(a[i]!);
      i++;
    }
  }
  flush();
  return hunks;
}

/** Share of words two lists have in common (LCS / longer length), cheap enough for candidate pairs only. */
export function wordOverlap(a: readonly Word[], b: readonly Word[], ai?: Int32Array, bi?: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  const hunks = diffWords(a, b, ai, bi);
  const changed = hunks.reduce((s, h) => s + Math.max(h.a.length, h.b.length), 0);
  return Math.max(0, 1 - changed / Math.max(a.length, b.length));
}
