// Worker thread: runs the analysis pipeline on articles sent by the pool (analysis-pool.ts), or builds the
// article first from posted text or HTML (extraction of a long page is work the server's thread skips).
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import type { Article, ArticleMeta } from '../model/document.js';
import { isParallaxError } from '../model/errors.js';
import { articleFromContent } from './read-inputs.js';
import { threadCpuMs, threadTid } from './thread-cpu.js';

const analyzer = createAnalyzer();
// The pool starts an article's time budget only once the analyser is loaded; one short article first
// loads what the stages read lazily, so that the first real article is not charged for it.
analyzer.analyze(articleFromContent({ text: 'The mayor said on Tuesday that 1,200 residents of Springfield were "safe".' }, { source: 'warm-up' }));
parentPort?.postMessage({ ready: true, tid: threadTid(), threadCpuMs: threadCpuMs() });

type Job = { id: number; article: Article } | { id: number; content: { text?: string; html?: string }; meta: Partial<ArticleMeta> & { source: string } };

/** See WorkerPoolOptions.dropTokens. */
const dropTokens = Boolean((workerData as { dropTokens?: boolean } | null)?.dropTokens);

parentPort?.on('message', (msg: Job) => {
  const t0 = performance.now();
  try {
    const input = 'article' in msg ? msg.article : articleFromContent(msg.content, msg.meta);
    const article = analyzer.analyze(input);
    if (dropTokens) delete article.layers.tokens;
    parentPort!.postMessage({ id: msg.id, article, ms: performance.now() - t0, threadCpuMs: threadCpuMs() });
  } catch (e) {
    const code = isParallaxError(e) ? e.code : undefined;
    parentPort!.postMessage({ id: msg.id, error: (e as Error).message ?? String(e), code, ms: performance.now() - t0, threadCpuMs: threadCpuMs() });
  }
});
