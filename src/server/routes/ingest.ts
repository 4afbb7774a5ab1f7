import { Hono } from 'hono';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { ApiError } from '../errors.js';
import { putArticle } from '../put-article.js';
import { articleInput, compareInput } from '../schemas.js';
import { jsonBody } from '../validate.js';
import { storyDevelopment } from '../../report/render/development.js';
import { oneEventWarning } from '../../app/story-check.js';
import type { RouteContext } from './context.js';

export function ingestRoutes({ deps, limits, storyLists, comparisons }: RouteContext): Hono {
  const app = new Hono();
  const schema = articleInput(limits.articleChars);
  app.post('/', async (c) => {
    const input = await jsonBody(c, schema);
    let content: { text?: string; html?: string };
    let url = input.url ?? null;
    if (input.text !== undefined) content = { text: input.text };
    else if (input.html !== undefined) content = { html: input.html };
    else {
      if (!deps.fetchUrl) throw new ApiError(501, 'E_NOT_AVAILABLE', 'this server does not fetch URLs; post the text or HTML instead');
      const page = await deps.fetchUrl(input.url!);
      content = { html: page.html };
      url = page.url;
    }
    const meta = { source: url ?? 'api', outlet: input.outlet ?? null, title: input.title ?? null, published: input.published ?? null, url };
    const article = deps.analyzeContent ? await deps.analyzeContent(content, meta) : await deps.analyze(articleFromContent(content, meta));
    const story = deps.assignStory ? await deps.assignStory(article) : null;
    const stored = await putArticle(deps.store, article, story);
    storyLists.clear();
    if (story) comparisons.forget(story);
    return c.json({ id: stored.id, isNew: stored.isNew, revisionOf: stored.revisionOf, story }, stored.isNew ? 201 : 200);
  });
  return app;
}

export function compareRoutes({ deps, limits }: RouteContext): Hono {
  const app = new Hono();
  const schema = compareInput(limits.articleChars, limits.compareArticles);
  app.post('/', async (c) => {
    const input = await jsonBody(c, schema);
    const articles = await Promise.all(
      input.articles.map((a, i) => {
        const content = a.html !== undefined ? { html: a.html } : { text: a.text! };
        const meta = { id: `a${i + 1}`, source: `pasted-${i + 1}`, outlet: a.outlet ?? `Report ${i + 1}`, title: a.title ?? null, published: a.published ?? null, url: null };
        return deps.analyzeContent ? deps.analyzeContent(content, meta) : deps.analyze(articleFromContent(content, meta));
      }),
    );
    // The one-event check `parallax compare` runs: compared anyway, but the reader is told.
    const warning = oneEventWarning(articles);
    const comparison = deps.compare(articles);
    return c.json({ ...comparison, development: storyDevelopment(comparison), warnings: warning ? [warning] : [] });
  });
  return app;
}
