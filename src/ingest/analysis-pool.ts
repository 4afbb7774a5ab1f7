// Analysis split over worker threads: each worker runs the whole pipeline on one article at a time;
// the pool hands each article to the least busy worker. With 0 workers analysis runs in this thread.
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/document.js';

export interface AnalysisPool {
  analyze(article: Article): Promise<Article>;
  /** Milliseconds spent analysing, summed over workers (CPU time of the analysis, not wall time). */
  readonly busyMs: number;
  close(): Promise<void>;
}

interface Pending {
  resolve: (a: Article) => void;
  reject: (e: Error) => void;
}

export function createInlinePool(analyze: (a: Article) => Article): AnalysisPool {
  let busy = 0;
  return {
    async analyze(article) {
      const t0 = performance.now();
      try {
        return analyze(article);
      } finally {
        busy += performance.now() - t0;
      }
    },
    get busyMs() {
      return busy;
    },
    async close() {},
  };
}

export function createWorkerPool(size: number, workerUrl: URL = new URL('./analyze-worker.js', import.meta.url)): AnalysisPool {
  let busy = 0;
  let nextId = 1;
  const slots = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(workerUrl);
    const pending = new Map<number, Pending>();
    worker.on('message', (msg: { id: number; article?: Article; error?: string; ms: number }) => {
      busy += msg.ms;
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.article!);
    });
    const failAll = (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`analysis worker stopped (exit ${code})`)));
    // Idle workers must not keep the process alive.
    worker.unref();
    return { worker, pending };
  });
  return {
    analyze(article) {
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const id = nextId++;
      return new Promise<Article>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, article });
      }).finally(() => {
        if (slot.pending.size === 0) slot.worker.unref();
      });
    },
    get busyMs() {
      return busy;
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
