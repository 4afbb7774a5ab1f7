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

test('articles a worker holds behind one over its budget are analysed by its replacement, not failed', async () => {
  const pool = createWorkerPool(1, { budgetMs: 300 });
  try {
    const long = pool.analyze(articleFromContent({ text: 'The minister said on Monday that 40 bridges were closed. '.repeat(9000) }, { source: 'long' }));
    const short = [1, 2, 3].map((i) => pool.analyzeForStore(articleFromContent({ text: `The mayor said on Tuesday that ${i} roads in Riga were closed.` }, { source: `s${i}` }), ['entities']));
    await assert.rejects(long, (e: Error & { code?: string }) => e.code === 'E_TOO_LARGE');
    const done = await Promise.all(short);
    assert.deepEqual(done.map((d) => d.article.source), ['s1', 's2', 's3']);
    assert.ok(done.every((d) => d.rows.claims.length > 0 && d.article.layers.entities!.length > 0));
  } finally {
    await pool.close();
  }
});

test('closing the pool settles every article it holds', async () => {
  const pool = createWorkerPool(1);
  const pending = [1, 2, 3, 4].map((i) => pool.analyze(articleFromContent({ text: `Officials said ${i} ferries were late.` }, { source: `c${i}` })).then(() => 'done', () => 'closed'));
  await pool.close();
  const settled = await Promise.all(pending);
  assert.ok(settled.every((s) => s === 'closed' || s === 'done'), settled.join());
});
