// The job engine for many workers on one PostgreSQL: pg-boss (retries with backoff, dead letters, leases
// that expire when a worker dies, singleton queues). Beside its tables, three small ones of ours:
// arrivals (the order articles came in, which the story assigner follows), the assigner's cursor, and
// the workers seen lately (for /api/status).
import PgBoss from 'pg-boss';
import pg from 'pg';

/** Job kinds, one queue each. */
export const QUEUES = {
  /** Read one input (an article, or a URL to fetch), analyse and store it: payload {seq}. */
  analyse: 'parallax-analyse',
  /** Nudges the story assigner (one process at a time, under an advisory lock) to take what is analysed. */
  assign: 'parallax-assign',
  /** Recompute one story's comparison; at most one waiting per story. */
  compare: 'parallax-compare',
  /** Jobs that failed every retry. */
  dead: 'parallax-dead',
} as const;

export interface QueueOptions {
  /** Seconds a job may stay active before it counts as abandoned (its worker died) and is retried. */
  leaseSeconds?: number;
  /** How often a worker looks for jobs (pg-boss polls; >= 0.5). */
  pollSeconds?: number;
  /** How often expired leases are looked for. */
  superviseSeconds?: number;
  /** Connections of this process to the database. */
  connections?: number;
}

export interface JobQueue {
  boss: PgBoss;
  /** Our own tables (arrivals, cursor, workers). */
  pool: pg.Pool;
  /** Jobs waiting or in hand, per kind. */
  depth(): Promise<Record<string, number>>;
  /** Workers that reported within the last 15 s. */
  workerCount(): Promise<number>;
  close(): Promise<void>;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS parallax_arrivals (
  seq bigserial PRIMARY KEY,
  run text,
  ord integer NOT NULL DEFAULT 0,
  input jsonb NOT NULL,
  status text NOT NULL DEFAULT 'queued',
  articles text[],
  new_count integer NOT NULL DEFAULT 0,
  error text,
  queued_at timestamptz NOT NULL DEFAULT now(),
  stored_at timestamptz
);
CREATE INDEX IF NOT EXISTS parallax_arrivals_run ON parallax_arrivals (run, status);
CREATE TABLE IF NOT EXISTS parallax_runs (run text PRIMARY KEY, total integer NOT NULL, closed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS parallax_assigner (id integer PRIMARY KEY, cursor bigint NOT NULL, rounds bigint NOT NULL DEFAULT 0);
INSERT INTO parallax_assigner (id, cursor) VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS parallax_story_map (cluster_story text PRIMARY KEY, story text NOT NULL);
CREATE TABLE IF NOT EXISTS parallax_workers (id text PRIMARY KEY, host text, pid integer, concurrency integer, started_at timestamptz NOT NULL DEFAULT now(), seen_at timestamptz NOT NULL DEFAULT now());
`;

/** Advisory lock key of the story assigner (any constant; one assigner at a time across machines). */
export const ASSIGNER_LOCK = 7_424_991;
/** Advisory lock (session) of the process that holds the assigner role. */
export const ASSIGNER_ROLE = 7_424_993;
/** Advisory lock key of enqueuers (arrival numbers commit in order). */
export const ENQUEUE_LOCK = 7_424_992;

export async function openJobQueue(url: string, options: QueueOptions = {}): Promise<JobQueue> {
  const lease = options.leaseSeconds ?? 120;
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  const boss = new PgBoss({
    connectionString: url,
    max: options.connections ?? 6,
    maintenanceIntervalSeconds: options.superviseSeconds ?? 30,
    schedule: false,
  });
  // Connection errors are retried by pg-boss; they must not crash the process as unhandled 'error' events.
  boss.on('error', () => {});
  // Processes starting at once (workers on a new database) set up the tables and queues one at a time.
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7424990)');
    await client.query(TABLES);
    await boss.start();
    const retry = { retryLimit: 12, retryDelay: 1, retryBackoff: true, expireInSeconds: lease, deadLetter: QUEUES.dead };
    const queues = await boss.getQueues();
    const have = new Set(queues.map((q) => q.name));
    if (!have.has(QUEUES.dead)) await boss.createQueue(QUEUES.dead, { name: QUEUES.dead });
    const kinds = [
      { name: QUEUES.analyse, policy: 'standard' as const },
      // The advisory lock makes the assigner one at a time; these jobs only nudge it.
      { name: QUEUES.assign, policy: 'standard' as const },
      // 'short': at most one comparison waiting per story (a send while one waits is dropped). Not
      // 'stately': that allows one job per state and key, so a comparison failing (its worker killed,
      // or its lease run out) while another of its story waits for its own retry cannot enter 'retry'
      // and pg-boss fails it for good on the first failure, into the dead letters (issue 24: the kill
      // test under load). Two comparisons of one story may run at once; each writes the whole result.
      { name: QUEUES.compare, policy: 'short' as const },
    ];
    const byName = new Map(queues.map((q) => [q.name, q]));
    for (const q of kinds) {
      if (!have.has(q.name)) await boss.createQueue(q.name, { ...q, ...retry });
      // The lease is the queue's: a worker given one sets it for the jobs queued from now on.
      else if (options.leaseSeconds !== undefined) await boss.updateQueue(q.name, { ...q, ...retry });
      // A database made by an earlier version gets the policy above (its other settings kept).
      else if (byName.get(q.name)?.policy !== q.policy) await boss.updateQueue(q.name, { name: q.name, policy: q.policy });
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock(7424990)').catch(() => {});
    client.release();
  }
  return {
    boss,
    pool,
    async depth() {
      const { rows } = await pool.query<{ name: string; n: string }>(
        `SELECT name, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name LIKE 'parallax-%' GROUP BY name`,
      );
      const out: Record<string, number> = { analyse: 0, assign: 0, compare: 0 };
      for (const r of rows) out[r.name.replace('parallax-', '')] = Number(r.n);
      return out;
    },
    async workerCount() {
      const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM parallax_workers WHERE seen_at > now() - interval '15 seconds'`);
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, timeout: 1000 }).catch(() => {});
      await pool.end();
    },
  };
}

/** Queue depth and workers for `parallax serve` (no job engine started; zeros until a worker has made the tables). */
export function openQueueStatus(url: string): { status(): Promise<{ depth: Record<string, number>; workers: number }>; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    async status() {
      const depth: Record<string, number> = { analyse: 0, assign: 0, compare: 0 };
      let workers = 0;
      try {
        const { rows } = await pool.query<{ name: string; n: string }>(
          `SELECT name, count(*) AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name LIKE 'parallax-%' GROUP BY name`,
        );
        for (const r of rows) depth[r.name.replace('parallax-', '')] = Number(r.n);
        const w = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM parallax_workers WHERE seen_at > now() - interval '15 seconds'`);
        workers = Number(w.rows[0]?.n ?? 0);
      } catch (e) {
        // 42P01 / 3F000: no queue tables yet (no worker or queued ingest has run on this database).
        if (!['42P01', '3F000'].includes((e as { code?: string }).code ?? '')) throw e;
      }
      return { depth, workers };
    },
    close: () => pool.end(),
  };
}
