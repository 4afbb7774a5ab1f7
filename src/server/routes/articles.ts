import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { idParam } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';

const articleQuery = z.object({ raw: z.enum(['0', '1']).optional() }).strict();

export function articleRoutes({ deps }: RouteContext): Hono {
  const app = new Hono();
  app.get('/:id', async (c) => {
    const id = idParam.parse(c.req.param('id'));
    const q = query(c, articleQuery);
    const article = await deps.store.getArticle(id);
    if (!article) throw new ApiError(404, 'E_NOT_FOUND', `no article ${id}`);
    // The raw page can be large and is rarely wanted: only on ?raw=1.
    const { raw, ...rest } = article;
    return c.json(q.raw === '1' ? article : { ...rest, rawLength: raw.length });
  });
  return app;
}
