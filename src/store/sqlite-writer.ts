// Article writes on SQLite through better-sqlite3 prepared statements, prepared once per connection.
// The same rows as the Kysely path (kysely-store.ts putOne, which PostgreSQL keeps): Kysely compiled,
// prepared and transformed every statement anew, which cost about ten times SQLite's own work.
// Every string parameter goes through storableText, as the Kysely plugin does for every query, but JSON
// made by JSON.stringify (it escapes NUL and lone surrogates).
import type BetterSqlite3 from 'better-sqlite3';
import type { Article } from '../model/document.js';
import { canonicalUrl } from '../model/canonical-url.js';
import { contentHash } from './content-hash.js';
import { articleRows, outletKey } from './rows.js';
import { storableText } from './storable.js';
import type { ArticleToStore, PutResult } from './types.js';

type Param = string | number | null | undefined;

/** Milliseconds a write may hold the event loop before it lets other work run (a server's reads). */
const SLICE_MS = 10;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parameters as Kysely binds them: strings made storable, undefined as NULL (Kysely leaves the column out). */
function params(values: Param[]): (string | number | null)[] {
  const out: (string | number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'string' ? storableText(v) : v ?? null;
  }
  return out;
}

function domainOf(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

export interface SqliteArticleWriter {
  /** Stores one article inside the caller's transaction; yields to the event loop now and then. */
  put(item: ArticleToStore, stamp: string): Promise<PutResult>;
}

export function createSqliteArticleWriter(db: BetterSqlite3.Database): SqliteArticleWriter {
  const s = {
    byHash: db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck(),
    currentByUrl: db.prepare('SELECT id FROM articles WHERE canonical_url = ? AND is_current = ?').pluck(),
    byId: db.prepare('SELECT id, is_current FROM articles WHERE id = ?'),
    supersede: db.prepare('UPDATE articles SET is_current = ? WHERE id = ?'),
    outlet: db.prepare('INSERT INTO outlets (id, name, domain, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    story: db.prepare('INSERT INTO stories (id, title, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET updated_at = ?'),
    article: db.prepare(
      `INSERT INTO articles (id, content_hash, canonical_url, revision_of, is_current, source, format, outlet_id, outlet, title, published, url, language, authors, raw, original, text, cleaning, layers, story_id, ingest_run, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    articleFts: db.prepare('INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)'),
    entity: db.prepare('INSERT INTO entities (key, name, type) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING'),
    articleEntity: db.prepare('INSERT INTO article_entities (article_id, entity_key, mentions) VALUES (?, ?, ?)'),
    claim: db.prepare('INSERT INTO claims (article_id, idx, start_offset, end_offset, text, data) VALUES (?, ?, ?, ?, ?, ?)'),
    claimFts: db.prepare('INSERT INTO claim_fts (rowid, text) VALUES (?, ?)'),
  };
  let since = performance.now();
  const maybeBreathe = async () => {
    if (performance.now() - since < SLICE_MS) return;
    await breathe();
    since = performance.now();
  };

  return {
    async put(item, stamp) {
      const a: Article = item.article;
      const hash = item.contentHash ?? contentHash(a);
      const same = s.byHash.get(hash) as string | undefined;
      if (same !== undefined) return { id: same, isNew: false, revisionOf: null };
      const canon = canonicalUrl(a.url);
      let previous: string | null = null;
      if (canon) previous = (s.currentByUrl.get(...params([canon, 1])) as string | undefined) ?? null;
      const byId = s.byId.get(...params([a.id])) as { id: string; is_current: number } | undefined;
      if (!previous && byId && byId.is_current === 1) previous = byId.id;
      const id = byId ? `${a.id}~${hash.slice(0, 10)}` : a.id;
      if (previous) s.supersede.run(...params([0, previous]));
      let outletId: string | null = null;
      if (a.outlet) {
        outletId = outletKey(a.outlet);
        s.outlet.run(...params([outletId, a.outlet, domainOf(a.url), stamp]));
      }
      const rows = item.rows ?? articleRows(a);
      if (item.story) s.story.run(...params([item.story, item.storyTitle ?? a.title ?? item.story, stamp, stamp, stamp]));
      await maybeBreathe();
      const seq = s.article.run(
        ...params([
          id,
          hash,
          canon,
          previous,
          1,
          a.source,
          a.format,
          outletId,
          a.outlet,
          a.title,
          a.published,
          a.url,
          a.language,
          a.authors && a.authors.length ? JSON.stringify(a.authors) : null,
          a.raw === a.original ? '' : a.raw,
          a.original,
          a.text,
        ]),
        // JSON as it is (see the head of this file): the layers are the longest text to scan.
        rows.cleaning,
        rows.layers,
        ...params([item.story, item.ingestRun ?? null, stamp]),
      ).lastInsertRowid;
      s.articleFts.run(...params([Number(seq), a.title ?? '', a.text]));
      const rowId = params([id])[0]!;
      for (const e of rows.entities) {
        s.entity.run(...params([e.key, e.name, e.type]));
        s.articleEntity.run(rowId, params([e.key])[0]!, e.mentions);
      }
      let n = 0;
      for (const c of rows.claims) {
        const claimSeq = s.claim.run(...params([rowId, c.idx, c.start, c.end, c.text]), c.data).lastInsertRowid;
        s.claimFts.run(Number(claimSeq), storableText(c.text));
        if (++n % 256 === 0) await maybeBreathe();
      }
      return { id, isNew: true, revisionOf: previous };
    },
  };
}
