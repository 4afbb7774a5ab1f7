// An in-memory Store: a test double for the SQLite/PostgreSQL stores (src/store), also usable for a
// throwaway `parallax serve --db :memory:`. Story summaries are kept up to date on each put so that
// listing stays cheap with many articles.
import type { Article } from '../model/document.js';
import type { StoryComparison } from '../compare/types.js';
import type { ArticleSummary, SearchHit, StoryFilter, StorySummary } from '../store/types.js';
import type { ServerStore } from './deps.js';
import { storyTitleFor } from './put-article.js';

function summaryOf(a: Article, story: string | null): ArticleSummary {
  return { id: a.id, outlet: a.outlet, title: a.title, published: a.published, url: a.url, story };
}

function entityNames(a: Article): { name: string; type: string }[] {
  return (a.layers.entityIndex ?? []).map((e) => ({ name: e.name, type: e.type }));
}

/** Names kept per story summary (the first ones met). */
const MAX_STORY_ENTITIES = 20;

export function createMemoryStore(): ServerStore {
  const articles = new Map<string, { article: Article; story: string | null }>();
  const stories = new Map<string, { summary: StorySummary; members: string[] }>();
  const comparisons = new Map<string, StoryComparison>();
  const byHash = new Map<string, string>();
  // Stories in list order, rebuilt lazily after a put (listing is far more frequent than storing).
  let ordered: StorySummary[] | null = null;

  const matches = (s: StorySummary, f: StoryFilter): boolean => {
    if (f.outlet && !s.outlets.some((o) => o.toLowerCase() === f.outlet!.toLowerCase())) return false;
    if (f.entity && !s.entities.some((e) => e.toLowerCase() === f.entity!.toLowerCase())) return false;
    if (f.from && (s.lastPublished ?? '') < f.from) return false;
    if (f.to && (s.firstPublished ?? '9999') > f.to + '\uffff') return false;
    if (f.query && !s.title.toLowerCase().includes(f.query.toLowerCase())) return false;
    return true;
  };

  return {
    async putArticle(article, story) {
      const key = `${article.text}`;
      const existing = byHash.get(key);
      if (existing) return { id: existing, isNew: false, revisionOf: null };
      byHash.set(key, article.id);
      articles.set(article.id, { article, story });
      if (story) {
        let s = stories.get(story);
        if (!s) {
          s = { summary: { id: story, title: storyTitleFor(article), outlets: [], articleCount: 0, firstPublished: null, lastPublished: null, entities: [], entityTypes: [] }, members: [] };
          stories.set(story, s);
        }
        s.members.push(article.id);
        const sum = s.summary;
        sum.articleCount++;
        if (article.outlet && !sum.outlets.includes(article.outlet)) sum.outlets.push(article.outlet);
        for (const e of entityNames(article)) {
          if (sum.entities.length < MAX_STORY_ENTITIES && !sum.entities.includes(e.name)) {
            sum.entities.push(e.name);
            sum.entityTypes!.push(e.type);
          }
        }
        if (article.published) {
          if (!sum.firstPublished || article.published < sum.firstPublished) sum.firstPublished = article.published;
          if (!sum.lastPublished || article.published > sum.lastPublished) sum.lastPublished = article.published;
        }
        comparisons.delete(story);
        ordered = null;
      }
      return { id: article.id, isNew: true, revisionOf: null };
    },
    async getArticle(id) {
      return articles.get(id)?.article ?? null;
    },
    async listStories(filter = {}) {
      ordered ??= [...stories.values()]
        .map((s) => s.summary)
        .sort((a, b) => (b.lastPublished ?? '').localeCompare(a.lastPublished ?? '') || b.articleCount - a.articleCount || a.id.localeCompare(b.id));
      const offset = filter.offset ?? 0;
      const limit = filter.limit ?? 50;
      const out: StorySummary[] = [];
      let skipped = 0;
      for (const s of ordered) {
        if (!matches(s, filter)) continue;
        if (skipped++ < offset) continue;
        out.push(s);
        if (out.length >= limit) break;
      }
      return out;
    },
    async storyArticles(story) {
      return (stories.get(story)?.members ?? []).map((id) => summaryOf(articles.get(id)!.article, story));
    },
    async getComparison(story) {
      return comparisons.get(story) ?? null;
    },
    async putComparison(story, comparison) {
      comparisons.set(story, comparison);
    },
    async search(query, filter = {}) {
      const q = query.toLowerCase();
      const hits: SearchHit[] = [];
      for (const { article: a, story } of articles.values()) {
        if (filter.outlet && a.outlet?.toLowerCase() !== filter.outlet.toLowerCase()) continue;
        const hay = `${a.title ?? ''}\n${a.text}`.toLowerCase();
        const at = hay.indexOf(q);
        if (at < 0) continue;
        const textAt = Math.max(0, at - (a.title ? a.title.length + 1 : 0));
        hits.push({ kind: 'article', article: a.id, story, outlet: a.outlet, title: a.title, snippet: a.text.slice(Math.max(0, textAt - 60), textAt + q.length + 60), score: 1 / (1 + at) });
      }
      hits.sort((x, y) => y.score - x.score);
      const offset = filter.offset ?? 0;
      return hits.slice(offset, offset + (filter.limit ?? 20));
    },
    async close() {},
  };
}
