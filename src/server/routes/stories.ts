import { Hono } from 'hono';
import { ApiError } from '../errors.js';
import { idParam, storyListQuery } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';

export function storyRoutes({ deps, comparisons, storyLists }: RouteContext): Hono {
  const app = new Hono();
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
    const stories = await storyLists.get(JSON.stringify(filter), () => deps.store.listStories(filter));
    return c.json({ stories, limit: q.limit, offset: q.offset });
  });
  app.get('/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const articles = await deps.store.storyArticles(id);
    if (articles.length === 0) throw new ApiError(404, 'E_NOT_FOUND', `no story ${id}`);
    return c.json({ id, articles });
  });
  app.get('/:id/comparison', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const json = await comparisons.jsonForStory(id);
    if (json === null) throw new ApiError(404, 'E_NOT_FOUND', `no story ${id}`);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(json);
  });
  return app;
}
