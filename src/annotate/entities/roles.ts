import type { DocView } from './doc-view.js';
import { isCapitalised, isPossessive } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';

export interface RoleMatch {
  /** Tokens [tokStart, tokEnd) that form the role ("Russian Foreign Minister"). */
  tokStart: number;
  tokEnd: number;
  affiliation?: string;
  /** The title words alone ("Foreign Minister"). */
  title: string;
}

const MAX_TITLE_WORDS = 4;

/** Longest title (from the gazetteer's title list) starting at token i, as a token count. */
export function titleAt(view: DocView, gaz: Gazetteer, i: number, end = view.words.length): number {
  for (let n = Math.min(MAX_TITLE_WORDS, end - i); n >= 1; n--) {
    const ws = view.words.slice(i, i + n);
    // "Vice-President" is one token; "Prime Minister" two.
    if (gaz.isTitle(ws.join(' '))) return n;
    // Titles followed by their own abbreviation dot ("Gen .") are tokenised apart.
    if (n === 1 && view.words[i + 1] === '.' && gaz.isTitle(ws[0] + '.')) return 1;
  }
  return 0;
}

/**
 * A role at the start of tokens [i, end): optional country adjective or country name ("Russian",
 * "U.S.", "Kremlin"), then one or more titles ("Foreign Minister"). Returns null when no title.
 */
export function roleAt(view: DocView, gaz: Gazetteer, i: number, end: number): RoleMatch | null {
  let j = i;
  let affiliation: string | undefined;
  const w = view.words[j];
  if (w !== undefined) {
    const adjCountry = gaz.countryOfAdjective(w);
    const entry = gaz.lookup(w);
    if (adjCountry) {
      affiliation = adjCountry;
      j++;
    } else if (entry && entry.kind === 'country' && !isPossessive(view.words[j + 1] ?? '')) {
      affiliation = entry.canonical;
      j++;
    } else if (entry && entry.type === 'ORG' && entry.country) {
      affiliation = entry.country;
      j++;
    }
  }
  const titleStart = j;
  while (j < end) {
    const n = titleAt(view, gaz, j, end);
    if (n === 0) break;
    j += n;
  }
  if (j === titleStart) return null;
  return {
    tokStart: i,
    tokEnd: j,
    ...(affiliation ? { affiliation } : {}),
    title: view.words.slice(titleStart, j).join(' '),
  };
}

/** Lower-case role words right before a capitalised name ("spokesman Dmitry Peskov"). */
export function lowercaseRoleBefore(view: DocView, gaz: Gazetteer, i: number): RoleMatch | null {
  for (const n of [2, 1]) {
    const s = i - n;
    if (s < 0) continue;
    const ws = view.words.slice(s, i).join(' ');
    if (gaz.lowercaseRoles.has(ws)) {
      // An adjective or country before it belongs to the role ("Kremlin spokesman").
      const prev = view.words[s - 1] ?? '';
      const entry = gaz.lookup(prev);
      const aff = gaz.countryOfAdjective(prev) ?? (entry?.kind === 'country' ? entry.canonical : entry?.country);
      if (aff && isCapitalised(prev)) return { tokStart: s - 1, tokEnd: i, affiliation: aff, title: ws };
      return { tokStart: s, tokEnd: i, title: ws };
    }
  }
  return null;
}
