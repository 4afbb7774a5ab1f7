// Coverage, blindspots and HTTP status codes of the routes the web UI reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp } from '../app.js';
import { createMemoryStore } from '../memory-store.js';
import { makeTestArticle } from '../../../test/support/store-suite.js';
import { fakeCompare } from '../../../test/helpers/fake-compare.js';
import type { StoryCoverage } from './coverage.js';

async function corpus() {
  const store = createMemoryStore();
  const put = (id: string, text: string, outlet: string, story: string, published: string | null = '2025-11-25') =>
    store.putArticle(makeTestArticle(id, text, { outlet, published, title: text.slice(0, 30) }), story);
  await put('a1', 'Leaders met in Bishkek on Tuesday.', 'Alpha', 's-summit');
  await put('a2', 'Leaders met in Bishkek on Wednesday.', 'Beta', 's-summit', '2025-11-26');
  await put('a3', 'The summit in Bishkek ended with a declaration.', 'Beta', 's-summit', '2025-11-27');
  await put('a4', 'Floods hit the valley.', 'Alpha', 's-floods');
  await put('a5', 'The valley flooded.', 'Gamma', 's-floods');
  await put('a6', 'The governor won.', 'Gamma', 's-vote');
  await put('e1', 'An example report without a date.', 'Delta', 'example-one', null);
  const app = createApp({ store, analyze: (a) => a, compare: fakeCompare, log: () => {} });
  return { app, store };
}

test('the story list gives each story its reports per outlet, its conflicts once compared, and the active outlets that left it out', async () => {
  const { app } = await corpus();
  const first = (await (await app.request('/api/stories')).json()) as { stories: StoryCoverage[] };
  // The example (no date, so last in date order) leads the unfiltered list.
  assert.equal(first.stories[0]!.id, 'example-one');
  const summit = first.stories.find((s) => s.id === 's-summit')!;
  assert.deepEqual(summit.coverage, [
    { outlet: 'Beta', articles: 2 },
    { outlet: 'Alpha', articles: 1 },
  ]);
  assert.equal(summit.conflicts, null, 'not compared yet');
  assert.deepEqual(summit.blindspot.sort(), ['Delta', 'Gamma']);
  assert.equal((await app.request('/api/stories/s-summit/comparison')).status, 200);
  const again = (await (await app.request('/api/stories?limit=10')).json()) as { stories: StoryCoverage[] };
  assert.equal(again.stories.find((s) => s.id === 's-summit')!.conflicts, 1, 'Tuesday vs Wednesday');
  const page2 = (await (await app.request('/api/stories?limit=2&offset=2')).json()) as { stories: StoryCoverage[] };
  assert.ok(!page2.stories.some((s) => s.id === 'example-one'), 'pinned once, on the first page');
});

test('/api/outlets/NAME: the stories an outlet covers and its blindspot', async () => {
  const { app } = await corpus();
  const res = await app.request('/api/outlets/Gamma');
  assert.equal(res.status, 200);
  const body = (await res.json()) as { outlet: string; stories: number; covered: StoryCoverage[]; blindspot: StoryCoverage[]; share: number };
  assert.equal(body.stories, 2);
  assert.deepEqual(body.covered.map((s) => s.id).sort(), ['s-floods', 's-vote']);
  assert.deepEqual(body.blindspot.map((s) => s.id), ['s-summit'], 'reported by two other outlets, not by Gamma');
  assert.equal(body.share, 0.5);
  assert.equal((await app.request('/api/outlets/Nobody')).status, 404);
});

test('status codes: a wrong method is 405 with Allow, an unknown API route 404, a missing story a sentence', async () => {
  const { app } = await corpus();
  const wrong = await app.request('/api/stories', { method: 'DELETE' });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET');
  assert.equal((await app.request('/api/compare')).status, 405);
  assert.equal((await app.request('/api/nothing-here')).status, 404);
  const missing = (await (await app.request('/api/stories/no-such-story/comparison')).json()) as { error: { message: string } };
  assert.match(missing.error.message, /^There is no story with the id "no-such-story"\./);
});

test('pages of the UI: known routes and existing stories are 200, anything else the UI page with status 404', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const web = mkdtempSync(join(tmpdir(), 'px-web-'));
  try {
    writeFileSync(join(web, 'index.html'), '<!doctype html><html><head></head><body><div id="app"></div></body></html>');
    const store = createMemoryStore();
    await store.putArticle(makeTestArticle('a1', 'Leaders met in Bishkek on Tuesday.', { outlet: 'Alpha' }), 's-summit');
    const app = createApp({ store, analyze: (a) => a, compare: fakeCompare, webRoot: web, log: () => {} });
    for (const path of ['/', '/stories/s-summit', '/entities', '/entities/Bishkek', '/search', '/compare', '/outlets/Alpha']) {
      assert.equal((await app.request(path)).status, 200, path);
    }
    for (const path of ['/no/such/page', '/stories/no-such-story', '/storiesx']) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      assert.match(await res.text(), /<div id="app">/, 'the UI still says what is missing');
    }
  } finally {
    rmSync(web, { recursive: true, force: true });
  }
});
