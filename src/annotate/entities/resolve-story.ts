import type { Article, ArticleEntity, EntityType } from '../../model/document.js';
import { createSurnameMatcher, fold, phoneticKey } from './phonetic.js';
import { crossLanguageKey } from '../../lang/xkey.js';

// Names in Cyrillic (Russian articles) meet their case forms and their Latin spellings through one key
// (Путина = Путин = Putin); names both in Latin script are compared as before.
const CYRILLIC = /[\u0400-\u04ff]/;
const crossScript = (a: string, b: string) => CYRILLIC.test(a) || CYRILLIC.test(b);
/** sameSurname for a whole story: each spelling's keys computed once. */
function surnameMatcher(): (a: string, b: string) => boolean {
  const sameLatin = createSurnameMatcher();
  return (a, b) => (crossScript(a, b) ? crossLanguageKey(a, 'PER') === crossLanguageKey(b, 'PER') : sameLatin(a, b));
}

/** One entity across the articles of a story. */
export interface StoryEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  members: { article: string; entity: string }[];
}

interface Node {
  article: string;
  entity: ArticleEntity;
  given: string;
  surname: string;
}

/**
 * Joins the entities of several articles. Organisations and places: same name, or a shared alias or
 * acronym. People: the same surname up to spelling/transliteration (sameSurname) and compatible given
 * names (equal up to transliteration, or an initial); a bare surname joins only when exactly one person
 * of the story has it (or the roles' countries agree). Different given names are different people.
 */
export function resolveStoryEntities(articles: Article[]): StoryEntity[] {
  const sameSurname = surnameMatcher();
  const nodes: Node[] = [];
  for (const a of articles) {
    for (const e of a.layers.entityIndex ?? []) {
      const ws = e.name.split(/\s+/);
      nodes.push({ article: a.id, entity: e, given: e.type === 'PER' && ws.length > 1 ? ws[0]! : '', surname: e.type === 'PER' ? ws[ws.length - 1]! : '' });
    }
  }
  const parent = nodes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  // Non-persons: by any shared (folded) name or alias.
  const byName = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.entity.type === 'PER') return;
    for (const nm of [n.entity.name, ...n.entity.aliases]) {
      const k = `${n.entity.type}:${fold(nm)}`;
      const j = byName.get(k);
      if (j === undefined) byName.set(k, i);
      else union(i, j);
    }
  });
  // Non-persons with a Cyrillic name: the same cross-language key as another name of the type.
  const byKey = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (n.entity.type === 'PER' || !CYRILLIC.test(n.entity.name)) return;
    const k = `${n.entity.type}:${crossLanguageKey(n.entity.name, n.entity.type)}`;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else union(i, j);
  });
  if (byKey.size > 0) nodes.forEach((n, i) => {
    if (n.entity.type === 'PER' || CYRILLIC.test(n.entity.name)) return;
    const j = byKey.get(`${n.entity.type}:${crossLanguageKey(n.entity.name, n.entity.type)}`);
    if (j !== undefined) union(i, j);
  });
  // Persons with given names first, then bare surnames.
  const persons = nodes.map((n, i) => ({ n, i })).filter(({ n }) => n.entity.type === 'PER');
  const named = persons.filter(({ n }) => n.given);
  // Pairs of distinct surname spellings first, then the people under each matching pair (not every pair of mentions).
  const bySurname = new Map<string, typeof named>();
  for (const p of named) {
    const list = bySurname.get(p.n.surname);
    if (list) list.push(p);
    else bySurname.set(p.n.surname, [p]);
  }
  const surnames = [...bySurname.keys()];
  for (let s = 0; s < surnames.length; s++) {
    for (let t = s; t < surnames.length; t++) {
      if (!sameSurname(surnames[s]!, surnames[t]!)) continue;
      const xs = bySurname.get(surnames[s]!)!;
      const ys = bySurname.get(surnames[t]!)!;
      for (let x = 0; x < xs.length; x++) {
        for (let y = s === t ? x + 1 : 0; y < ys.length; y++) {
          const a = xs[x]!.n;
          const b = ys[y]!.n;
          if (sameGiven(a.given, b.given) && affiliationsAgree(a.entity, b.entity)) union(xs[x]!.i, ys[y]!.i);
        }
      }
    }
  }
  const matchingSurnames = new Map<string, string[]>();
  const namedWithSurname = (surname: string) => {
    let list = matchingSurnames.get(surname);
    if (!list) matchingSurnames.set(surname, (list = surnames.filter((t) => sameSurname(t, surname))));
    return list.flatMap((t) => bySurname.get(t)!);
  };
  // The first bare mention of each surname spelling, in order: a bare surname no full name claims joins the earliest.
  const firstBare = new Map<string, number>();
  for (const { n, i } of persons.filter(({ n }) => !n.given)) {
    const fits = namedWithSurname(n.surname).filter(({ n: m }) => affiliationsAgree(m.entity, n.entity));
    const groups = new Set(fits.map(({ i: j }) => find(j)));
    if (groups.size === 1) union(i, fits[0]!.i);
    else if (groups.size === 0) {
      let bare: number | undefined;
      for (const [spelling, j] of firstBare) if (sameSurname(spelling, n.surname) && (bare === undefined || j < bare)) bare = j;
      if (bare !== undefined) union(i, bare);
    }
    if (!firstBare.has(n.surname)) firstBare.set(n.surname, i);
  }
  const groups = new Map<number, Node[]>();
  nodes.forEach((n, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(n);
    groups.set(r, g);
  });
  const out: StoryEntity[] = [];
  for (const g of groups.values()) {
    const name = g.map((n) => n.entity.name).sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length)[0]!;
    const aliases = [...new Set(g.flatMap((n) => [n.entity.name, ...n.entity.aliases]))].filter((a) => a !== name);
    out.push({ id: `s${out.length + 1}`, name, type: g[0]!.entity.type, aliases, members: g.map((n) => ({ article: n.article, entity: n.entity.id })) });
  }
  return out;
}

function sameGiven(a: string, b: string): boolean {
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  if (crossScript(x, y)) return x.length === 1 || y.length === 1 ? crossLanguageKey(x)[0] === crossLanguageKey(y)[0] : crossLanguageKey(x, 'PER') === crossLanguageKey(y, 'PER');
  if (x.length === 1 || y.length === 1) return fold(x)[0] === fold(y)[0];
  return fold(x) === fold(y) || phoneticKey(x) === phoneticKey(y);
}

function affiliationsAgree(a: ArticleEntity, b: ArticleEntity): boolean {
  return !a.affiliation || !b.affiliation || a.affiliation === b.affiliation;
}
