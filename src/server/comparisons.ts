// A story's comparison: read from the store's cache when it covers the story's current articles,
// otherwise computed and saved. Concurrent requests for the same story share one computation.
import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';
import type { AppDeps } from './deps.js';
import { storyDevelopment } from '../report/render/development.js';

export interface ComparisonService {
  forStory(story: string): Promise<StoryComparison | null>;
  /** The same as JSON text, kept for the most recently asked stories (a story page is mostly this). */
  jsonForStory(story: string): Promise<string | null>;
  /** Drops what is kept for a story (an article was stored into it through this server). */
  forget(story: string): void;
}

/** Serialised comparisons kept in memory. */
const JSON_CACHE_SIZE = 500;
/** How often a cached comparison is checked against the story's current articles. */
const RECHECK_MS = 1000;

export function createComparisonService(deps: Pick<AppDeps, 'store' | 'compare'>): ComparisonService {
  const inFlight = new Map<string, Promise<StoryComparison | null>>();
  const jsonCache = new Map<string, { ids: string; json: string; checkedAt: number }>();
  const signature = (ids: string[]) => [...ids].sort().join(',');
  const compute = async (story: string): Promise<StoryComparison | null> => {
    const members = await deps.store.storyArticles(story);
    if (members.length === 0) return null;
    const cached = await deps.store.getComparison(story);
    const ids = signature(members.map((m) => m.id));
    if (cached && cached.articles.map((a) => a.id).sort().join(',') === ids) return cached;
    const articles = (await Promise.all(members.map((m) => deps.store.getArticle(m.id)))).filter((a): a is Article => a !== null);
    const comparison = deps.compare(articles);
    await deps.store.putComparison(story, comparison);
    return comparison;
  };
  const forStory = (story: string) => {
    let p = inFlight.get(story);
    if (!p) {
      p = compute(story).finally(() => inFlight.delete(story));
      inFlight.set(story, p);
    }
    return p;
  };
  return {
    forStory,
    forget(story) {
      jsonCache.delete(story);
    },
    async jsonForStory(story) {
      const hit = jsonCache.get(story);
      if (hit) {
        // Still the story's articles? (An ingest may have added one since; checked at most once a second.)
        const fresh = Date.now() - hit.checkedAt < RECHECK_MS;
        const ids = fresh ? hit.ids : signature((await deps.store.storyArticles(story)).map((m) => m.id));
        if (ids === hit.ids) {
          hit.checkedAt = fresh ? hit.checkedAt : Date.now();
          jsonCache.delete(story);
          jsonCache.set(story, hit);
          return hit.json;
        }
      }
      const comparison = await forStory(story);
      if (!comparison) return null;
      // The story's facts over time ride along (derived from the findings; docs/json-schema.md).
      const json = JSON.stringify({ ...comparison, development: storyDevelopment(comparison) });
      jsonCache.set(story, { ids: signature(comparison.articles.map((a) => a.id)), json, checkedAt: Date.now() });
      if (jsonCache.size > JSON_CACHE_SIZE) jsonCache.delete(jsonCache.keys().next().value!);
      return json;
    },
  };
}
