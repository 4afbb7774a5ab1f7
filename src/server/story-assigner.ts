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

export function createStoryAssigner(clusterer: Pick<StoryClusterer, 'add'>): StoryAssigner {
  const toStored = new Map<string, string>();
  return {
    seed(article, story) {
      const a = clusterer.add(article);
      if (!toStored.has(a.story)) toStored.set(a.story, story);
    },
    assign(article) {
      const a = clusterer.add(article);
      let stored = toStored.get(a.story);
      if (!stored) {
        stored = `story-${article.id}`;
        toStored.set(a.story, stored);
      }
      return stored;
    },
  };
}
