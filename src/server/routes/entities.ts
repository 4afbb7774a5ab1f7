import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { entityListQuery } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';
import { cached, collectStories } from './aggregate.js';

/** How many stories' comparisons are read to show how each outlet names an entity. */
const DETAIL_STORIES = 10;

export function entityRoutes({ deps, comparisons }: RouteContext): Hono {
  const app = new Hono();
  const all = cached(5000, async () => {
    const rows = new Map<string, { name: string; stories: number; outlets: Set<string> }>();
    for (const s of await collectStories(deps.store)) {
      for (const e of s.entities) {
        const row = rows.get(e) ?? { name: e, stories: 0, outlets: new Set<string>() };
        row.stories++;
        for (const o of s.outlets) row.outlets.add(o);
        rows.set(e, row);
      }
    }
    return [...rows.values()]
      .map((r) => ({ name: r.name, stories: r.stories, outlets: [...r.outlets].sort() }))
      .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name));
  });
  app.get('/', async (c) => {
    const q = query(c, entityListQuery);
    const needle = q.q?.toLowerCase();
    const list = (await all()).filter((e) => !needle || e.name.toLowerCase().includes(needle));
    return c.json({ entities: list.slice(0, q.limit), total: list.length });
  });
  app.get('/:name', async (c) => {
    const name = z.string().min(1).max(200).parse(c.req.param('name'));
    const stories = await collectStories(deps.store, { entity: name }, 1000);
    if (stories.length === 0) throw new ApiError(404, 'E_NOT_FOUND', `no story names ${name}`);
    // Per outlet: stories that name the entity, mentions, and the words used for it.
    const outlets = new Map<string, { outlet: string; stories: number; mentions: number; names: Map<string, number> }>();
    for (const s of stories) for (const o of s.outlets) {
      const row = outlets.get(o) ?? { outlet: o, stories: 0, mentions: 0, names: new Map<string, number>() };
      row.stories++;
      outlets.set(o, row);
    }
    const lower = name.toLowerCase();
    for (const s of stories.slice(0, DETAIL_STORIES)) {
      const cmp = await comparisons.forStory(s.id);
      if (!cmp) continue;
      const outletOf = new Map(cmp.articles.map((a) => [a.id, a.outlet ?? a.source]));
      for (const e of cmp.entities) {
        if (e.name.toLowerCase() !== lower && !e.aliases.some((x) => x.toLowerCase() === lower)) continue;
        for (const m of e.mentions) {
          const o = outletOf.get(m.article);
          const row = o ? outlets.get(o) : undefined;
          if (!row) continue;
          row.mentions++;
          row.names.set(m.text, (row.names.get(m.text) ?? 0) + 1);
        }
      }
    }
    return c.json({
      name,
      stories,
      outlets: [...outlets.values()]
        .map((r) => ({ outlet: r.outlet, stories: r.stories, mentions: r.mentions, names: [...r.names.entries()].sort((a, b) => b[1] - a[1]).map(([text, count]) => ({ text, count })) }))
        .sort((a, b) => b.stories - a.stories || a.outlet.localeCompare(b.outlet)),
    });
  });
  return app;
}
