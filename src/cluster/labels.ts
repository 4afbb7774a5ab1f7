// Story labels: a short title (from the article nearest the story's centroid), the names most
// articles share, the places among them, and the dates.
import { createRequire } from 'node:module';
import type { StoryLabel } from './types.js';
import { namePhrases, type ArticleFeatures } from './features.js';

export interface LabelInput {
  id: string;
  title: string | null;
  published: string | null;
  features: ArticleFeatures;
  duplicateOf: string | null;
}

/** Country names (common and official) and capitals, lower case, from the world-countries package. */
export function loadPlaces(): Set<string> {
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as Array<{ name: { common: string; official: string }; capital?: string[]; altSpellings?: string[] }>;
  const out = new Set<string>();
  for (const c of countries) {
    out.add(c.name.common.toLowerCase());
    out.add(c.name.official.toLowerCase());
    for (const cap of c.capital ?? []) out.add(cap.toLowerCase());
    for (const alt of c.altSpellings ?? []) if (alt.length > 3) out.add(alt.toLowerCase());
  }
  return out;
}

const DAY_MS = 86_400_000;
const isoDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

export function labelStory(story: string, articles: LabelInput[], places: Set<string>): StoryLabel {
  // Wire copies count once.
  const originals = articles.filter((a) => a.duplicateOf === null);
  const pool = originals.length ? originals : articles;
  // Centroid-nearest article gives the title.
  const centroid = new Map<number, number>();
  for (const a of pool) {
    const v = a.features.terms;
    for (let k = 0; k < v.ids.length; k++) centroid.set(v.ids[k]!, (centroid.get(v.ids[k]!) ?? 0) + v.weights[k]!);
  }
  let best = pool[0]!;
  let bestScore = -1;
  for (const a of pool) {
    const v = a.features.terms;
    let s = 0;
    for (let k = 0; k < v.ids.length; k++) s += v.weights[k]! * (centroid.get(v.ids[k]!) ?? 0);
    if (a.title) s *= 1.5; // prefer an article that has a title
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  const title = shorten(best.title ?? best.features.lead, 100);
  // Names: by number of articles naming them, then by mentions.
  const byName = new Map<string, { articles: number; mentions: number; type: string | null }>();
  for (const a of pool) {
    for (const p of namePhrases(a.features)) {
      const e = byName.get(p.text) ?? { articles: 0, mentions: 0, type: p.type };
      e.articles++;
      e.mentions += p.count;
      byName.set(p.text, e);
    }
  }
  const ranked = [...byName].sort((x, y) => y[1].articles - x[1].articles || y[1].mentions - x[1].mentions || x[0].localeCompare(y[0]));
  const isPlace = (name: string, type: string | null) => type === 'LOC' || places.has(name.toLowerCase());
  const placeList = ranked.filter(([n, e]) => isPlace(n, e.type)).slice(0, 4).map(([n]) => n);
  const entities = ranked.filter(([n, e]) => !isPlace(n, e.type)).slice(0, 6).map(([n]) => n);
  const published = [...new Set(pool.map((a) => a.features.day).filter((d): d is number => d !== null))].sort((x, y) => x - y);
  const mentioned = new Map<number, number>();
  for (const a of pool) for (const d of a.features.mentioned) mentioned.set(d, (mentioned.get(d) ?? 0) + 1);
  const dates = [...new Set([...published, ...[...mentioned].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([d]) => d)])].sort((x, y) => x - y).map(isoDay);
  return { story, title, entities, places: placeList, dates, articles: articles.map((a) => a.id) };
}

function shorten(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return (sp > max / 2 ? cut.slice(0, sp) : cut) + '…';
}
