// The committed comparison gold (test/fixtures/basil-comparison, test/fixtures/real-eval) checked against the
// article texts: every span is the slice it claims, kinds are FORMATS.md's, each story is one BASIL triplet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, evalPath } from '../shared-paths.js';
import { checkRealGold, readRealGold } from './real-score.js';
import { readStoryArticles } from './real.js';

const fixtures = join(repoRoot(), 'test', 'fixtures');
const textsOf = (file: string) => new Map([...readStoryArticles(file)].map(([id, a]) => [id, a.text]));

test('the checker finds a span whose text is not its slice, a one-sided conflict and an unknown kind', () => {
  const texts = new Map([['a', 'The toll rose to 14.'], ['b', 'The toll rose to 16.']]);
  const span = (article: string, start: number, end: number, text: string) => ({ article, start, end, text });
  const good = { story: 's', articles: ['a', 'b'], benign: [], exclusives: [], conflicts: [{ kind: 'number', note: 'toll', spans: [span('a', 17, 19, '14'), span('b', 17, 19, '16')] }] };
  assert.deepEqual(checkRealGold([good], texts), []);
  const bad = {
    ...good,
    conflicts: [
      { kind: 'number', note: 'off by one', spans: [span('a', 16, 18, '14'), span('b', 17, 19, '16')] },
      { kind: 'number', note: 'one article', spans: [span('a', 17, 19, '14'), span('a', 4, 8, 'toll')] },
      { kind: 'size', note: 'kind', spans: [span('a', 17, 19, '14'), span('b', 17, 19, '16')] },
    ],
  };
  const problems = checkRealGold([bad], texts);
  assert.equal(problems.length, 3, problems.join('\n'));
  assert.match(problems.join('\n'), /is not the slice/);
  assert.match(problems.join('\n'), /two articles/);
  assert.match(problems.join('\n'), /unknown kind size/);
});

test('the tiny fixture gold is exact', () => {
  const gold = readRealGold(join(fixtures, 'real-eval', 'tiny.gold.json'));
  assert.deepEqual(checkRealGold(gold, textsOf(join(fixtures, 'real-eval', 'tiny.stories.jsonl'))), []);
});

test('the BASIL comparison gold: exact spans, whole triplets, conflicts and conflict-free stories', (t) => {
  const gold = readRealGold(join(fixtures, 'basil-comparison', 'basil.gold.json'));
  assert.ok(gold.length >= 15);
  assert.ok(gold.some((s) => s.conflicts.length === 0), 'some stories have no conflict');
  assert.ok(gold.filter((s) => s.conflicts.length > 0).length >= 10);
  const basil = evalPath('stories', 'basil.jsonl');
  if (!existsSync(basil)) return t.skip('../shared/eval/stories/basil.jsonl is not here');
  const articles = readStoryArticles(basil);
  assert.deepEqual(checkRealGold(gold, new Map([...articles].map(([id, a]) => [id, a.text]))), []);
  for (const st of gold) {
    const all = [...articles.values()].filter((a) => a.story === st.story).map((a) => a.id);
    assert.deepEqual([...st.articles].sort(), all.sort(), `${st.story} is one whole triplet`);
  }
});
