import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';

// Row shapes of an analysed article, here rather than in rows.ts so that the web bundle, which reads these
// types, does not pull in rows.ts and the analysis it imports.
export interface EntityRow {
  key: string;
  name: string;
  type: string;
  mentions: number;
}

export interface ClaimRow {
  idx: number;
  start: number;
  end: number;
  text: string;
  data: string;
}

/**
 * What an analysed article adds to the database beside its plain fields, serialised: made once per article,
 * in the analysis thread when the article was analysed in one (the strings cross to the storing thread as
 * they are, where the layers as objects had to be copied object by object and serialised there again).
 */
export interface ArticleRows {
  /** layersJson(article.layers) */
  layers: string;
  /** cleaningJson(article) */
  cleaning: string;
  claims: ClaimRow[];
  entities: EntityRow[];
}

export interface ArticleSummary {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  story: string | null;
}

export interface StorySummary {
  id: string;
  title: string;
  outlets: string[];
  articleCount: number;
  firstPublished: string | null;
  lastPublished: string | null;
  entities: string[];
  /** The entity type (PER, ORG, LOC, MISC) the story's articles mostly give each of `entities`, in the same order. */
  entityTypes?: string[];
}

export interface StoryFilter {
  outlet?: string;
  entity?: string;
  from?: string;
  to?: string;
  query?: string;
  /** Only this story (search). */
  story?: string;
  /** What search looks in: articles, claims, or both (default). */
  kind?: 'article' | 'claim' | 'all';
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  kind: 'article' | 'claim';
  article: string;
  story: string | null;
  outlet: string | null;
  title: string | null;
  snippet: string;
  score: number;
  published?: string | null;
  /** For claims: the claim's span in the article text. */
  start?: number;
  end?: number;
}

export interface PutResult {
  id: string;
  /** False when the same content was already stored (then `id` is the stored article). */
  isNew: boolean;
  /** The earlier version this article revises (same canonical URL or id, different content). */
  revisionOf: string | null;
}

export interface ArticleToStore {
  article: Article;
  story: string | null;
  /** Title for the story when it is new to the database. */
  storyTitle?: string;
  ingestRun?: string | null;
  /** contentHash(article) when the caller has computed it already (ingest, to find duplicates). */
  contentHash?: string;
  /** articleRows(article) when made already (in the analysis thread). */
  rows?: ArticleRows;
}

export interface IngestRunInfo {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  command: string;
  status: string;
  counts: Record<string, unknown> | null;
}

export interface Job {
  id: number;
  kind: string;
  key: string | null;
  payload: unknown;
  attempts: number;
}

export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastPolled: string | null;
  nextPoll: string | null;
  failures: number;
  lastError: string | null;
  itemsSeen: number;
}

/** The typed query layer every backend (SQLite, PostgreSQL) implements; the same test suite runs on each. */
export interface Store {
  /** Stores an analysed article; returns false when the same content was already stored (idempotent). */
  putArticle(article: Article, story: string | null): Promise<{ id: string; isNew: boolean; revisionOf: string | null }>;
  getArticle(id: string): Promise<Article | null>;
  listStories(filter?: StoryFilter): Promise<StorySummary[]>;
  storyArticles(story: string): Promise<ArticleSummary[]>;
  /** Cached comparison of a story (computed on demand by the caller and saved here). */
  getComparison(story: string): Promise<StoryComparison | null>;
  putComparison(story: string, comparison: StoryComparison): Promise<void>;
  search(query: string, filter?: StoryFilter): Promise<SearchHit[]>;
  close(): Promise<void>;
}

/** The database store (openStore): the Store interface plus what ingestion, export and workers need. */
export interface DatabaseStore extends Store {
  readonly backend: 'sqlite' | 'postgres';
  /** Stores several articles in one transaction (all or nothing); results in input order. */
  putArticles(items: ArticleToStore[]): Promise<PutResult[]>;
  /** Which of these content hashes are stored: hash -> article id. */
  knownHashes(hashes: string[]): Promise<Map<string, string>>;
  /** Moves an article to another story (after a merge of stories). */
  setStory(article: string, story: string, storyTitle?: string): Promise<void>;
  /** setStory for several articles in one transaction. */
  setStories(moves: { article: string; story: string; storyTitle?: string }[]): Promise<void>;
  listArticles(filter?: StoryFilter): Promise<ArticleSummary[]>;
  /** Every current article of a story, in full (for comparison and export). */
  storyFullArticles(story: string): Promise<Article[]>;
  countArticles(options?: { includeRevisions?: boolean }): Promise<number>;
  /** Problems found by the database's own check and by ours (empty when sound). */
  integrityCheck(): Promise<string[]>;
  startIngestRun(command: string): Promise<string>;
  /**
   * Runs still marked running whose process is gone (killed on this machine, or from before runs named
   * their process) are marked 'interrupted'; returns them.
   */
  closeInterruptedRuns(): Promise<IngestRunInfo[]>;
  finishIngestRun(id: string, status: string, counts: Record<string, unknown>): Promise<void>;
  ingestRuns(limit?: number): Promise<IngestRunInfo[]>;
  /** Job queue shared by several workers (processes or machines). */
  enqueueJob(kind: string, payload: unknown, options?: { key?: string; runAfter?: Date }): Promise<number | null>;
  /** Takes the oldest ready job of these kinds for `worker`, leased for leaseMs; null when none. */
  claimJob(worker: string, kinds: string[], leaseMs?: number): Promise<Job | null>;
  completeJob(id: number): Promise<void>;
  failJob(id: number, error: string, retryAfterMs?: number | null): Promise<void>;
  jobCounts(): Promise<Record<string, number>>;
  getFeedState(url: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;
}
