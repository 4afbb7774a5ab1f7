import type { ArticleEntity, EntityMention, EntityType } from '../../model/document.js';
import { plainApostrophes } from '../lower-case.js';
import type { Candidate } from './candidate.js';
import type { DocView } from './doc-view.js';
import { isAllCaps, isCapitalised, isPossessive } from './doc-view.js';
import type { Gazetteer } from './gazetteer.js';
import { isMetonymic } from './metonymy.js';
import { resolvePronouns } from './pronouns.js';
import { findTitleMentions } from './title-mentions.js';

/** An entity while an article is being resolved. */
export interface WorkEntity {
  type: EntityType;
  /** Canonical name when a gazetteer or an expansion gives one. */
  canonical?: string;
  forms: string[];
  acronyms: Set<string>;
  affiliation?: string;
  role?: string;
  /** Person names: first-name tokens and surname. */
  given?: string[];
  surname?: string;
}

/** A mention while an article is being resolved (entity = index into the entity list). */
export interface WorkMention {
  start: number;
  end: number;
  tokStart: number;
  tokEnd: number;
  type: EntityType;
  entity: number;
  via: string;
  role?: string;
  standsFor?: number;
}

export interface Resolved {
  mentions: EntityMention[];
  entities: ArticleEntity[];
}

/** The words of a span, without possessive marks, one space apart and none before "." or ",". */
const surfaceOf = (view: DocView, c: { tokStart: number; tokEnd: number }) => {
  let out = '';
  for (let i = c.tokStart; i < c.tokEnd; i++) {
    const w = view.words[i]!;
    if (isPossessive(w)) continue;
    // Tokens hold no spaces: a space before "." or "," can only be the one put between two words.
    if (out.length > 0 && w.charCodeAt(0) !== 46 && w.charCodeAt(0) !== 44) out += ' ';
    out += w;
  }
  return out;
};

const normal = (s: string) => plainApostrophes(s.replace(/^the\s+/i, '')).trim();

/** Drops candidates overlapping an earlier or longer one. */
function removeOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of sorted) {
    const prev = out[out.length - 1];
    if (prev && c.start < prev.end) continue;
    out.push(c);
  }
  return out;
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

export function resolveArticle(view: DocView, gaz: Gazetteer, candidates: Candidate[]): Resolved {
  const cands = removeOverlaps(candidates);
  const ents: WorkEntity[] = [];
  const mentions: WorkMention[] = [];
  const byKey = new Map<string, number>();
  const newEntity = (e: WorkEntity, key?: string): number => {
    ents.push(e);
    if (key) byKey.set(key, ents.length - 1);
    return ents.length - 1;
  };
  const push = (c: Candidate, type: EntityType, entity: number, via: string) => {
    const m: WorkMention = { start: c.start, end: c.end, tokStart: c.tokStart, tokEnd: c.tokEnd, type, entity, via };
    if (c.role) m.role = c.role.text;
    mentions.push(m);
    const form = view.text.slice(c.start, c.end);
    const e = ents[entity]!;
    if (!e.forms.includes(form)) e.forms.push(form);
    if (c.role && (!e.role || (c.role.affiliation && !e.affiliation))) {
      e.role = c.role.text;
      if (c.role.affiliation) e.affiliation = c.role.affiliation;
    }
    return m;
  };

  // 1. Places, organisations, misc names: one entity per canonical name.
  const acronymCands: Candidate[] = [];
  const personCands: Candidate[] = [];
  for (const c of cands) {
    const surface = normal(surfaceOf(view, c));
    if (c.type === 'PER' || c.type === null) {
      if (c.type === null && c.tokEnd - c.tokStart === 1 && isAllCaps(surface) && surface.length >= 2) acronymCands.push(c);
      else personCands.push(c);
      continue;
    }
    if (c.type === 'ORG' && isAllCaps(surface) && !c.gaz) {
      acronymCands.push(c);
      continue;
    }
    const canonical = c.gaz?.kind === 'acronym' ? c.gaz.canonical : c.gaz?.canonical ?? surface;
    const key = `${c.type}:${canonical.toLowerCase()}`;
    let id = byKey.get(key);
    if (id === undefined) id = newEntity({ type: c.type, forms: [], acronyms: new Set(), ...(c.gaz ? { canonical: c.gaz.canonical } : {}), ...(c.gaz?.country ? { affiliation: c.gaz.country } : {}) }, key);
    if (c.gaz?.kind === 'acronym') ents[id]!.acronyms.add(surface);
    push(c, c.type, id, c.gaz?.kind === 'acronym' ? 'acronym' : c.via);
  }

  // 2. Acronyms: "Expansion (ACR)" in the text, a listed acronym, or the initials of a named organisation.
  const orgByEnd = new Map<number, number>();
  const orgByInitials = new Map<string, number>();
  for (const m of mentions) {
    if (m.type !== 'ORG') continue;
    orgByEnd.set(m.tokEnd, m.entity);
    const ini = initials(view.text.slice(m.start, m.end));
    if (ini.length >= 2 && !orgByInitials.has(ini)) orgByInitials.set(ini, m.entity);
  }
  for (const c of acronymCands) {
    const acr = surfaceOf(view, c);
    let id: number | undefined;
    if (view.words[c.tokStart - 1] === '(') id = orgByEnd.get(c.tokStart - 1);
    id ??= orgByInitials.get(acr);
    if (id === undefined) {
      const gazEntry = gaz.lookup(acr);
      const key = `ORG:${(gazEntry?.canonical ?? acr).toLowerCase()}`;
      id = byKey.get(key) ?? newEntity({ type: 'ORG', forms: [], acronyms: new Set([acr]), ...(gazEntry ? { canonical: gazEntry.canonical } : {}) }, key);
    }
    ents[id]!.acronyms.add(acr);
    push(c, 'ORG', id, 'acronym');
  }
  // Long forms of an organisation that also appears as an acronym were resolved through it.
  const hasAcronymMention = new Set(mentions.filter((m) => m.via === 'acronym').map((m) => m.entity));
  for (const m of mentions) {
    if (m.type === 'ORG' && m.via !== 'acronym' && hasAcronymMention.has(m.entity)) m.via = 'expansion';
  }

  // 3. People: full names first, then surnames ("Putin", "President Japarov").
  const full = personCands.filter((c) => c.type === 'PER' && c.tokEnd - c.tokStart - countPossessive(view, c) >= 2);
  const bySurname = new Map<string, number[]>();
  const fullStarts = new Map<number, number[]>(); // entity -> starts of its full-name mentions, ascending
  for (const c of full) {
    const ws = surfaceOf(view, c).split(' ');
    const surname = ws[ws.length - 1]!;
    const given = ws.slice(0, -1);
    const same = bySurname.get(surname) ?? [];
    let id = same.find((i) => ents[i]!.given !== undefined && compatibleGiven(ents[i]!.given!, given)) ?? -1;
    if (id === -1) {
      id = newEntity({ type: 'PER', forms: [], acronyms: new Set(), given, surname });
      same.push(id);
      bySurname.set(surname, same);
    } else if (given.join(' ').length > (ents[id]!.given ?? []).join(' ').length) ents[id]!.given = given;
    push(c, 'PER', id, c.via);
    const starts = fullStarts.get(id) ?? [];
    starts.push(c.start);
    fullStarts.set(id, starts);
  }
  const fullSet = new Set(full);
  const lastSingle = new Map<number, number>();
  const lastBefore = (e: number, at: number): number => {
    let best = lastSingle.get(e) ?? -1;
    const starts = fullStarts.get(e);
    if (starts) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! < at) {
          best = Math.max(best, starts[mid]!);
          lo = mid + 1;
        } else hi = mid - 1;
      }
    }
    return best;
  };
  for (const c of personCands) {
    if (fullSet.has(c)) continue;
    const ws = surfaceOf(view, c).split(' ');
    if (ws.length !== 1) {
      if (c.type === 'PER') {
        const id = newEntity({ type: 'PER', forms: [], acronyms: new Set() });
        push(c, 'PER', id, c.via);
      }
      continue;
    }
    const word = ws[0]!;
    // A title alone ("Mr", "President") is not a name.
    if (gaz.isTitle(word) || gaz.isTitle(word + '.')) continue;
    const matches = bySurname.get(word) ?? [];
    if (matches.length > 0) {
      // Several people with this surname: the one mentioned last before it.
      let pick = matches[0]!;
      let best = -1;
      for (const e of matches) {
        const at = lastBefore(e, c.start);
        if (at > best) {
          best = at;
          pick = e;
        }
      }
      push(c, 'PER', pick, 'surname');
      lastSingle.set(pick, c.start);
    } else if (c.type === 'PER') {
      const key = `PER:${word}`;
      let id = byKey.get(key);
      if (id === undefined) {
        id = newEntity({ type: 'PER', forms: [], acronyms: new Set(), surname: word }, key);
        bySurname.set(word, [id]);
      }
      push(c, 'PER', id, c.via);
      lastSingle.set(id, c.start);
    } else if (gaz.locPrepositions.has(view.lower[c.tokStart - 1] ?? '')) {
      // An unknown single name after "in", "to", "from": a place.
      const key = `LOC:${word.toLowerCase()}`;
      const id = byKey.get(key) ?? newEntity({ type: 'LOC', forms: [], acronyms: new Set() }, key);
      push(c, 'LOC', id, c.via);
    }
  }

  // 4. Roles without a name ("The Russian president"), 5. pronouns, 6. metonymy.
  const titles = findTitleMentions(view, gaz, ents, mentions);
  if (titles.length > 0) {
    const inside = (m: WorkMention) => titles.some((t) => t.start <= m.start && m.end <= t.end);
    const kept = mentions.filter((m) => !inside(m));
    mentions.length = 0;
    mentions.push(...kept, ...titles);
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const p of resolvePronouns(view, gaz, mentions)) mentions.push(p);
  mentions.sort((a, b) => a.start - b.start);
  const candAt = new Map<number, Candidate>();
  for (const c of cands) candAt.set(c.start, c);
  for (const m of mentions) {
    if (m.type !== 'LOC') continue;
    const e = ents[m.entity]!;
    const country = e.canonical ? gaz.lookup(e.canonical)?.country : undefined;
    if (!country) continue;
    const cand = candAt.get(m.start);
    if (!(cand?.metonymic || isMetonymic(view, gaz, m.tokStart, m.tokEnd))) continue;
    const key = `LOC:${country.toLowerCase()}`;
    m.standsFor = byKey.get(key) ?? newEntity({ type: 'LOC', forms: [], acronyms: new Set(), canonical: country }, key);
  }
  return finish(view, ents, mentions);
}

function countPossessive(view: DocView, c: Candidate): number {
  let n = 0;
  for (let i = c.tokStart; i < c.tokEnd; i++) if (isPossessive(view.words[i]!)) n++;
  return n;
}

/** Given names agree when equal, or one is the initial of the other ("V." / "Vladimir"). */
export function compatibleGiven(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const x = a[0]!.replace(/\.$/, '');
  const y = b[0]!.replace(/\.$/, '');
  if (x === y) return true;
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  return false;
}

/** Numbers entities in order of first mention and writes the layers. */
function finish(view: DocView, ents: WorkEntity[], mentions: WorkMention[]): Resolved {
  const idOf = new Map<number, string>();
  const order: number[] = [];
  const assign = (i: number) => {
    if (!idOf.has(i)) {
      idOf.set(i, `e${idOf.size + 1}`);
      order.push(i);
    }
    return idOf.get(i)!;
  };
  const out: EntityMention[] = mentions.map((m) => {
    const em: EntityMention = { start: m.start, end: m.end, type: m.type, entity: assign(m.entity), via: m.via };
    if (m.role) em.role = m.role;
    if (m.standsFor !== undefined) em.standsFor = assign(m.standsFor);
    return em;
  });
  const entities: ArticleEntity[] = order.map((i) => {
    const e = ents[i]!;
    const names = e.forms.filter((f) => !isPronounForm(f) && !/^the\s/i.test(f));
    const fullest = e.type === 'PER' && e.given && e.surname ? [...e.given, e.surname].join(' ') : longest(names);
    const name = e.canonical ?? fullest ?? e.forms[0] ?? '';
    const aliases = [...new Set([...names, ...e.acronyms])].filter((a) => a !== name);
    const ae: ArticleEntity = { id: idOf.get(i)!, name, type: e.type, aliases };
    if (e.affiliation) ae.affiliation = e.affiliation;
    if (e.role) ae.role = e.role;
    return ae;
  });
  void view;
  return { mentions: out, entities };
}

const isPronounForm = (f: string) => /^(?:he|she|his|her|him)$/i.test(f);

function longest(xs: string[]): string | undefined {
  let best: string | undefined;
  for (const x of xs) if (!best || x.split(' ').length > best.split(' ').length || (x.split(' ').length === best.split(' ').length && x.length > best.length)) best = x;
  return best;
}

export { isCapitalised };
