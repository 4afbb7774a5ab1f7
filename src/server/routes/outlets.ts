import { Hono } from 'hono';
import { ApiError } from '../errors.js';
import type { RouteContext } from './context.js';
import { createCoverageService } from './coverage.js';

/** How many stories an outlet page lists in each of its two lists. */
const LIST = 50;

export function outletRoutes({ deps }: RouteContext): Hono {
  const app = new Hono();
  const coverage = createCoverageService(deps);
  app.get('/', async (c) => c.json({ outlets: await coverage.outlets() }));
  // One outlet: the stories it covers, and its blindspot (stories other outlets reported and it did not, most-reported first).
  app.get('/:name', async (c) => {
    const name = c.req.param('name');
    const all = await coverage.all();
    const row = (await coverage.outlets()).find((o) => o.outlet === name);
    if (!row) throw new ApiError(404, 'E_NOT_FOUND', `no story has a report from the outlet "${name}" (see /api/outlets)`);
    const covered = all.filter((s) => s.outlets.includes(name));
    const missed = all.filter((s) => !s.outlets.includes(name) && new Set(s.outlets).size >= 2).sort((a, b) => new Set(b.outlets).size - new Set(a.outlets).size);
    const reportedElsewhere = all.filter((s) => new Set(s.outlets).size >= 2);
    return c.json({
      outlet: name,
      stories: covered.length,
      lastPublished: row.lastPublished,
      /** Of the stories two or more outlets reported, the share this outlet reported. */
      share: reportedElsewhere.length ? reportedElsewhere.filter((s) => s.outlets.includes(name)).length / reportedElsewhere.length : null,
      covered: await coverage.enrich(covered.slice(0, LIST)),
      blindspot: await coverage.enrich(missed.slice(0, LIST)),
      blindspotCount: missed.length,
    });
  });
  return app;
}
