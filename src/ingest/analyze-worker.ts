// Worker thread: runs the analysis pipeline on articles sent by the pool (analysis-pool.ts), or builds the
// article first from posted text or HTML (extraction of a long page is work the server's thread skips).
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import type { Article, ArticleMeta, Layers } from '../model/document.js';
import { isParallaxError } from '../model/errors.js';
import { articleFromContent } from './read-inputs.js';
import { threadCpuMs, threadTid } from './thread-cpu.js';
import { articleRows } from '../store/rows.js';

const analyzer = createAnalyzer();
// The pool starts an article's time budget only once the analyser is loaded; one short article first
// loads what the stages read lazily, so that the first real article is not charged for it.
analyzer.analyze(articleFromContent({ text: 'The mayor said on Tuesday that 1,200 residents of Springfield were "safe".' }, { source: 'warm-up' }));
parentPort?.postMessage({ ready: true, tid: threadTid(), threadCpuMs: threadCpuMs() });

type Job = { id: number; article: Article; keep?: (keyof Layers)[] } | { id: number; content: { text?: string; html?: string }; meta: Partial<ArticleMeta> & { source: string } };

parentPort?.on('message', (msg: Job) => {
  const t0 = performance.now();
  try {
    const input = 'article' in msg ? msg.article : articleFromContent(msg.content, msg.meta);
    const article = analyzer.analyze(input);
    if ('keep' in msg && msg.keep) {
      // For the store (AnalysisPool.analyzeForStore): the rows, and of the layers only those kept (the
      // store leaves tokens out, the largest layer, and recomputes them on reading).
      const rows = articleRows(article);
      const layerNames = (Object.keys(article.layers) as (keyof Layers)[]).filter((k) => k !== 'tokens');
      const kept: Layers = {};
      for (const k of msg.keep) if (article.layers[k] !== undefined) (kept as Record<string, unknown>)[k] = article.layers[k];
      parentPort!.postMessage({ id: msg.id, article: { ...article, layers: kept }, rows, layerNames, ms: performance.now() - t0, threadCpuMs: threadCpuMs() });
      return;
    }
    parentPort!.postMessage({ id: msg.id, article, ms: performance.now() - t0, threadCpuMs: threadCpuMs() });
  } catch (e) {
    const code = isParallaxError(e) ? e.code : undefined;
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e), code, ms: performance.now() - t0, threadCpuMs: threadCpuMs() });
  }
});
