// The bilingual lexicon (data/ru/lexicon-ru-en.json, written for Parallax): Russian word stem -> English word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import { foldRu } from './normalize.js';
import { stemRu } from './stem.js';
import { englishDemonym, englishPlaceName } from '../../lang/xkey.js';

let map: Map<string, string> | null = null;

export function ruEnPairs(): [string, string][] {
  return (JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'lexicon-ru-en.json'), 'utf8')) as { pairs: [string, string][] }).pairs;
}

let stop: ReadonlySet<string> | null = null;

/** Russian function words (data/ru/claims.json) and number words (quantities.json), as written and ё-folded. */
export function ruStopwords(): ReadonlySet<string> {
  if (!stop) {
    const words = (JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'claims.json'), 'utf8')) as { stopwords: string[] }).stopwords;
    // Number words are the figures' values, not words of what is counted or done.
    const numbers = Object.keys((JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'quantities.json'), 'utf8')) as { numberWords: Record<string, number> }).numberWords);
    stop = new Set([...words, ...numbers].flatMap((w) => [w, foldRu(w)]));
  }
  return stop;
}

const CYRILLIC = /[\u0400-\u04ff]/;

/** Whether a word is written in Cyrillic (and so is read with the Russian stemmer and lexicon). */
export function isCyrillic(word: string): boolean {
  return CYRILLIC.test(word);
}

/**
 * What a Russian word stands for when facts are compared: its English word when the bilingual lexicon has
 * it (so figures and acts meet across languages), a country's or listed place's English name, the English adjective of a
 * country's adjective ('индонезийском' -> 'indonesian'), else its Snowball stem.
 */
export function ruConceptWord(word: string): { english: string } | { stem: string } {
  const en = englishWordFor(word) ?? (/^\p{Lu}/u.test(word) ? englishPlaceName(word) : null) ?? englishDemonym(word);
  return en ? { english: en } : { stem: stemRu(foldRu(word)) };
}

/** The English word for a Russian word in any form ("пассажиров" -> null unless listed; "компании" -> "company"). */
export function englishWordFor(word: string): string | null {
  if (!map) {
    map = new Map();
    for (const [ru, en] of ruEnPairs()) if (!map.has(stemRu(ru))) map.set(stemRu(ru), en.toLowerCase());
  }
  const w = foldRu(word);
  const stem = stemRu(w);
  // Snowball leaves a noun's ending in some forms only ('острове' -> 'остров', 'остров' -> 'остр'): the stem stemmed again.
  const direct = map.get(stem) ?? (stem.length >= 4 ? map.get(stemRu(stem)) : undefined);
  if (direct) return direct;
  // A past form whose Snowball stem is not its infinitive's ("посмотрело" / "посмотреть"): the infinitive's.
  const past = /^(.{3,}[аеиоуыяю])л(?:а|о|и)?(с[ья])?$/.exec(w);
  return past ? (map.get(stemRu(`${past[1]}ть${past[2] ? 'ся' : ''}`)) ?? null) : null;
}

let phrases: Map<string, string> | null = null;
const phraseKey = (words: readonly string[]) => words.map((w) => stemRu(foldRu(w))).join(' ');

/**
 * The English word for a noun with its genitive words ("сотрудников полиции" -> officer), when the lexicon's
 * `phrases` list it; `words` starts at the noun. Longest match first.
 */
export function englishPhraseFor(words: readonly string[]): { english: string; length: number } | null {
  if (!phrases) {
    phrases = new Map();
    const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'lexicon-ru-en.json'), 'utf8')) as { phrases?: [string, string][] };
    for (const [ru, en] of raw.phrases ?? []) phrases.set(phraseKey(ru.split(' ')), en.toLowerCase());
  }
  for (let n = Math.min(3, words.length); n >= 2; n--) {
    const en = phrases.get(phraseKey(words.slice(0, n)));
    if (en) return { english: en, length: n };
  }
  return null;
}
