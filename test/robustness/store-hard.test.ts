// The store on hard inputs, on both backends: an article with thousands of claims, text with NUL and lone
// surrogates (PostgreSQL refuses U+0000), one article the database refuses inside a batch, and ingest runs
// left 'running' by a killed process. PostgreSQL parts are skipped where it is not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { makeTestArticle } from '../support/store-suite.js';
import { pgUnavailable, startPgTestServer, type PgTestServer } from '../support/pg-test-server.js';
import type { DatabaseStore } from '../../src/store/types.js';
import type { Claim } from '../../src/model/document.js';
import { ingest } from '../../src/ingest/ingest.js';
import { createApp } from '../../src/server/app.js';
import { fakeCompare } from '../helpers/fake-compare.js';

const pgMissing = process.env.CI ? null : pgUnavailable();
let pg: PgTestServer | null = null;
const dir = mkdtempSync(join(tmpdir(), 'parallax-store-hard-'));
let n = 0;

before(async () => {
  if (!pgMissing) pg = await startPgTestServer();
});
after(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const backends: [string, () => Promise<DatabaseStore>, string | null][] = [
  ['sqlite', () => openStore(join(dir, `s${n++}.db`)), null],
  ['postgres', async () => openStore(await pg!.createDatabase()), pgMissing],
];

/** An article with `count` claims (one per short sentence), as a long article analysed gives. */
function manyClaims(id: string, count: number) {
  const sentence = 'Officials said 1,200 residents left. ';
  const a = makeTestArticle(id, sentence.repeat(count).trim());
  const claim = (i: number): Claim => ({
    start: i * sentence.length, end: i * sentence.length + sentence.length - 1, sentence: i, actor: null, actorEntity: null, predicate: null, predicateLemma: null, object: null,
    keywords: ['resident'], entities: [], quantities: [], times: [], places: [], source: null, polarity: 'positive', modality: 'done', salience: 0.5, items: [], cues: [],
  });
  a.layers.claims = Array.from({ length: count }, (_, i) => claim(i));
  return a;
}

for (const [name, open, skip] of backends) {
  test(`${name}: an article with 12,000 claims is stored whole (statements under the parameter limit)`, { skip: skip ?? false }, async () => {
    const store = await open();
    try {
      const [r] = await store.putArticles([{ article: manyClaims('long', 12_000), story: null }, { article: makeTestArticle('short', 'A short report.'), story: null }]);
      assert.equal(r!.isNew, true);
      assert.equal(await store.countArticles(), 2);
      assert.equal((await store.getArticle('long'))!.layers.claims!.length, 12_000);
      const hits = await store.search('residents', { kind: 'claim', limit: 5 });
      assert.ok(hits.length > 0, 'claims indexed');
    } finally {
      await store.close();
    }
  });

  test(`${name}: NUL and lone surrogates in text, names and queries are stored and searched, offsets kept`, { skip: skip ?? false }, async () => {
    const store = await open();
    try {
      const text = 'Officials\u0000 met in Bishkek on Tuesday.\ud800 Trade grew.';
      const a = makeTestArticle('nul', text, { outlet: 'Out\u0000let', title: 'A\u0000title', entities: [['Bishkek', 'LOC']] });
      const [r] = await store.putArticles([{ article: a, story: 'story-nul', storyTitle: 'NUL\u0000story' }]);
      assert.equal(r!.isNew, true);
      const back = (await store.getArticle('nul'))!;
      assert.equal(back.text.length, text.length, 'one unit for one: offsets stay valid');
      assert.equal(back.text, 'Officials\ufffd met in Bishkek on Tuesday.\ufffd Trade grew.');
      assert.equal(back.outlet, 'Out\ufffdlet');
      assert.deepEqual(await store.search('a\u0000b'), []);
      assert.ok((await store.search('Bishkek')).length > 0);
      await store.listStories({ query: 'a\u0000b' });
      await store.listStories({ entity: 'a\u0000b' });
      await store.listStories({ outlet: 'Out\u0000let' });
      // Through the API as the probe asked, each a clear answer (never 500).
      const logs: string[] = [];
      const app = createApp({ store, analyze: (x) => x, compare: fakeCompare, assignStory: () => null, log: (m) => logs.push(m) });
      for (const path of ['/api/search?q=a%00b', '/api/stories?q=a%00b', '/api/entities/a%00b', '/api/stories?outlet=a%00b']) {
        const res = await app.request(path);
        assert.ok(res.status < 500, `${path}: ${res.status} ${await res.text()} ${logs.join('\n')}`);
      }
      const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'The minister\u0000 resigned on Monday.', outlet: 'Wire\u0000' }) });
      assert.equal(res.status, 201, await res.text());
    } finally {
      await store.close();
    }
  });

  test(`${name}: runs left 'running' by a killed process are closed as interrupted by the next run; live ones are not`, { skip: skip ?? false }, async () => {
    const store = await open();
    try {
      const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
      const killed = await store.startIngestRun('ingest killed');
      const live = await store.startIngestRun('ingest live');
      // The first one as it looks when its process was killed (still running, owned by a dead process).
      await store.finishIngestRun(killed, 'running', { owner: { host: hostname(), pid: Number(dead) } });
      const closed = await store.closeInterruptedRuns();
      assert.deepEqual(closed.map((r) => r.id), [killed]);
      const runs = await store.ingestRuns();
      assert.equal(runs.find((r) => r.id === killed)!.status, 'interrupted');
      assert.equal(runs.find((r) => r.id === live)!.status, 'running');
      assert.deepEqual(await store.closeInterruptedRuns(), [], 'closed once');
    } finally {
      await store.close();
    }
  });
}

test('a batch where the database refuses one article: the others are stored, the one is a failure naming it', async () => {
  const store = await openStore(join(dir, 'batch.db'));
  try {
    const refusing: DatabaseStore = Object.create(store) as DatabaseStore;
    refusing.putArticles = async (items) => {
      if (items.some((i) => i.article.id === 'poison')) throw new Error('SQLITE_TOOBIG: string or blob too big');
      return store.putArticles(items);
    };
    const items = ['a1', 'poison', 'a2'].map((id) => ({ article: makeTestArticle(id, `Report ${id} on the flood in Springfield.`) }));
    const summary = await ingest(items, { store: refusing, pool: null, clusterer: null }, { batchSize: 10 });
    assert.equal(summary.new, 2);
    assert.equal(summary.failed, 1);
    assert.match(summary.failures[0]!.message, /test:poison: could not be stored \(SQLITE_TOOBIG/);
    assert.equal(await store.countArticles(), 2);
  } finally {
    await store.close();
  }
});
