import type { Candidate } from './candidate.js';
import type { DocView } from './doc-view.js';
import { isCapitalised } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';
import { lowercaseRoleBefore } from './roles.js';

const MAX_TITLE_WORDS = 4;

/**
 * Refiner: a person (or an untyped name) right after title words gets them as its role
 * ("Kyrgyz President Sadyr Japarov", "President Japarov"); the country the role names becomes the
 * affiliation. Adjective mentions swallowed by a role are dropped; place/organisation mentions kept.
 */
export function attachRoles(view: DocView, gaz: Gazetteer, cands: Candidate[]): Candidate[] {
  const drop = new Set<Candidate>();
  const byStart = new Map<number, Candidate>();
  for (const c of cands) byStart.set(c.tokStart, c);
  for (const c of cands) {
    if (c.type !== 'PER' && c.type !== null) continue;
    let s = c.tokStart;
    let titled = false;
    for (;;) {
      let found = 0;
      for (let n = Math.min(MAX_TITLE_WORDS, s); n >= 1 && !found; n--) {
        const ws = view.words.slice(s - n, s).join(' ');
        if (gaz.isTitle(ws) && isCapitalised(ws)) found = n;
        // "Gen. Smith": the abbreviation dot is its own token.
        else if (n === 2 && view.words[s - 1] === '.' && gaz.isTitle(view.words[s - 2] + '.')) found = 2;
      }
      if (!found) break;
      s -= found;
      titled = true;
    }
    let affiliation: string | undefined;
    if (titled) {
      const prev = view.words[s - 1];
      if (prev !== undefined && isCapitalised(prev)) {
        const entry = gaz.lookup(prev);
        const aff = gaz.countryOfAdjective(prev) ?? (entry?.kind === 'country' ? entry.canonical : entry?.country);
        if (aff) {
          affiliation = aff;
          s -= 1;
        }
      }
    } else {
      const lower = lowercaseRoleBefore(view, gaz, c.tokStart);
      if (!lower || c.type === null && c.tokEnd - c.tokStart === 1) continue;
      s = lower.tokStart;
      affiliation = lower.affiliation;
    }
    const start = view.tokens[s]!.start;
    const end = view.tokens[c.tokStart - 1]!.end;
    c.role = { start, end, text: view.text.slice(start, end), ...(affiliation ? { affiliation } : {}) };
    c.type = 'PER';
    for (let k = s; k < c.tokStart; k++) {
      const o = byStart.get(k);
      if (o && o !== c && o.tokEnd <= c.tokStart && o.type === 'MISC') drop.add(o);
    }
  }
  return drop.size ? cands.filter((c) => !drop.has(c)) : cands;
}

const QUOTES = new Set(['"', '”', '“', "'", '’', '‘', '»', '«']);

/**
 * Refiner: a name followed by a place noun ("“Yntymak Ordo” state residence", "Manas airport") is a
 * place, whatever the tagger guessed, unless it is a person or a listed organisation.
 */
export function placesByCue(view: DocView, gaz: Gazetteer, cands: Candidate[]): Candidate[] {
  const cues = new Set(gaz.words.locCueWords);
  for (const c of cands) {
    if (c.type === 'PER' || c.type === 'LOC' || c.gaz) continue;
    let k = c.tokEnd;
    while (k < view.words.length && QUOTES.has(view.words[k]!)) k++;
    for (let j = k; j < Math.min(k + 2, view.words.length); j++) {
      const w = view.words[j]!;
      if (cues.has(w)) {
        c.type = 'LOC';
        break;
      }
      if (!/^\p{Ll}+$/u.test(w)) break;
    }
  }
  return cands;
}
