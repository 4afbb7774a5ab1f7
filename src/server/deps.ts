import type { Article, ArticleMeta } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';
import type { DatabaseStore, Store } from '../store/types.js';

/** The part of the Store the server uses (so richer stores and small doubles both fit). */
export type ServerStore = Pick<Store, 'putArticle' | 'getArticle' | 'listStories' | 'storyArticles' | 'getComparison' | 'putComparison' | 'search' | 'close'> &
  Partial<Pick<DatabaseStore, 'putArticles'>>;

/** What the server needs from the rest of Parallax, passed in so tests can use fakes. */
export interface AppDeps {
  store: ServerStore;
  /**
   * Cleans and annotates one article (createAnalyzer().analyze). `serve` does it in worker threads with a
   * time budget per article, so that a long article posted by one client does not stall the others.
   */
  analyze(article: Article): Article | Promise<Article>;
  /** Builds (articleFromContent) and analyses a posted article in one step off the event loop; without it, analyze. */
  analyzeContent?(content: { text?: string; html?: string }, meta: Partial<ArticleMeta> & { source: string }): Promise<Article>;
  /** Compares the analysed articles of one story (compareArticles). */
  compare(articles: Article[]): StoryComparison;
  /** Chooses the story of a newly ingested, analysed article (clustering); null leaves it unassigned. */
  assignStory?(article: Article): string | null | Promise<string | null>;
  /** Fetches an article page safely (timeouts, size caps, no private addresses). Without it, URL ingest answers 501. */
  fetchUrl?(url: string): Promise<{ html: string; url: string }>;
  /** Directory of the built web UI (index.html and assets/); without it only the API is served. */
  webRoot?: string | null;
  /** Server-side errors are reported here (never to the client). */
  log?(message: string): void;
  limits?: Partial<Limits>;
  /** Jobs waiting per kind and workers seen lately (a PostgreSQL database with the job queue); absent: no queue. */
  queueStatus?(): Promise<{ depth: Record<string, number>; workers: number }>;
  /** Host names and addresses the server answers to (DNS rebinding); default: loopback names only. */
  allowedHosts?: readonly string[];
}

export interface Limits {
  /** Largest request body accepted, in bytes. */
  bodyBytes: number;
  /** Largest text or HTML of one article, in characters. */
  articleChars: number;
  /** Most articles in one POST /api/compare. */
  compareArticles: number;
}

export const DEFAULT_LIMITS: Limits = { bodyBytes: 5 * 1024 * 1024, articleChars: 1_000_000, compareArticles: 20 };
