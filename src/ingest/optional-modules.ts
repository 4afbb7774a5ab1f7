// Parts other engineers provide (clustering, comparison, reports, safe fetching) are loaded when
// present, so ingestion works before they land and picks them up without a change here.
import { fileURLToPath } from 'node:url';
import type { StoryClusterer, Assignment, StoryLabel } from '../cluster/types.js';
import type { Article } from '../model/document.js';

/** Imports a sibling module by path; null when it does not exist (yet). */
export async function importOptional<T>(relative: string): Promise<T | null> {
  const url = new URL(relative, import.meta.url).href;
  try {
    return (await import(url)) as T;
  } catch (e) {
    // Only the module itself missing means "not there yet"; a broken import inside it is an error.
    const missing = (e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((e as Error).message).includes(fileURLToPath(url));
    if (missing) return null;
    throw e;
  }
}

/** Until a real clusterer exists: every article is its own story. */
export function createSingletonClusterer(): StoryClusterer {
  const of = new Map<string, string>();
  const labels: StoryLabel[] = [];
  return {
    add(article: Article): Assignment {
      const story = `s-${article.id}`;
      of.set(article.id, story);
      labels.push({ story, title: article.title ?? article.id, entities: [], places: [], dates: article.published ? [article.published] : [], articles: [article.id] });
      return { article: article.id, story, isNewStory: true, score: 1, duplicateOf: null };
    },
    storyOf: (id) => of.get(id),
    stories: () => labels,
  };
}

export async function loadClustererFactory(): Promise<{ create: () => StoryClusterer; name: string }> {
  const m = await import('../cluster/index.js');
  return { create: () => m.createStoryClusterer(), name: 'story clusterer' };
}
