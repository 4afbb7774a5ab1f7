import type { DocView } from './doc-view.js';
import { isPossessive } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';

const NOT_VERBS = new Set(['is', 'was', 'and', 'or', 'as', 'has', 'this', 'its', 'his', 'her', 'thus', 'plus', 'its']);
const CONJ = new Set(['and', 'or']);

/**
 * A capital names its state when it acts: "Moscow seeks", "Moscow’s readiness", "between Moscow and
 * Bishkek", "Moscow and Bishkek maintain". Not after a place preposition ("a trip to Moscow").
 */
export function isMetonymic(view: DocView, gaz: Gazetteer, a: number, b: number): boolean {
  const prev = (view.words[a - 1] ?? '').toLowerCase();
  if (gaz.locPrepositions.has(prev)) return false;
  if (prev === 'between') return true;
  const next = view.words[b] ?? '';
  if (isPossessive(next)) return true;
  if (acts(next)) return true;
  // Coordinated capitals share the reading: "Moscow and Bishkek maintain".
  if (CONJ.has(next) && /^\p{Lu}/u.test(view.words[b + 1] ?? '')) {
    let k = b + 2;
    while (k < view.words.length && /^\p{Lu}/u.test(view.words[k]!)) k++;
    return acts(view.words[k] ?? '') || /^[a-z]+$/.test(view.words[k] ?? '') && !gaz.locPrepositions.has(view.words[k]!) && !NOT_VERBS.has(view.words[k]!) && view.words[k] !== 'the';
  }
  if (CONJ.has(prev)) {
    // "Moscow and Bishkek maintain": a plural verb right after the pair.
    if (/^[a-z]{3,}$/.test(next) && !gaz.locPrepositions.has(next) && !NOT_VERBS.has(next) && !/(?:ed|ly|ing)$/.test(next)) return true;
    let k = a - 2;
    while (k >= 0 && /^\p{Lu}/u.test(view.words[k]!)) k--;
    if ((view.words[k] ?? '').toLowerCase() === 'between') return true;
  }
  return false;
}

/** A lower-case word that looks like a present-tense verb ("seeks", "says", "wants"). */
function acts(w: string): boolean {
  return /^[a-z]{3,}s$/.test(w) && !NOT_VERBS.has(w) && !/(?:ss|us|is|ous)$/.test(w);
}
