import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityType } from '../../model/document.js';

// Gazetteers: countries (names, adjectives, capitals), regions, organisations with acronyms, titles and
// small word lists. Data lives in data/gazetteers (see its README); this module only indexes it.

export interface Country {
  name: string;
  iso2: string;
  iso3: string;
  aliases: string[];
  adjectives: string[];
  capitals: string[];
  region: string | null;
}

export interface Organisation {
  name: string;
  acronyms: string[];
  aliases?: string[];
  country?: string;
}

export interface Words {
  headOfStateTitles: string[];
  titles: string[];
  lowercaseRoles: string[];
  roleHeads: string[];
  orgHeads: string[];
  locHeads: string[];
  locCueWords: string[];
  locPrepositions: string[];
  notEntities: string[];
  pronouns: Record<string, string>;
  metonymyCues: string[];
  regionAdjectives: string[];
}

/** What a name in the gazetteer is. */
export interface GazetteerEntry {
  type: EntityType;
  /** Canonical name ("Russia", "Collective Security Treaty Organization"). */
  canonical: string;
  kind: 'country' | 'capital' | 'region' | 'adjective' | 'organisation' | 'acronym';
  /** For capitals and adjectives: the country. For organisations: their country, if any. */
  country?: string;
}

export interface Gazetteer {
  countries: Country[];
  organisations: Organisation[];
  words: Words;
  /** Exact-name lookup (case-sensitive, as written). */
  lookup(name: string): GazetteerEntry | undefined;
  /** Longest number of words of any name (for span matching). */
  maxWords: number;
  /** Country whose adjective/demonym this is ("Kyrgyz" -> "Kyrgyzstan"). */
  countryOfAdjective(word: string): string | undefined;
  isTitle(words: string): boolean;
  isHeadOfStateTitle(words: string): boolean;
  notEntity: Set<string>;
  orgHeads: Set<string>;
  locHeads: Set<string>;
  locPrepositions: Set<string>;
  lowercaseRoles: Set<string>;
  /** Names (word sequences) of the gazetteer, by first word, for span matching. */
  byFirstWord: Map<string, string[][]>;
  /** Whether some name's first word begins with this code unit (most words begin none: no lookup for them). */
  startsName(code: number): boolean;
}

export interface GazetteerData {
  countries: Country[];
  regions: string[];
  organisations: Organisation[];
  words: Words;
}

export function loadGazetteerData(dir: string): GazetteerData {
  const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const c = read('countries.json');
  return {
    countries: c.countries,
    regions: c.regions,
    organisations: read('organisations.json').organisations,
    words: read('words.json'),
  };
}

const splitWords = (s: string) => s.split(/\s+/).filter(Boolean);

export function createGazetteer(data: GazetteerData): Gazetteer {
  const entries = new Map<string, GazetteerEntry>();
  const add = (name: string, e: GazetteerEntry) => {
    if (!entries.has(name)) entries.set(name, e);
  };
  const adjectives = new Map<string, string>();
  // Organisations first: "United Nations" is not a country alias to be overridden.
  for (const o of data.organisations) {
    const base: Omit<GazetteerEntry, 'kind'> = { type: 'ORG', canonical: o.name, ...(o.country ? { country: o.country } : {}) };
    add(o.name, { ...base, kind: 'organisation' });
    for (const a of o.aliases ?? []) add(a, { ...base, kind: 'organisation' });
    for (const a of o.acronyms) add(a, { ...base, kind: 'acronym' });
  }
  for (const c of data.countries) {
    add(c.name, { type: 'LOC', canonical: c.name, kind: 'country' });
    for (const a of c.aliases) add(a, { type: 'LOC', canonical: c.name, kind: 'country' });
    for (const a of c.adjectives) {
      add(a, { type: 'MISC', canonical: a, kind: 'adjective', country: c.name });
      if (!adjectives.has(a)) adjectives.set(a, c.name);
    }
  }
  for (const c of data.countries) {
    for (const cap of c.capitals) add(cap, { type: 'LOC', canonical: cap, kind: 'capital', country: c.name });
  }
  for (const r of data.regions) add(r, { type: 'LOC', canonical: r, kind: 'region' });
  const byFirstWord = new Map<string, string[][]>();
  let maxWords = 1;
  for (const name of entries.keys()) {
    const ws = splitWords(name);
    maxWords = Math.max(maxWords, ws.length);
    const list = byFirstWord.get(ws[0]!) ?? [];
    list.push(ws);
    byFirstWord.set(ws[0]!, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  const asciiStarts = new Uint8Array(128);
  const otherStarts = new Set<number>();
  for (const w of byFirstWord.keys()) {
    const c = w.charCodeAt(0);
    if (c < 128) asciiStarts[c] = 1;
    else otherStarts.add(c);
  }
  const titles = new Set(data.words.titles);
  const hos = new Set(data.words.headOfStateTitles.map((t) => t.toLowerCase()));
  return {
    countries: data.countries,
    organisations: data.organisations,
    words: data.words,
    lookup: (name) => entries.get(name),
    maxWords,
    countryOfAdjective: (w) => adjectives.get(w),
    isTitle: (w) => titles.has(w),
    isHeadOfStateTitle: (w) => hos.has(w.toLowerCase()),
    notEntity: new Set(data.words.notEntities),
    orgHeads: new Set(data.words.orgHeads),
    locHeads: new Set(data.words.locHeads),
    locPrepositions: new Set(data.words.locPrepositions),
    lowercaseRoles: new Set(data.words.lowercaseRoles),
    byFirstWord,
    startsName: (c) => (c < 128 ? asciiStarts[c] === 1 : otherStarts.has(c)),
  };
}

/** Given-name form -> the groups of data/gazetteers/given-names.json it belongs to (James, Jim and Jimmy share one). */
export type GivenNameGroups = ReadonlyMap<string, ReadonlySet<number>>;

export function loadGivenNameGroups(dir: string): GivenNameGroups {
  const { forms } = JSON.parse(readFileSync(join(dir, 'given-names.json'), 'utf8')) as { forms: string[][] };
  const groups = new Map<string, Set<number>>();
  forms.forEach((group, i) => {
    for (const form of group) groups.set(form, (groups.get(form) ?? new Set()).add(i));
  });
  return groups;
}
