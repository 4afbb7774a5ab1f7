// Analysis split over worker threads: each worker runs the whole pipeline on one article at a time;
// articles wait in one queue and go to the next free worker. Each article has a time budget: a worker
// still busy when it runs out is stopped and replaced, and the article fails with a message saying so,
// so one pathological input costs its budget and nothing else. With 0 workers analysis runs in this
// thread (no budget: a thread cannot be stopped from inside).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleMeta } from '../model/document.js';
import { ParallaxError, type ErrorCode } from '../model/errors.js';
import { articleFromContent } from './read-inputs.js';
import { createSpanClock } from './thread-cpu.js';
import { tuneOptimiserForAnalysis } from './v8-tuning.js';

export interface AnalysisPool {
  analyze(article: Article): Promise<Article>;
  /** The article built from text or HTML (articleFromContent) and analysed, both off this thread when pooled. */
  analyzeContent(content: { text?: string; html?: string }, meta: Partial<ArticleMeta> & { source: string }): Promise<Article>;
  /** Milliseconds spent analysing, summed over workers (wall time: on a busy machine it includes waiting for a core). */
  readonly busyMs: number;
  /**
   * CPU milliseconds of the analysis threads since they were ready, summed (null where the system does not
   * report a thread's CPU time): the articles' analysis and what the threads do between them (receiving the
   * next article, collecting garbage).
   */
  readonly cpuMs: number | null;
  /** Kernel ids of the live analysis threads (empty when analysis runs in the caller's thread or the system does not say). */
  readonly threadIds: readonly number[];
  close(): Promise<void>;
}

/**
 * Analysis threads when not given: one per core but the one the main thread (clustering, storage) keeps,
 * except on two cores, where the main thread is idle half the time and two analysis threads win
 * (bench --only ingest, 10,000 articles: 68.7 s with two, 83.4 s with one).
 */
export function defaultAnalysisWorkers(cores = availableParallelism()): number {
  return cores <= 2 ? Math.max(1, cores) : cores - 1;
}

/** Default time one article may take to analyse (ms): a 2 MB article takes about 12 s on one core. */
export const DEFAULT_ANALYSIS_BUDGET_MS = 120_000;

export interface WorkerPoolOptions {
  /** Per-article budget in ms (0: none). */
  budgetMs?: number;
  workerUrl?: URL;
  /**
   * Leave the tokens layer out of the analysed articles sent back: for callers that only store them and
   * cluster them (the store leaves tokens out and recomputes them on reading; the clusterer does not read
   * them). Tokens are the largest layer: about half of the cost of copying an article between threads.
   */
  dropTokens?: boolean;
}

export function createInlinePool(analyze: (a: Article) => Article): AnalysisPool {
  const clock = createSpanClock();
  return {
    async analyze(article) {
      const t = clock.start();
      try {
        return analyze(article);
      } finally {
        clock.stop(t);
      }
    },
    async analyzeContent(content, meta) {
      return this.analyze(articleFromContent(content, meta));
    },
    get busyMs() {
      return clock.wallMs;
    },
    get cpuMs() {
      return clock.cpuMs;
    },
    threadIds: [],
    async close() {},
  };
}

interface Task {
  id: number;
  job: { article: Article } | { content: { text?: string; html?: string }; meta: Partial<ArticleMeta> & { source: string } };
  resolve: (a: Article) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded (the analyser's models read): the budget counts analysis, not start-up. */
  ready: boolean;
  tid: number | null;
  /** The thread's own CPU clock (ms) when it was ready and at its last reply: a clock read per reply, not summed spans (a thread's clock lags by up to a scheduler tick; spans summed that lag once per article). */
  cpuAtReady: number | null;
  cpuLast: number | null;
  task: Task | null;
  started: number;
  timer: NodeJS.Timeout | null;
}

export function createWorkerPool(size: number, options: WorkerPoolOptions | URL = {}): AnalysisPool {
  const { budgetMs = DEFAULT_ANALYSIS_BUDGET_MS, workerUrl = new URL('./analyze-worker.js', import.meta.url), dropTokens = false } = options instanceof URL ? { workerUrl: options } : options;
  let busy = 0;
  /** CPU of analysis threads no longer in the pool (stopped or failed), ms; null once one was unknown. */
  let retiredCpu: number | null = 0;
  const slotCpu = (slot: Slot): number | null => (slot.cpuAtReady === null || slot.cpuLast === null ? (slot.ready ? null : 0) : slot.cpuLast - slot.cpuAtReady);
  const retire = (slot: Slot) => {
    const c = slotCpu(slot);
    retiredCpu = retiredCpu === null || c === null ? null : retiredCpu + c;
  };
  let nextId = 1;
  let closed = false;
  const queue: Task[] = [];
  const slots: Slot[] = [];

  const finish = (slot: Slot): Task | null => {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    busy += task ? performance.now() - slot.started : 0;
    return task;
  };

  tuneOptimiserForAnalysis();
  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: { dropTokens } }), ready: false, tid: null, cpuAtReady: null, cpuLast: null, task: null, started: 0, timer: null };
    slot.worker.on('message', (msg: { id: number; ready?: boolean; tid?: number | null; article?: Article; error?: string; code?: ErrorCode; threadCpuMs: number | null }) => {
      slot.cpuLast = msg.threadCpuMs;
      if (msg.ready) {
        slot.ready = true;
        slot.tid = msg.tid ?? null;
        slot.cpuAtReady = msg.threadCpuMs;
        pump();
        return;
      }
      if (!slot.task || slot.task.id !== msg.id) return;
      const task = finish(slot)!;
      // A user error stays one (an empty page is the client's 400, not the server's 500).
      if (msg.error !== undefined) task.reject(msg.code ? new ParallaxError(msg.code, msg.error) : new Error(msg.error));
      else task.resolve(msg.article!);
      pump();
    });
    const lost = (why: string) => {
      const i = slots.indexOf(slot);
      if (i < 0) return; // replaced already
      slots.splice(i, 1);
      retire(slot);
      const task = finish(slot);
      task?.reject(new Error(why));
      // A worker that cannot even start would fail again: the queue gets the reason instead of a loop.
      if (!slot.ready) {
        if (!slots.some((s) => s.ready)) for (const t of queue.splice(0)) t.reject(new Error(why));
        return;
      }
      if (!closed) {
        slots.push(spawn());
        pump();
      }
    };
    slot.worker.on('error', (e) => lost(`analysis worker failed: ${e.message}`));
    slot.worker.on('exit', (code) => lost(`analysis worker stopped (exit ${code})`));
    // Idle workers must not keep the process alive.
    slot.worker.unref();
    return slot;
  };

  const pump = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.started = performance.now();
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, ...task.job });
      if (budgetMs > 0) {
        slot.timer = setTimeout(() => {
          if (slot.task !== task) return;
          const i = slots.indexOf(slot);
          if (i >= 0) slots.splice(i, 1);
          retire(slot); // what it spent on the stopped article is not known
          finish(slot);
          void slot.worker.terminate();
          const source = 'article' in task.job ? task.job.article.source : task.job.meta.source;
          const chars = 'article' in task.job ? task.job.article.original.length : (task.job.content.html ?? task.job.content.text ?? '').length;
          task.reject(new ParallaxError('E_TOO_LARGE', `analysis stopped after ${Math.round(budgetMs / 1000)} s, the time budget of one article (--analysis-budget); the article has ${chars} characters`, source));
          if (!closed) slots.push(spawn());
          pump();
        }, budgetMs);
        slot.timer.unref();
      }
    }
    // Workers keep the process alive while there is work for them (starting up for it, or busy).
    for (const slot of slots) {
      if (slot.task || (!slot.ready && queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());
  const submit = (job: Task['job']) => {
    if (closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise<Article>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      pump();
    });
  };
  return {
    analyze: (article) => submit({ article }),
    analyzeContent: (content, meta) => submit({ content, meta }),
    get busyMs() {
      return busy;
    },
    get cpuMs() {
      let total = retiredCpu;
      for (const slot of slots) {
        const c = slotCpu(slot);
        total = total === null || c === null ? null : total + c;
      }
      return total;
    },
    get threadIds() {
      return slots.flatMap((s) => (s.tid === null ? [] : [s.tid]));
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) t.reject(new Error('the analysis pool is closed'));
      const all = slots.splice(0);
      all.forEach(retire);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
