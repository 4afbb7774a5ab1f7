// Corpus test: cluster BASIL (../shared/eval/stories/basil.jsonl) as a stream and check B-cubed F1 above a floor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { evalPath } from '../../src/shared-paths.js';
import { readFile } from '../../src/ingest/read-inputs.js';
import { clusterArticles, readGold } from '../../src/cluster/eval-stories.js';
import { scoreClusters } from '../../src/cluster/score.js';

const file = evalPath('stories', 'basil.jsonl');
const FLOOR = 0.93;

test('BASIL stories: B-cubed F1 above the floor', { skip: existsSync(file) ? false : `skipped: ${file} is absent (../shared not beside the repository)` }, () => {
  const gold = readGold(file);
  const articles = readFile(file);
  const predicted = clusterArticles(articles);
  const s = scoreClusters(
    articles.map((a) => gold.get(a.id)!),
    articles.map((a) => predicted.get(a.id)!),
  );
  assert.ok(s.f1 >= FLOOR, `B-cubed F1 ${s.f1.toFixed(4)} is below the floor ${FLOOR}`);
});
