// The server under the probe of issue 23: a long posted article is analysed off the event loop within a
// time budget (other clients are answered meanwhile; past the budget a clear 413), and requests for any
// Host but the server's own names are refused (DNS rebinding).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { createApp } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/server/memory-store.js';
import { listen } from '../../src/server/listen.js';
import { allowedHostsFor } from '../../src/server/host-check.js';
import { createWorkerPool } from '../../src/ingest/analysis-pool.js';
import { fakeCompare } from '../helpers/fake-compare.js';

const SENTENCE = 'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded. ';
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('a posted article is analysed in a worker: GET /api/stories is answered while it is analysed', async () => {
  const pool = createWorkerPool(1, { budgetMs: 600_000 });
  try {
    let analysed = false;
    const app = createApp({
      store: createMemoryStore(),
      analyze: (a) => pool.analyze(a),
      analyzeContent: (c, m) => pool.analyzeContent(c, m).finally(() => (analysed = true)),
      compare: fakeCompare,
      assignStory: () => null,
    });
    const ingest = app.request('/api/ingest', post({ text: SENTENCE.repeat(3000), outlet: 'Long' }));
    // Several reads while the analysis runs; each answered before it ends (no timing: the order).
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/stories');
      assert.equal(res.status, 200);
      assert.equal(analysed, false, `read ${i + 1} waited for the analysis`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await ingest;
    assert.equal(res.status, 201, await res.text());
  } finally {
    await pool.close();
  }
});

test('an article over the analysis budget: 413 naming the budget; the next article is analysed as usual', async () => {
  const pool = createWorkerPool(1, { budgetMs: 300 });
  try {
    const logs: string[] = [];
    const app = createApp({ store: createMemoryStore(), analyze: (a) => pool.analyze(a), analyzeContent: (c, m) => pool.analyzeContent(c, m), compare: fakeCompare, assignStory: () => null, log: (m) => logs.push(m) });
    const res = await app.request('/api/ingest', post({ text: SENTENCE.repeat(9000), outlet: 'Long' }));
    assert.equal(res.status, 413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'E_TOO_LARGE');
    assert.match(body.error.message, /analysis stopped after 0 s, the time budget of one article \(--analysis-budget\)/);
    const empty = await app.request('/api/ingest', post({ html: '<html><body></body></html>' }));
    assert.equal(empty.status, 400, 'a user error from the worker stays a 400');
    const ok = await app.request('/api/ingest', post({ text: 'The minister resigned on Monday.', outlet: 'Short' }));
    assert.equal(ok.status, 201, await ok.text());
    assert.deepEqual(logs, []);
  } finally {
    await pool.close();
  }
});

test('Host allow-list: a rebinding name is refused (403) before any route runs; own names are served', async () => {
  const store = createMemoryStore();
  const app = createApp({ store, analyze: (a) => a, compare: fakeCompare, assignStory: () => null });
  const bad = await app.request('http://rebind.attacker.example/api/ingest', post({ text: 'The minister resigned on Monday.' }));
  assert.equal(bad.status, 403);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /does not answer to the host name "rebind\.attacker\.example" \(start it with --allow-host/);
  assert.equal((await store.listStories()).length + (await store.search('minister')).length, 0, 'nothing ingested');
  for (const host of ['localhost', '127.0.0.1:8787', '[::1]:8787', 'LOCALHOST.']) {
    const res = await app.request('http://localhost/api/stories', { headers: { host } });
    assert.equal(res.status, 200, host);
  }
  const named = createApp({ store, analyze: (a) => a, compare: fakeCompare, allowedHosts: allowedHostsFor('127.0.0.1', ['parallax.lan']) });
  assert.equal((await named.request('http://parallax.lan:8787/api/stories')).status, 200);
  assert.equal((await named.request('http://other.lan/api/stories')).status, 403);
  assert.ok(allowedHostsFor('0.0.0.0').length > 3, 'a wildcard bind answers to the machine\'s addresses');
});

test('Host allow-list over a real socket: Host rebind.attacker.example gets 403, 127.0.0.1 gets 200', async () => {
  const app = createApp({ store: createMemoryStore(), analyze: (a) => a, compare: fakeCompare });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  try {
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/api/stories', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal(await status('rebind.attacker.example'), 403);
    assert.equal(await status(`127.0.0.1:${server.port}`), 200);
  } finally {
    await server.close();
  }
});
