// Names across stories, merged and cleaned for lists: "Trump" joins "Donald Trump", "Democrats" and
// "Democratic" join "Democrat", and words that are not names of anyone in particular (a nationality
// adjective such as "American", a lone initial such as "C.") are left out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';

export interface NameRow {
  name: string;
  stories: number;
}

export interface NameIndex {
  /** The name a list shows for `name`; null when it is not shown at all. */
  canonical(name: string): string | null;
  /** Every name merged into a canonical one (itself included). */
  aliases(canonical: string): string[];
}

let places: { adjectives: Set<string>; places: Set<string> } | null = null;

/** Country adjectives (left out) and country and capital names (never merged into a person's name), from the gazetteer. */
function gazetteerWords() {
  if (places) return places;
  const data = JSON.parse(readFileSync(join(repoRoot(), 'data', 'gazetteers', 'countries.json'), 'utf8')) as {
    countries: { name: string; aliases: string[]; adjectives: string[]; capitals: string[] }[];
  };
  const adjectives = new Set<string>();
  const names = new Set<string>();
  for (const c of data.countries) {
    for (const a of c.adjectives) {
      adjectives.add(a.toLowerCase());
      adjectives.add(`${a.toLowerCase()}s`);
    }
    for (const n of [c.name, ...c.aliases, ...c.capitals]) names.add(n.toLowerCase());
  }
  places = { adjectives, places: names };
  return places;
}

/** One key for the spellings of a one-word name: case, a possessive and the -s / -ic endings do not count. */
export function wordKey(name: string): string {
  const n = name.toLowerCase().replace(/[’']s$/, '').replace(/^the\s+/, '');
  if (/\s/.test(n) || n.length < 6) return n;
  return n.replace(/(ics|ic|s)$/, '');
}

/** Whether a name is noise in a list of who and what a story names. */
export function isNoiseName(name: string): boolean {
  const n = name.trim();
  if (n.length < 2 || /^(?:[A-Z]\.\s*)+$/.test(n) || /^[A-Z]\.?$/.test(n)) return true;
  if (!/\p{L}/u.test(n)) return true;
  return gazetteerWords().adjectives.has(n.toLowerCase());
}

export function createNameIndex(rows: NameRow[]): NameIndex {
  const { places: placeNames } = gazetteerWords();
  const stories = new Map(rows.map((r) => [r.name, r.stories]));
  const out = new Map<string, string | null>();
  // 1. Spellings of one word: the most reported spelling stands for the others.
  const byKey = new Map<string, string[]>();
  for (const r of rows) {
    if (isNoiseName(r.name)) {
      out.set(r.name, null);
      continue;
    }
    const k = wordKey(r.name);
    byKey.set(k, [...(byKey.get(k) ?? []), r.name]);
  }
  const head = new Map<string, string>();
  for (const names of byKey.values()) {
    const best = [...names].sort((a, b) => (stories.get(b) ?? 0) - (stories.get(a) ?? 0) || a.length - b.length || a.localeCompare(b))[0]!;
    for (const n of names) head.set(n, best);
  }
  // 2. A lone surname joins the full name that ends with it, when one full name is clearly meant
  // (the most reported, at least twice as reported as the next); places keep their own name.
  const fullByLast = new Map<string, string[]>();
  for (const n of new Set(head.values())) {
    const parts = n.split(/\s+/);
    if (parts.length >= 2) {
      const last = parts[parts.length - 1]!.toLowerCase();
      fullByLast.set(last, [...(fullByLast.get(last) ?? []), n]);
    }
  }
  for (const [name, h] of head) {
    let target = h;
    if (!/\s/.test(h) && !placeNames.has(h.toLowerCase())) {
      const full = (fullByLast.get(h.toLowerCase()) ?? []).sort((a, b) => (stories.get(b) ?? 0) - (stories.get(a) ?? 0));
      if (full.length === 1 || (full.length > 1 && (stories.get(full[0]!) ?? 0) >= 2 * (stories.get(full[1]!) ?? 0))) target = full[0]!;
    }
    out.set(name, target);
  }
  const aliases = new Map<string, string[]>();
  for (const [name, c] of out) if (c) aliases.set(c, [...(aliases.get(c) ?? []), name]);
  return {
    canonical: (name) => (out.has(name) ? out.get(name)! : isNoiseName(name) ? null : name),
    aliases: (c) => aliases.get(c) ?? [c],
  };
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
