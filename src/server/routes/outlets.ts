import { Hono } from 'hono';
import type { RouteContext } from './context.js';
import { cached, collectStories } from './aggregate.js';

export function outletRoutes({ deps }: RouteContext): Hono {
  const app = new Hono();
  const outlets = cached(5000, async () => {
    const counts = new Map<string, { outlet: string; stories: number; lastPublished: string | null }>();
    for (const s of await collectStories(deps.store)) {
      for (const o of s.outlets) {
        const row = counts.get(o) ?? { outlet: o, stories: 0, lastPublished: null };
        row.stories++;
        if (s.lastPublished && (!row.lastPublished || s.lastPublished > row.lastPublished)) row.lastPublished = s.lastPublished;
        counts.set(o, row);
      }
    }
    return [...counts.values()].sort((a, b) => b.stories - a.stories || a.outlet.localeCompare(b.outlet));
  });
  app.get('/', async (c) => c.json({ outlets: await outlets() }));
  return app;
}
