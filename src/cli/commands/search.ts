import { ParallaxError } from '../../model/errors.js';
import { printable } from '../../model/printable.js';
import type { SearchHit, StoryFilter } from '../../store/types.js';
import { EXIT, type Command } from '../command.js';
import { dbOption, openStoreFor } from './db-option.js';

function date(v: unknown, name: string): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?/.test(v) || Number.isNaN(Date.parse(v))) throw new ParallaxError('E_USAGE', `--${name} must be a date like 2025-11-25, not "${v}"`);
  return v;
}

export function formatHits(hits: SearchHit[]): string {
  if (hits.length === 0) return 'no matches\n';
  return (
    hits
      .map((h, i) => {
        const head = `${i + 1}. [${h.kind}] ${h.title ?? '(untitled)'} - ${h.outlet ?? 'unknown outlet'}${h.published ? `, ${h.published.slice(0, 10)}` : ''}`;
        // Stored names and text came from strangers: no control character reaches the terminal.
        return `${printable(head)}\n   article ${printable(h.article)}${h.story ? `, story ${printable(h.story)}` : ''}\n   ${printable(h.snippet)}`;
      })
      .join('\n') + '\n'
  );
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Full-text search over stored articles and claims, with filters.',
  usage: 'search QUERY [--outlet NAME] [--from DATE] [--to DATE] [--entity NAME] [--story ID] [--json]',
  positionals: true,
  options: {
    ...dbOption,
    outlet: { type: 'string', valueName: 'NAME', description: 'only this outlet' },
    from: { type: 'string', valueName: 'DATE', description: 'published on or after' },
    to: { type: 'string', valueName: 'DATE', description: 'published on or before' },
    entity: { type: 'string', valueName: 'NAME', description: 'articles mentioning this entity' },
    story: { type: 'string', valueName: 'ID', description: 'only this story' },
    kind: { type: 'string', valueName: 'article|claim|all', description: 'what to search (default all)' },
    limit: { type: 'string', valueName: 'N', description: 'number of hits (default 20)' },
    json: { type: 'boolean', description: 'print hits as JSON' },
  },
  async run({ values, positionals }, io) {
    const query = positionals.join(' ');
    const kind = values.kind;
    if (kind !== undefined && kind !== 'article' && kind !== 'claim' && kind !== 'all') throw new ParallaxError('E_USAGE', `--kind is article, claim or all, not "${String(kind)}"`);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new ParallaxError('E_USAGE', `--limit must be a positive whole number`);
    const filter: StoryFilter = { limit };
    if (typeof values.outlet === 'string') filter.outlet = values.outlet;
    if (typeof values.entity === 'string') filter.entity = values.entity;
    if (typeof values.story === 'string') filter.story = values.story;
    const from = date(values.from, 'from');
    const to = date(values.to, 'to');
    if (from) filter.from = from;
    if (to) filter.to = to;
    if (kind) filter.kind = kind as StoryFilter['kind'];
    if (query.trim() === '' && !filter.outlet && !filter.entity && !filter.story && !from && !to) {
      throw new ParallaxError('E_USAGE', 'give a query, or a filter (--outlet, --from, --to, --entity, --story)');
    }
    const store = await openStoreFor(values, io, 'search');
    try {
      const hits = await store.search(query, filter);
      io.stdout.write(values.json ? JSON.stringify({ query, filter, hits }, null, 2) + '\n' : formatHits(hits));
      return EXIT.ok;
    } finally {
      await store.close();
    }
  },
};
