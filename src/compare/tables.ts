import type { Article, Quantity } from '../model/document.js';
import type { ClaimView } from './align.js';
import { cosine } from './align.js';
import { isRankLabel, measureKey } from './conflicts.js';
import { evidence, outletName } from './evidence.js';
import type { EntityMap, StoryEntity } from './story-entities.js';
import type { EntityOut, FigureCell, FigureRow, FramingOut, QuoteOut, QuoteRow, TimelineEntry } from './types.js';
import { numbersConflict } from './values.js';
import { reachIndex } from '../annotate/span-index.js';

export function entitiesOut(articles: readonly Article[], story: readonly StoryEntity[]): EntityOut[] {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  // article -> article entity -> positions of its mentions in the entities layer (read once, not once per entity)
  const positions = new Map<string, Map<string, number[]>>();
  for (const a of articles) {
    const of = new Map<string, number[]>();
    (a.layers.entities ?? []).forEach((m, i) => (of.get(m.entity) ?? of.set(m.entity, []).get(m.entity)!).push(i));
    positions.set(a.id, of);
  }
  const out: EntityOut[] = [];
  for (const e of story) {
    const mentions: EntityOut['mentions'] = [];
    const coverage: Record<string, number> = {};
    for (const articleId of new Set(e.members.map((m) => m.article))) {
      const a = byArticle.get(articleId);
      if (!a) continue;
      const layer = a.layers.entities ?? [];
      const of = positions.get(articleId)!;
      const at = [...new Set(e.members.filter((m) => m.article === articleId).map((m) => m.entity))].flatMap((id) => of.get(id) ?? []);
      for (const i of at.sort((x, y) => x - y)) {
        const m = layer[i]!;
        mentions.push({ article: a.id, start: m.start, end: m.end, text: a.text.slice(m.start, m.end), via: m.via });
        coverage[a.id] = (coverage[a.id] ?? 0) + 1;
      }
    }
    if (mentions.length > 0) out.push({ id: e.id, name: e.name, type: e.type, aliases: e.aliases, mentions, coverage });
  }
  return out.sort((x, y) => y.mentions.length - x.mentions.length);
}

const entityIndexes = new WeakMap<Article, Map<string, { name: string }>>();
/** An article's entity index by id (the first entry of each id, as a scan would find). */
function entityById(a: Article): Map<string, { name: string }> {
  let m = entityIndexes.get(a);
  if (!m) {
    m = new Map();
    for (const e of a.layers.entityIndex ?? []) if (!m.has(e.id)) m.set(e.id, e);
    entityIndexes.set(a, m);
  }
  return m;
}

function speakerName(a: Article, speaker: string | null | undefined, map: EntityMap, names: Map<string, string>): { name: string | null; id: string | null } {
  if (!speaker) return { name: null, id: null };
  const storyId = map.get(a.id)?.get(speaker) ?? null;
  const local = entityById(a).get(speaker);
  return { name: (storyId && names.get(storyId)) ?? local?.name ?? null, id: storyId };
}

export function quotesOut(articles: readonly Article[], map: EntityMap, story: readonly StoryEntity[]): QuoteOut[] {
  const names = new Map(story.map((e) => [e.id, e.name]));
  const out: QuoteOut[] = [];
  for (const a of articles) {
    for (const q of a.layers.quotes ?? []) {
      const content = q.content.length ? q.content : [{ start: q.start, end: q.end, text: '' }];
      const start = Math.min(...content.map((c) => c.start));
      const end = Math.max(...content.map((c) => c.end));
      const sp = speakerName(a, q.speaker, map, names);
      const via = (q as { via?: { text: string } | string | null }).via;
      out.push({
        article: a.id,
        speaker: sp.name ?? q.speakerMention?.text ?? null,
        speakerEntity: sp.id,
        speakerKind: q.speakerKind,
        start,
        end,
        text: a.text.slice(start, end),
        direct: q.direct,
        cue: q.cue?.text ?? null,
        via: typeof via === 'string' ? via : via?.text ?? null,
      });
    }
  }
  return out;
}

export function quoteTable(quotes: readonly QuoteOut[]): QuoteRow[] {
  const rows = new Map<string, QuoteRow>();
  for (const q of quotes) {
    const key = q.speakerEntity ?? `name:${q.speaker ?? 'unattributed'}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { speaker: q.speaker ?? 'unattributed', speakerEntity: q.speakerEntity, byArticle: {} }));
    (row.byArticle[q.article] ??= []).push(q);
  }
  return [...rows.values()].sort((x, y) => Object.keys(y.byArticle).length - Object.keys(x.byArticle).length);
}

interface Located {
  view: ClaimView | undefined;
  article: Article;
  q: Quantity;
  key: string;
}

/**
 * The figures table: quantities grouped by measure (unit + what is counted) across the story. Two figures
 * of one measure are one row when their claims are about the same thing; a row whose figures disagree
 * beyond hedges and rounding is a conflict, within one article too.
 */
/** Years a figure's statement is anchored to ("By 2085, ..."); figures for different years are different measures. */
const yearsCache = new WeakMap<Located, Set<string>>();
function yearsOf(l: Located): Set<string> {
  const known = yearsCache.get(l);
  if (known) return known;
  const out = new Set<string>();
  yearsCache.set(l, out);
  for (const i of l.view?.claim.times ?? []) {
    const y = /^(\d{4})/.exec(l.article.layers.times?.[i]?.value ?? '');
    if (y) out.add(y[1]!);
  }
  return out;
}

function closeValues(a: number, b: number): boolean {
  const lo = Math.min(Math.abs(a), Math.abs(b));
  const hi = Math.max(Math.abs(a), Math.abs(b));
  return hi === 0 || lo / hi >= 2 / 3;
}

function sameYears(x: Located, y: Located): boolean {
  const a = yearsOf(x);
  const b = yearsOf(y);
  if (a.size === 0 || b.size === 0) return true;
  for (const v of a) if (b.has(v)) return true;
  return false;
}

/** Mentions of one measure kept per article in a row of the figures table. */
const PER_ARTICLE = 12;

export function figureRows(articles: readonly Article[], views: readonly ClaimView[], map: EntityMap, story: readonly StoryEntity[]): FigureRow[] {
  const names = new Map(story.map((e) => [e.id, e.name]));
  const viewOf = new Map<string, ClaimView>();
  for (const v of views) for (const qi of v.claim.quantities) viewOf.set(`${v.article.id}:${qi}`, v);
  const located: Located[] = [];
  for (const a of articles) {
    (a.layers.quantities ?? []).forEach((q, i) => {
      const key = measureKey(q);
      if (key && q.countedHead && !isRankLabel(a.text, q)) located.push({ view: viewOf.get(`${a.id}:${i}`), article: a, q, key });
    });
  }
  const groups: Located[][] = [];
  // Groups by measure key: an item is only ever compared with the groups of its own measure.
  const byKey = new Map<string, Located[][]>();
  for (const item of located) {
    const candidates = byKey.get(item.key) ?? [];
    // Same measure and (same claim context or similar claims); two figures of one sentence are two measures.
    // (Groups of one measure are few in a real story; a long input repeating one figure is capped at 64 looks.)
    const group = candidates.slice(-64).find((g) =>
      // A measure stated over and over in one article is read from its first mentions (bounded work and output).
      g.filter((o) => o.article === item.article).length < PER_ARTICLE &&
      g.every((o) => o.key === item.key && !(o.article === item.article && o.view?.claim.sentence === item.view?.claim.sentence) && sameYears(o, item)) &&
      // Within one article the statements must be closely related; across articles alignment decides later.
      g.some((o) => !o.view || !item.view || o.view === item.view || cosine(o.view, item.view) >= 0.2) &&
      // Two figures one article gives for one measure are close (1,800 and some 1,700); far apart, they measure different things.
      g.every((o) => o.article !== item.article || closeValues(o.q.value, item.q.value)),
    );
    if (group) group.push(item);
    else {
      const g = [item];
      groups.push(g);
      if (!byKey.has(item.key)) byKey.set(item.key, candidates);
      candidates.push(g);
    }
  }
  return groups
    .map((g): FigureRow => {
      const cells: FigureCell[] = g.map(({ article, q }) => ({
        article: article.id,
        value: q.value,
        low: q.low,
        high: q.high,
        unit: q.unit,
        hedge: q.hedge,
        speaker: speakerName(article, q.speaker ?? null, map, names).name,
        start: q.start,
        end: q.end,
        text: article.text.slice(q.start, q.end),
      }));
      let conflict = false;
      for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (numbersConflict(g[i]!.q, g[j]!.q)) conflict = true;
      const first = g[0]!.q;
      return { measure: first.counted?.text ?? first.countedHead ?? first.unit ?? 'figure', cells, conflict };
    })
    .sort((x, y) => new Set(y.cells.map((c) => c.article)).size - new Set(x.cells.map((c) => c.article)).size || y.cells.length - x.cells.length);
}

const OFFICIAL = /\b(president|minister|ministry|spokes\w+|kremlin|white house|government|administration|officials?|governor|mayor|senator|secretary|ambassador|chancellor|premier|readout|department|agency|police|council|commission)\b/i;

export function framingOut(articles: readonly Article[], quotes: readonly QuoteOut[]): FramingOut[] {
  return articles.map((a) => {
    const tone = a.layers.tone ?? [];
    const sentences = a.layers.sentences?.length ?? 0;
    const own = quotes.filter((q) => q.article === a.id);
    const quoted: Record<string, number> = {};
    for (const q of own) quoted[q.speaker ?? 'unattributed'] = (quoted[q.speaker ?? 'unattributed'] ?? 0) + 1;
    const roles = new Map((a.layers.entityIndex ?? []).map((e) => [e.name, `${e.role ?? ''} ${e.type === 'ORG' ? e.name : ''}`]));
    const official = own.filter((q) => q.speakerKind === 'document' || q.speakerKind === 'organisation' || OFFICIAL.test(roles.get(q.speaker ?? '') ?? '') || OFFICIAL.test(q.via ?? ''));
    // A sentence is quoted when a quote starting before its end reaches past its start (a lookup per sentence).
    const quoteReach = reachIndex(own);
    const quotedSentences = (a.layers.sentences ?? []).filter((s) => quoteReach(s.end) > s.start).length;
    const mean = tone.length ? tone.reduce((s, t) => s + t.score, 0) / tone.length : 0;
    return {
      article: a.id,
      outlet: a.outlet,
      tone: Math.round(mean * 1000) / 1000,
      sentenceTone: tone.map((t) => ({ start: t.start, end: t.end, score: Math.round(t.score * 1000) / 1000 })),
      evaluativeTerms: tone.flatMap((t) => t.evaluative).map(({ start, end, text }) => ({ start, end, text })),
      hedges: tone.flatMap((t) => t.hedges).map(({ start, end, text }) => ({ start, end, text })),
      backgroundShare: tone.length ? tone.filter((t) => t.background).length / tone.length : 0,
      quoteShare: sentences ? quotedSentences / sentences : 0,
      officialQuoteShare: own.length ? official.length / own.length : 0,
      quoted,
      sentences,
      figures: a.layers.quantities?.length ?? 0,
    };
  });
}

export function timeline(articles: readonly Article[]): TimelineEntry[] {
  const byValue = new Map<string, TimelineEntry>();
  for (const a of articles) {
    for (const t of a.layers.times ?? []) {
      if (t.type !== 'DATE') continue;
      let e = byValue.get(t.value);
      if (!e) byValue.set(t.value, (e = { value: t.value, label: a.text.slice(t.start, t.end), evidence: [] }));
      // A day mentioned over and over is shown by its first mentions per article (bounded output).
      if (e.evidence.filter((x) => x.article === a.id).length < 5) e.evidence.push(evidence(a, t, 'time'));
    }
  }
  return [...byValue.values()].sort((x, y) => x.value.localeCompare(y.value));
}

export { outletName };
