// Corpus test: one event reported many times (150 undated reports, each four paragraphs drawn from one
// development story's paragraphs) among other synthetic stories stays one story. Every report's nearest
// neighbours are the event's other reports, which a neighbourhood-relative (hubness-corrected) link alone
// would take for a crowded neighbourhood and leave in pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { evalPath } from '../../src/shared-paths.js';
import { makeArticle, type Article } from '../../src/model/document.js';
import { createStoryClusterer } from '../../src/cluster/clusterer.js';
import { loadSourceStories, syntheticStream } from '../../src/bench/synthetic-corpus.js';
import { mulberry32 } from '../../src/cluster/random.js';

const files = [evalPath('stories', 'basil.jsonl'), evalPath('stories', 'allsides.jsonl')];
const absent = files.find((f) => !existsSync(f));

test('an undated event reported 150 times among other stories stays one story', { skip: absent ? `skipped: ${absent} is absent` : false }, () => {
  const sources = loadSourceStories(files);
  const others = [...syntheticStream(sources, 400)];
  // The first two development stories with enough paragraphs to write 150 different reports.
  for (const source of sources.filter((s) => s.paragraphs.length >= 30).slice(0, 2)) {
    const pool = source.paragraphs.slice(0, 30);
    const rand = mulberry32(3);
    const reports: Article[] = Array.from({ length: 150 }, (_, k) => {
      const text = Array.from({ length: 4 }, () => pool[Math.floor(rand() * pool.length)]!).join('\n\n');
      return makeArticle({ id: `big-${k}`, source: `test:big-${k}`, format: 'text', outlet: `Outlet ${k % 40}`, title: null, published: null, url: null, language: 'en' }, text);
    });
    const c = createStoryClusterer();
    // Interleaved with the other stories, as a stream would bring them.
    for (let k = 0; k < reports.length; k++) {
      c.add(reports[k]!);
      for (const a of others.slice(k * 2, k * 2 + 2)) c.add(a);
    }
    assert.equal(new Set(reports.map((a) => c.storyOf(a.id))).size, 1);
  }
});
