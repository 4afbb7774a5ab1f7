import { ParallaxError } from '../../model/errors.js';
import { createFetcher } from '../../ingest/fetcher.js';
import { ingest } from '../../ingest/ingest.js';
import { createWatcher, type PollResult } from '../../feeds/watch.js';
import { EXIT, type Command } from '../command.js';
import { analysisPoolFor, ingestOptions, queued } from './ingest.js';
import { dbTarget } from './db-option.js';
import type { IngestItem, IngestSummary } from '../../ingest/ingest.js';
import type { DatabaseStore } from '../../store/types.js';
import type { JobQueue } from '../../app/job-queue.js';
import { contentHash } from '../../store/content-hash.js';

/** Queues the items of a feed that are not stored yet; the summary counts them as new (workers store them). */
async function enqueueNew(queue: JobQueue, store: DatabaseStore, items: AsyncIterable<IngestItem>): Promise<IngestSummary> {
  const { enqueueInputs } = await import('../../app/ingest-service.js');
  const t0 = performance.now();
  let duplicates = 0;
  async function* fresh() {
    for await (const item of items) {
      if ('article' in item && (await store.knownHashes([contentHash(item.article)])).size > 0) duplicates++;
      else yield item;
    }
  }
  const s = await enqueueInputs(queue, fresh(), { run: `watch-${new Date().toISOString()}` });
  const seconds = (performance.now() - t0) / 1000;
  return {
    read: s.read + duplicates, new: s.queued, revisions: 0, duplicates, failed: s.failed, failures: s.failures,
    stories: { new: 0, touched: 0, moved: 0 }, seconds, articlesPerSecond: s.read / Math.max(seconds, 1e-6),
    timings: { reading: 0, analysis: 0, clustering: 0, storage: 0, dedupe: 0 }, cpuMs: { analysis: 0, clustering: 0, storage: 0, dedupe: 0, mainThread: 0 }, clusterer: 'queued', analysed: false,
  };
}
import { openStoreFor } from './db-option.js';
import { printable } from '../../model/printable.js';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'Poll RSS/Atom feeds on an interval (conditional requests, backoff on errors) and ingest new items.',
  usage: 'watch FEED_URL... [--interval SECONDS] [--once] [--rounds N] [--db PATH|URL]',
  positionals: true,
  options: {
    ...ingestOptions,
    interval: { type: 'string', valueName: 'SECONDS', description: 'time between polls of a feed (default 900)' },
    once: { type: 'boolean', description: 'poll each feed once and stop' },
    rounds: { type: 'string', valueName: 'N', description: 'stop after N rounds of polling' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new ParallaxError('E_USAGE', 'give one or more feed URLs to watch');
    for (const p of positionals) if (!/^https?:\/\//i.test(p)) throw new ParallaxError('E_USAGE', 'a feed to watch is an http(s) URL', p);
    const interval = values.interval === undefined ? 900 : Number(values.interval);
    if (!Number.isFinite(interval) || interval < 1) throw new ParallaxError('E_USAGE', '--interval is a number of seconds >= 1');
    const rounds = values.once ? 1 : values.rounds === undefined ? undefined : Number(values.rounds);
    if (rounds !== undefined && (!Number.isInteger(rounds) || rounds < 1)) throw new ParallaxError('E_USAGE', '--rounds is a whole number >= 1');
    const store = await openStoreFor(values, io, 'watch');
    // On PostgreSQL the new items are queued for `parallax worker` processes (unless --in-process).
    const jobQueue = queued(values, io) ? await (await import('../../app/job-queue.js')).openJobQueue(dbTarget(values, io)) : null;
    const { pool } = jobQueue ? { pool: null } : await analysisPoolFor(values);
    const factory = values['skip-clustering'] ? null : await (await import('../../ingest/optional-modules.js')).loadClustererFactory();
    const clusterer = factory ? factory.create() : null;
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let results: PollResult[] = [];
    try {
      const fetcher = await createFetcher({ allowPrivate: Boolean(values['allow-private']) });
      const watcher = createWatcher({
        store,
        fetcher,
        ingestItems: (items) =>
          jobQueue ? enqueueNew(jobQueue, store, items) : ingest(items, { store, pool, clusterer, ...(factory ? { clustererName: factory.name } : {}) }, { warmUp: 0 }),
        log: (line) => io.stderr.write(`parallax watch: ${printable(line)}\n`),
      });
      results = await watcher.run(positionals, interval * 1000, {
        ...(rounds !== undefined ? { rounds } : {}),
        signal: controller.signal,
        outlet: typeof values.outlet === 'string' ? values.outlet : null,
      });
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await pool?.close();
      await jobQueue?.close();
      await store.close();
    }
    const total = results.reduce((s, r) => s + r.new, 0);
    const errors = results.filter((r) => r.status === 'error');
    if (values.json) io.stdout.write(JSON.stringify({ polls: results, new: total }, null, 2) + '\n');
    else io.stdout.write(results.map((r) => `${r.url}: ${r.status}${r.new ? ` (${r.new} new)` : ''}${r.message ? ` - ${r.message}` : ''}`).join('\n') + `\n${total} new articles\n`);
    return errors.length === 0 ? EXIT.ok : errors.length === results.length ? EXIT.inputError : EXIT.partial;
  },
};
