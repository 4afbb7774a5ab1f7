// The Store over Kysely: one implementation for SQLite and PostgreSQL; only search and locking differ.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';
import { ParallaxError } from '../model/errors.js';
import { canonicalUrl } from '../model/canonical-url.js';
import type { Backend, Database } from './schema.js';
import type { ArticleSummary, ArticleToStore, FeedState, IngestRunInfo, PutResult, SearchHit, DatabaseStore, StoryFilter, StorySummary } from './types.js';
import { contentHash } from './content-hash.js';
import { articleRows, outletKey, rowToArticle } from './rows.js';
import { articleConditions, search } from './search.js';
import { createJobQueue } from './jobs.js';
import type BetterSqlite3 from 'better-sqlite3';
import { createSqliteArticleWriter } from './sqlite-writer.js';

const now = () => new Date().toISOString();

interface RunOwner {
  host: string;
  pid: number;
}

/** Whether a process of this machine is alive (signal 0 tests without sending). */
function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
const CHUNK = 400;

/**
 * Parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535 (its bind message counts them in
 * 16 bits); one limit well under both keeps a many-row insert valid on either.
 */
export const MAX_PARAMETERS = 30_000;

/** Rows per statement: also small enough that one statement does not hold the event loop for long. */
const MAX_ROWS = 500;

/** Rows of `perRow` parameters in groups that each fit one statement. */
export function rowChunks<T>(rows: T[], perRow: number): T[][] {
  return chunks(rows, Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / perRow))));
}

/**
 * Lets other work of the process run between the statements of a long write (better-sqlite3 runs each
 * statement synchronously and Kysely chains them in microtasks: a 1 MB article would hold a server's
 * event loop for its whole transaction; the reads go through another connection meanwhile).
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function chunks<T>(xs: T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * `reader` serves the queries that only read (SQLite: a second, read-only connection; WAL lets it read
 * while the writer's transaction is open, so a long write does not hold up every page of a server).
 * `sqlite`: the writer's better-sqlite3 handle, for article writes through prepared statements.
 */
export function createKyselyStore(db: Kysely<Database>, backend: Backend, label: string, reader: Kysely<Database> = db, sqlite: BetterSqlite3.Database | null = null): DatabaseStore {
  let closed = false;
  const sqliteWriter = sqlite ? createSqliteArticleWriter(sqlite) : null;

  /**
   * One write transaction. SQLite: BEGIN IMMEDIATE takes the write lock up front, so two processes
   * queue behind each other instead of failing when a reader upgrades. PostgreSQL: an advisory lock
   * serialises article writers (revision and duplicate checks read, then write).
   */
  async function writeTx<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (backend === 'sqlite') {
      return db.connection().execute(async (conn) => {
        await sql`BEGIN IMMEDIATE`.execute(conn);
        try {
          const r = await fn(conn);
          await sql`COMMIT`.execute(conn);
          return r;
        } catch (e) {
          await sql`ROLLBACK`.execute(conn).catch(() => {});
          throw e;
        }
      });
    }
    return db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(7311)`.execute(trx);
      return fn(trx);
    });
  }

  /** One article through Kysely: PostgreSQL's path (SQLite runs the same statements, prepared once, in sqlite-writer.ts). */
  async function putOne(trx: Kysely<Database>, item: ArticleToStore, stamp: string): Promise<PutResult> {
    const a: Article = item.article;
    const hash = item.contentHash ?? contentHash(a);
    const same = await trx.selectFrom('articles').select('id').where('content_hash', '=', hash).executeTakeFirst();
    if (same) return { id: same.id, isNew: false, revisionOf: null };
    const canon = canonicalUrl(a.url);
    let previous: string | null = null;
    if (canon) {
      const prev = await trx.selectFrom('articles').select('id').where('canonical_url', '=', canon).where('is_current', '=', 1).executeTakeFirst();
      previous = prev?.id ?? null;
    }
    const byId = await trx.selectFrom('articles').select(['id', 'is_current']).where('id', '=', a.id).executeTakeFirst();
    if (!previous && byId && byId.is_current === 1) previous = byId.id;
    const id = byId ? `${a.id}~${hash.slice(0, 10)}` : a.id;
    if (previous) await trx.updateTable('articles').set({ is_current: 0 }).where('id', '=', previous).execute();
    const rows = item.rows ?? articleRows(a);
    let outletId: string | null = null;
    if (a.outlet) {
      outletId = outletKey(a.outlet);
      let domain: string | null = null;
      try {
        domain = a.url ? new URL(a.url).hostname.replace(/^www\./, '') : null;
      } catch {
        domain = null;
      }
      await trx.insertInto('outlets').values({ id: outletId, name: a.outlet, domain, created_at: stamp }).onConflict((oc) => oc.column('id').doNothing()).execute();
    }
    if (item.story) {
      await trx
        .insertInto('stories')
        .values({ id: item.story, title: item.storyTitle ?? a.title ?? item.story, created_at: stamp, updated_at: stamp })
        .onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: stamp }))
        .execute();
    }
    await breathe();
    const inserted = await trx
      .insertInto('articles')
      .values({
        id,
        content_hash: hash,
        canonical_url: canon,
        revision_of: previous,
        is_current: 1,
        source: a.source,
        format: a.format,
        outlet_id: outletId,
        outlet: a.outlet,
        title: a.title,
        published: a.published,
        url: a.url,
        language: a.language,
        authors: a.authors && a.authors.length ? JSON.stringify(a.authors) : null,
        raw: a.raw === a.original ? '' : a.raw,
        original: a.original,
        text: a.text,
        cleaning: rows.cleaning,
        layers: rows.layers,
        story_id: item.story,
        ingest_run: item.ingestRun ?? null,
        created_at: stamp,
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    if (backend === 'sqlite') {
      await breathe();
      await sql`INSERT INTO article_fts(rowid, title, text) VALUES (${inserted.seq}, ${a.title ?? ''}, ${a.text})`.execute(trx);
    }
    const entities = rows.entities;
    if (entities.length) {
      for (const part of rowChunks(entities, 3)) {
        await breathe();
        await trx
          .insertInto('entities')
          .values(part.map((e) => ({ key: e.key, name: e.name, type: e.type })))
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        await trx
          .insertInto('article_entities')
          .values(part.map((e) => ({ article_id: id, entity_key: e.key, mentions: e.mentions })))
          .execute();
      }
    }
    // Claims in few statements (an analysed article has dozens; a long one thousands), each under the
    // backends' limit on parameters per statement.
    for (const claims of rowChunks(rows.claims, 6)) {
      await breathe();
      const claimSeqs = await trx
        .insertInto('claims')
        .values(claims.map((c) => ({ article_id: id, idx: c.idx, start_offset: c.start, end_offset: c.end, text: c.text, data: c.data })))
        .returning(['seq', 'idx'])
        .execute();
      if (backend === 'sqlite') {
        const text = new Map(claims.map((c) => [c.idx, c.text]));
        const values = claimSeqs.map((r) => sql`(${r.seq}, ${text.get(Number(r.idx)) ?? ''})`);
        await sql`INSERT INTO claim_fts(rowid, text) VALUES ${sql.join(values)}`.execute(trx);
      }
    }
    return { id, isNew: true, revisionOf: previous };
  }

  function guard(): void {
    if (closed) throw new ParallaxError('E_STORE', 'the database is closed', label);
  }

  async function summaries(where: ReturnType<typeof sql>): Promise<ArticleSummary[]> {
    const { rows } = await sql<{ id: string; outlet: string | null; title: string | null; published: string | null; url: string | null; story_id: string | null }>`
      SELECT a.id, a.outlet, a.title, a.published, a.url, a.story_id FROM articles a WHERE ${where}
      ORDER BY coalesce(a.published, '') , a.seq`.execute(reader);
    return rows.map((r) => ({ id: r.id, outlet: r.outlet, title: r.title, published: r.published, url: r.url, story: r.story_id }));
  }

  const jobs = createJobQueue(db, backend, writeTx);

  const store: DatabaseStore = {
    backend,

    async putArticle(article, story) {
      const [r] = await store.putArticles([{ article, story }]);
      return r!;
    },

    async putArticles(items) {
      guard();
      if (items.length === 0) return [];
      const stamp = now();
      return writeTx(async (trx) => {
        const out: PutResult[] = [];
        // The writer's statements run on the connection writeTx holds (its transaction).
        for (const item of items) out.push(sqliteWriter ? await sqliteWriter.put(item, stamp) : await putOne(trx, item, stamp));
        return out;
      });
    },

    async knownHashes(hashes) {
      guard();
      const out = new Map<string, string>();
      for (const part of chunks([...new Set(hashes)])) {
        const rows = await reader.selectFrom('articles').select(['content_hash', 'id']).where('content_hash', 'in', part).execute();
        for (const r of rows) out.set(r.content_hash, r.id);
      }
      return out;
    },

    async getArticle(id) {
      guard();
      const row = await reader.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return null;
      const article = rowToArticle(row);
      // Raw is stored only when it differs from the original (HTML pages).
      if (row.raw === '') article.raw = article.original;
      return article;
    },

    async setStory(article, story, storyTitle) {
      await store.setStories([{ article, story, ...(storyTitle !== undefined ? { storyTitle } : {}) }]);
    },

    async setStories(moves) {
      guard();
      if (moves.length === 0) return;
      const stamp = now();
      await writeTx(async (trx) => {
        for (const { article, story, storyTitle } of moves) {
          await trx
            .insertInto('stories')
            .values({ id: story, title: storyTitle ?? story, created_at: stamp, updated_at: stamp })
            .onConflict((oc) => oc.column('id').doUpdateSet({ updated_at: stamp }))
            .execute();
          await trx.updateTable('articles').set({ story_id: story }).where('id', '=', article).execute();
          await trx.deleteFrom('comparisons').where('story_id', '=', story).execute();
        }
      });
    },

    async listStories(filter = {}) {
      guard();
      const conds = articleConditions({ ...filter, story: undefined });
      const limit = Math.max(1, Math.min(filter.limit ?? 50, 1000));
      let storyIds: string[] | null = null;
      if (filter.query && filter.query.trim() !== '') {
        const hits = await search(reader, backend, filter.query, { ...filter, kind: 'article', limit: 1000, offset: 0 });
        storyIds = [...new Set(hits.map((h) => h.story).filter((s): s is string => s !== null))];
        if (storyIds.length === 0) return [];
      }
      const idCond = storyIds ? sql`AND s.id IN (${sql.join(storyIds)})` : sql``;
      const { rows } = await sql<{ id: string; title: string; n: number | string; first: string | null; last: string | null }>`
        SELECT s.id, s.title, count(a.id) AS n, min(a.published) AS first, max(a.published) AS last
        FROM stories s JOIN articles a ON a.story_id = s.id AND a.is_current = 1
        WHERE s.id IN (SELECT a.story_id FROM articles a WHERE ${sql.join(conds, sql` AND `)} AND a.story_id IS NOT NULL) ${idCond}
        GROUP BY s.id, s.title
        ORDER BY coalesce(max(a.published), '') DESC, max(s.updated_at) DESC, s.id
        LIMIT ${limit} OFFSET ${filter.offset ?? 0}`.execute(reader);
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      const outlets = await reader
        .selectFrom('articles')
        .select(['story_id', 'outlet'])
        .where('story_id', 'in', ids)
        .where('is_current', '=', 1)
        .where('outlet', 'is not', null)
        .groupBy(['story_id', 'outlet'])
        .orderBy('outlet')
        .execute();
      const { rows: typed } = await sql<{ story_id: string; name: string; type: string; n: number | string }>`
        SELECT a.story_id, e.name, e.type, count(*) AS n FROM article_entities ae
        JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.key = ae.entity_key
        WHERE a.story_id IN (${sql.join(ids)}) AND a.is_current = 1
        GROUP BY a.story_id, e.name, e.type`.execute(reader);
      const ents = namesByStory(typed);
      return rows.map(
        (r): StorySummary => ({
          id: r.id,
          title: r.title,
          outlets: outlets.filter((o) => o.story_id === r.id).map((o) => o.outlet!),
          articleCount: Number(r.n),
          firstPublished: r.first,
          lastPublished: r.last,
          entities: (ents.get(r.id) ?? []).slice(0, 8).map((e) => e.name),
          entityTypes: (ents.get(r.id) ?? []).slice(0, 8).map((e) => e.type),
        }),
      );
    },

    async storyArticles(story) {
      guard();
      return summaries(sql`a.story_id = ${story} AND a.is_current = 1`);
    },

    async storyFullArticles(story) {
      guard();
      const ids = await store.storyArticles(story);
      const out: Article[] = [];
      for (const s of ids) {
        const a = await store.getArticle(s.id);
        if (a) out.push(a);
      }
      return out;
    },

    async listArticles(filter = {}) {
      guard();
      const limit = Math.max(1, Math.min(filter.limit ?? 100, 100_000));
      const { rows } = await sql<{ id: string; outlet: string | null; title: string | null; published: string | null; url: string | null; story_id: string | null }>`
        SELECT a.id, a.outlet, a.title, a.published, a.url, a.story_id FROM articles a
        WHERE ${sql.join(articleConditions(filter), sql` AND `)}
        ORDER BY a.seq LIMIT ${limit} OFFSET ${filter.offset ?? 0}`.execute(reader);
      return rows.map((r) => ({ id: r.id, outlet: r.outlet, title: r.title, published: r.published, url: r.url, story: r.story_id }));
    },

    async countArticles(options = {}) {
      guard();
      let q = reader.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n'));
      if (!options.includeRevisions) q = q.where('is_current', '=', 1);
      const r = await q.executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async getComparison(story) {
      guard();
      const row = await reader.selectFrom('comparisons').select(['json', 'article_count']).where('story_id', '=', story).executeTakeFirst();
      if (!row) return null;
      // A story that gained or lost articles since needs a fresh comparison.
      const n = (await store.storyArticles(story)).length;
      return n === Number(row.article_count) ? (JSON.parse(row.json) as StoryComparison) : null;
    },

    async putComparison(story, comparison) {
      guard();
      const json = JSON.stringify(comparison);
      const count = comparison.articles.length;
      const stamp = now();
      await db
        .insertInto('comparisons')
        .values({ story_id: story, json, article_count: count, computed_at: stamp })
        .onConflict((oc) => oc.column('story_id').doUpdateSet({ json, article_count: count, computed_at: stamp }))
        .execute();
    },

    async search(query, filter = {}): Promise<SearchHit[]> {
      guard();
      return search(reader, backend, query, filter);
    },

    async integrityCheck() {
      guard();
      const problems: string[] = [];
      if (backend === 'sqlite') {
        const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
        for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`sqlite: ${r.integrity_check}`);
        const { rows: fk } = await sql<Record<string, unknown>>`PRAGMA foreign_key_check`.execute(db);
        if (fk.length) problems.push(`sqlite: ${fk.length} rows break foreign keys`);
        try {
          await sql`INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)`.execute(db);
        } catch (e) {
          problems.push(`fts: ${(e as Error).message}`);
        }
      }
      const { rows: dup } = await sql<{ n: number | string }>`
        SELECT count(*) AS n FROM (SELECT canonical_url FROM articles WHERE is_current = 1 AND canonical_url IS NOT NULL GROUP BY canonical_url HAVING count(*) > 1) t`.execute(db);
      if (Number(dup[0]?.n ?? 0) > 0) problems.push(`${dup[0]!.n} canonical URLs have more than one current version`);
      return problems;
    },

    async startIngestRun(command) {
      guard();
      const id = randomUUID();
      // While running, counts names the process, so a later run can tell a killed run from a live one.
      const owner: RunOwner = { host: hostname(), pid: process.pid };
      await db.insertInto('ingest_runs').values({ id, started_at: now(), finished_at: null, command, status: 'running', counts: JSON.stringify({ owner }) }).execute();
      return id;
    },

    async closeInterruptedRuns() {
      guard();
      const running = await db.selectFrom('ingest_runs').selectAll().where('status', '=', 'running').execute();
      const closed: IngestRunInfo[] = [];
      for (const r of running) {
        let owner: RunOwner | undefined;
        try {
          owner = r.counts ? (JSON.parse(r.counts) as { owner?: RunOwner }).owner : undefined;
        } catch {
          owner = undefined;
        }
        // A run of another machine may still be going: only its own machine can tell.
        if (owner && (owner.host !== hostname() || processAlive(owner.pid))) continue;
        const stamp = now();
        await db.updateTable('ingest_runs').set({ status: 'interrupted', finished_at: stamp }).where('id', '=', r.id).where('status', '=', 'running').execute();
        closed.push({ id: r.id, startedAt: r.started_at, finishedAt: stamp, command: r.command, status: 'interrupted', counts: null });
      }
      return closed;
    },

    async finishIngestRun(id, status, counts) {
      guard();
      await db.updateTable('ingest_runs').set({ finished_at: now(), status, counts: JSON.stringify(counts) }).where('id', '=', id).execute();
    },

    async ingestRuns(limit = 20) {
      guard();
      const rows = await reader.selectFrom('ingest_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
      return rows.map(
        (r): IngestRunInfo => ({
          id: r.id,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          command: r.command,
          status: r.status,
          counts: r.counts ? (JSON.parse(r.counts) as Record<string, unknown>) : null,
        }),
      );
    },

    enqueueJob: (kind, payload, options) => (guard(), jobs.enqueueJob(kind, payload, options)),
    claimJob: (worker, kinds, leaseMs) => (guard(), jobs.claimJob(worker, kinds, leaseMs)),
    completeJob: (id) => (guard(), jobs.completeJob(id)),
    failJob: (id, error, retry) => (guard(), jobs.failJob(id, error, retry)),
    jobCounts: () => (guard(), jobs.jobCounts()),

    async getFeedState(url) {
      guard();
      const r = await reader.selectFrom('feeds').selectAll().where('url', '=', url).executeTakeFirst();
      if (!r) return null;
      return {
        url: r.url,
        etag: r.etag,
        lastModified: r.last_modified,
        lastPolled: r.last_polled,
        nextPoll: r.next_poll,
        failures: Number(r.failures),
        lastError: r.last_error,
        itemsSeen: Number(r.items_seen),
      };
    },

    async putFeedState(s: FeedState) {
      guard();
      const values = {
        etag: s.etag,
        last_modified: s.lastModified,
        last_polled: s.lastPolled,
        next_poll: s.nextPoll,
        failures: s.failures,
        last_error: s.lastError,
        items_seen: s.itemsSeen,
      };
      await db
        .insertInto('feeds')
        .values({ url: s.url, ...values })
        .onConflict((oc) => oc.column('url').doUpdateSet(values))
        .execute();
    },

    async close() {
      if (closed) return;
      closed = true;
      if (backend === 'sqlite') {
        // Fold the WAL back into the main file so a copied .db file is complete.
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db).catch(() => {});
      }
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
  return store;
}

/**
 * A story's names, most reported first (then by name), each with the type most of its articles give it
 * (one name can be typed differently in different articles).
 */
function namesByStory(rows: { story_id: string; name: string; type: string; n: number | string }[]): Map<string, { name: string; type: string }[]> {
  const acc = new Map<string, Map<string, { n: number; types: Map<string, number> }>>();
  for (const r of rows) {
    const names = acc.get(r.story_id) ?? new Map<string, { n: number; types: Map<string, number> }>();
    acc.set(r.story_id, names);
    const e = names.get(r.name) ?? { n: 0, types: new Map<string, number>() };
    names.set(r.name, e);
    e.n += Number(r.n);
    e.types.set(r.type, (e.types.get(r.type) ?? 0) + Number(r.n));
  }
  const out = new Map<string, { name: string; type: string }[]>();
  for (const [story, names] of acc) {
    const list = [...names.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out.set(story, list.map(([name, e]) => ({ name, type: [...e.types.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0] })));
  }
  return out;
}
