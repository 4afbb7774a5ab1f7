import type { Article } from '../model/document.js';

/** Where an article went: an existing story, a new one, and whether it copies another article. */
export interface Assignment {
  article: string;
  story: string;
  isNewStory: boolean;
  /** Similarity to the story it joined (0..1). */
  score: number;
  /** Id of an earlier article whose text this one reproduces (wire copy / syndication), if any. */
  duplicateOf: string | null;
}

export interface StoryLabel {
  story: string;
  title: string;
  entities: string[];
  places: string[];
  dates: string[];
  articles: string[];
}

/** Incremental clustering: articles arrive one by one (analysed or not; entity layers help when present). */
export interface StoryClusterer {
  add(article: Article): Assignment;
  /** Story id of an article seen before (after merges). */
  storyOf(articleId: string): string | undefined;
  stories(): StoryLabel[];
}
