// Coverage and blindspots: which outlets report a story (and how much), which of the corpus's outlets
// leave it out, and per outlet which stories it covers and which it misses.
import type { StoryComparison } from '../../compare/types.js';
import type { StorySummary } from '../../store/types.js';
import type { AppDeps } from '../deps.js';
import { cached, collectStories } from './aggregate.js';
import { createNameIndex, displayNames, nameRows } from './entity-names.js';

export interface OutletRow {
  outlet: string;
  stories: number;
  lastPublished: string | null;
}

export interface StoryCoverage extends StorySummary {
  /** Reports per outlet, most first. */
  coverage: { outlet: string; articles: number }[];
  /** Conflicts between reports, when the comparison has been computed (null: not yet). */
  conflicts: number | null;
  /** The corpus's most active outlets that did not report the story. */
  blindspot: string[];
}

/** How many of the most active outlets a blindspot names. */
const BLINDSPOT_OUTLETS = 8;

export function outletTable(stories: StorySummary[]): OutletRow[] {
  const counts = new Map<string, OutletRow>();
  for (const s of stories) {
    for (const o of new Set(s.outlets)) {
      const row = counts.get(o) ?? { outlet: o, stories: 0, lastPublished: null };
      row.stories++;
      if (s.lastPublished && (!row.lastPublished || s.lastPublished > row.lastPublished)) row.lastPublished = s.lastPublished;
      counts.set(o, row);
    }
  }
  return [...counts.values()].sort((a, b) => b.stories - a.stories || a.outlet.localeCompare(b.outlet));
}

/** Conflicts between two reports (one report giving two figures is not a disagreement between outlets). */
export function conflictCount(c: StoryComparison): number {
  return c.findings.filter((f) => f.kind === 'conflict' && !f.withinArticle).length;
}

export interface CoverageService {
  /** Every story (up to a cap), reused for a few seconds. */
  all(): Promise<StorySummary[]>;
  outlets(): Promise<OutletRow[]>;
  enrich(stories: StorySummary[]): Promise<StoryCoverage[]>;
}

export function createCoverageService(deps: AppDeps, ttlMs = 5000): CoverageService {
  const all = cached(ttlMs, () => collectStories(deps.store));
  const outlets = cached(ttlMs, async () => outletTable(await all()));
  const names = cached(ttlMs, async () => createNameIndex(nameRows(await all())));
  // Conflict counts per story and article count: a stored comparison is parsed once, not on every list.
  const conflictMemo = new Map<string, { articles: number; conflicts: number | null }>();
  const conflictsOf = async (story: string, articles: number): Promise<number | null> => {
    const hit = conflictMemo.get(story);
    if (hit && hit.articles === articles && hit.conflicts !== null) return hit.conflicts;
    const stored = await deps.store.getComparison(story);
    const conflicts = stored && stored.articles.length === articles ? conflictCount(stored) : null;
    conflictMemo.set(story, { articles, conflicts });
    if (conflictMemo.size > 20000) conflictMemo.delete(conflictMemo.keys().next().value!);
    return conflicts;
  };
  return {
    all,
    outlets,
    async enrich(stories) {
      const top = (await outlets()).slice(0, BLINDSPOT_OUTLETS).map((o) => o.outlet);
      const index = await names();
      return Promise.all(
        stories.map(async (s) => {
          const members = await deps.store.storyArticles(s.id);
          const per = new Map<string, number>();
          for (const m of members) per.set(m.outlet ?? 'unknown outlet', (per.get(m.outlet ?? 'unknown outlet') ?? 0) + 1);
          return {
            ...s,
            entities: displayNames(s.entities, index),
            coverage: [...per.entries()].map(([outlet, articles]) => ({ outlet, articles })).sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet)),
            conflicts: await conflictsOf(s.id, members.length),
            blindspot: top.length > 1 ? top.filter((o) => !s.outlets.includes(o)) : [],
          };
        }),
      );
    },
  };
}

/** Example stories (`serve --examples`) lead an unfiltered list: they have no dates and would sort last. */
export function pinExamples(stories: StorySummary[]): StorySummary[] {
  const pinned = stories.filter((s) => s.id.startsWith('example-'));
  return pinned.length ? [...pinned, ...stories.filter((s) => !s.id.startsWith('example-'))] : stories;
}
