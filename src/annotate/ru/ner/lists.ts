import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../../../shared-paths.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';
import { eventNameStems } from './events.js';
import type { NameLists } from './features.js';

interface NamesFile {
  firstNames: string[];
  orgWords: string[];
  placeWords: string[];
  personWords: string[];
  countryAbbreviations: string[];
}

/** Russian names of every country: Intl.DisplayNames (ICU data in Node) and world-countries' Russian translations. */
export function russianCountryNames(): Map<string, string> {
  const out = new Map<string, string>(); // Russian name -> ISO alpha-2
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { cca2: string; translations: Record<string, { common: string; official: string }> }[];
  const dn = new Intl.DisplayNames(['ru'], { type: 'region' });
  for (const c of countries) {
    const ru = c.translations['rus'];
    if (ru) {
      out.set(ru.common, c.cca2);
      out.set(ru.official, c.cca2);
    }
    const d = dn.of(c.cca2);
    if (d && d !== c.cca2) out.set(d, c.cca2);
  }
  return out;
}

export { orgNameKey } from './org-key.js';

/** OpenCorpora's proper-name stems as one string of class letters per stem (scripts/build-ru-opencorpora-names.mjs). */
function dictionaryNames(): Map<string, string> {
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'opencorpora-names.json'), 'utf8')) as { stems: Record<string, string[]> };
  const letters: Record<string, string> = { Geox: 'g', Name: 'n', Surn: 's', Orgn: 'o' };
  const out = new Map<string, string>();
  for (const [cls, stems] of Object.entries(raw.stems)) {
    const letter = letters[cls];
    if (letter) for (const stem of stems) out.set(stem, (out.get(stem) ?? '') + letter);
  }
  return out;
}

let cached: NameLists | null = null;
export function ruNameLists(): NameLists {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'names.json'), 'utf8')) as NamesFile;
  const placeStems = new Set<string>();
  for (const name of russianCountryNames().keys()) {
    const words = name.split(/\s+/);
    // The last word of a one- or two-word name ("Киргизия", "Южная Корея"), stemmed.
    if (words.length <= 2) placeStems.add(stemRu(words[words.length - 1]!));
  }
  const stems = (xs: string[]) => new Set(xs.map((x) => stemRu(foldRu(x))));
  cached = {
    firstNames: new Set(raw.firstNames.map(foldRu)),
    placeStems,
    orgWords: stems(raw.orgWords),
    placeWords: stems(raw.placeWords),
    personWords: stems(raw.personWords),
    countryAbbreviations: new Set(raw.countryAbbreviations),
    dictionaryNames: dictionaryNames(),
    orgNames: new Set((JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'org-names.json'), 'utf8')) as { names: string[] }).names),
    eventNames: eventNameStems((JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'named-events.json'), 'utf8')) as { names: string[] }).names),
  };
  return cached;
}
