// Table types of the database, shared by the SQLite and PostgreSQL backends (one schema, two dialects).
// Times are ISO 8601 strings and booleans are 0/1 integers so both backends store the same values.
import type { Generated } from 'kysely';

export interface OutletTable {
  id: string;
  name: string;
  domain: string | null;
  created_at: string;
}

export interface StoryTable {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface ArticleTable {
  /** Integer row id: the FTS index points at it. */
  seq: Generated<number>;
  id: string;
  content_hash: string;
  canonical_url: string | null;
  /** The earlier version this one revises (same canonical URL or id, new content). */
  revision_of: string | null;
  /** 1 for the latest version, 0 for a superseded revision. */
  is_current: number;
  source: string;
  format: string;
  outlet_id: string | null;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  authors: string | null;
  raw: string;
  original: string;
  text: string;
  /** JSON: segments, removed, dateline, extraction. */
  cleaning: string;
  /** JSON: annotation layers (tokens are not stored: they are recomputed from the text). */
  layers: string;
  story_id: string | null;
  ingest_run: string | null;
  created_at: string;
}

export interface EntityTable {
  key: string;
  name: string;
  type: string;
}

export interface ArticleEntityTable {
  article_id: string;
  entity_key: string;
  mentions: number;
}

export interface ClaimTable {
  seq: Generated<number>;
  article_id: string;
  idx: number;
  start_offset: number;
  end_offset: number;
  text: string;
  data: string;
}

export interface ComparisonTable {
  story_id: string;
  json: string;
  article_count: number;
  computed_at: string;
}

export interface IngestRunTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  command: string;
  status: string;
  counts: string | null;
}

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** Deduplication key: enqueueing the same key twice while the first is pending adds nothing. */
  key: string | null;
  payload: string;
  status: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  run_after: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled: string | null;
  next_poll: string | null;
  failures: number;
  last_error: string | null;
  items_seen: number;
}

export interface Database {
  outlets: OutletTable;
  stories: StoryTable;
  articles: ArticleTable;
  entities: EntityTable;
  article_entities: ArticleEntityTable;
  claims: ClaimTable;
  comparisons: ComparisonTable;
  ingest_runs: IngestRunTable;
  jobs: JobTable;
  feeds: FeedTable;
}

export type Backend = 'sqlite' | 'postgres';
