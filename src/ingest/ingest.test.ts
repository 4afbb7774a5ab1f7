import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/open-store.js';
import type { StoryClusterer, Assignment } from '../cluster/types.js';
import type { Article } from '../model/document.js';
import { collectInputs } from './collect.js';
import { ingest, type IngestItem } from './ingest.js';
import { articleFromContent } from './read-inputs.js';
import { createWorkerPool } from './analysis-pool.js';
import { articleRows } from '../store/rows.js';

/** A stand-in clusterer: one story per outlet; an article from outlet "merge" merges story B into A. */
function outletClusterer(): StoryClusterer {
  const of = new Map<string, string>();
  let merged = false;
  return {
    add(a: Article): Assignment {
      if (a.outlet === 'merge') merged = true;
      const story = merged && a.outlet === 'B' ? 'A' : a.outlet ?? 'none';
      const isNew = ![...of.values()].includes(story);
      of.set(a.id, story);
      return { article: a.id, story, isNewStory: isNew, score: 1, duplicateOf: null };
    },
    storyOf: (id) => {
      const s = of.get(id);
      return merged && s === 'B' ? 'A' : s;
    },
    stories: () => [],
  };
}

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  const lines = [
    { id: 'j1', outlet: 'A', title: 'Talks in Bishkek', text: 'Putin met Japarov in Bishkek. They discussed trade.' },
    { id: 'j2', outlet: 'B', title: 'Summit', text: 'The presidents held a summit in Bishkek on Tuesday.' },
    { id: 'j3', outlet: 'A', title: 'Copy', text: 'Putin met Japarov in Bishkek.  They discussed trade.' },
    { id: 'j4', outlet: 'merge', title: 'Trigger', text: 'This report makes the clusterer merge two stories.' },
  ];
  writeFileSync(join(dir, 'a.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n{"broken json\n');
  writeFileSync(join(dir, 'sub', 'note.txt'), 'A plain text report about the visit to Kyrgyzstan.');
  writeFileSync(join(dir, 'sub', 'deeper', 'page.html'), '<html><head><title>Page</title></head><body><p>An HTML report on the trade agreements.</p></body></html>');
  writeFileSync(
    join(dir, 'sub', 'feed.xml'),
    '<rss><channel><title>Feed Outlet</title><item><title>From the feed</title><link>https://f.example/1</link><description>A feed item about the summit.</description></item></channel></rss>',
  );
  writeFileSync(join(dir, 'sub', 'ignored.bin'), Buffer.from([0, 1, 2]));
  return dir;
}

async function collectAll(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('collectInputs walks directories and reads JSON Lines, text, HTML and feed files', async () => {
  const dir = fixture();
  try {
    const items = await collectAll(collectInputs([dir, join(dir, 'missing.txt')], { cwd: dir }));
    const articles = items.filter((i): i is { article: Article } => 'article' in i).map((i) => i.article);
    const failures = items.filter((i) => 'failure' in i).map((i) => ('failure' in i ? i.failure.message : ''));
    assert.deepEqual(articles.map((a) => a.format).sort(), ['html', 'jsonl', 'jsonl', 'jsonl', 'jsonl', 'rss', 'text']);
    assert.equal(articles.find((a) => a.format === 'rss')!.outlet, 'Feed Outlet');
    assert.equal(failures.length, 2);
    assert.match(failures[0]!, /a\.jsonl:5: malformed JSON/);
    assert.match(failures[1]!, /missing\.txt: no such file/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ingest stores each article once, assigns stories, follows merges, and resumes idempotently', async () => {
  const dir = fixture();
  const store = await openStore(join(dir, 'db.sqlite'));
  const pool = createWorkerPool(2);
  try {
    const clusterer = outletClusterer();
    const s1 = await ingest(collectInputs([join(dir, 'a.jsonl')], { cwd: dir }), { store, pool, clusterer, clustererName: 'test' }, { batchSize: 2 });
    assert.equal(s1.read, 5);
    assert.equal(s1.new, 3, 'j3 repeats j1 up to whitespace');
    assert.equal(s1.duplicates, 1);
    assert.equal(s1.failed, 1);
    assert.match(s1.failures[0]!.message, /malformed JSON/);
    assert.equal(s1.stories.new, 3);
    assert.equal(s1.stories.moved, 1, 'j2 follows the merge of its story');
    const stored = await store.getArticle('j1');
    assert.ok(stored!.layers.sentences && stored!.layers.sentences.length === 2, 'analysed in a worker thread');
    assert.ok(stored!.layers.tokens && stored!.layers.tokens.length > 0, 'tokens, not sent back by the workers, are recomputed on reading');
    assert.ok(s1.cpuMs.mainThread === null || s1.cpuMs.mainThread > 0, 'CPU time of the main thread, where the system reports it');
    const { article: analysed, rows } = await pool.analyzeForStore(articleFromContent({ text: stored!.original }, { source: 'again' }), ['entities']);
    assert.equal(analysed.layers.tokens, undefined, 'tokens are not sent back for the store');
    assert.deepEqual(analysed.layers.entities, stored!.layers.entities, 'a kept layer');
    assert.deepEqual(analysed.layers.sentences, stored!.layers.sentences, 'a layer not kept, read from the rows');
    assert.deepEqual(JSON.parse(JSON.stringify(analysed.layers)), JSON.parse(rows.layers), 'every layer there');
    assert.deepEqual(rows, articleRows(analysed), 'rows made in the worker as this thread would make them');
    const byId = new Map((await store.listArticles()).map((a) => [a.id, a.story]));
    assert.equal(byId.get('j2'), byId.get('j1'));
    assert.notEqual(byId.get('j4'), byId.get('j1'));

    const s2 = await ingest(collectInputs([dir], { cwd: dir }), { store, pool, clusterer: outletClusterer(), clustererName: 'test' }, { batchSize: 2 });
    assert.equal(s2.new, 3, 'text, html, feed item and nothing from the JSON Lines again');
    assert.equal(s2.duplicates, 4);
    assert.equal(await store.countArticles(), 6);
    const s3 = await ingest(collectInputs([dir], { cwd: dir }), { store, pool: null, clusterer: null }, {});
    assert.equal(s3.new, 0);
    assert.equal(s3.duplicates, 7);
    assert.deepEqual(await store.integrityCheck(), []);
    const runs = await store.search('summit', { kind: 'article' });
    assert.deepEqual(runs.map((h) => h.article).sort(), ['j2', runs.find((h) => h.title === 'From the feed')!.article].sort());
  } finally {
    await pool.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
