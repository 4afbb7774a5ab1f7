// The bilingual lexicon (data/ru/lexicon-ru-en.json, written for Parallax): Russian word stem -> English word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import { foldRu } from './normalize.js';
import { stemRu } from './stem.js';

let map: Map<string, string> | null = null;

export function ruEnPairs(): [string, string][] {
  return (JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'lexicon-ru-en.json'), 'utf8')) as { pairs: [string, string][] }).pairs;
}

/** The English word for a Russian word in any form ("пассажиров" -> null unless listed; "компании" -> "company"). */
export function englishWordFor(word: string): string | null {
  if (!map) {
    map = new Map();
    for (const [ru, en] of ruEnPairs()) if (!map.has(stemRu(ru))) map.set(stemRu(ru), en.toLowerCase());
  }
  return map.get(stemRu(foldRu(word))) ?? null;
}
