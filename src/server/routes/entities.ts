import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { entityListQuery } from '../schemas.js';
import { query } from '../validate.js';
import type { RouteContext } from './context.js';
import { cached, collectStories } from './aggregate.js';
import { TYPE_WORD, createNameIndex, displayNames, nameRows } from './entity-names.js';

/** A type in words (person, organisation, place, other), or null when unknown. */
const typeWord = (type: string | null) => (type ? (TYPE_WORD[type] ?? 'other') : null);

/** How many stories' comparisons are read to show how each outlet names an entity. */
const DETAIL_STORIES = 10;

export function entityRoutes({ deps, comparisons }: RouteContext): Hono {
  const app = new Hono();
  const table = cached(5000, async () => {
    const stories = await collectStories(deps.store);
    const index = createNameIndex(nameRows(stories));
    // Rows by merged name: a story counts once however many spellings it uses.
    const rows = new Map<string, { name: string; stories: Set<string>; outlets: Set<string> }>();
    for (const s of stories) {
      for (const e of s.entities) {
        const name = index.canonical(e);
        if (!name) continue;
        const row = rows.get(name) ?? { name, stories: new Set<string>(), outlets: new Set<string>() };
        row.stories.add(s.id);
        for (const o of s.outlets) row.outlets.add(o);
        rows.set(name, row);
      }
    }
    const list = [...rows.values()]
      .map((r) => ({ name: r.name, type: typeWord(index.type(r.name)), stories: r.stories.size, outlets: [...r.outlets].sort(), aliases: index.aliases(r.name).filter((a) => a !== r.name) }))
      .sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name));
    return { list, index };
  });
  const all = async () => (await table()).list;
  app.get('/', async (c) => {
    const q = query(c, entityListQuery);
    const needle = q.q?.toLowerCase();
    const list = (await all()).filter((e) => !needle || e.name.toLowerCase().includes(needle) || e.aliases.some((a) => a.toLowerCase().includes(needle)));
    return c.json({ entities: list.slice(0, q.limit), total: list.length });
  });
  app.get('/:name', async (c) => {
    const name = z.string().min(1).max(200).parse(c.req.param('name'));
    // The stories of every spelling merged into this name.
    const { index } = await table();
    const canonical = index.canonical(name) ?? name;
    const spellings = [...new Set([name, ...index.aliases(canonical)])].slice(0, 8);
    const byId = new Map<string, Awaited<ReturnType<typeof collectStories>>[number]>();
    for (const spelling of spellings) for (const s of await collectStories(deps.store, { entity: spelling }, 1000)) byId.set(s.id, s);
    const stories = [...byId.values()].sort((a, b) => (b.lastPublished ?? '').localeCompare(a.lastPublished ?? ''));
    if (stories.length === 0) throw new ApiError(404, 'E_NOT_FOUND', `no story names ${name}`);
    // Per outlet: stories that name the entity, mentions, and the words used for it.
    const outlets = new Map<string, { outlet: string; stories: number; mentions: number; names: Map<string, number> }>();
    for (const s of stories) for (const o of s.outlets) {
      const row = outlets.get(o) ?? { outlet: o, stories: 0, mentions: 0, names: new Map<string, number>() };
      row.stories++;
      outlets.set(o, row);
    }
    const lowers = new Set(spellings.map((x) => x.toLowerCase()));
    for (const s of stories.slice(0, DETAIL_STORIES)) {
      const cmp = await comparisons.forStory(s.id);
      if (!cmp) continue;
      const outletOf = new Map(cmp.articles.map((a) => [a.id, a.outlet ?? a.source]));
      for (const e of cmp.entities) {
        if (!lowers.has(e.name.toLowerCase()) && !e.aliases.some((x) => lowers.has(x.toLowerCase()))) continue;
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
      name: canonical,
      type: typeWord(index.type(canonical)),
      aliases: spellings.filter((x) => x !== canonical),
      stories: stories.map((s) => ({ ...s, entities: displayNames(s.entities, index) })),
      outlets: [...outlets.values()]
        .map((r) => ({ outlet: r.outlet, stories: r.stories, mentions: r.mentions, names: [...r.names.entries()].sort((a, b) => b[1] - a[1]).map(([text, count]) => ({ text, count })) }))
        .sort((a, b) => b.stories - a.stories || a.outlet.localeCompare(b.outlet)),
    });
  });
  return app;
}
