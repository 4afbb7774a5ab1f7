// Chooses the stored story of an article ingested through the server. The clusterer (src/cluster)
// works with its own story ids and lives in memory; this maps each of its stories to a story id in
// the store: the one its first article was stored under, or a new `story-ARTICLEID`.
import type { Article } from '../model/document.js';
import type { StoryClusterer } from '../cluster/types.js';

export interface StoryAssigner {
  /** Tells the clusterer about an article already stored under `story` (e.g. the bundled examples). */
  seed(article: Article, story: string): void;
  assign(article: Article): string;
}

export function createStoryAssigner(clusterer: Pick<StoryClusterer, 'add'> & Partial<Pick<StoryClusterer, 'storyOf'>>): StoryAssigner {
  const toStored = new Map<string, string>();
  // The clusterer's settled view (merges that wait for more evidence than arrival gives), when it has one.
  const storyOf = (article: Article, arrived: string) => clusterer.storyOf?.(article.id) ?? arrived;
  return {
    seed(article, story) {
      const a = storyOf(article, clusterer.add(article).story);
      if (!toStored.has(a)) toStored.set(a, story);
    },
    assign(article) {
      const a = { story: storyOf(article, clusterer.add(article).story) };
      let stored = toStored.get(a.story);
      if (!stored) {
        stored = `story-${article.id}`;
        toStored.set(a.story, stored);
      }
      return stored;
    },
  };
}
