import { ParallaxError } from '../../model/errors.js';
import { isPostgresUrl } from '../../store/open-store.js';
import { EXIT, type Command } from '../command.js';

function number(v: unknown, name: string, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min) throw new ParallaxError('E_USAGE', `--${name} must be a number >= ${min}, not "${String(v)}"`);
  return n;
}

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Take jobs from the queue of a PostgreSQL database (analyse, assign stories, compare) until stopped; run one per core, on any number of machines.',
  usage: 'worker --db postgres://... [--concurrency N] [--lease SECONDS] [--json]',
  options: {
    db: { type: 'string', valueName: 'URL', description: 'the postgres:// database that `ingest` and `watch` queue work in' },
    concurrency: { type: 'string', valueName: 'N', description: 'articles analysed at once (worker threads when > 1; default 1)' },
    lease: { type: 'string', valueName: 'SECONDS', description: 'a job in hand longer than this counts as abandoned and is retried (default 120)' },
    batch: { type: 'string', valueName: 'N', description: 'analysis jobs taken per poll (default 48 x concurrency; all must finish within the lease)' },
    poll: { type: 'string', valueName: 'SECONDS', description: 'how often to look for jobs when idle (default 0.5)' },
    json: { type: 'boolean', description: 'print what this worker did as JSON when it stops' },
  },
  async run({ values }, io) {
    const url = typeof values.db === 'string' ? values.db : '';
    if (!isPostgresUrl(url)) throw new ParallaxError('E_USAGE', 'a worker needs --db postgres://... (with SQLite, `ingest` does the work itself)');
    const concurrency = number(values.concurrency, 'concurrency', 1, 1);
    if (!Number.isInteger(concurrency)) throw new ParallaxError('E_USAGE', '--concurrency is a whole number');
    const lease = number(values.lease, 'lease', 120, 1);
    const pollSeconds = number(values.poll, 'poll', 0.5, 0.5);
    const batch = values.batch === undefined ? undefined : number(values.batch, 'batch', 1, 1);
    const { startWorker } = await import('../../app/worker.js');
    const log = (line: string) => io.stderr.write(`parallax worker: ${line}\n`);
    // Signals are taken from the start: a SIGTERM while the worker loads stops it as soon as it is up.
    let stopRequested: () => void = () => {};
    const stopped = new Promise<void>((res) => (stopRequested = res));
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      stopRequested();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const worker = await startWorker({ url, concurrency, ...(batch ? { batch } : {}), leaseSeconds: lease, pollSeconds, superviseSeconds: Math.max(1, Math.min(30, Math.round(lease / 4))), log });
    await stopped;
    log('stopping: finishing the jobs in hand');
    await worker.stop();
    const s = worker.stats;
    if (values.json) io.stdout.write(JSON.stringify({ worker: worker.id, ...s }) + '\n');
    else log(`stopped: analysed ${s.analyse.articles} in ${s.analyse.jobs} jobs, assigned ${s.assign.articles}, compared ${s.compare.jobs} stories`);
    return EXIT.ok;
  },
};
