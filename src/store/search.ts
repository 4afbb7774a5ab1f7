// Full-text search over articles and claims with filters: SQLite FTS5 (bm25) or PostgreSQL tsvector (ts_rank).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Backend, Database } from './schema.js';
import type { SearchHit, StoryFilter } from './types.js';
import { toFts5Query } from './fts-query.js';

const MARK = '**';

interface HitRow {
  id: string;
  story_id: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  snippet: string;
  score: number | string;
  start_offset?: number;
  end_offset?: number;
}

/** Conditions on the article alias `a` shared by every query. */
export function articleConditions(filter: StoryFilter): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [sql`a.is_current = 1`];
  if (filter.outlet) out.push(sql`lower(a.outlet) = lower(${filter.outlet})`);
  if (filter.from) out.push(sql`a.published >= ${filter.from}`);
  // A date-only bound includes the whole day.
  if (filter.to) out.push(sql`a.published <= ${/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? filter.to + 'T99' : filter.to}`);
  if (filter.story) out.push(sql`a.story_id = ${filter.story}`);
  if (filter.entity) {
    out.push(sql`a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.key = ae.entity_key WHERE lower(e.name) = lower(${filter.entity}))`);
  }
  return out;
}

const and = (conds: RawBuilder<unknown>[]) => sql.join(conds, sql` AND `);

function toHit(kind: SearchHit['kind'], r: HitRow): SearchHit {
  const hit: SearchHit = {
    kind,
    article: r.id,
    story: r.story_id,
    outlet: r.outlet,
    title: r.title,
    snippet: r.snippet.replace(/\s+/g, ' ').trim(),
    score: Math.round(Number(r.score) * 1e4) / 1e4,
    published: r.published,
  };
  if (r.start_offset !== undefined) {
    hit.start = Number(r.start_offset);
    hit.end = Number(r.end_offset);
  }
  return hit;
}

/** Filters beyond "current revision", which make the best-ranked matches less likely to qualify. */
function hasNarrowingFilter(filter: StoryFilter): boolean {
  return Boolean(filter.outlet || filter.from || filter.to || filter.story || filter.entity);
}

// Ranking all matches and joining each to its article row before the sort cost 300 ms for a word found in
// most of 100,000 articles, because SQLite then scores every joined row again. Ranking inside the FTS index
// first (a LIMITed subquery SQLite does not flatten) and joining only the ranked pool is several times
// faster. Without narrowing filters a small pool almost always fills the page; when it does not (or with
// filters) the pool is every match. Snippets are made for the shown rows only.
const EVERY_MATCH = 1_000_000_000;

/** Rows of a ranked-pool query: a small pool first, every match when the small pool does not fill the page. */
async function fromRankedPool<R>(limit: number, offset: number, narrowed: boolean, query: (pool: number) => Promise<R[]>): Promise<R[]> {
  const pools = narrowed ? [EVERY_MATCH] : [4 * (limit + offset) + 50, EVERY_MATCH];
  let rows: R[] = [];
  for (const pool of pools) {
    rows = await query(pool);
    if (rows.length === limit) break;
  }
  return rows;
}

async function sqliteArticleSearch(db: Kysely<Database>, match: string, where: RawBuilder<unknown>, limit: number, offset: number, narrowed: boolean): Promise<SearchHit[]> {
  const rows = await fromRankedPool(limit, offset, narrowed, async (pool) =>
    (
      await sql<Omit<HitRow, 'snippet'> & { seq: number }>`
      WITH top AS (
        SELECT rowid AS seq, bm25(article_fts, 4.0, 1.0) AS rank FROM article_fts
        WHERE article_fts MATCH ${match} ORDER BY rank LIMIT ${pool}
      )
      SELECT a.seq, a.id, a.story_id, a.outlet, a.title, a.published, -top.rank AS score
      FROM top JOIN articles a ON a.seq = top.seq
      WHERE ${where} ORDER BY top.rank, a.seq LIMIT ${limit} OFFSET ${offset}`.execute(db)
    ).rows,
  );
  if (rows.length === 0) return [];
  const { rows: snippets } = await sql<{ seq: number; snippet: string }>`
    SELECT rowid AS seq, snippet(article_fts, 1, ${MARK}, ${MARK}, '…', 24) AS snippet FROM article_fts
    WHERE article_fts MATCH ${match} AND rowid IN (${sql.join(rows.map((r) => r.seq))})`.execute(db);
  const bySeq = new Map(snippets.map((r) => [Number(r.seq), r.snippet]));
  return rows.map((r) => toHit('article', { ...r, snippet: bySeq.get(Number(r.seq)) ?? '' }));
}

async function sqliteSearch(db: Kysely<Database>, query: string, filter: StoryFilter, kind: 'article' | 'claim', limit: number): Promise<SearchHit[]> {
  const match = toFts5Query(query);
  if (match === null) return [];
  const where = and(articleConditions(filter));
  if (kind === 'article') return sqliteArticleSearch(db, match, where, limit, filter.offset ?? 0, hasNarrowingFilter(filter));
  return sqliteClaimSearch(db, match, where, limit, filter.offset ?? 0, hasNarrowingFilter(filter));
}

// Claims the same way as articles: a word found in thousands of claims ("president") took 200 ms when
// every match was joined to its claim and article rows and ranked after the join.
async function sqliteClaimSearch(db: Kysely<Database>, match: string, where: RawBuilder<unknown>, limit: number, offset: number, narrowed: boolean): Promise<SearchHit[]> {
  const rows = await fromRankedPool(limit, offset, narrowed, async (pool) =>
    (
      await sql<Omit<HitRow, 'snippet'> & { seq: number }>`
      WITH top AS (
        SELECT rowid AS seq, bm25(claim_fts) AS rank FROM claim_fts
        WHERE claim_fts MATCH ${match} ORDER BY rank LIMIT ${pool}
      )
      SELECT c.seq, a.id, a.story_id, a.outlet, a.title, a.published, c.start_offset, c.end_offset, -top.rank AS score
      FROM top JOIN claims c ON c.seq = top.seq JOIN articles a ON a.id = c.article_id
      WHERE ${where} ORDER BY top.rank, c.seq LIMIT ${limit} OFFSET ${offset}`.execute(db)
    ).rows,
  );
  if (rows.length === 0) return [];
  const { rows: marked } = await sql<{ seq: number; snippet: string }>`
    SELECT rowid AS seq, highlight(claim_fts, 0, ${MARK}, ${MARK}) AS snippet FROM claim_fts
    WHERE claim_fts MATCH ${match} AND rowid IN (${sql.join(rows.map((r) => r.seq))})`.execute(db);
  const bySeq = new Map(marked.map((r) => [Number(r.seq), r.snippet]));
  return rows.map((r) => toHit('claim', { ...r, snippet: bySeq.get(Number(r.seq)) ?? '' }));
}

async function postgresSearch(db: Kysely<Database>, query: string, filter: StoryFilter, kind: 'article' | 'claim', limit: number): Promise<SearchHit[]> {
  if (!/[\p{L}\p{N}]/u.test(query)) return [];
  const where = and(articleConditions(filter));
  const headline = `StartSel=${MARK},StopSel=${MARK},MaxWords=35,MinWords=15,MaxFragments=1,FragmentDelimiter=" … "`;
  if (kind === 'article') {
    // Rank and cut first, then build headlines for the few rows shown (ts_headline is the slow part).
    const { rows } = await sql<HitRow>`
      SELECT t.id, t.story_id, t.outlet, t.title, t.published, t.score,
        ts_headline('english', t.text, t.q, ${headline}) AS snippet
      FROM (
        SELECT a.id, a.story_id, a.outlet, a.title, a.published, a.text, q, ts_rank(a.tsv, q) AS score
        FROM articles a, websearch_to_tsquery('english', ${query}) q
        WHERE a.tsv @@ q AND ${where}
        ORDER BY score DESC, a.seq LIMIT ${limit} OFFSET ${filter.offset ?? 0}
      ) t ORDER BY t.score DESC`.execute(db);
    return rows.map((r) => toHit('article', r));
  }
  const { rows } = await sql<HitRow>`
    SELECT t.id, t.story_id, t.outlet, t.title, t.published, t.score, t.start_offset, t.end_offset,
      ts_headline('english', t.text, t.q, 'StartSel=**,StopSel=**,HighlightAll=true') AS snippet
    FROM (
      SELECT a.id, a.story_id, a.outlet, a.title, a.published, c.text, c.start_offset, c.end_offset, q, ts_rank(c.tsv, q) AS score
      FROM claims c JOIN articles a ON a.id = c.article_id, websearch_to_tsquery('english', ${query}) q
      WHERE c.tsv @@ q AND ${where}
      ORDER BY score DESC, c.seq LIMIT ${limit} OFFSET ${filter.offset ?? 0}
    ) t ORDER BY t.score DESC`.execute(db);
  return rows.map((r) => toHit('claim', r));
}

/** Articles matching the filters without a text query, newest first. */
async function browse(db: Kysely<Database>, filter: StoryFilter, limit: number): Promise<SearchHit[]> {
  const { rows } = await sql<HitRow>`
    SELECT a.id, a.story_id, a.outlet, a.title, a.published, substr(a.text, 1, 200) AS snippet, 0 AS score
    FROM articles a WHERE ${and(articleConditions(filter))}
    ORDER BY coalesce(a.published, '') DESC, a.seq DESC LIMIT ${limit} OFFSET ${filter.offset ?? 0}`.execute(db);
  return rows.map((r) => toHit('article', r));
}

export async function search(db: Kysely<Database>, backend: Backend, query: string, filter: StoryFilter = {}): Promise<SearchHit[]> {
  const limit = Math.max(1, Math.min(filter.limit ?? 20, 1000));
  if (query.trim() === '') return filter.kind === 'claim' ? [] : browse(db, filter, limit);
  const run = backend === 'postgres' ? postgresSearch : sqliteSearch;
  const kind = filter.kind ?? 'all';
  if (kind !== 'all') return run(db, query, filter, kind, limit);
  const [articles, claims] = await Promise.all([run(db, query, filter, 'article', limit), run(db, query, filter, 'claim', limit)]);
  // Articles first at equal rank: a claim hit repeats what its article hit already shows.
  return [...articles, ...claims].sort((x, y) => y.score - x.score || (x.kind === y.kind ? 0 : x.kind === 'article' ? -1 : 1)).slice(0, limit);
}
