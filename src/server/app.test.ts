import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app.js';
import { createMemoryStore } from './memory-store.js';
import type { AppDeps, ServerStore } from './deps.js';
import { openStore } from '../store/index.js';
import { rmSync } from 'node:fs';
import { createAnalyzer } from '../analyze.js';
import { createPageFetcher } from './fetch-page.js';
import { fakeCompare } from '../../test/helpers/fake-compare.js';
import type { StoryComparison } from '../compare/types.js';
import { repoRoot } from '../shared-paths.js';

function setup(extra: Partial<AppDeps> = {}, store: ServerStore = createMemoryStore()) {
  const analyzer = createAnalyzer();
  const logs: string[] = [];
  // Test double for clustering: the story is named by the title's first word.
  const app = createApp({
    store,
    analyze: (a) => analyzer.analyze(a),
    compare: fakeCompare,
    assignStory: (a) => (a.title ? `s-${a.title.split(' ')[0]!.toLowerCase()}` : null),
    log: (m) => logs.push(m),
    ...extra,
  });
  return { app, store, logs };
}

const post = (app: ReturnType<typeof createApp>, path: string, body: unknown, type = 'application/json') =>
  app.request(path, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

for (const backend of ['memory', 'sqlite'] as const) test(`ingest, then list stories, read a story, its comparison and an article (${backend} store)`, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'px-app-'));
  const store = backend === 'memory' ? createMemoryStore() : await openStore(join(dir, 'p.db'));
  try {
    await ingestFlow(setup({}, store).app);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function ingestFlow(app: ReturnType<typeof createApp>) {
  const r1 = await post(app, '/api/ingest', { text: 'Leaders held talks on Tuesday in Bishkek.', outlet: 'Alpha', title: 'Summit talks', published: '2025-11-25' });
  assert.equal(r1.status, 201);
  const first = (await r1.json()) as { id: string; story: string };
  const again = await post(app, '/api/ingest', { text: 'Leaders held talks on Tuesday in Bishkek.', outlet: 'Alpha', title: 'Summit talks' });
  assert.equal(again.status, 200, 'the same text is stored once');
  await post(app, '/api/ingest', { html: '<html><body><article><p>Leaders met on Wednesday in Bishkek, officials said.</p></article></body></html>', outlet: 'Beta', title: 'Summit in Bishkek', published: '2025-11-26' });
  await post(app, '/api/ingest', { text: 'Rain fell all week in the valley.', outlet: 'Gamma', title: 'Weather report' });

  const list = (await (await app.request('/api/stories')).json()) as { stories: { id: string; title: string; outlets: string[] }[] };
  const summit = list.stories.find((s) => s.id === first.story);
  assert.deepEqual(summit?.outlets.sort(), ['Alpha', 'Beta']);
  const byOutlet = (await (await app.request('/api/stories?outlet=Gamma')).json()) as { stories: { id: string }[] };
  assert.deepEqual(byOutlet.stories.map((s) => s.id), ['s-weather']);

  const story = (await (await app.request(`/api/stories/${first.story}`)).json()) as { articles: { outlet: string }[] };
  assert.equal(story.articles.length, 2);
  const cmp = (await (await app.request(`/api/stories/${first.story}/comparison`)).json()) as StoryComparison;
  const conflict = cmp.findings.find((f) => f.kind === 'conflict');
  assert.deepEqual(conflict?.evidence.map((e) => e.text), ['on Tuesday', 'on Wednesday']);

  const art = (await (await app.request(`/api/articles/${first.id}`)).json()) as { text: string; layers: { sentences: unknown[] }; raw?: string };
  assert.equal(art.text, 'Leaders held talks on Tuesday in Bishkek.');
  assert.ok(art.layers.sentences.length >= 1);
  assert.equal(art.raw, undefined);

  const outlets = (await (await app.request('/api/outlets')).json()) as { outlets: { outlet: string; stories: number }[] };
  assert.deepEqual(outlets.outlets.map((o) => o.outlet).sort(), ['Alpha', 'Beta', 'Gamma']);
  const hits = (await (await app.request('/api/search?q=wednesday')).json()) as { hits: { outlet: string }[] };
  assert.deepEqual([...new Set(hits.hits.map((h) => h.outlet))], ['Beta']);
  assert.equal((await app.request('/api/stories/nope')).status, 404);
  assert.equal(list.stories.find((s) => s.id === 's-weather')?.title, 'Weather report');
}

test('POST /api/compare compares pasted articles without storing them', async () => {
  const { app, store } = setup();
  const res = await post(app, '/api/compare', { articles: [{ text: 'They met on Monday.', outlet: 'One' }, { text: 'They met on Friday.' }] });
  assert.equal(res.status, 200);
  const cmp = (await res.json()) as StoryComparison;
  assert.deepEqual(cmp.articles.map((a) => a.outlet), ['One', 'Report 2']);
  assert.equal(cmp.findings[0]?.kind, 'conflict');
  assert.equal((cmp as StoryComparison & { development: { summary: string } }).development.summary, '2 reports: no fact changed between them');
  assert.deepEqual(await store.listStories(), []);
});

test('POST /api/compare runs the one-event check of `parallax compare`: reports of two events come back with a warning naming the groups; a follow-up report does not', async () => {
  const { app } = setup();
  const example = (f: string) => readFileSync(join(repoRoot(), 'examples', 'bishkek', f), 'utf8');
  const floods =
    'RIVERTON (Valley Gazette). Floods swept through the Green River valley on Monday after three days of heavy rain, ' +
    'forcing 2,300 residents from their homes. The county sheriff said two bridges had collapsed and the main highway was closed.\n' +
    'Emergency crews used boats to reach farms cut off by the water. The state governor declared an emergency for four counties.\n';
  const mixed = await post(app, '/api/compare', { articles: [{ text: example('realist-english.txt'), outlet: 'Realist English' }, { text: floods, outlet: 'Valley Gazette' }] });
  assert.equal(mixed.status, 200, 'still compared: the reader may know better');
  const warned = (await mixed.json()) as StoryComparison & { warnings: string[] };
  assert.equal(warned.articles.length, 2);
  assert.equal(warned.warnings.length, 1);
  assert.match(warned.warnings[0]!, /do not look like one event; the story clusterer puts them in 2 stories/);
  assert.match(warned.warnings[0]!, /^ {2}\d\. Realist English/m);
  assert.match(warned.warnings[0]!, /^ {2}\d\. Valley Gazette/m);
  // The same event reported two days apart is one story: no warning.
  const followUp = await post(app, '/api/compare', {
    articles: [
      { text: example('realist-english.txt'), outlet: 'Realist English', published: '2025-11-25' },
      { text: example('moscow-times.txt'), outlet: 'Moscow Times', published: '2025-11-27' },
    ],
  });
  assert.equal(followUp.status, 200);
  assert.deepEqual(((await followUp.json()) as { warnings: string[] }).warnings, []);
});

test('bad input gets a 400 (or 413/415/501) with a JSON error that names the problem', async () => {
  const { app } = setup();
  const cases: [Response | Promise<Response>, number, RegExp][] = [
    [app.request('/api/stories?limit=abc'), 400, /limit/],
    [app.request('/api/stories?colour=red'), 400, /colour|Unrecognized/i],
    [app.request('/api/stories?from=yesterday'), 400, /ISO 8601/],
    [app.request('/api/search'), 400, /q/],
    [post(app, '/api/compare', { articles: [{ text: 'alone' }] }), 400, /at least two/],
    [post(app, '/api/compare', '{"articles": ['), 400, /not valid JSON/],
    [post(app, '/api/ingest', { outlet: 'x' }), 400, /text, html or url/],
    [post(app, '/api/ingest', { text: 'x', html: '<p>x</p>' }), 400, /not both/],
    [post(app, '/api/ingest', { text: 'hello' }, 'text/plain'), 415, /application\/json/],
    [post(app, '/api/ingest', { url: 'https://example.org/a' }), 501, /does not fetch/],
    [post(app, '/api/ingest', { url: 'file:///etc/passwd' }), 400, /url/],
    [post(app, '/api/ingest', { text: '   ' }), 400, /empty/],
    [app.request('/api/nothing-here'), 404, /openapi/],
  ];
  for (const [p, status, message] of cases) {
    const res = await p;
    assert.equal(res.status, status, `${res.url}: ${await res.clone().text()}`);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.match(body.error.message, message);
    assert.ok(!/at .*\.js:\d+/.test(JSON.stringify(body)), 'no stack trace');
  }
});

test('request bodies over the limit are refused with 413', async () => {
  const { app } = setup({ limits: { bodyBytes: 1000 } });
  const res = await post(app, '/api/ingest', { text: 'x'.repeat(5000) });
  assert.equal(res.status, 413);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'E_TOO_LARGE');
});

test('an internal error is logged on the server and answered as a bare 500', async () => {
  const { app, logs } = setup({
    compare: () => {
      throw new Error('secret internal detail');
    },
  });
  const res = await post(app, '/api/compare', { articles: [{ text: 'a on Monday.' }, { text: 'b on Friday.' }] });
  assert.equal(res.status, 500);
  const text = await res.text();
  assert.ok(!text.includes('secret'), text);
  assert.deepEqual(JSON.parse(text), { error: { code: 'E_INTERNAL', message: 'internal error' } });
  assert.match(logs.join('\n'), /secret internal detail/);
});

test('security headers: a CSP without inline script, nosniff, no framing', async () => {
  const { app } = setup();
  const res = await app.request('/api/stories');
  const csp = res.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'/);
  assert.ok(!csp.includes('unsafe-inline'));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(csp, /frame-ancestors 'none'/);
});

test('static files: the UI and its routes are served, paths outside the root are not', async () => {
  const root = mkdtempSync(join(tmpdir(), 'px-web-'));
  const web = join(root, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  const { app } = setup({ webRoot: web });
  assert.match(await (await app.request('/')).text(), /<title>ui/);
  assert.match(await (await app.request('/stories/abc')).text(), /<title>ui/, 'UI routes fall back to index.html');
  const js = await app.request('/assets/app.js');
  assert.match(js.headers.get('content-type') ?? '', /javascript/);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets/missing.js', '/%00']) {
    const res = await app.request(path);
    const body = await res.text();
    assert.ok(!body.includes('secret'), `${path} leaked`);
    assert.ok(res.status === 404 || body.includes('<title>ui'), `${path}: ${res.status}`);
  }
});

test('a web root that was never built gives 404s that say so, not internal errors', async () => {
  const missing = join(mkdtempSync(join(tmpdir(), 'px-web-')), 'not-built');
  const { app } = setup({ webRoot: missing });
  for (const path of ['/', '/stories/example-bishkek', '/assets/app.js']) assert.equal((await app.request(path)).status, 404, path);
  const { app: apiOnly } = setup();
  const res = await apiOnly.request('/stories/example-bishkek');
  assert.equal(res.status, 404);
  assert.match(await res.text(), /not built/);
});

test('a story page preloads its comparison; the story id cannot break out of the link', async () => {
  const web = mkdtempSync(join(tmpdir(), 'px-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><html><head><title>ui</title></head><body></body></html>');
  const { app } = setup({ webRoot: web });
  const page = await (await app.request('/stories/abc')).text();
  assert.match(page, /<link rel="preload" href="\/api\/stories\/abc\/comparison" as="fetch" crossorigin="anonymous"><\/head>/);
  const hostile = await (await app.request('/stories/a%22%3E%3Cscript%3Ealert(1)')).text();
  assert.ok(!hostile.includes('<script>'), hostile);
  assert.match(hostile, /href="\/api\/stories\/a%22%3E%3Cscript%3Ealert\(1\)\/comparison"/);
  assert.ok(!(await (await app.request('/')).text()).includes('preload'), 'other pages preload nothing');
});

test('/openapi.json describes every route with its parameters', async () => {
  const { app } = setup();
  const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/stories', '/api/stories/{id}/comparison', '/api/articles/{id}', '/api/entities', '/api/outlets', '/api/search', '/api/ingest', '/api/compare']) {
    assert.ok(doc.paths[p], p);
  }
  assert.deepEqual(doc.paths['/api/stories']!.get!.parameters!.map((x) => x.name).sort(), ['entity', 'from', 'limit', 'offset', 'outlet', 'q', 'to']);
});

test('a story comparison is recomputed when an article joins the story', async () => {
  const { app } = setup();
  await post(app, '/api/ingest', { text: 'Talks were held on Monday.', outlet: 'One', title: 'Talks one' });
  await post(app, '/api/ingest', { text: 'The talks took place on Monday.', outlet: 'Two', title: 'Talks two' });
  const first = (await (await app.request('/api/stories/s-talks/comparison')).json()) as StoryComparison;
  assert.equal(first.articles.length, 2);
  assert.equal(first.findings.filter((f) => f.kind === 'conflict').length, 0);
  await post(app, '/api/ingest', { text: 'Talks happened on Friday.', outlet: 'Three', title: 'Talks three' });
  const second = (await (await app.request('/api/stories/s-talks/comparison')).json()) as StoryComparison;
  assert.deepEqual(second.articles.map((a) => a.outlet), ['One', 'Two', 'Three']);
  assert.equal(second.findings.filter((f) => f.kind === 'conflict').length, 1);
});

test("a story's comparison carries its facts over time: reports in publication order with a summary", async () => {
  const { app } = setup();
  await post(app, '/api/ingest', { text: 'Talks were held on Monday.', outlet: 'Late', title: 'Talks late', published: '2025-11-26T09:00:00Z' });
  await post(app, '/api/ingest', { text: 'The talks took place on Monday.', outlet: 'Early', title: 'Talks early', published: '2025-11-25T09:00:00Z' });
  const body = (await (await app.request('/api/stories/s-talks/comparison')).json()) as { development: { reports: { outlet: string }[]; summary: string } };
  assert.deepEqual(body.development.reports.map((r) => r.outlet), ['Early', 'Late']);
  assert.equal(body.development.summary, '2 reports from 25 Nov 2025, 09:00 UTC to 26 Nov 2025, 09:00 UTC: no fact changed between them');
});

test('URL ingest goes through the safe fetcher: a loopback address is refused with 403', async () => {
  const { app } = setup({ fetchUrl: createPageFetcher() });
  const res = await post(app, '/api/ingest', { url: 'http://127.0.0.1:9/article' });
  assert.equal(res.status, 403);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'E_FORBIDDEN');
});
