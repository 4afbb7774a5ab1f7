// Workers on one PostgreSQL (started on loopback for this file), as they run: articles are queued with
// `parallax ingest --db postgres://...`, two `parallax worker` processes take the jobs, and one of them
// is SIGKILLed at random moments (at least 10 times) and started again. At the end every article is
// stored exactly once, no job is lost or dead, and the stories are those of the single-process path
// (ingest() into SQLite) on the same input. PARALLAX_WORKERS_ARTICLES sets the corpus size (default
// 2,000, as issue 24 asks; about 2.5 min on a quiet 2-core machine).
// Skipped with a message where PostgreSQL is not installed; in CI a missing server is a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../src/shared-paths.js';
import { pgUnavailable, startPgTestServer, type PgTestServer } from './support/pg-test-server.js';
import { openJobQueue, QUEUES } from '../src/app/job-queue.js';
import { checkRun, eventCorpus, queueState, randomSource, readArticles, singleProcessStories, spawnWorker, waitDrained, writeJsonl, type SpawnedWorker } from '../src/bench/workers-harness.js';

const unavailable = process.env.CI ? null : pgUnavailable();
const N = Number(process.env.PARALLAX_WORKERS_ARTICLES ?? 2000);
let server: PgTestServer | null = null;
const dir = mkdtempSync(join(tmpdir(), 'parallax-workers-'));

if (unavailable) {
  test(`worker tests skipped: ${unavailable}`, { skip: unavailable }, () => {});
} else {
  before(async () => {
    server = await startPgTestServer();
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // pg-boss fails a job for good when its retry collides with a unique index: under the 'stately'
  // policy, a comparison killed while another of its story waited for a retry went to the dead letters
  // at its first failure (the kill test under load, issue 24).
  test('a comparison that fails while another of its story waits for a retry is retried, not dead', async () => {
    const url = await server!.createDatabase();
    const queue = await openJobQueue(url, { leaseSeconds: 6 });
    try {
      const story = 'story-x';
      for (const n of [1, 2]) {
        assert.ok(await queue.boss.send(QUEUES.compare, { story }, { singletonKey: story }), `comparison ${n} queued`);
        const [job] = await queue.boss.fetch<{ story: string }>(QUEUES.compare);
        assert.ok(job, `comparison ${n} taken`);
        await queue.boss.fail(QUEUES.compare, job.id, new Error('worker killed'));
      }
      const { rows } = await queue.pool.query<{ name: string; state: string }>(`SELECT name, state FROM pgboss.job WHERE name LIKE 'parallax-%' ORDER BY name, state`);
      assert.deepEqual(rows, [
        { name: QUEUES.compare, state: 'retry' },
        { name: QUEUES.compare, state: 'retry' },
      ]);
      // While one waits, another request for the story is dropped (one comparison waiting per story).
      assert.ok(await queue.boss.send(QUEUES.compare, { story }, { singletonKey: story }));
      assert.equal(await queue.boss.send(QUEUES.compare, { story }, { singletonKey: story }), null);
    } finally {
      await queue.close();
    }
  });

  test(`${N} articles through the queue, a worker SIGKILLed at random moments >= 10 times: nothing lost, nothing twice, stories as one process finds them`, { timeout: 1_200_000 }, async (t) => {
    const url = await server!.createDatabase();
    const file = join(dir, 'in.jsonl');
    writeJsonl(file, eventCorpus(N));
    const articles = await readArticles(file);
    // Short leases so that the jobs of a killed worker come back within seconds (the lease is set by the
    // workers for the jobs queued after they start).
    const args = ['--lease', '6', '--batch', '6', '--json'];
    const workers: SpawnedWorker[] = [spawnWorker(url, args), spawnWorker(url, args)];
    await Promise.all(workers.map((w) => w.ready));
    const main = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');
    const enqueue = (path: string) => {
      const queued = spawnSync(process.execPath, [main, 'ingest', path, '--db', url, '--json'], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(queued.status, 0, queued.stderr);
      return JSON.parse(queued.stdout).queued as number;
    };
    // One run, as the single-process reference reads it (the assigner's blocks follow the run).
    const queuedCount = enqueue(file);
    const r = randomSource(5);
    let kills = 0;
    let killsWithWorkLeft = 0;
    const remaining: number[] = [];
    try {
      while (kills < 10) {
        // Only the worker to be killed must be up (taking jobs): the other may still be starting after
        // its own kill, so that kills come as often on a loaded machine, where a start takes seconds.
        const k = Math.floor(r() * workers.length);
        await workers[k]!.ready;
        await new Promise((res) => setTimeout(res, 100 + Math.floor(r() * 600)));
        const s = await queueState(url);
        const left = s.arrivals - s.assigned;
        remaining.push(left);
        if (left > 0) killsWithWorkLeft++;
        workers[k]!.child.kill('SIGKILL');
        assert.equal(await workers[k]!.exit, null, 'killed by the signal');
        kills++;
        workers[k] = spawnWorker(url, args);
      }
      assert.equal(queuedCount, articles.length);
      const end = await waitDrained(url, articles.length, 900_000);
      t.diagnostic(`${kills} kills (${killsWithWorkLeft} with work left; arrivals not yet assigned at each: ${remaining.join(' ')}); at the end: ${JSON.stringify(end)}`);
      assert.ok(killsWithWorkLeft >= 5, `at least half the kills landed while work was left (${killsWithWorkLeft})`);
      assert.equal(end.waiting, 0, 'every arrival analysed');
      assert.equal(end.assigned, end.arrivals, 'every arrival assigned');
      assert.equal(end.jobs, 0, 'no job left open');
      assert.equal(end.dead, 0, 'no job failed for good');
      assert.equal(end.failedArrivals, 0);
    } finally {
      // (A process is given its signal handlers once it is up; before that SIGTERM kills it outright.)
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.kill('SIGTERM');
    }
    const codes = await Promise.all(workers.map((w) => w.exit));
    assert.deepEqual(codes, [0, 0], 'SIGTERM stops a worker cleanly');
    for (const w of workers) assert.ok(JSON.parse(w.stdout()).analyse, 'a stopped worker reports what it did');

    const reference = await singleProcessStories(articles);
    const check = await checkRun(url, articles, reference.stories);
    t.diagnostic(JSON.stringify(check));
    assert.equal(check.lost, 0, 'every article stored');
    assert.equal(check.duplicated, 0, 'no article stored twice');
    assert.equal(check.stored, check.expected);
    assert.equal(check.unassigned, 0, 'every article has a story');
    assert.ok(check.storyGroups > 1);
    // The assigner follows the single-process path block by block: the same stories, group for group (compared
    // by content: a report that arrived twice is one article, stored under whichever arrival was analysed first).
    assert.equal(check.differingGroups, 0, `story groups not those of the single-process path: ${check.differingGroups} of ${check.storyGroups}`);
    assert.ok(check.sameStories);
    assert.deepEqual(check.integrity, []);
  });
}
