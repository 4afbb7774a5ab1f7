import { ParallaxError } from '../../model/errors.js';
import { existsSync, readSync, openSync, closeSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { collectInputs, isUrl, walk } from '../../ingest/collect.js';
import { readManifest } from '../../ingest/read-inputs.js';
import { ingest, type IngestSummary } from '../../ingest/ingest.js';
import type { AnalysisPool } from '../../ingest/analysis-pool.js';
import { createProgress } from '../../ingest/progress.js';
import { createUrlReader } from '../../ingest/url-reader.js';
import { EXIT, type CliIO, type Command } from '../command.js';
import { dbOption, dbTarget, openStoreFor } from './db-option.js';
import { isPostgresUrl } from '../../store/open-store.js';
import type { EnqueueSummary, RunProgress } from '../../app/ingest-service.js';
import { printable } from '../../model/printable.js';

function positiveInt(v: unknown, name: string, fallback: number, min = 1): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new ParallaxError('E_USAGE', `--${name} must be a whole number >= ${min}, not "${String(v)}"`);
  return n;
}

export function formatSummary(s: IngestSummary, workers: number): string {
  const lines = [
    `read ${s.read}: new ${s.new} (revisions ${s.revisions}), duplicates ${s.duplicates}, failed ${s.failed}`,
    `stories: ${s.stories.new} new, ${s.stories.touched} with new articles${s.stories.moved ? `, ${s.stories.moved} articles moved by merges` : ''} (clusterer: ${s.clusterer})`,
    `time ${s.seconds} s (${s.articlesPerSecond} articles/s): analysis ${s.analysed ? `${s.timings.analysis} ms over ${workers} worker thread${workers === 1 ? '' : 's'}` : 'skipped'}, clustering ${s.timings.clustering} ms, storage ${s.timings.storage} ms`,
  ];
  const cpu = s.cpuMs;
  if (cpu.mainThread !== null) {
    lines.push(`CPU time: analysis ${s.analysed ? `${cpu.analysis ?? '?'} ms` : 'skipped'}, clustering ${cpu.clustering ?? '?'} ms, storage ${cpu.storage ?? '?'} ms; main thread ${cpu.mainThread} ms in all`);
  }
  if (s.failures.length) {
    lines.push('failures:');
    for (const f of s.failures) lines.push(`  ${printable(f.message)}`);
    if (s.failed > s.failures.length) lines.push(`  ... and ${s.failed - s.failures.length} more`);
  }
  return lines.join('\n') + '\n';
}

export const ingestOptions = {
  ...dbOption,
  json: { type: 'boolean', description: 'print the summary as JSON' },
  workers: { type: 'string', valueName: 'N', description: 'analysis worker threads (default: cores - 1, or 2 on two cores; 0 = in this thread)' },
  'skip-analysis': { type: 'boolean', description: 'store articles as read, without analysis (faster; search still works)' },
  'skip-clustering': { type: 'boolean', description: 'do not assign articles to stories' },
  batch: { type: 'string', valueName: 'N', description: 'articles per transaction (default 64)' },
  outlet: { type: 'string', valueName: 'NAME', description: 'outlet of articles that do not name one' },
  'allow-private': { type: 'boolean', description: 'allow URLs on private or loopback addresses' },
  'max-bytes': { type: 'string', valueName: 'N', description: 'largest file or page to read' },
  wait: { type: 'boolean', description: 'with a postgres:// database: follow the queued work until it is stored and assigned' },
  'in-process': { type: 'boolean', description: 'with a postgres:// database: do the work in this process instead of queueing it for `parallax worker`' },
  'analysis-budget': { type: 'string', valueName: 'SECONDS', description: 'time one article may take to analyse before it fails (default 120)' },
} as const satisfies Command['options'];

/** Whether the work goes to the job queue (a PostgreSQL database, unless --in-process). */
export function queued(values: Record<string, unknown>, io: CliIO): boolean {
  return isPostgresUrl(dbTarget(values, io)) && !values['in-process'];
}

export interface QueuedSummary extends EnqueueSummary {
  /** With --wait: where the run stands at the end. */
  progress: RunProgress | null;
}

/** `ingest` on PostgreSQL: the inputs are read here and queued; workers analyse, store and assign them. */
export async function runQueuedIngest(targets: string[], values: Record<string, unknown>, io: CliIO, command: string): Promise<QueuedSummary> {
  const url = dbTarget(values, io);
  const store = await openStoreFor(values, io, command);
  const { openJobQueue } = await import('../../app/job-queue.js');
  const { enqueueInputs, follow } = await import('../../app/ingest-service.js');
  const queue = await openJobQueue(url);
  try {
    const run = await store.startIngestRun(`${command} ${targets.join(' ')}`.slice(0, 2000));
    const maxBytes = values['max-bytes'] !== undefined ? positiveInt(values['max-bytes'], 'max-bytes', 0) : undefined;
    const outlet = typeof values.outlet === 'string' ? values.outlet : null;
    const allowPrivate = Boolean(values['allow-private']);
    // Local files are read here (the workers may be on other machines); URLs are fetched by the workers.
    async function* inputs() {
      for (const target of targets) {
        if (isUrl(target)) yield { url: target, outlet, allowPrivate };
        else yield* collectInputs([target], { cwd: io.cwd, ...(outlet ? { hints: { outlet } } : {}), ...(maxBytes ? { maxBytes } : {}) });
      }
    }
    const summary = await enqueueInputs(queue, inputs(), { run });
    let progress: RunProgress | null = null;
    if (values.wait) {
      const bar = createProgress(io.stderr, summary.queued);
      progress = await follow(queue, run, (p) => bar.update({ read: p.total, new: p.new, revisions: 0, duplicates: p.duplicates, failed: p.failed }));
      bar.done();
    }
    await store.finishIngestRun(run, progress ? 'done' : 'queued', { read: summary.read, queued: summary.queued, failed: summary.failed, ...(progress ? { new: progress.new, duplicates: progress.duplicates } : {}) });
    return { ...summary, progress };
  } finally {
    await queue.close();
    await store.close();
  }
}

export function formatQueued(s: QueuedSummary): string {
  const lines = [`read ${s.read}: queued ${s.queued}, failed ${s.failed} (run ${s.run})`];
  if (s.progress) {
    const p = s.progress;
    lines.push(`stored: new ${p.new}, duplicates ${p.duplicates}, failed ${p.failed}; ${p.assigned} of ${p.total} assigned to stories`);
  } else if (s.queued) lines.push('workers take it from here (parallax worker --db URL); --wait follows the progress');
  for (const f of s.failures) lines.push(`  ${printable(f.message)}`);
  return lines.join('\n') + '\n';
}

export interface IngestSetup {
  pool: AnalysisPool | null;
  workers: number;
}

// The analysis pipeline and the clusterer load only when used: a plain `ingest --skip-analysis` starts fast.
export async function analysisPoolFor(values: Record<string, unknown>): Promise<IngestSetup> {
  if (values['skip-analysis']) return { pool: null, workers: 0 };
  const { createInlinePool, createWorkerPool, defaultAnalysisWorkers, DEFAULT_ANALYSIS_BUDGET_MS } = await import('../../ingest/analysis-pool.js');
  const workers = positiveInt(values.workers, 'workers', defaultAnalysisWorkers(), 0);
  if (workers === 0) {
    const analyzer = (await import('../../analyze.js')).createAnalyzer();
    return { pool: createInlinePool((a) => analyzer.analyze(a)), workers: 0 };
  }
  const budget = positiveInt(values['analysis-budget'], 'analysis-budget', DEFAULT_ANALYSIS_BUDGET_MS / 1000);
  return { pool: createWorkerPool(workers, { budgetMs: budget * 1000 }), workers };
}

export async function runIngest(targets: string[], values: Record<string, unknown>, io: CliIO, command: string): Promise<{ summary: IngestSummary; workers: number }> {
  const store = await openStoreFor(values, io, command);
  const { pool, workers } = await analysisPoolFor(values);
  try {
    const factory = values['skip-clustering'] ? null : await (await import('../../ingest/optional-modules.js')).loadClustererFactory();
    for (const r of await store.closeInterruptedRuns()) {
      io.stderr.write(`parallax ${command}: an earlier run (started ${r.startedAt}: ${printable(r.command.slice(0, 120))}) was interrupted; its committed batches are kept and running again skips them\n`);
    }
    const run = await store.startIngestRun(`${command} ${targets.join(' ')}`.slice(0, 2000));
    const progress = createProgress(io.stderr, io.stderr.isTTY ? estimateTotal(targets, io.cwd) : null);
    const maxBytes = values['max-bytes'] !== undefined ? positiveInt(values['max-bytes'], 'max-bytes', 0) : undefined;
    const hints = typeof values.outlet === 'string' ? { outlet: values.outlet } : undefined;
    const items = collectInputs(targets, {
      cwd: io.cwd,
      ...(hints ? { hints } : {}),
      ...(maxBytes ? { maxBytes } : {}),
      readUrl: createUrlReader({ allowPrivate: Boolean(values['allow-private']), ...(maxBytes ? { maxBytes } : {}), outlet: hints?.outlet ?? null }),
    });
    let summary: IngestSummary;
    try {
      summary = await ingest(
        items,
        { store, pool, clusterer: factory ? factory.create() : null, ...(factory ? { clustererName: factory.name } : {}), onProgress: (c) => progress.update(c) },
        { batchSize: positiveInt(values.batch, 'batch', 64), ingestRun: run },
      );
    } catch (e) {
      // The run ends here: recorded as failed, not left running.
      await store.finishIngestRun(run, 'failed', { error: (e as Error).message?.slice(0, 500) ?? String(e) }).catch(() => {});
      throw e;
    }
    progress.done();
    await store.finishIngestRun(run, summary.failed && !summary.new ? 'failed' : 'done', { read: summary.read, new: summary.new, duplicates: summary.duplicates, failed: summary.failed });
    return { summary, workers };
  } finally {
    await pool?.close();
    await store.close();
  }
}

export function exitFor(s: IngestSummary): number {
  if (s.failed === 0) return EXIT.ok;
  return s.new + s.duplicates === 0 ? EXIT.inputError : EXIT.partial;
}

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Read articles (files, directories, JSON Lines, RSS/Atom, URLs) into the database, analysed and grouped into stories.',
  usage: 'ingest PATH|URL... [--db PATH|URL] [--json] [--workers N] [--skip-analysis]',
  positionals: true,
  options: ingestOptions,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new ParallaxError('E_USAGE', 'give files, directories, feeds or URLs to ingest');
    if (queued(values, io)) {
      const s = await runQueuedIngest(positionals, values, io, 'ingest');
      io.stdout.write(values.json ? JSON.stringify(s, null, 2) + '\n' : formatQueued(s));
      const failed = s.failed + (s.progress?.failed ?? 0);
      return failed === 0 ? EXIT.ok : s.queued - (s.progress?.failed ?? 0) > 0 ? EXIT.partial : EXIT.inputError;
    }
    const { summary, workers } = await runIngest(positionals, values, io, 'ingest');
    io.stdout.write(values.json ? JSON.stringify({ ...summary, workers }, null, 2) + '\n' : formatSummary(summary, workers));
    return exitFor(summary);
  },
};

/** Lines of a file (articles of a JSON Lines file), counted in chunks without decoding. */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let lines = 0;
  let last = 10;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
      last = buf[n - 1]!;
    }
  } finally {
    closeSync(fd);
  }
  return lines + (last === 10 ? 0 : 1);
}

/** How many articles the local inputs hold, for the progress bar; null when a URL or a feed makes it unknown. */
export function estimateTotal(targets: string[], cwd: string): number | null {
  let total = 0;
  try {
    for (const target of targets) {
      if (isUrl(target)) return null;
      const path = resolve(cwd, target);
      const isDir = statSync(path).isDirectory();
      if (isDir && existsSync(join(path, 'sources.json'))) {
        total += readManifest(join(path, 'sources.json')).length;
        continue;
      }
      for (const file of isDir ? walk(path) : [path]) {
        const ext = extname(file).toLowerCase();
        if (ext === '.jsonl' || ext === '.ndjson') total += countLines(file);
        else if (['.xml', '.rss', '.atom', '.rdf'].includes(ext)) return null;
        else total++;
      }
    }
  } catch {
    return null;
  }
  return total;
}
