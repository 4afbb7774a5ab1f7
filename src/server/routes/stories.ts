import { Hono } from 'hono';
import { ApiError } from '../errors.js';
import { idParam, storyListQuery } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';
import { createCoverageService, pinExamples } from './coverage.js';

export function storyRoutes({ deps, comparisons, storyLists }: RouteContext): Hono {
  const app = new Hono();
  const coverage = createCoverageService(deps);
  app.get('/', async (c) => {
    const q = query(c, storyListQuery);
    const filter = {
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.q ? { query: q.q } : {}),
      limit: q.limit,
      offset: q.offset,
    };
    const unfiltered = !q.outlet && !q.entity && !q.from && !q.to && !q.q;
    const stories = await storyLists.get(JSON.stringify(filter), async () => {
      if (unfiltered) {
        // Pinning needs the whole order; past the cap of the corpus list, the store's own order stands.
        const all = await coverage.all();
        if (all.length < 5000 && all.some((s) => s.id.startsWith('example-'))) return coverage.enrich(pinExamples(all).slice(q.offset, q.offset + q.limit));
      }
      return coverage.enrich(await deps.store.listStories(filter));
    });
    return c.json({ stories, limit: q.limit, offset: q.offset });
  });
  app.get('/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const articles = await deps.store.storyArticles(id);
    if (articles.length === 0) throw new ApiError(404, 'E_NOT_FOUND', noStory(id));
    return c.json({ id, articles });
  });
  app.get('/:id/comparison', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const json = await comparisons.jsonForStory(id);
    if (json === null) throw new ApiError(404, 'E_NOT_FOUND', noStory(id));
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(json);
  });
  return app;
}

/** The message of a missing story, in a sentence a reader can act on. */
export function noStory(id: string): string {
  return `There is no story with the id "${id}". Stories can be merged as articles arrive: find it again in the story list.`;
}
