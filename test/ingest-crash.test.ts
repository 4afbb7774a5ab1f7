// Crash safety of `parallax ingest`: SIGKILL at random moments during a 5,000-article ingest, resume
// each time; the database must end with every article exactly once and pass its integrity check.
// Then two ingest processes at once on one database must lose nothing and duplicate nothing.
// Analysis and story assignment are turned off here (--skip-analysis --skip-clustering) so each run
// is quick and the kills land in the storage path, which is what this tests; batches are small so
// that many commits happen between kills.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { repoRoot } from '../src/shared-paths.js';
import { openStore } from '../src/store/open-store.js';
import { contentHash } from '../src/store/content-hash.js';

const MAIN = join(repoRoot(), 'dist', 'src', 'cli', 'main.js');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'minister talks border trade summit agreement visit president parliament election budget energy pipeline rail port tariff sanctions protest court ruling vote'.split(' ');

/** Small, distinct, deterministic articles. */
function articles(n: number, seed: number, prefix: string): { id: string; outlet: string; title: string; text: string }[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const w = () => WORDS[Math.floor(r() * WORDS.length)]!;
    const text = `${prefix} report ${i}: the ${w()} on ${w()} and ${w()} continued. Officials said ${Math.floor(r() * 1e6)} people followed the ${w()}.`;
    return { id: `${prefix}-${i}`, outlet: `Outlet ${i % 7}`, title: `${w()} ${i}`, text };
  });
}

function writeJsonl(path: string, rows: object[]): void {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

function run(args: string[]): { child: ChildProcess; done: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, [MAIN, 'ingest', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.resume();
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done, stderr: () => errors };
}

async function verify(db: string, expected: { text: string }[]): Promise<void> {
  const store = await openStore(db);
  try {
    const hashes = expected.map((a) => contentHash({ original: a.text, title: null }));
    const known = await store.knownHashes(hashes);
    assert.equal(known.size, expected.length, 'every article is stored');
    assert.equal(await store.countArticles({ includeRevisions: true }), expected.length, 'no article is stored twice');
    assert.deepEqual(await store.integrityCheck(), []);
  } finally {
    await store.close();
  }
}

test('SIGKILL at random moments during a 5,000-article ingest loses nothing and duplicates nothing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-crash-'));
  try {
    const rows = articles(5000, 42, 'crash');
    writeJsonl(join(dir, 'in.jsonl'), rows);
    const db = join(dir, 'crash.db');
    const args = [join(dir, 'in.jsonl'), '--db', db, '--skip-analysis', '--skip-clustering', '--batch', '25'];
    const r = rng(7);
    let kills = 0;
    const stored: number[] = [];
    // Watch the database from here (WAL: reading does not block the writer) and kill once this run
    // has committed something, after a random further delay: the kill lands among commits in flight.
    const count = (): number => {
      try {
        const reader = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
        try {
          return (reader.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
        } finally {
          reader.close();
        }
      } catch {
        return 0; // not created yet
      }
    };
    while (kills < 20) {
      const before = count();
      if (before >= rows.length) break;
      const { child, done } = run(args);
      let exited = false;
      void done.then(() => (exited = true));
      while (!exited && count() === before) await new Promise((res) => setTimeout(res, 10));
      if (!exited) {
        // Short enough that 20 kills land before the 5,000 are in, with the writer's prepared statements.
        await new Promise((res) => setTimeout(res, Math.floor(r() * 30)));
        child.kill('SIGKILL');
      }
      if ((await done) === null) kills++;
      stored.push(count());
    }
    t.diagnostic(`${kills} kills; articles stored after each: ${stored.join(' ')}`);
    assert.ok(kills >= 20, `killed ${kills} times while writing`);
    const last = run(args);
    assert.equal(await last.done, 0);
    await verify(db, rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two ingest processes on one database at once lose nothing and duplicate nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-two-'));
  try {
    const a = articles(800, 1, 'a');
    const b = articles(800, 2, 'b');
    // The two inputs overlap by half: both processes meet the same articles.
    writeJsonl(join(dir, 'one.jsonl'), [...a, ...b.slice(0, 400)]);
    writeJsonl(join(dir, 'two.jsonl'), [...b, ...a.slice(400)]);
    const db = join(dir, 'two.db');
    const common = ['--db', db, '--skip-analysis', '--skip-clustering', '--batch', '20'];
    const one = run([join(dir, 'one.jsonl'), ...common]);
    const two = run([join(dir, 'two.jsonl'), ...common]);
    const [c1, c2] = await Promise.all([one.done, two.done]);
    assert.equal(c1, 0, one.stderr());
    assert.equal(c2, 0, two.stderr());
    await verify(db, [...a, ...b]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
