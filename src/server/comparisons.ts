// A story's comparison: read from the store's cache when it covers the story's current articles,
// otherwise computed and saved. Concurrent requests for the same story share one computation.
import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';
import type { AppDeps } from './deps.js';

export interface ComparisonService {
  forStory(story: string): Promise<StoryComparison | null>;
}

export function createComparisonService(deps: Pick<AppDeps, 'store' | 'compare'>): ComparisonService {
  const inFlight = new Map<string, Promise<StoryComparison | null>>();
  const compute = async (story: string): Promise<StoryComparison | null> => {
    const members = await deps.store.storyArticles(story);
    if (members.length === 0) return null;
    const cached = await deps.store.getComparison(story);
    const ids = members.map((m) => m.id).sort().join(',');
    if (cached && cached.articles.map((a) => a.id).sort().join(',') === ids) return cached;
    const articles = (await Promise.all(members.map((m) => deps.store.getArticle(m.id)))).filter((a): a is Article => a !== null);
    const comparison = deps.compare(articles);
    await deps.store.putComparison(story, comparison);
    return comparison;
  };
  return {
    forStory(story) {
      let p = inFlight.get(story);
      if (!p) {
        p = compute(story).finally(() => inFlight.delete(story));
        inFlight.set(story, p);
      }
      return p;
    },
  };
}
