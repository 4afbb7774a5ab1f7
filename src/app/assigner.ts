// The story assigner of the job queue: one at a time (a PostgreSQL advisory lock, held for the round's
// transaction), in arrival order. Articles are analysed in parallel, but they join the clusterer in
// the order they arrived, each round taking the analysed prefix of the arrivals after the cursor, so
// that the stories are those one process would have found on the same input, and two workers never
// open two stories for one event. The clusterer lives in the memory of the process that runs the
// round; a process that finds the cursor moved by another one replays the arrivals in between (the
// clusterer is deterministic in its input order), so a worker that dies loses nothing.
import type { Article } from '../model/document.js';
import type { StoryClusterer } from '../cluster/types.js';
import type { DatabaseStore } from '../store/types.js';
import { contentHash } from '../store/content-hash.js';
import { MANIFEST_STORY } from '../ingest/ingest.js';
import { ASSIGNER_LOCK, QUEUES, type JobQueue } from './job-queue.js';

export interface AssignRound {
  /** Arrivals taken in this round. */
  arrivals: number;
  assigned: number;
  moved: number;
  /** Stories whose articles changed (their comparisons are queued). */
  stories: string[];
  /** Articles replayed into the clusterer to catch up with another process. */
  replayed: number;
  /** Milliseconds in the clusterer (add and settle), and reading articles back. */
  clusterMs: number;
  readMs: number;
}

interface State {
  clusterer: StoryClusterer;
  cursor: number;
  /** Article -> its story in the database. */
  stored: Map<string, string>;
  /** Clusterer story -> database story. */
  map: Map<string, string>;
  /** sources.json group -> database story (the files of one manifest are one story, as ingest does). */
  groups: Map<string, string>;
}

interface BlockRow {
  seq: string;
  status: string;
  articles: string[] | null;
  label: string | null;
  run: string | null;
  ord: number;
  total: number | null;
  stale: boolean;
}

const BLOCK_ROWS = `SELECT a.seq, a.status, a.articles, a.input->'article'->>'story' AS label, a.run, a.ord, r.total,
  a.queued_at < now() - interval '60 seconds' AS stale
  FROM parallax_arrivals a LEFT JOIN parallax_runs r ON r.run = a.run`;

/** Arrivals that join the clusterer together: the batch of `parallax ingest` in one process (its default). */
export const ASSIGN_BLOCK = 64;

export function createAssigner(deps: { store: DatabaseStore; queue: JobQueue; createClusterer: () => StoryClusterer; maxBlocksPerRound?: number }) {
  const { store, queue } = deps;
  let state: State | null = null;
  const fresh = (): State => ({ clusterer: deps.createClusterer(), cursor: 0, stored: new Map(), map: new Map(), groups: new Map() });

  const read = async (ids: string[], stats: AssignRound): Promise<Article[]> => {
    const t0 = performance.now();
    const out: Article[] = [];
    for (const id of ids) {
      const a = await store.getArticle(id);
      if (a) out.push(a);
    }
    stats.readMs += performance.now() - t0;
    return out;
  };

  /** Groups arrivals into the blocks that join the clusterer together. */
  const blocksOf = <R extends BlockRow>(rows: R[], complete: boolean): R[][] => {
    const blocks: R[][] = [];
    for (let i = 0; i < rows.length; ) {
      const first = rows[i]!;
      const block = [first];
      const id = Math.floor(first.ord / ASSIGN_BLOCK);
      for (i++; i < rows.length && rows[i]!.run === first.run && Math.floor(rows[i]!.ord / ASSIGN_BLOCK) === id; i++) block.push(rows[i]!);
      const last = block[block.length - 1]!;
      // A block is taken when all of it is analysed, and when it is whole (or the run's last, or old).
      const whole = complete || block.length === ASSIGN_BLOCK || (last.total !== null && last.ord === last.total - 1) || (i < rows.length && last.stale);
      if (!whole || block.some((r) => r.status === 'queued')) break;
      blocks.push(block);
    }
    return blocks;
  };

  /** Adds a block's new articles to the clusterer, then settles it (as one batch of `parallax ingest`). */
  const addBlock = async (s: State, block: BlockRow[], stats: AssignRound) => {
    const ids: string[] = [];
    const labels = new Map<string, string>();
    for (const r of block)
      for (const id of r.status === 'done' ? r.articles ?? [] : [])
        if (!s.stored.has(id) && !ids.includes(id)) {
          ids.push(id);
          if (r.label?.startsWith(MANIFEST_STORY)) labels.set(id, r.label);
        }
    const articles = await read(ids, stats);
    const t0 = performance.now();
    const arrived = articles.map((a) => s.clusterer.add(a).story);
    if (articles.length) s.clusterer.storyOf(articles[0]!.id);
    stats.clusterMs += performance.now() - t0;
    return { articles, arrived, labels };
  };

  /** Catches up with rounds run by another process: the same blocks in the same order, the story map as saved. */
  const replay = async (s: State, upTo: number, stats: AssignRound) => {
    const { rows } = await queue.pool.query<BlockRow>(`${BLOCK_ROWS} WHERE a.seq > $1 AND a.seq <= $2 ORDER BY a.seq`, [s.cursor, upTo]);
    const mapRows = await queue.pool.query<{ cluster_story: string; story: string }>('SELECT cluster_story, story FROM parallax_story_map');
    for (const r of mapRows.rows) {
      if (r.cluster_story.startsWith('group:')) s.groups.set(r.cluster_story.slice(6), r.story);
      else s.map.set(r.cluster_story, r.story);
    }
    const added: string[] = [];
    for (const block of blocksOf(rows, true)) {
      const { articles } = await addBlock(s, block, stats);
      for (const a of articles) {
        s.stored.set(a.id, '');
        added.push(a.id);
      }
    }
    for (let i = 0; i < added.length; i += 1000) {
      const res = await queue.pool.query<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles WHERE id = ANY($1)', [added.slice(i, i + 1000)]);
      for (const r of res.rows) s.stored.set(r.id, r.story_id ?? '');
    }
    stats.replayed += added.length;
    s.cursor = upTo;
  };

  /** One round: takes the analysed arrivals after the cursor, in order, up to the first one still being analysed. */
  async function round(): Promise<AssignRound> {
    const stats: AssignRound = { arrivals: 0, assigned: 0, moved: 0, stories: [], replayed: 0, clusterMs: 0, readMs: 0 };
    const client = await queue.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [ASSIGNER_LOCK]);
      const cur = Number((await client.query<{ cursor: string }>('SELECT cursor FROM parallax_assigner WHERE id = 1')).rows[0]!.cursor);
      if (!state || state.cursor > cur) state = fresh();
      const s = state;
      if (s.cursor < cur) await replay(s, cur, stats);
      const { rows } = await client.query<BlockRow>(`${BLOCK_ROWS} WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`, [cur, (deps.maxBlocksPerRound ?? 8) * ASSIGN_BLOCK]);
      const blocks = blocksOf(rows, false);
      if (blocks.length === 0) {
        await client.query('COMMIT');
        return stats;
      }
      const taken = blocks.flat();
      const touched = new Set<string>();
      const writes: { id: string; story: string; title: string | undefined }[] = [];
      const newMap: [string, string][] = [];
      for (const block of blocks) {
        const { articles, arrived, labels } = await addBlock(s, block, stats);
        const t0 = performance.now();
        // Each article goes to its story in the settled view of its block.
        articles.forEach((a, k) => {
          const cs = s.clusterer.storyOf(a.id) ?? arrived[k]!;
          const label = labels.get(a.id);
          let story = label ? s.groups.get(label) : undefined;
          if (!story) {
            story = s.map.get(cs);
            if (!story) {
              story = `story-${contentHash(a).slice(0, 16)}`;
              s.map.set(cs, story);
              newMap.push([cs, story]);
            }
            if (label) {
              s.groups.set(label, story);
              newMap.push([`group:${label}`, story]);
            }
          }
          s.stored.set(a.id, story);
          touched.add(story);
          writes.push({ id: a.id, story, title: a.title ?? undefined });
        });
        stats.clusterMs += performance.now() - t0;
      }
      const t0 = performance.now();
      // Stories merge as evidence grows: articles assigned earlier follow the clusterer's current view.
      const moves: { id: string; story: string }[] = [];
      for (const [id, story] of s.stored) {
        const cs = s.clusterer.storyOf(id);
        const target = cs ? s.map.get(cs) : undefined;
        if (target && target !== story) {
          moves.push({ id, story: target });
          s.stored.set(id, target);
          touched.add(story);
          touched.add(target);
        }
      }
      stats.clusterMs += performance.now() - t0;
      for (const w of writes) await store.setStory(w.id, w.story, w.title);
      for (const m of moves) await store.setStory(m.id, m.story);
      const last = Number(taken[taken.length - 1]!.seq);
      for (let i = 0; i < newMap.length; i += 500) {
        const part = newMap.slice(i, i + 500);
        await client.query('INSERT INTO parallax_story_map (cluster_story, story) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (cluster_story) DO UPDATE SET story = EXCLUDED.story', [part.map((x) => x[0]), part.map((x) => x[1])]);
      }
      await client.query('UPDATE parallax_assigner SET cursor = $1, rounds = rounds + 1 WHERE id = 1', [last]);
      await client.query('COMMIT');
      s.cursor = last;
      stats.arrivals = taken.length;
      stats.assigned = writes.length;
      stats.moved = moves.length;
      stats.stories = [...touched];
      return stats;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      // What this process holds may be ahead of the database now: start again from what is stored.
      state = null;
      throw e;
    } finally {
      client.release();
    }
  }

  return {
    round,
    /** Rounds until nothing analysed is left to assign; queues a comparison for each changed story (once per story while waiting). */
    async drain(): Promise<AssignRound> {
      const total: AssignRound = { arrivals: 0, assigned: 0, moved: 0, stories: [], replayed: 0, clusterMs: 0, readMs: 0 };
      const stories = new Set<string>();
      for (;;) {
        const r = await round();
        total.arrivals += r.arrivals;
        total.assigned += r.assigned;
        total.moved += r.moved;
        total.replayed += r.replayed;
        total.clusterMs += r.clusterMs;
        total.readMs += r.readMs;
        for (const st of r.stories) stories.add(st);
        if (r.arrivals === 0) break;
      }
      total.stories = [...stories];
      for (const story of stories) await queue.boss.send(QUEUES.compare, { story }, { singletonKey: story });
      return total;
    },
  };
}
