import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkerPool, defaultAnalysisWorkers } from './analysis-pool.js';
import { articleFromContent } from './read-inputs.js';
import { processThreadsCpuMs, threadTid } from './thread-cpu.js';

test('analysis threads by default: one per core but the main thread, two on two cores, one on one', () => {
  assert.equal(defaultAnalysisWorkers(1), 1);
  assert.equal(defaultAnalysisWorkers(2), 2);
  assert.equal(defaultAnalysisWorkers(4), 3);
  assert.equal(defaultAnalysisWorkers(16), 15);
});

test('the pool names its threads and counts their CPU from their own clocks', async () => {
  const pool = createWorkerPool(1);
  try {
    const before = pool.cpuMs;
    for (let i = 0; i < 3; i++) await pool.analyze(articleFromContent({ text: `Officials said on Monday that ${i + 2} bridges in Riga were closed.` }, { source: `t${i}` }));
    const main = threadTid();
    if (main === null) return; // no per-thread clocks on this system
    assert.equal(pool.threadIds.length, 1);
    assert.notEqual(pool.threadIds[0], main);
    assert.ok(processThreadsCpuMs().has(pool.threadIds[0]!), 'a live thread of this process');
    assert.ok(before !== null && pool.cpuMs !== null && pool.cpuMs > before, `analysis CPU counted (${before} -> ${pool.cpuMs})`);
  } finally {
    await pool.close();
  }
});
