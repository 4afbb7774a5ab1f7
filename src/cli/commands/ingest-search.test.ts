import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../run.js';

function io(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr, env, cwd }, out: () => out, err: () => err };
}

test('parallax ingest and search on a database file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'));
  try {
    writeFileSync(
      join(dir, 'news.jsonl'),
      [
        { outlet: 'Kabar', title: 'Putin in Bishkek', published: '2025-11-25', text: 'Vladimir Putin arrived in Bishkek for a state visit.' },
        { outlet: 'TASS', title: 'Trade', published: '2025-11-26', text: 'Trade between Russia and Kyrgyzstan grew to $4.1 billion.' },
      ]
        .map((o) => JSON.stringify(o))
        .join('\n'),
    );
    const a = io(dir);
    assert.equal(await runCli(['ingest', 'news.jsonl', '--db', 'p.db', '--json', '--workers', '0'], a.io), 0);
    const summary = JSON.parse(a.out());
    assert.equal(summary.new, 2);
    assert.match(a.err(), /database .*p\.db/);
    const again = io(dir);
    assert.equal(await runCli(['ingest', 'news.jsonl', '--db', 'p.db', '--skip-analysis'], again.io), 0);
    assert.match(again.out(), /new 0 .*duplicates 2/);
    const s = io(dir);
    assert.equal(await runCli(['search', 'bishkek', '--db', 'p.db', '--json', '--kind', 'article'], s.io), 0);
    const hits = JSON.parse(s.out()).hits;
    assert.equal(hits.length, 1);
    assert.equal(hits[0].outlet, 'Kabar');
    const t = io(dir);
    assert.equal(await runCli(['search', 'trade', '--db', 'p.db', '--outlet', 'Kabar'], t.io), 0);
    assert.equal(t.out(), 'no matches\n');
    const bad = io(dir);
    assert.equal(await runCli(['search', 'x', '--db', 'p.db', '--from', 'yesterday'], bad.io), 2);
    assert.match(bad.err(), /--from must be a date/);
    const missing = io(dir);
    assert.equal(await runCli(['ingest', 'nope.txt', '--db', 'p.db'], missing.io), 3);
    assert.match(missing.out(), /nope\.txt: no such file/);
    // Without --db: the default file in the user's data directory.
    const def = io(dir, { XDG_DATA_HOME: join(dir, 'data') });
    assert.equal(await runCli(['ingest', 'news.jsonl', '--skip-analysis'], def.io), 0);
    assert.match(def.err(), /data\/parallax\/parallax\.db/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
