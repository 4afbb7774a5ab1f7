// Conversions between Article objects and database rows.
import type { Article, Layers } from '../model/document.js';
import { tokenStage } from '../annotate/tokens.js';
import { silentContext } from '../pipeline/stage.js';
import type { ArticleTable } from './schema.js';
import type { Selectable } from 'kysely';
import type { ArticleRows, ClaimRow, EntityRow } from './types.js';

export type { ArticleRows, ClaimRow, EntityRow };

/** Layers as stored: tokens are left out (they are cheap to recompute and the largest layer). */
export function layersJson(layers: Layers): string {
  const { tokens: _tokens, ...rest } = layers;
  return JSON.stringify(rest);
}

export function cleaningJson(article: Article): string {
  return JSON.stringify({ segments: article.segments, removed: article.removed, dateline: article.dateline, extraction: article.extraction });
}

export function outletKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Entities of an article, from its entity index and mentions (name: the index name, else the longest mention). */
export function articleEntities(article: Article): EntityRow[] {
  const mentions = article.layers.entities ?? [];
  const index = new Map((article.layers.entityIndex ?? []).map((e) => [e.id, e]));
  const byEntity = new Map<string, { name: string; type: string; mentions: number }>();
  for (const m of mentions) {
    const known = index.get(m.entity);
    const text = article.text.slice(m.start, m.end);
    const cur = byEntity.get(m.entity);
    if (cur) {
      cur.mentions++;
      if (!known && text.length > cur.name.length) cur.name = text;
    } else byEntity.set(m.entity, { name: known?.name ?? text, type: known?.type ?? m.type, mentions: 1 });
  }
  for (const e of index.values()) if (!byEntity.has(e.id)) byEntity.set(e.id, { name: e.name, type: e.type, mentions: 0 });
  const out = new Map<string, EntityRow>();
  for (const e of byEntity.values()) {
    const name = e.name.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    const key = `${e.type}:${name.toLowerCase()}`;
    const cur = out.get(key);
    if (cur) cur.mentions += e.mentions;
    else out.set(key, { key, name, type: e.type, mentions: e.mentions });
  }
  return [...out.values()];
}

export function articleClaims(article: Article): ClaimRow[] {
  return (article.layers.claims ?? []).map((c, idx) => ({
    idx,
    start: c.start,
    end: c.end,
    text: article.text.slice(c.start, c.end),
    data: JSON.stringify(c),
  }));
}


export function articleRows(article: Article): ArticleRows {
  return { layers: layersJson(article.layers), cleaning: cleaningJson(article), claims: articleClaims(article), entities: articleEntities(article) };
}

/**
 * The layers `names` (in that order) from their stored JSON (`layers`), `eager` ones given as objects
 * already: each other layer is parsed (all of them, once) on its first read, so a reader that needs only
 * the eager ones pays nothing for the rest and any other reader still finds every layer.
 */
export function layersFromJson(eager: Layers, names: readonly (keyof Layers)[], layers: string): Layers {
  let parsed: Layers | null = null;
  const out: Layers = {};
  for (const name of names) {
    if (name in eager) (out as Record<string, unknown>)[name] = eager[name];
    else Object.defineProperty(out, name, { enumerable: true, configurable: true, get: () => (parsed ??= JSON.parse(layers) as Layers)[name] });
  }
  return out;
}

export function rowToArticle(row: Selectable<ArticleTable>): Article {
  const cleaning = JSON.parse(row.cleaning) as Pick<Article, 'segments' | 'removed' | 'dateline' | 'extraction'>;
  const layers = JSON.parse(row.layers) as Layers;
  const article: Article = {
    id: row.id,
    source: row.source,
    format: row.format as Article['format'],
    outlet: row.outlet,
    title: row.title,
    published: row.published,
    url: row.url,
    language: row.language,
    ...(row.authors ? { authors: JSON.parse(row.authors) as string[] } : {}),
    raw: row.raw,
    original: row.original,
    text: row.text,
    segments: cleaning.segments,
    removed: cleaning.removed,
    dateline: cleaning.dateline,
    extraction: cleaning.extraction,
    layers,
  };
  // An analysed article gets its tokens back (they were not stored).
  if (Object.keys(layers).length > 0) article.layers.tokens = tokenStage.run(article, silentContext).tokens ?? [];
  return article;
}
