// Ingestion through the job queue (a PostgreSQL database): the inputs are recorded in arrival order and
// one analysis job is queued for each, in the same transaction, so that an input is never recorded
// without its job nor queued twice. Workers (src/app/worker.ts) do the rest; `follow` reports progress.
import type { Article } from '../model/document.js';
import type { IngestItem } from '../ingest/ingest.js';
import type { JobQueue } from './job-queue.js';
import { ENQUEUE_LOCK, QUEUES } from './job-queue.js';
import { ASSIGN_BLOCK } from './assigner.js';

/** What a worker is given: an article as read, or a URL (page or feed) to fetch and read. */
export type ArrivalInput = { article: Article } | UrlInput;
export interface UrlInput {
  url: string;
  outlet?: string | null;
  allowPrivate?: boolean;
}

export interface EnqueueSummary {
  run: string;
  read: number;
  queued: number;
  failed: number;
  failures: { subject: string; message: string }[];
  /** Arrival numbers of this run (first..last). */
  first: number | null;
  last: number | null;
}

export interface RunProgress {
  queued: number;
  stored: number;
  new: number;
  duplicates: number;
  failed: number;
  assigned: number;
  total: number;
}

/** Records inputs and queues their analysis, `batch` per transaction. */
export async function enqueueInputs(queue: JobQueue, inputs: AsyncIterable<IngestItem | UrlInput> | Iterable<IngestItem | UrlInput>, options: { run: string; maxFailures?: number }): Promise<EnqueueSummary> {
  // A multiple of the assigner's block, so that no block straddles two transactions.
  const batchSize = ASSIGN_BLOCK * 3;
  let ord = 0;
  const out: EnqueueSummary = { run: options.run, read: 0, queued: 0, failed: 0, failures: [], first: null, last: null };
  let batch: ArrivalInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const client = await queue.pool.connect();
    try {
      await client.query('BEGIN');
      // Enqueuers take turns, so that arrival numbers commit in order: the assigner never sees a later
      // arrival before an earlier one.
      await client.query('SELECT pg_advisory_xact_lock($1)', [ENQUEUE_LOCK]);
      const { rows } = await client.query<{ seq: string }>(
        `INSERT INTO parallax_arrivals (run, ord, input) SELECT $1, $3 + n - 1, x FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n RETURNING seq`,
        [options.run, JSON.stringify(batch), ord],
      );
      const seqs = rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
      await queue.boss.insert(
        // Earlier arrivals first (pg-boss takes the highest priority, then the oldest): the assigner waits for them.
        seqs.map((seq) => ({ name: QUEUES.analyse, data: { seq }, priority: -(seq % 2_000_000_000) })),
        { db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) } },
      );
      await client.query('COMMIT');
      out.first ??= seqs[0]!;
      out.last = seqs[seqs.length - 1]!;
      out.queued += seqs.length;
      ord += seqs.length;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    batch = [];
  };
  for await (const item of inputs as AsyncIterable<IngestItem | UrlInput>) {
    out.read++;
    if ('failure' in item) {
      out.failed++;
      if (out.failures.length < (options.maxFailures ?? 200)) out.failures.push(item.failure);
      continue;
    }
    batch.push(item as ArrivalInput);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // The run is closed: its last block, however short, can be assigned.
  await queue.pool.query('INSERT INTO parallax_runs (run, total) VALUES ($1, $2) ON CONFLICT (run) DO UPDATE SET total = $2', [options.run, ord]);
  // Nudge the assigner (it is also nudged after each analysis).
  await queue.boss.send(QUEUES.assign, {});
  return out;
}

/** Where the arrivals of one run stand. */
export async function runProgress(queue: JobQueue, run: string): Promise<RunProgress> {
  const { rows } = await queue.pool.query<{ status: string; n: string; new: string; articles: string; assigned: string }>(
    `SELECT a.status, count(*) AS n, coalesce(sum(a.new_count), 0) AS new, coalesce(sum(cardinality(a.articles)), 0) AS articles,
            count(*) FILTER (WHERE a.seq <= (SELECT cursor FROM parallax_assigner WHERE id = 1)) AS assigned
     FROM parallax_arrivals a WHERE a.run = $1 GROUP BY a.status`,
    [run],
  );
  const p: RunProgress = { queued: 0, stored: 0, new: 0, duplicates: 0, failed: 0, assigned: 0, total: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    p.total += n;
    p.assigned += Number(r.assigned);
    if (r.status === 'queued') p.queued += n;
    else if (r.status === 'failed') p.failed += n;
    else {
      p.stored += n;
      p.new += Number(r.new);
      p.duplicates += Number(r.articles) - Number(r.new);
    }
  }
  return p;
}

/** Polls until every arrival of the run is analysed and assigned (or `signal` aborts); calls onProgress on the way. */
export async function follow(queue: JobQueue, run: string, onProgress: (p: RunProgress) => void, options: { intervalMs?: number; signal?: AbortSignal } = {}): Promise<RunProgress> {
  for (;;) {
    const p = await runProgress(queue, run);
    onProgress(p);
    if ((p.queued === 0 && p.assigned === p.total) || options.signal?.aborted) return p;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
  }
}
