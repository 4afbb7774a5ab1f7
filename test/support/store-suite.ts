// The test suite every Store backend passes (run by sqlite-store.test.ts and postgres-store.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeArticle, type Article, type Claim } from '../../src/model/document.js';
import type { StoryComparison } from '../../src/compare/types.js';
import type { DatabaseStore } from '../../src/store/types.js';

type TestFn = (name: string, fn: () => Promise<void>) => void;

export function makeTestArticle(
  id: string,
  text: string,
  meta: { outlet?: string; url?: string | null; published?: string | null; title?: string; entities?: [string, 'PER' | 'ORG' | 'LOC'][]; claims?: boolean } = {},
): Article {
  const a = makeArticle(
    { id, source: `test:${id}`, format: 'text', outlet: meta.outlet ?? 'Outlet A', title: meta.title ?? `Title of ${id}`, published: meta.published ?? '2025-11-25', url: meta.url ?? null, language: 'en' },
    text,
  );
  a.layers.sentences = [{ start: 0, end: text.length, paragraph: 0 }];
  if (meta.entities) {
    a.layers.entities = [];
    a.layers.entityIndex = [];
    meta.entities.forEach(([name, type], i) => {
      const start = text.indexOf(name);
      if (start < 0) return;
      a.layers.entities!.push({ start, end: start + name.length, type, entity: `e${i}`, via: 'test' });
      a.layers.entityIndex!.push({ id: `e${i}`, name, type, aliases: [] });
    });
  }
  if (meta.claims) {
    const end = text.indexOf('.') > 0 ? text.indexOf('.') + 1 : text.length;
    const claim: Claim = {
      start: 0, end, sentence: 0, actor: null, actorEntity: null, predicate: null, predicateLemma: null, object: null,
      keywords: [], entities: [], quantities: [], times: [], places: [], source: null, polarity: 'positive', modality: 'done', salience: 1, items: [], cues: [],
    };
    a.layers.claims = [claim];
  }
  return a;
}

function comparisonOf(articles: Article[]): StoryComparison {
  return {
    schemaVersion: 1, generator: 'test',
    articles: articles.map((a) => ({ id: a.id, source: a.source, outlet: a.outlet, title: a.title, published: a.published, url: a.url, language: a.language, text: a.text, original: a.original, removed: [], dateline: null, extraction: a.extraction })),
    findings: [], quotes: [], entities: [], figures: [], quoteTable: [], framing: [], timeline: [], summary: [], failures: [],
  };
}

export function storeSuite(backend: string, open: () => Promise<DatabaseStore>, it: TestFn = (n, f) => test(n, f)): void {
  const t = (name: string, fn: (store: DatabaseStore) => Promise<void>) =>
    it(`${backend}: ${name}`, async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  t('stores an article once and reads it back whole', async (store) => {
    const a = makeTestArticle('a1', 'Putin met Japarov in Bishkek on Tuesday. They signed agreements.', { entities: [['Putin', 'PER'], ['Bishkek', 'LOC']], claims: true });
    a.removed = [{ start: 0, end: 0, reason: 'dateline', text: '' }];
    const first = await store.putArticle(a, null);
    assert.deepEqual(first, { id: 'a1', isNew: true, revisionOf: null });
    const again = await store.putArticle(structuredClone(a), null);
    assert.deepEqual(again, { id: 'a1', isNew: false, revisionOf: null });
    // The same text read from elsewhere (another id, extra whitespace) is the same article.
    const copy = makeTestArticle('other-id', 'Putin met  Japarov in Bishkek on Tuesday.\nThey signed agreements.');
    assert.equal((await store.putArticle(copy, null)).isNew, false);
    assert.equal(await store.countArticles(), 1);
    const back = await store.getArticle('a1');
    assert.ok(back);
    assert.equal(back.text, a.text);
    assert.equal(back.raw, a.raw);
    assert.deepEqual(back.segments, a.segments);
    assert.deepEqual(back.removed, a.removed);
    assert.deepEqual(back.layers.sentences, a.layers.sentences);
    assert.deepEqual(back.layers.claims, a.layers.claims);
    assert.ok(back.layers.tokens && back.layers.tokens.length > 5, 'tokens are recomputed');
    assert.equal(await store.getArticle('missing'), null);
    assert.deepEqual(await store.integrityCheck(), []);
  });

  t('keeps an updated version as a revision of the same URL', async (store) => {
    const v1 = makeTestArticle('u1', 'First version of the report on the summit.', { url: 'https://news.example/a?utm_source=x' });
    const v2 = makeTestArticle('u1b', 'Second version of the report on the summit, corrected.', { url: 'https://news.example/a/' });
    assert.equal((await store.putArticle(v1, null)).isNew, true);
    const r = await store.putArticle(v2, null);
    assert.equal(r.isNew, true);
    assert.equal(r.revisionOf, 'u1');
    assert.equal(await store.countArticles(), 1);
    assert.equal(await store.countArticles({ includeRevisions: true }), 2);
    // The same id with new content is a revision too, stored under a derived id.
    const v3 = makeTestArticle('u1b', 'Third version of the report on the summit.', { url: 'https://news.example/a' });
    const r3 = await store.putArticle(v3, null);
    assert.equal(r3.revisionOf, 'u1b');
    assert.notEqual(r3.id, 'u1b');
    const hits = await store.search('summit');
    assert.deepEqual(hits.filter((h) => h.kind === 'article').map((h) => h.article), [r3.id], 'search shows the current version only');
    assert.deepEqual(await store.integrityCheck(), []);
  });

  t('a batch is one transaction: a failing article stores nothing', async (store) => {
    const good = makeTestArticle('g1', 'A good article about trade.');
    const bad = makeTestArticle('b1', 'A bad one.');
    (bad as { text: unknown }).text = null;
    await assert.rejects(store.putArticles([{ article: good, story: null }, { article: bad, story: null }]));
    assert.equal(await store.countArticles(), 0);
    const res = await store.putArticles([{ article: good, story: 's1', storyTitle: 'Trade' }]);
    assert.equal(res[0]!.isNew, true);
    const known = await store.knownHashes([...(await import('../../src/store/content-hash.js').then((m) => [m.contentHash(good), 'nope']))]);
    assert.equal(known.size, 1);
  });

  t('searches articles and claims with filters', async (store) => {
    const arts = [
      makeTestArticle('s1', 'Russian President Vladimir Putin arrived in Bishkek for talks on trade.', { outlet: 'Kremlin', published: '2025-11-24', entities: [['Vladimir Putin', 'PER'], ['Bishkek', 'LOC']], claims: true }),
      makeTestArticle('s2', 'Kyrgyzstan and Russia signed agreements worth $4.1 billion in Bishkek.', { outlet: 'AKIpress', published: '2025-11-25', entities: [['Bishkek', 'LOC']] }),
      makeTestArticle('s3', 'Football results from the weekend: nothing about politics.', { outlet: 'Sports Daily', published: '2025-11-20' }),
    ];
    await store.putArticles(arts.map((a, i) => ({ article: a, story: i < 2 ? 'st-1' : 'st-2', storyTitle: i < 2 ? 'Putin in Bishkek' : 'Football' })));
    const bishkek = await store.search('bishkek', { kind: 'article' });
    assert.deepEqual(bishkek.map((h) => h.article).sort(), ['s1', 's2']);
    assert.ok(bishkek.every((h) => /\*\*Bishkek\*\*/i.test(h.snippet)), 'the match is marked in the snippet');
    assert.equal(bishkek[0]!.story, 'st-1');
    assert.deepEqual((await store.search('bishkek', { outlet: 'akipress' })).map((h) => h.article), ['s2']);
    assert.deepEqual((await store.search('bishkek', { from: '2025-11-25', kind: 'article' })).map((h) => h.article), ['s2']);
    assert.deepEqual((await store.search('bishkek', { to: '2025-11-24', kind: 'article' })).map((h) => h.article), ['s1']);
    assert.deepEqual((await store.search('bishkek', { entity: 'vladimir putin', kind: 'article' })).map((h) => h.article), ['s1']);
    assert.deepEqual((await store.search('football', { story: 'st-1' })).map((h) => h.article), []);
    assert.deepEqual((await store.search('trade putin')).filter((h) => h.kind === 'article').map((h) => h.article), ['s1']);
    assert.deepEqual((await store.search('"signed agreements"')).map((h) => h.article), ['s2']);
    assert.deepEqual((await store.search('bishkek -billion', { kind: 'article' })).map((h) => h.article), ['s1']);
    const claims = await store.search('arrived', { kind: 'claim' });
    assert.equal(claims.length, 1);
    assert.equal(claims[0]!.article, 's1');
    assert.equal(claims[0]!.start, 0);
    assert.deepEqual(await store.search('"unbalanced ( query:'), []);
    assert.deepEqual((await store.search('', { outlet: 'Sports Daily' })).map((h) => h.article), ['s3']);
  });

  t('lists stories with outlets, dates and entities', async (store) => {
    await store.putArticles([
      { article: makeTestArticle('l1', 'Putin visited Bishkek.', { outlet: 'A', published: '2025-11-24', entities: [['Putin', 'PER'], ['Bishkek', 'LOC']] }), story: 'x', storyTitle: 'Visit' },
      { article: makeTestArticle('l2', 'Putin and Japarov in Bishkek.', { outlet: 'B', published: '2025-11-25', entities: [['Bishkek', 'LOC']] }), story: 'x' },
      { article: makeTestArticle('l3', 'Elections in Kazakhstan.', { outlet: 'B', published: '2025-10-01' }), story: 'y', storyTitle: 'Elections' },
    ]);
    const stories = await store.listStories();
    assert.deepEqual(stories.map((s) => s.id), ['x', 'y']);
    const x = stories[0]!;
    assert.equal(x.title, 'Visit');
    assert.equal(x.articleCount, 2);
    assert.deepEqual(x.outlets, ['A', 'B']);
    assert.equal(x.firstPublished, '2025-11-24');
    assert.equal(x.lastPublished, '2025-11-25');
    assert.equal(x.entities[0], 'Bishkek');
    assert.deepEqual((await store.listStories({ outlet: 'A' })).map((s) => s.id), ['x']);
    assert.deepEqual((await store.listStories({ query: 'kazakhstan' })).map((s) => s.id), ['y']);
    assert.deepEqual((await store.storyArticles('x')).map((a) => a.id), ['l1', 'l2']);
    await store.setStory('l2', 'y');
    assert.deepEqual((await store.storyArticles('y')).map((a) => a.id), ['l3', 'l2']);
    assert.equal((await store.storyFullArticles('x'))[0]!.text, 'Putin visited Bishkek.');
  });

  t('caches a comparison until the story changes', async (store) => {
    const a = makeTestArticle('c1', 'One report.');
    await store.putArticle(a, 'cs');
    assert.equal(await store.getComparison('cs'), null);
    await store.putComparison('cs', comparisonOf([a]));
    assert.equal((await store.getComparison('cs'))!.articles[0]!.id, 'c1');
    await store.putArticle(makeTestArticle('c2', 'Another report.'), 'cs');
    assert.equal(await store.getComparison('cs'), null, 'a new article makes the cached comparison stale');
  });

  t('job queue: keys deduplicate, workers never share a job, leases expire', async (store) => {
    const id1 = await store.enqueueJob('fetch', { url: 'https://a.example/1' }, { key: 'fetch:1' });
    assert.equal(typeof id1, 'number');
    assert.equal(await store.enqueueJob('fetch', { url: 'https://a.example/1' }, { key: 'fetch:1' }), null);
    for (let i = 2; i <= 6; i++) await store.enqueueJob('fetch', { n: i });
    await store.enqueueJob('other', {});
    const claimed = await Promise.all(Array.from({ length: 8 }, (_, i) => store.claimJob(`w${i}`, ['fetch'], 60_000)));
    const got = claimed.filter((j) => j !== null).map((j) => j!.id);
    assert.equal(got.length, 6);
    assert.equal(new Set(got).size, 6, 'no job is claimed twice');
    await store.completeJob(got[0]!);
    await store.failJob(got[1]!, 'boom', 0);
    await store.failJob(got[2]!, 'fatal', null);
    const retried = await store.claimJob('w9', ['fetch']);
    assert.equal(retried!.id, got[1]);
    assert.equal(retried!.attempts, 2);
    // An expired lease (worker died) makes the job available again.
    const expiring = await store.enqueueJob('lease', {});
    const first = await store.claimJob('dead', ['lease'], 1);
    assert.equal(first!.id, expiring);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal((await store.claimJob('alive', ['lease']))!.id, expiring);
    const counts = await store.jobCounts();
    assert.equal(counts.done, 1);
    assert.equal(counts.failed, 1);
    assert.equal(counts.queued, 1);
    // A finished key can be queued again.
    await store.completeJob(id1!);
    assert.equal(await store.enqueueJob('fetch', {}, { key: 'fetch:1' }), id1);
  });

  t('keeps feed state and ingest runs', async (store) => {
    assert.equal(await store.getFeedState('https://f.example/rss'), null);
    const state = { url: 'https://f.example/rss', etag: '"abc"', lastModified: 'Tue, 25 Nov 2025 10:00:00 GMT', lastPolled: '2025-11-25T10:00:00Z', nextPoll: null, failures: 0, lastError: null, itemsSeen: 3 };
    await store.putFeedState(state);
    await store.putFeedState({ ...state, failures: 2, lastError: 'timeout' });
    assert.deepEqual(await store.getFeedState(state.url), { ...state, failures: 2, lastError: 'timeout' });
    const run = await store.startIngestRun('ingest x.jsonl');
    await store.finishIngestRun(run, 'done', { new: 3 });
    const runs = await store.ingestRuns();
    assert.equal(runs[0]!.id, run);
    assert.deepEqual(runs[0]!.counts, { new: 3 });
  });
}
