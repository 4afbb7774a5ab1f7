// Incremental, idempotent ingestion: articles are deduplicated by content hash before any work,
// analysed in worker threads, assigned to stories in input order, and stored in transactions of a
// batch each. A batch is acknowledged (counted, shown) only after it is committed, so a crash loses
// nothing acknowledged, and running again resumes: what was stored is recognised and skipped.
import type { Article, Layers } from '../model/document.js';
import type { StoryClusterer } from '../cluster/types.js';
import type { DatabaseStore, PutResult } from '../store/types.js';
import { contentHash } from '../store/content-hash.js';
import { isParallaxError } from '../model/errors.js';
import type { AnalysisPool } from './analysis-pool.js';
import type { ArticleRows } from '../store/rows.js';
import { SIGNATURE_READS } from '../cluster/signature.js';
import { createSpanClock, threadCpuMs } from './thread-cpu.js';

/** Story label of the files listed in one sources.json (set by collect.ts): one event, one story, as `compare` reads them. */
export const MANIFEST_STORY = 'sources.json:';

export type IngestItem = { article: Article } | { failure: { subject: string; message: string } };

export interface IngestCounts {
  read: number;
  new: number;
  revisions: number;
  duplicates: number;
  failed: number;
}

export interface IngestSummary extends IngestCounts {
  failures: { subject: string; message: string }[];
  stories: { new: number; touched: number; moved: number };
  seconds: number;
  articlesPerSecond: number;
  /** Where the time went (ms of wall time). analysis is summed over worker threads; the rest is on the main thread. */
  timings: { reading: number; analysis: number; clustering: number; storage: number; dedupe: number };
  /**
   * CPU time (ms): analysis summed over worker threads; the phases and the whole of this (the main)
   * thread, which also receives the analysed articles. null where the system does not report a thread's CPU time.
   */
  cpuMs: { analysis: number | null; clustering: number | null; storage: number | null; dedupe: number | null; mainThread: number | null };
  clusterer: string;
  analysed: boolean;
}

export interface IngestDeps {
  store: DatabaseStore;
  /** null: store articles as read (no analysis). */
  pool: AnalysisPool | null;
  /** null: no story assignment. */
  clusterer: StoryClusterer | null;
  clustererName?: string;
  onProgress?: (counts: IngestCounts) => void;
}

export interface IngestOptions {
  /** Articles per transaction. */
  batchSize?: number;
  ingestRun?: string | null;
  /** Stored articles replayed into the clusterer first, so new articles can join stories of earlier runs. */
  warmUp?: number;
  /** Keep at most this many failure reasons in the summary. */
  maxFailures?: number;
}

/**
 * The layers the story clusterer reads (its event signature's and its features', the same three): they
 * come back from the analysis threads as objects; the others only as the JSON the store keeps (and are
 * parsed from it should anything read them).
 */
const CLUSTER_LAYERS = SIGNATURE_READS.filter((k): k is (typeof SIGNATURE_READS)[number] & keyof Layers => k !== 'dateline');

/** Batches being analysed while an earlier one is stored (see flush). */
const BATCHES_AHEAD = 3;

/**
 * Lets the event loop run when this thread has held it for `sliceMs`: the analysis threads get their next
 * articles through it (a batch clustered in one go held them idle for its whole length).
 */
function eventLoopSlicer(sliceMs: number): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

/** An article ready to be stored: with its rows when analysed (articleRows). */
type Ready = { article: Article; rows?: ArticleRows };

/** Maps the clusterer's story ids (its own, per process) to story ids in the database. */
function storyMapper() {
  const map = new Map<string, string>();
  return {
    map,
    /** firstHash: contentHash of the story's first article. */
    dbStory(clusterStory: string, firstHash: string): { id: string; isNew: boolean } {
      const known = map.get(clusterStory);
      if (known) return { id: known, isNew: false };
      const id = `story-${firstHash.slice(0, 16)}`;
      map.set(clusterStory, id);
      return { id, isNew: true };
    },
  };
}

async function warmUp(store: DatabaseStore, clusterer: StoryClusterer, mapper: ReturnType<typeof storyMapper>, count: number): Promise<void> {
  if (count <= 0) return;
  const total = await store.countArticles();
  if (total === 0) return;
  const recent = await store.listArticles({ limit: count, offset: Math.max(0, total - count) });
  for (const s of recent) {
    if (!s.story) continue;
    const a = await store.getArticle(s.id);
    if (!a) continue;
    const asg = clusterer.add(a);
    if (!mapper.map.has(asg.story)) mapper.map.set(asg.story, s.story);
  }
}

export async function ingest(items: AsyncIterable<IngestItem> | Iterable<IngestItem>, deps: IngestDeps, options: IngestOptions = {}): Promise<IngestSummary> {
  const { store, pool, clusterer } = deps;
  const batchSize = options.batchSize ?? 64;
  const maxFailures = options.maxFailures ?? 200;
  const t0 = performance.now();
  const counts: IngestCounts = { read: 0, new: 0, revisions: 0, duplicates: 0, failed: 0 };
  const failures: { subject: string; message: string }[] = [];
  const timings = { reading: 0, analysis: 0 };
  const clock = { clustering: createSpanClock(), storage: createSpanClock(), dedupe: createSpanClock() };
  const mainCpu0 = threadCpuMs();
  const stories = { new: 0, touched: new Set<string>(), moved: 0 };
  const mapper = storyMapper();
  const assigned: { article: string; story: string }[] = [];
  const seen = new Set<string>();
  const manifestStories = new Map<string, { id: string; isNew: boolean }>();
  const maybeBreathe = eventLoopSlicer(5);

  const fail = (subject: string, message: string) => {
    counts.failed++;
    if (failures.length < maxFailures) failures.push({ subject, message });
  };

  if (clusterer) {
    const tw = clock.clustering.start();
    await warmUp(store, clusterer, mapper, options.warmUp ?? 2000);
    clock.clustering.stop(tw);
  }

  /** A batch deduplicated and being analysed: the analysed articles in order, with their content hashes. */
  type Prepared = { analysed: Promise<(Ready | null)[]>; hashes: string[] };
  /** Dedupe and start analysis for one batch. */
  const prepare = async (batch: Article[]): Promise<Prepared> => {
    const td = clock.dedupe.start();
    const hashes = batch.map((a) => contentHash(a));
    const known = await store.knownHashes(hashes);
    const fresh: Article[] = [];
    const freshHashes: string[] = [];
    batch.forEach((a, i) => {
      const h = hashes[i]!;
      if (known.has(h) || seen.has(h)) counts.duplicates++;
      else {
        seen.add(h);
        fresh.push(a);
        freshHashes.push(h);
      }
    });
    clock.dedupe.stop(td);
    if (!pool) return { analysed: Promise.resolve(fresh.map((article) => ({ article }))), hashes: freshHashes };
    const analysed = Promise.all(
      fresh.map((a) =>
        pool.analyzeForStore(a, CLUSTER_LAYERS).catch((e: Error) => {
          fail(a.source, isParallaxError(e) ? e.message : `${a.source}: analysis failed: ${e.message}`);
          return null;
        }),
      ),
    );
    return { analysed, hashes: freshHashes };
  };

  const commit = async (analysed: (Ready | null)[], analysedHashes: string[]) => {
    const ready = analysed.filter((a): a is Ready => a !== null);
    const hashes = analysedHashes.filter((_, i) => analysed[i] !== null);
    const tc = clock.clustering.start();
    // The whole batch joins the clusterer first, so that each article is stored under its story in the
    // clusterer's settled view (merges that wait for the neighbourhood) rather than where it arrived.
    const arrived: string[] = [];
    if (clusterer) {
      for (const { article } of ready) {
        arrived.push(clusterer.add(article).story);
        await maybeBreathe();
      }
    }
    const items = ready.map(({ article, rows }, k) => {
      if (!clusterer) return { article, rows, story: null, ingestRun: options.ingestRun ?? null, contentHash: hashes[k] };
      const group = article.story?.startsWith(MANIFEST_STORY) ? article.story : null;
      const s = (group && manifestStories.get(group)) || mapper.dbStory(clusterer.storyOf(article.id) ?? arrived[k]!, hashes[k]!);
      if (group && !manifestStories.has(group)) manifestStories.set(group, { id: s.id, isNew: false });
      return { article, rows, story: s.id, storyTitle: article.title ?? undefined, ingestRun: options.ingestRun ?? null, contentHash: hashes[k], isNewStory: s.isNew };
    });
    clock.clustering.stop(tc);
    const ts = clock.storage.start();
    let results: (PutResult | null)[];
    try {
      results = await store.putArticles(items);
    } catch (e) {
      if (items.length <= 1) throw e;
      // One article the database refuses must not take the rest of its batch with it: each alone.
      results = [];
      for (const item of items) {
        try {
          results.push((await store.putArticles([item]))[0]!);
        } catch (one) {
          fail(item.article.source, `${item.article.source}: could not be stored (${(one as Error).message.split('\n')[0]!.slice(0, 300)})`);
          results.push(null);
        }
      }
    }
    clock.storage.stop(ts);
    results.forEach((r, i) => {
      const item = items[i]!;
      if (!r) return;
      if (!r.isNew) {
        counts.duplicates++; // stored meanwhile by another process
        return;
      }
      counts.new++;
      if (r.revisionOf) counts.revisions++;
      if (item.story) {
        stories.touched.add(item.story);
        if ('isNewStory' in item && item.isNewStory) stories.new++;
        assigned.push({ article: r.id, story: item.story });
      }
    });
    deps.onProgress?.({ ...counts });
  };

  // Batches analysed ahead of the one being stored, in order: the analysis threads keep working while this
  // thread clusters and stores (with one batch ahead they waited for it whenever a batch took this thread
  // longer to store than them to analyse).
  const ahead: Prepared[] = [];
  let batch: Article[] = [];
  const flush = async () => {
    ahead.push(await prepare(batch));
    batch = [];
    while (ahead.length > BATCHES_AHEAD) {
      const next = ahead.shift()!;
      await commit(await next.analysed, next.hashes);
    }
  };
  let tr = performance.now();
  for await (const item of items as AsyncIterable<IngestItem>) {
    timings.reading += performance.now() - tr;
    counts.read++;
    if ('failure' in item) fail(item.failure.subject, item.failure.message);
    else batch.push(item.article);
    if (batch.length >= batchSize) await flush();
    tr = performance.now();
  }
  if (batch.length) await flush();
  for (const next of ahead.splice(0)) await commit(await next.analysed, next.hashes);

  // Stories can merge as evidence grows: move this run's articles to where the clusterer now puts them.
  if (clusterer) {
    const tc = clock.clustering.start();
    const moves: { article: string; story: string }[] = [];
    for (const { article, story } of assigned) {
      const now = clusterer.storyOf(article);
      const target = now ? mapper.map.get(now) : undefined;
      if (target && target !== story) moves.push({ article, story: target });
    }
    clock.clustering.stop(tc);
    // A few transactions of many moves (one transaction per move paid a commit and a sync to disk each).
    const ts = clock.storage.start();
    for (let i = 0; i < moves.length; i += 500) await store.setStories(moves.slice(i, i + 500));
    clock.storage.stop(ts);
    stories.moved = moves.length;
  }

  const seconds = (performance.now() - t0) / 1000;
  timings.analysis = pool ? pool.busyMs : 0;
  const round = (x: number) => Math.round(x);
  const roundOrNull = (x: number | null) => (x === null ? null : Math.round(x));
  const mainCpu1 = threadCpuMs();
  return {
    ...counts,
    failures,
    stories: { new: stories.new, touched: stories.touched.size, moved: stories.moved },
    seconds: Math.round(seconds * 100) / 100,
    articlesPerSecond: Math.round((counts.read / Math.max(seconds, 1e-6)) * 10) / 10,
    timings: { reading: round(timings.reading), analysis: round(timings.analysis), clustering: round(clock.clustering.wallMs), storage: round(clock.storage.wallMs), dedupe: round(clock.dedupe.wallMs) },
    cpuMs: {
      analysis: pool ? roundOrNull(pool.cpuMs) : 0,
      clustering: roundOrNull(clock.clustering.cpuMs),
      storage: roundOrNull(clock.storage.cpuMs),
      dedupe: roundOrNull(clock.dedupe.cpuMs),
      mainThread: mainCpu0 === null || mainCpu1 === null ? null : Math.round(mainCpu1 - mainCpu0),
    },
    clusterer: clusterer ? deps.clustererName ?? 'custom' : 'none',
    analysed: pool !== null,
  };
}
