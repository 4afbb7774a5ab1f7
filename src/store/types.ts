import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';

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
}

export interface StoryFilter {
  outlet?: string;
  entity?: string;
  from?: string;
  to?: string;
  query?: string;
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
