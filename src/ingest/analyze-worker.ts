// Worker thread: runs the analysis pipeline on articles sent by the pool (analysis-pool.ts).
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import type { Article } from '../model/document.js';

const analyzer = createAnalyzer();

parentPort?.on('message', (msg: { id: number; article: Article }) => {
  const t0 = performance.now();
  try {
    const article = analyzer.analyze(msg.article);
    parentPort!.postMessage({ id: msg.id, article, ms: performance.now() - t0 });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e), ms: performance.now() - t0 });
  }
});
