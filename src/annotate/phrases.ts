// Word-bounded cue phrases (tone's hedges and loaded words, claims' negation and modality cues) found in
// one pass over a span for every list at once, instead of one indexOf scan per phrase per sentence.

const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => (/[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 0));

/** Is this code unit a letter or digit? */
function wordCode(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/** Is `at` inside a word of `lower`? (A letter or digit there; outside [start, end) counts as a boundary.) */
function wordCharAt(lower: string, at: number, start: number, end: number): boolean {
  if (at < start || at >= end) return false;
  return wordCode(lower.charCodeAt(at));
}

/** Can two occurrences of p overlap (a proper prefix that is also a suffix: "so so")? */
function selfOverlaps(p: string): boolean {
  for (let k = 1; k < p.length; k++) if (p.endsWith(p.slice(0, k))) return true;
  return false;
}

export interface PhraseLists {
  /**
   * The phrases of each list found in lower[start, end) as word-bounded spans [from, to), in list order,
   * then phrase order, then position: what a loop of `indexOf(phrase, from)` per phrase finds, the same
   * occurrences skipped (an occurrence inside a word still moves the search past it).
   * `lower` is the lower-cased text (same length as the original, lowerSameLength).
   */
  find(lower: string, start: number, end: number): [number, number][][];
}

/**
 * `openAnywhere(phrase)`: a phrase that may start inside a word (claims' "n't" after "did"); its end
 * must still be a word boundary.
 */
export function phraseLists(lists: readonly (readonly string[])[], openAnywhere: (phrase: string) => boolean = () => false): PhraseLists {
  const phrases: string[] = [];
  const listOf: number[] = [];
  const anywhere: boolean[] = [];
  lists.forEach((list, l) => {
    for (const p of list) {
      phrases.push(p);
      listOf.push(l);
      anywhere.push(openAnywhere(p));
    }
  });
  // Only an occurrence that starts a word can be found, and only one that can overlap another can hide
  // it; the others are looked for at word starts alone.
  const everywhere = phrases.map((p, id) => anywhere[id]! || selfOverlaps(p));
  // Phrases by first code unit, all of them (for word starts) and those looked for everywhere; an empty
  // phrase is never found (indexOf would loop on it).
  const index = (ids: number[]) => {
    const ascii: (number[] | undefined)[] = new Array(128).fill(undefined);
    const other = new Map<number, number[]>();
    for (const id of ids) {
      const p = phrases[id]!;
      if (p.length === 0) continue;
      const c = p.charCodeAt(0);
      const list = (c < 128 ? ascii[c] : other.get(c)) ?? [];
      list.push(id);
      if (c < 128) ascii[c] = list;
      else other.set(c, list);
    }
    // For two ASCII code units, the phrases that can start with them (one-unit phrases and those whose second is c1).
    const pairs: (number[] | undefined)[] = new Array(128 * 128).fill(undefined);
    for (let c0 = 0; c0 < 128; c0++) {
      const list = ascii[c0];
      if (!list) continue;
      for (let c1 = 0; c1 < 128; c1++) {
        const fit = list.filter((id) => phrases[id]!.length === 1 || phrases[id]!.charCodeAt(1) === c1);
        if (fit.length > 0) pairs[c0 * 128 + c1] = fit;
      }
    }
    // Whether any phrase starts with an ASCII code unit (most code units start none: skipped at once).
    const starts = Uint8Array.from(ascii, (list) => (list ? 1 : 0));
    return { ascii, pairs, other, starts };
  };
  type Index = ReturnType<typeof index>;
  /** The phrases that may start at c followed by next (undefined: none). */
  const candidates = (x: Index, c: number, next: number): number[] | undefined =>
    c < 128 ? (x.starts[c] === 0 ? undefined : next < 128 ? x.pairs[c * 128 + next] : x.ascii[c]) : x.other.get(c);
  const all = phrases.map((_, id) => id);
  const atWordStart = index(all);
  const inWord = index(all.filter((id) => everywhere[id]));
  return {
    find(lower, start, to) {
      const end = Math.min(to, lower.length);
      // Every occurrence of every phrase as (phrase, position) pairs, in position order.
      const hits: number[] = [];
      let prevWord = false;
      for (let i = start; i < end; i++) {
        const c = lower.charCodeAt(i);
        const atStart = i === start || !prevWord;
        prevWord = wordCode(c);
        const x = atStart ? atWordStart : inWord;
        if (c < 128 && x.starts[c] === 0) continue;
        const next = lower.charCodeAt(i + 1);
        const ids = candidates(x, c, next);
        if (!ids) continue;
        for (const id of ids) {
          const p = phrases[id]!;
          if (i + p.length <= end && (p.length === 1 || p.charCodeAt(1) === next) && lower.startsWith(p, i)) hits.push(id, i);
        }
      }
      // By phrase (a stable order keeps positions ascending within one).
      const order: number[] = [];
      for (let h = 0; h < hits.length; h += 2) order.push(h);
      order.sort((x, y) => hits[x]! - hits[y]!);
      const out: [number, number][][] = lists.map(() => []);
      let from = start;
      for (let k = 0; k < order.length; k++) {
        const id = hits[order[k]!]!;
        const i = hits[order[k]! + 1]!;
        if (k === 0 || hits[order[k - 1]!] !== id) from = start;
        const len = phrases[id]!.length;
        if (i < from) continue;
        const opens = anywhere[id] || !wordCharAt(lower, i - 1, start, end);
        if (opens && !wordCharAt(lower, i + len, start, end)) out[listOf[id]!]!.push([i, i + len]);
        from = i + len;
      }
      return out;
    },
  };
}
