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

interface ArrivalRow {
  seq: string;
  status: string;
  articles: string[] | null;
  label: string | null;
}

export function createAssigner(deps: { store: DatabaseStore; queue: JobQueue; createClusterer: () => StoryClusterer; maxPerRound?: number }) {
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

  /** Catches up with rounds run by another process: same articles, same order, stories as stored. */
  const replay = async (s: State, upTo: number, stats: AssignRound) => {
    const { rows } = await queue.pool.query<ArrivalRow>(
      `SELECT seq, status, articles, input->'article'->>'story' AS label FROM parallax_arrivals WHERE seq > $1 AND seq <= $2 AND status = 'done' ORDER BY seq`,
      [s.cursor, upTo],
    );
    const ids: string[] = [];
    const labels = new Map<string, string>();
    for (const r of rows)
      for (const id of r.articles ?? [])
        if (!s.stored.has(id) && !ids.includes(id)) {
          ids.push(id);
          if (r.label?.startsWith(MANIFEST_STORY)) labels.set(id, r.label);
        }
    const stories = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const part = ids.slice(i, i + 1000);
      const res = await queue.pool.query<{ id: string; story_id: string | null }>('SELECT id, story_id FROM articles WHERE id = ANY($1)', [part]);
      for (const r of res.rows) if (r.story_id) stories.set(r.id, r.story_id);
    }
    const articles = await read(ids, stats);
    const t0 = performance.now();
    for (const a of articles) s.clusterer.add(a);
    for (const a of articles) {
      const story = stories.get(a.id);
      if (!story) continue;
      s.stored.set(a.id, story);
      const cs = s.clusterer.storyOf(a.id);
      if (cs && !s.map.has(cs)) s.map.set(cs, story);
      const label = labels.get(a.id);
      if (label && !s.groups.has(label)) s.groups.set(label, story);
    }
    stats.clusterMs += performance.now() - t0;
    stats.replayed += articles.length;
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
      const { rows } = await client.query<ArrivalRow>(
        `SELECT seq, status, articles, input->'article'->>'story' AS label FROM parallax_arrivals WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [cur, deps.maxPerRound ?? 500],
      );
      const taken: ArrivalRow[] = [];
      for (const r of rows) {
        if (r.status === 'queued') break;
        taken.push(r);
      }
      if (taken.length === 0) {
        await client.query('COMMIT');
        return stats;
      }
      const ids: string[] = [];
      const labels = new Map<string, string>();
      for (const r of taken)
        for (const id of r.status === 'done' ? r.articles ?? [] : [])
          if (!s.stored.has(id) && !ids.includes(id)) {
            ids.push(id);
            if (r.label?.startsWith(MANIFEST_STORY)) labels.set(id, r.label);
          }
      const articles = await read(ids, stats);
      const t0 = performance.now();
      // The whole round joins the clusterer first; each article then goes to its story in the settled view.
      const arrived = articles.map((a) => s.clusterer.add(a).story);
      const touched = new Set<string>();
      const writes: { id: string; story: string; title: string | undefined }[] = [];
      articles.forEach((a, k) => {
        const cs = s.clusterer.storyOf(a.id) ?? arrived[k]!;
        const label = labels.get(a.id);
        let story = label ? s.groups.get(label) : undefined;
        if (!story) {
          story = s.map.get(cs);
          if (!story) {
            story = `story-${contentHash(a).slice(0, 16)}`;
            s.map.set(cs, story);
          }
          if (label) s.groups.set(label, story);
        }
        s.stored.set(a.id, story);
        touched.add(story);
        writes.push({ id: a.id, story, title: a.title ?? undefined });
      });
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
