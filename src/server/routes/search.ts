import { Hono } from 'hono';
import { searchQuery } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';

export function searchRoutes({ deps }: RouteContext): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const q = query(c, searchQuery);
    const hits = await deps.store.search(q.q, {
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.entity ? { entity: q.entity } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      limit: q.limit,
      offset: q.offset,
    });
    return c.json({ query: q.q, hits });
  });
  return app;
}
