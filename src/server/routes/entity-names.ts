// Names across stories, merged and cleaned for lists: "Trump" joins "Donald Trump", "Democrats" and
// "Democratic" join "Democrat", a title before a name is dropped ("Congressman Grimm" is "Grimm"), and words
// that are not names of anyone in particular are left out: a nationality, region or group adjective
// ("American", "African", "Christian"), a lone initial ("C."), a title or role alone ("Former Rep"), a
// person's role ("Clinton Aide"), a capitalised function word ("I'm"), a party-and-state tag ("D-N"), and a
// one-word name the recogniser cannot type (as often a place as a person: a capitalised common word, "Hope"),
// and a one-word "place" that is a common word or a WordNet noun of no place sense ("Bible").
// Each name shown carries the type most of its stories give it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import type { StorySummary } from '../../store/types.js';
import { nounKind } from '../../compare/lexical/place-nouns.js';

export interface NameRow {
  name: string;
  stories: number;
  /** Stories per entity type (PER, ORG, LOC, MISC) given to this name, when known. */
  types?: Record<string, number>;
}

export interface NameIndex {
  /** The name a list shows for `name`; null when it is not shown at all. */
  canonical(name: string): string | null;
  /** Every name merged into a canonical one (itself included). */
  aliases(canonical: string): string[];
  /** The type most stories give a canonical name and the names merged into it (PER, ORG, LOC, MISC), or null. */
  type(canonical: string): string | null;
}

/** A type as a list shows it. */
export const TYPE_WORD: Record<string, string> = { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' };

/** How many of the most frequent English words count as common words. */
const COMMON_WORDS = 5000;

interface NameWords {
  /** Country, region and group adjectives, lower case (with plurals). */
  adjectives: Set<string>;
  /** Country, capital and US state names, lower case. */
  places: Set<string>;
  /** US state abbreviations without their final full stop ("Mo", "N.Y") and their states. */
  stateAbbreviations: Map<string, string>;
  /** Titles and role words of one word, lower case, without a final full stop; those of several words. */
  titles: Set<string>;
  titlePhrases: Set<string>;
  /** Head words of organisation and place names ("Department", "Court"), lower case. */
  heads: Set<string>;
  /** The most frequent English words, lower case. */
  common: Set<string>;
  /** Capitalised function words that never start a name. */
  notNames: Set<string>;
}

let words: NameWords | null = null;

/** The word lists of the gazetteers (data/gazetteers) that tell a name from a word. */
function nameWords(): NameWords {
  if (words) return words;
  const dir = join(repoRoot(), 'data', 'gazetteers');
  const read = <T>(file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  const countries = read<{ countries: { name: string; aliases: string[]; adjectives: string[]; capitals: string[] }[] }>('countries.json');
  const lists = read<{ titles: string[]; lowercaseRoles: string[]; roleHeads: string[]; orgHeads: string[]; locHeads: string[]; notEntities: string[]; regionAdjectives: string[]; groupAdjectives: string[] }>('words.json');
  const states = read<{ states: string[]; abbreviations: Record<string, string> }>('us-states.json');
  const adjectives = new Set<string>();
  const places = new Set<string>();
  for (const a of [...countries.countries.flatMap((c) => c.adjectives), ...lists.regionAdjectives, ...lists.groupAdjectives]) {
    adjectives.add(a.toLowerCase());
    adjectives.add(`${a.toLowerCase()}s`);
  }
  for (const c of countries.countries) for (const n of [c.name, ...c.aliases, ...c.capitals]) places.add(n.toLowerCase());
  for (const n of states.states) places.add(n.toLowerCase());
  // "Mo" (of "Mo.", the full stop cut off by the recogniser) is Missouri.
  const stateAbbreviations = new Map(Object.entries(states.abbreviations).map(([ab, state]) => [ab.replace(/\.$/, ''), state]));
  // Titles and roles of one word ("Sen.", "Congressman", "aide"), and those of several words as phrases.
  const titles = new Set<string>(['former', 'ex', 'then', 'acting', 'deputy', 'aide', 'adviser', 'advisor', 'congressman', 'congresswoman']);
  const titlePhrases = new Set<string>();
  for (const t of [...lists.titles, ...lists.lowercaseRoles, ...lists.roleHeads]) {
    const lower = t.toLowerCase().replace(/\.$/, '');
    (/\s/.test(lower) ? titlePhrases : titles).add(lower);
  }
  const heads = new Set([...lists.orgHeads, ...lists.locHeads].map((h) => h.toLowerCase().replace(/\.$/, '')));
  // The most frequent English words (the word list of data/lexical is in frequency order).
  const common = new Set(readFileSync(join(repoRoot(), 'data', 'lexical', 'vectors.words.txt'), 'utf8').split('\n', COMMON_WORDS).map((w) => w.trim()));
  words = { adjectives, places, stateAbbreviations, titles, titlePhrases, heads, common, notNames: new Set(lists.notEntities) };
  return words;
}

const tokens = (name: string) => name.split(/\s+/).filter(Boolean);
const bare = (token: string) => token.toLowerCase().replace(/\.$/, '');

/** A name without the titles before it ("Congressman Grimm" -> "Grimm", "Sen. Chuck Grassley" -> "Chuck Grassley"); the name itself when nothing is left after them. */
export function withoutTitle(name: string): string {
  const t = tokens(name);
  const { titles, heads } = nameWords();
  let i = 0;
  while (i < t.length - 1 && titles.has(bare(t[i]!))) i++;
  // "Justice Department" is an office, not Justice So-and-so.
  return i > 0 && /^\p{Lu}/u.test(t[i]!) && !heads.has(bare(t[t.length - 1]!)) ? t.slice(i).join(' ') : name;
}

/** One key for the spellings of a one-word name: case, a possessive and the -s / -ic endings do not count. */
export function wordKey(name: string): string {
  const n = name.toLowerCase().replace(/[’']s$/, '').replace(/^the\s+/, '');
  if (/\s/.test(n) || n.length < 6) return n;
  return n.replace(/(ics|ic|s)$/, '');
}

/** Whether a name is noise in a list of who and what a story names (from its words alone). */
export function isNoiseName(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || /^(?:[A-Z]\.\s*)+$/.test(n) || /^[A-Z]\.?$/.test(n)) return true;
  if (!/\p{L}/u.test(n)) return true;
  // A party-and-state tag cut at its full stop ("D-N" of "D-N.Y.").
  if (/^[A-Z]-[A-Z]{1,2}\.?$/.test(n)) return true;
  const w = nameWords();
  if (w.adjectives.has(n.toLowerCase())) return true;
  const t = tokens(n);
  // "I'm", "The": a name never starts with a function word.
  if (w.notNames.has(t[0]!.split(/['’]/)[0]!)) return true;
  // A title or role alone ("Former Rep", "Senator"), or a person's role ("Clinton Aide").
  if (t.every((x) => w.titles.has(bare(x))) || w.titlePhrases.has(bare(n))) return true;
  if (t.length >= 2 && w.titles.has(bare(t[t.length - 1]!)) && /^\p{Lu}\p{Ll}/u.test(t[t.length - 1]!) && !w.titles.has(bare(t[0]!))) return true;
  return false;
}

/** The type most stories give (null when unknown), and whether it is a clear majority (more than half). */
function majorityType(types: Record<string, number> | undefined): { type: string | null; clear: boolean } {
  const entries = Object.entries(types ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((sum, [, v]) => sum + v, 0);
  if (!entries.length || total === 0) return { type: null, clear: true };
  return { type: entries[0]![0], clear: entries[0]![1] * 2 > total };
}

export function createNameIndex(rows: NameRow[]): NameIndex {
  const { places } = nameWords();
  const out = new Map<string, string | null>();
  // 0. A name stands under its untitled form ("Congressman Grimm" counts as "Grimm").
  const untitled = new Map<string, string>();
  const info = new Map<string, { stories: number; types: Record<string, number> }>();
  for (const r of rows) {
    const u = nameWords().stateAbbreviations.get(r.name.trim()) ?? withoutTitle(r.name.trim());
    if (isNoiseName(r.name) || isNoiseName(u)) {
      out.set(r.name, null);
      continue;
    }
    untitled.set(r.name, u);
    const m = info.get(u) ?? { stories: 0, types: {} };
    m.stories += r.stories;
    for (const [t, v] of Object.entries(r.types ?? {})) m.types[t] = (m.types[t] ?? 0) + v;
    info.set(u, m);
  }
  const storiesOf = (n: string) => info.get(n)?.stories ?? 0;
  const typeOf = (n: string) => majorityType(info.get(n)?.types).type;
  // 1. Spellings of one word: the most reported spelling stands for the others, a noun before its
  // adjective ("Democrats" for "Democratic").
  const byKey = new Map<string, string[]>();
  for (const u of info.keys()) byKey.set(wordKey(u), [...(byKey.get(wordKey(u)) ?? []), u]);
  const head = new Map<string, string>();
  for (const names of byKey.values()) {
    const adjective = (n: string) => Number(names.length > 1 && /ic$/i.test(n));
    const best = [...names].sort((a, b) => adjective(a) - adjective(b) || storiesOf(b) - storiesOf(a) || a.length - b.length || a.localeCompare(b))[0]!;
    for (const n of names) head.set(n, best);
  }
  // 2. A lone surname joins the full name that ends with it, when one full name is clearly meant (the most
  // reported, at least twice as reported as the next) and neither is typed an organisation or a place; places
  // keep their own name ("Washington"), institutions too ("House" is not "White House").
  const person = (n: string) => typeOf(n) !== 'ORG' && typeOf(n) !== 'LOC';
  const fullByLast = new Map<string, string[]>();
  for (const n of new Set(head.values())) {
    const parts = tokens(n);
    if (parts.length >= 2 && person(n)) {
      const last = parts[parts.length - 1]!.toLowerCase();
      fullByLast.set(last, [...(fullByLast.get(last) ?? []), n]);
    }
  }
  const target = new Map<string, string>();
  for (const [u, h] of head) {
    let t = h;
    if (!/\s/.test(h) && !places.has(h.toLowerCase()) && person(h)) {
      const full = (fullByLast.get(h.toLowerCase()) ?? []).sort((a, b) => storiesOf(b) - storiesOf(a));
      if (full.length === 1 || (full.length > 1 && storiesOf(full[0]!) >= 2 * storiesOf(full[1]!))) t = full[0]!;
    }
    target.set(u, t);
  }
  // 3. Types of the merged names together; a one-word name left alone that is typed one way no more
  // often than others is a capitalised common word ("Hope": as often a place as a person).
  const mergedTypes = new Map<string, Record<string, number>>();
  for (const [u, t] of target) {
    const acc = mergedTypes.get(t) ?? {};
    for (const [k, v] of Object.entries(info.get(u)?.types ?? {})) acc[k] = (acc[k] ?? 0) + v;
    mergedTypes.set(t, acc);
  }
  // A one-word "place" that no gazetteer knows and that is a common English word ("Hope", "District"), or a
  // WordNet noun none of whose senses is a place ("Bible": a book), is a capitalised word, not a place.
  // Places WordNet knows ("Alexandria") and names it does not ("Ferguson") stay.
  const { common } = nameWords();
  const notAPlace = (t: string) => common.has(t.toLowerCase()) || nounKind(t) === 'thing';
  const unclear = (t: string) => {
    if (/\s/.test(t) || places.has(t.toLowerCase())) return false;
    const m = majorityType(mergedTypes.get(t));
    return !m.clear || (m.type === 'LOC' && t !== t.toUpperCase() && notAPlace(t));
  };
  for (const [name, u] of untitled) {
    const t = target.get(u)!;
    out.set(name, unclear(t) ? null : t);
  }
  const aliases = new Map<string, string[]>();
  for (const [name, c] of out) if (c) aliases.set(c, [...(aliases.get(c) ?? []), name]);
  return {
    canonical: (name) => (out.has(name) ? out.get(name)! : isNoiseName(name) ? null : name),
    aliases: (c) => aliases.get(c) ?? [c],
    // The name's own type when it has one ("Jeb Bush" is a person even where a lone "Bush" was read otherwise).
    type: (c) => typeOf(c) ?? majorityType(mergedTypes.get(c)).type,
  };
}

/** Per name: the stories that give it, and how many of them give it each type. */
export function nameRows(stories: Pick<StorySummary, 'entities' | 'entityTypes'>[]): NameRow[] {
  const rows = new Map<string, NameRow & { types: Record<string, number> }>();
  for (const s of stories) {
    const seen = new Set<string>();
    s.entities.forEach((name, i) => {
      if (seen.has(name)) return;
      seen.add(name);
      const row = rows.get(name) ?? { name, stories: 0, types: {} };
      row.stories++;
      const type = s.entityTypes?.[i];
      if (type) row.types[type] = (row.types[type] ?? 0) + 1;
      rows.set(name, row);
    });
  }
  return [...rows.values()];
}

/** A story's names for display: merged, noise left out, each once, in the given order. */
export function displayNames(names: string[], index: NameIndex): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const c = index.canonical(n);
    if (c && !seen.has(c)) {
      seen.add(c);
      out.push(c);
    }
  }
  return out;
}
