// Cross-language entity keys, without translation: one key for Жапаров, Japarov, Zhaparov and Джапаров;
// for Россия, России and Russia (country codes from Intl.DisplayNames / world-countries); for Москва and
// Moscow (a small curated table of exonyms, data/ru/exonyms.json); for the rest a phonetic skeleton of the
// transliterated name (consonant classes, vowels dropped after the first letter).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../shared-paths.js';
import { russianCountryNames } from '../annotate/ru/ner/lists.js';
import { ruNameKey } from '../annotate/ru/ner/stage.js';
import { foldRu } from '../annotate/ru/normalize.js';
import { stemRu } from '../annotate/ru/stem.js';

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Russian letters in Latin (a plain BGN-like scheme); other characters as they are. */
export function transliterateRu(s: string): string {
  let out = '';
  for (const ch of s.toLowerCase()) out += TRANSLIT[ch] ?? ch;
  return out;
}

/** A spelling-free key of a Latin name: Zhaparov, Japarov, Dzhaparov -> "jprv"; Tokayev, Tokaev -> "tkv". */
export function phoneticSkeleton(latin: string): string {
  let s = latin.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z]/g, '');
  s = s
    .replace(/dzh|dj|zh|j/g, 'J')
    .replace(/shch|sch|sh|ch|tch/g, 'S')
    .replace(/kh|h/g, 'H')
    .replace(/ts|tz|c(?=[eiy])/g, 'C')
    .replace(/ck|c|q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/z/g, 's');
  const first = s[0] ?? '';
  const rest = s.slice(1).replace(/[aeiouy]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1').toLowerCase();
}

interface Tables {
  countries: Map<string, string>;
  exonyms: Map<string, string>;
  /** Snowball stems of one-word Russian country names -> ISO alpha-2, longest first (for adjectives: 'индонезийск' of 'индонез'). */
  countryStems: [string, string][];
  /** ISO alpha-2 -> English demonym, lower case ('ID' -> 'indonesian'). */
  demonyms: Map<string, string>;
  /** Adjective stems whose country's stem does not begin them ('американск' -> 'american'): data/ru/exonyms.json `adjectives`. */
  adjectives: [string, string][];
}
let tables: Tables | null = null;
function load(): Tables {
  if (tables) return tables;
  const countries = new Map<string, string>();
  for (const [name, code] of russianCountryNames()) countries.set(name.split(/\s+/).map(ruNameKey).join(' '), code);
  const require = createRequire(import.meta.url);
  const wc = require('world-countries') as { cca2: string; cca3: string; name: { common: string; official: string }; altSpellings: string[]; demonyms?: { eng?: { m: string } } }[];
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const demonyms = new Map<string, string>();
  for (const c of wc) {
    for (const n of [c.name.common, c.name.official, en.of(c.cca2) ?? '', ...c.altSpellings.filter((x) => x.length > 3)]) if (n) countries.set(n.toLowerCase(), c.cca2);
    const d = c.demonyms?.eng?.m;
    if (d && /^\p{L}+$/u.test(d)) demonyms.set(c.cca2, d.toLowerCase());
  }
  const countryStems = new Map<string, string>();
  for (const [name, code] of russianCountryNames()) if (!/\s/.test(name) && name.length >= 4) countryStems.set(stemRu(foldRu(name)), code);
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'exonyms.json'), 'utf8')) as Record<string, string | Record<string, string>>;
  const exonyms = new Map<string, string>();
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_') && typeof v === 'string') exonyms.set(k, v);
  const adjectives = Object.entries((raw['adjectives'] ?? {}) as Record<string, string>).map(([k, v]): [string, string] => [k, v.toLowerCase()]);
  tables = { countries, exonyms, countryStems: [...countryStems].sort((a, b) => b[0].length - a[0].length), demonyms, adjectives };
  return tables;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * One key for a name in Russian (any case form) or English: "C:KG" for countries, the English exonym's
 * skeleton for listed names, else the phonetic skeleton of the transliterated name (people: the surname).
 */
export function crossLanguageKey(name: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC' | null = null): string {
  const t = load();
  const clean = name.replace(/[«»"“”„]/g, '').replace(/['’]s$/i, '').trim();
  const words = clean.split(/\s+/).filter((w) => !/^\p{Lu}\.$/u.test(w));
  if (words.length === 0) return '';
  const cyr = CYRILLIC.test(clean);
  const keyed = cyr ? words.map((w) => ruNameKey(w)).join(' ') : clean.toLowerCase();
  const country = t.countries.get(keyed) ?? (cyr ? undefined : t.countries.get(keyed.replace(/^the /, '')));
  if (country) return `C:${country}`;
  if (cyr) {
    const folded = words.map((w) => foldRu(w)).join(' ');
    const ex = t.exonyms.get(keyed) ?? t.exonyms.get(folded) ?? t.exonyms.get(words.map((w) => ruNameKey(w).replace(/[аяеиоуы]$/, '')).join(' '));
    if (ex) return crossLanguageKey(ex, type);
  }
  const use = type === 'PER' ? words.slice(-1) : words;
  return use.map((w) => phoneticSkeleton(cyr ? transliterateRu(ruNameKey(w)) : w)).join(' ');
}

const placeNames = new Map<string, string | null>();
let regionNames: Intl.DisplayNames | null = null;

/**
 * The English name of a Russian country or listed place in any case form ("Франции" -> "france", "Париже" ->
 * "paris"), when it is one word; null otherwise. Lets the words around a fact meet across languages.
 */
export function englishPlaceName(word: string): string | null {
  const cached = placeNames.get(word);
  if (cached !== undefined) return cached;
  const t = load();
  const key = ruNameKey(word);
  const code = t.countries.get(key);
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  const name = code ? regionNames.of(code) : (t.exonyms.get(key) ?? t.exonyms.get(foldRu(word)) ?? t.exonyms.get(key.replace(/[аяеиоуы]$/, '')));
  const out = name && /^\p{L}+$/u.test(name) ? name.toLowerCase() : null;
  placeNames.set(word, out);
  return out;
}

const demonymCache = new Map<string, string | null>();

/**
 * The English adjective of a Russian adjective of a country in any case form, lower-case or not ("индонезийском" ->
 * "indonesian", "японского" -> "japanese", "американских" -> "american"); null for other words. The country's stem
 * begins the adjective's ('индонез' / 'индонезийск'); the rest are listed in data/ru/exonyms.json `adjectives`.
 */
export function englishDemonym(word: string): string | null {
  const cached = demonymCache.get(word);
  if (cached !== undefined) return cached;
  let out: string | null = null;
  const stem = stemRu(foldRu(word.toLowerCase()));
  if (/[сц]к$/.test(stem)) {
    const t = load();
    out = t.adjectives.find(([a]) => stem === a || (stem.startsWith(a) && stem.length - a.length <= 2))?.[1] ?? null;
    if (!out) {
      // At most the adjective suffix after the country's stem ('-ийск', '-анск', '-ск'): 'индонез' + 'ийск', not 'австр' + 'алийск'.
      const hit = t.countryStems.find(([c]) => c.length >= 3 && stem.startsWith(c) && stem.length - c.length <= 4);
      out = hit ? (t.demonyms.get(hit[1]) ?? null) : null;
    }
  }
  demonymCache.set(word, out);
  return out;
}
