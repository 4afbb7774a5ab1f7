// Fetching under the probe of issue 23: robots.txt is asked on every fetch path (POST /api/ingest {url},
// and the origin of every redirect in the CLI's fetcher), and failures that a retry cannot change (redirect
// loops, too many redirects, a server that dribbles bytes past the deadline) are tried once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetcher } from '../../src/ingest/fetcher.js';
import { createPageFetcher } from '../../src/server/fetch-page.js';
import { createApp } from '../../src/server/app.js';
import { createMemoryStore } from '../../src/server/memory-store.js';
import { ParallaxError } from '../../src/model/errors.js';
import { fakeCompare } from '../helpers/fake-compare.js';

const PAGE = '<html><head><title>Flood</title></head><body><article><p>The river flooded Springfield on Tuesday, officials said, and 1,200 residents were evacuated.</p></article></body></html>';
const hits = new Map<string, number>();
let a = '';
let b = '';
const servers: Server[] = [];
const timers = new Set<NodeJS.Timeout>();

function serve(handler: (path: string, res: import('node:http').ServerResponse) => void): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      const key = `${(server.address() as AddressInfo).port}${req.url}`;
      hits.set(key, (hits.get(key) ?? 0) + 1);
      handler(req.url ?? '/', res);
    });
    servers.push(server);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}
const hitsOf = (base: string, path: string) => hits.get(`${new URL(base).port}${path}`) ?? 0;

before(async () => {
  b = await serve((path, res) => {
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n');
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
  a = await serve((path, res) => {
    if (path === '/robots.txt') return void res.writeHead(404).end();
    if (path === '/article') return void res.writeHead(302, { location: `${b}/private/story` }).end();
    if (path === '/loop') return void res.writeHead(302, { location: '/loop2' }).end();
    if (path === '/loop2') return void res.writeHead(302, { location: '/loop' }).end();
    if (path.startsWith('/many')) return void res.writeHead(302, { location: `${path}x` }).end();
    if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const t = setInterval(() => res.write(' '), 100);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  });
});

after(async () => {
  for (const t of timers) clearInterval(t);
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

test("the CLI's fetcher asks robots.txt of a redirect's new origin, and does not fetch what it disallows", async () => {
  const fetcher = await createFetcher({ allowPrivate: true, backoffMs: 1 });
  const res = await fetcher.fetch(`${a}/article`);
  assert.equal(res.status, 'error');
  assert.match((res as { message: string }).message, /disallowed by robots\.txt: http:\/\/127\.0\.0\.1:\d+\/private\/story/);
  assert.equal(hitsOf(b, '/private/story'), 0, 'the disallowed page was not requested');
  assert.equal(hitsOf(b, '/robots.txt'), 1);
});

test('POST /api/ingest {url} asks robots.txt: a disallowed page (directly or by redirect) is a 403, never fetched', async () => {
  const fetchPage = createPageFetcher({ allowPrivate: true });
  await assert.rejects(fetchPage(`${b}/private/direct`), (e: unknown) => e instanceof ParallaxError && e.code === 'E_FORBIDDEN' && /disallowed by robots\.txt/.test(e.message));
  const app = createApp({ store: createMemoryStore(), analyze: (x) => x, compare: fakeCompare, assignStory: () => null, fetchUrl: fetchPage, log: () => {} });
  const res = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${a}/article` }) });
  assert.equal(res.status, 403);
  assert.match(((await res.json()) as { error: { message: string } }).error.message, /disallowed by robots\.txt/);
  assert.equal(hitsOf(b, '/private/direct') + hitsOf(b, '/private/story'), 0);
  const ok = await app.request('/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `${b}/public` }) });
  assert.equal(ok.status, 201, await ok.text());
});

test('permanent failures are tried once: a redirect loop, too many redirects, a slow server past the deadline', async () => {
  const fetcher = await createFetcher({ allowPrivate: true, retries: 2, backoffMs: 1, timeoutMs: 800 });
  const loop = await fetcher.fetch(`${a}/loop`);
  assert.match((loop as { message: string }).message, /redirect loop/);
  assert.equal(hitsOf(a, '/loop'), 1, 'the loop was walked once, not once per retry');
  const many = await fetcher.fetch(`${a}/many`);
  assert.match((many as { message: string }).message, /too many redirects/);
  assert.equal(hitsOf(a, '/many'), 1);
  const slow = await fetcher.fetch(`${a}/slow`);
  assert.match((slow as { message: string }).message, /gave up after 800 ms/);
  assert.equal(hitsOf(a, '/slow'), 1);
  for (const r of [loop, many, slow]) assert.equal((r as { retryable: boolean }).retryable, false);
});
