import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultAnalysisWorkers } from './analysis-pool.js';

test('analysis threads by default: one per core but the main thread, two on two cores, one on one', () => {
  assert.equal(defaultAnalysisWorkers(1), 1);
  assert.equal(defaultAnalysisWorkers(2), 2);
  assert.equal(defaultAnalysisWorkers(4), 3);
  assert.equal(defaultAnalysisWorkers(16), 15);
});
