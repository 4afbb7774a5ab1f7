import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../run.js';
import { openStore } from '../../store/open-store.js';
import { makeTestArticle } from '../../../test/support/store-suite.js';

function io(cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdout, stderr, env: {}, cwd }, out: () => out, err: () => err };
}

test('parallax export writes a stored story as JSON, Markdown, HTML and CSV', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  try {
    const store = await openStore(join(dir, 'e.db'));
    const a = makeTestArticle('x1', 'Russian President Vladimir Putin arrived in Bishkek on Tuesday. Trade reached $4.1 billion last year.', { outlet: 'TASS' });
    const b = makeTestArticle('x2', 'Vladimir Putin came to Bishkek on Tuesday. Trade reached $3 billion last year, officials said.', { outlet: 'Kabar' });
    a.layers = {};
    b.layers = {};
    await store.putArticles([{ article: a, story: 'st', storyTitle: 'Visit' }, { article: b, story: 'st' }]);
    await store.close();
    const j = io(dir);
    assert.equal(await runCli(['export', 'st', '--db', 'e.db'], j.io), 0, j.err());
    const comparison = JSON.parse(j.out());
    assert.equal(comparison.schemaVersion, 2);
    assert.deepEqual(comparison.articles.map((x: { id: string }) => x.id).sort(), ['x1', 'x2']);
    assert.equal(comparison.development.reports.length, 2, "the story's facts over time, as compare --json gives them");
    for (const [format, check] of [
      ['markdown', /TASS/],
      ['html', /<html[\s>]/i],
      ['csv', /^record,id,kind/],
    ] as const) {
      const r = io(dir);
      assert.equal(await runCli(['export', 'st', '--db', 'e.db', '--format', format, '--out', `out.${format}`], r.io), 0, r.err());
      assert.match(readFileSync(join(dir, `out.${format}`), 'utf8'), check);
    }
    const missing = io(dir);
    assert.equal(await runCli(['export', 'nope', '--db', 'e.db'], missing.io), 2);
    assert.match(missing.err(), /nope: no such story/);
    const bad = io(dir);
    assert.equal(await runCli(['export', 'st', '--db', 'e.db', '--format', 'pdf'], bad.io), 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('parallax export takes an unambiguous prefix of a story id, as compare --story does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-export-'));
  try {
    const store = await openStore(join(dir, 'e.db'));
    const a = makeTestArticle('p1', 'Vladimir Putin arrived in Bishkek on Tuesday.', { outlet: 'TASS' });
    const b = makeTestArticle('p2', 'Vladimir Putin came to Bishkek on Tuesday.', { outlet: 'Kabar' });
    const c = makeTestArticle('p3', 'Floods hit the valley on Monday.', { outlet: 'Kabar' });
    for (const x of [a, b, c]) x.layers = {};
    await store.putArticles([{ article: a, story: 'story-4891abcdef' }, { article: b, story: 'story-4891abcdef' }, { article: c, story: 'story-4899000000' }]);
    await store.close();
    const r = io(dir);
    assert.equal(await runCli(['export', 'story-4891', '--db', 'e.db'], r.io), 0, r.err());
    assert.deepEqual(JSON.parse(r.out()).articles.map((x: { id: string }) => x.id).sort(), ['p1', 'p2']);
    const amb = io(dir);
    assert.equal(await runCli(['export', 'story-489', '--db', 'e.db'], amb.io), 2);
    assert.match(amb.err(), /ambiguous/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
