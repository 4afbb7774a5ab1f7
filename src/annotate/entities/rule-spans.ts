import type { EntityType } from '../../model/document.js';
import type { Candidate } from './candidate.js';
import type { DocView } from './doc-view.js';
import { isAllCaps, isCapitalised } from './doc-view.js';
import type { Gazetteer, GazetteerEntry } from './gazetteer.js';

// Rule-based span proposals: gazetteer names and runs of capitalised words. The tagger proposes
// spans the same way (as Candidates); both go through the same refiners.

const CONNECTORS = new Set(['of', 'for', 'de', 'du', 'van', 'von', 'bin', 'al', 'la', 'le', 'der', 'da']);
const QUOTE_OPEN = new Set(['“', '"', '‘', "'", '«', '(']);

/** Longest gazetteer name starting at token i (exact words; all-caps words also tried in title case). */
export function gazetteerAt(view: Pick<DocView, 'words'>, gaz: Gazetteer, i: number): { n: number; entry: GazetteerEntry } | null {
  const w = view.words[i]!;
  // No lookup for a word that begins no name (an all-caps word's title case begins with the same letter).
  if (!gaz.startsName(w.charCodeAt(0))) return null;
  // One lookup for most words; the all-caps test only for a longer word no name starts with.
  const names = gaz.byFirstWord.get(w) ?? (w.length > 3 && !isAsciiLower(w.charCodeAt(1)) && isAllCaps(w) ? gaz.byFirstWord.get(titleCase(w)) : undefined);
  if (!names) return null;
  for (const ws of names) {
    if (i + ws.length > view.words.length) continue;
    let ok = true;
    for (let k = 1; k < ws.length && ok; k++) ok = view.words[i + k] === ws[k];
    // Names are matched whole: "Bank" inside "World Bank Group" is not "World Bank".
    if (ok) {
      const entry = gaz.lookup(ws.join(' '));
      if (entry) return { n: ws.length, entry };
    }
  }
  return null;
}

/** A lower-case ASCII letter: a word with one is not all caps (the cheap test before isAllCaps). */
const isAsciiLower = (c: number) => c >= 97 && c <= 122;

const titleCase = (w: string) => w[0] + w.slice(1).toLowerCase();

/** Is token i a capitalised word that may be part of a name? */
function nameWord(view: DocView, gaz: Gazetteer, i: number): boolean {
  const t = view.tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'number')) return false;
  const w = view.words[i]!;
  if (t.kind === 'number') return false;
  return isCapitalised(w) && !gaz.notEntity.has(w);
}

export function ruleSpans(view: DocView, gaz: Gazetteer): Candidate[] {
  const out: Candidate[] = [];
  const n = view.words.length;
  let i = 0;
  while (i < n) {
    const hy = hyphenPrefix(view, gaz, i);
    if (hy) {
      out.push(hy);
      i++;
      continue;
    }
    if (!nameWord(view, gaz, i)) {
      i++;
      continue;
    }
    // Maximal run of capitalised words, joined by connectors when a capitalised word follows.
    let j = i + 1;
    while (j < n) {
      if (view.tokens[j]!.start !== view.tokens[j - 1]!.end && view.text.slice(view.tokens[j - 1]!.end, view.tokens[j]!.start).includes('\n')) break;
      if (nameWord(view, gaz, j)) j++;
      else if (CONNECTORS.has(view.words[j]!) && nameWord(view, gaz, j + 1) && gaz.orgHeads.has(view.words[j - 1]!) || (CONNECTORS.has(view.words[j]!) && nameWord(view, gaz, j + 1) && gaz.locHeads.has(view.words[j - 1]!))) j += 2;
      else break;
    }
    splitRun(view, gaz, i, j, out);
    i = j;
  }
  return out;
}

/** "Moscow-led": a place inside a hyphenated word, standing for its state. */
function hyphenPrefix(view: DocView, gaz: Gazetteer, i: number): Candidate | null {
  const w = view.words[i]!;
  const dash = w.lastIndexOf('-');
  if (dash <= 0 || !isCapitalised(w)) return null;
  const suffix = w.slice(dash);
  if (!gaz.words.metonymyCues.includes(suffix.toLowerCase())) return null;
  const name = w.slice(0, dash);
  const entry = gaz.lookup(name);
  const t = view.tokens[i]!;
  return {
    start: t.start,
    end: t.start + name.length,
    tokStart: i,
    tokEnd: i + 1,
    type: entry?.type ?? 'LOC',
    via: entry ? 'gazetteer' : 'rule',
    ...(entry ? { gaz: entry } : {}),
    metonymic: true,
  };
}

function cand(view: DocView, a: number, b: number, type: EntityType | null, via: string, gaz?: GazetteerEntry): Candidate {
  return {
    start: view.tokens[a]!.start,
    end: view.tokens[b - 1]!.end,
    tokStart: a,
    tokEnd: b,
    type,
    via,
    ...(gaz ? { gaz } : {}),
  };
}

/** Splits a capitalised run into gazetteer names and other names, typing the others by rules. */
function splitRun(view: DocView, gaz: Gazetteer, a: number, b: number, out: Candidate[]): void {
  const last = view.words[b - 1]!;
  // A run ending in an organisation word is one organisation ("The Moscow Times", "Security Council").
  const whole = gazetteerAt(view, gaz, a);
  if (whole && whole.n === b - a) {
    out.push(cand(view, a, b, whole.entry.type, 'gazetteer', whole.entry));
    return;
  }
  if (gaz.orgHeads.has(last) && b - a > 1 && !gaz.isTitle(view.words[a]!) && !gaz.countryOfAdjective(view.words[a]!)) {
    out.push(cand(view, a, b, 'ORG', 'rule'));
    return;
  }
  let i = a;
  let restStart = a;
  const flush = (end: number) => {
    if (end > restStart) out.push(cand(view, restStart, end, guessType(view, gaz, restStart, end), 'rule'));
  };
  while (i < b) {
    const g = gazetteerAt(view, gaz, i);
    if (g && i + g.n <= b) {
      flush(i);
      out.push(cand(view, i, i + g.n, g.entry.type, 'gazetteer', g.entry));
      i += g.n;
      restStart = i;
      continue;
    }
    if (gaz.isTitle(view.words[i]!) || (i + 1 < b && gaz.isTitle(view.words[i] + ' ' + view.words[i + 1]))) {
      // Titles are role words, not names; the roles refiner attaches them to the name after.
      flush(i);
      i++;
      while (i < b && gaz.isTitle(view.words[i]!)) i++;
      restStart = i;
      continue;
    }
    i++;
  }
  flush(b);
}

const ADJECTIVE_END = /(?:ian|ean|ese|ish|ic|i|an)$/;

function guessType(view: DocView, gaz: Gazetteer, a: number, b: number): EntityType | null {
  const ws = view.words.slice(a, b);
  const last = ws[ws.length - 1]!;
  if (gaz.orgHeads.has(last)) return 'ORG';
  if (gaz.locHeads.has(last)) return 'LOC';
  let p = a - 1;
  while (p >= 0 && QUOTE_OPEN.has(view.words[p]!)) p--;
  if (p >= 0 && gaz.isTitle(view.words[p]!)) return 'PER';
  // Words after the name: "“Yntymak Ordo” state residence".
  for (let k = b; k < Math.min(b + 4, view.words.length); k++) {
    if (gaz.words.locCueWords.includes(view.words[k]!)) return 'LOC';
  }
  if (ws.length === 1 && isAllCaps(last) && last.length >= 2 && last.length <= 6) return 'ORG';
  if (ws.length >= 2 && ADJECTIVE_END.test(last) && gaz.countryOfAdjective(last) === undefined && /^(?:Central|Eastern|Western|Northern|Southern|North|South|East|West)$/.test(ws[0]!)) return 'MISC';
  if (ws.length >= 2 && ws.length <= 4 && ws.every((w) => /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$/u.test(w))) return 'PER';
  return null;
}
