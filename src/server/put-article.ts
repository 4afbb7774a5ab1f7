// Stores an analysed article under a story, naming a new story after the article's title or, for an
// untitled report, its opening sentence (the store would otherwise use the story id).
import type { Article } from '../model/document.js';
import { clip } from '../report/render/labels.js';
import type { ServerStore } from './deps.js';

export function storyTitleFor(a: Article): string {
  if (a.title) return a.title;
  const first = a.layers.sentences?.[0];
  return clip(first ? a.text.slice(first.start, first.end) : a.text, 110);
}

export async function putArticle(store: ServerStore, article: Article, story: string | null): Promise<{ id: string; isNew: boolean; revisionOf: string | null }> {
  if (story && store.putArticles) {
    const [r] = await store.putArticles([{ article, story, storyTitle: storyTitleFor(article) }]);
    return r!;
  }
  return store.putArticle(article, story);
}
