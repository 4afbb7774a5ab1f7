// Analysis split over worker threads: each worker runs the whole pipeline on one article at a time;
// articles wait in one queue and go to the next free worker. Each article has a time budget: a worker
// still busy when it runs out is stopped and replaced, and the article fails with a message saying so,
// so one pathological input costs its budget and nothing else. With 0 workers analysis runs in this
// thread (no budget: a thread cannot be stopped from inside).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleMeta, Layers } from '../model/document.js';
import { ParallaxError, type ErrorCode } from '../model/errors.js';
import { articleFromContent } from './read-inputs.js';
import { createSpanClock } from './thread-cpu.js';
import { articleRows, layersFromJson, type ArticleRows } from '../store/rows.js';
import { tuneOptimiserForAnalysis } from './v8-tuning.js';

/** An analysed article with its rows for the store (articleRows), made where it was analysed. */
export interface AnalysedForStore {
  article: Article;
  rows: ArticleRows;
}

export interface AnalysisPool {
  analyze(article: Article): Promise<Article>;
  /**
   * The article analysed and serialised for the store, both off this thread when pooled. Only the `keep`
   * layers cross as objects (copying layers between threads object by object cost about as much as
   * serialising them); the article's other layers are parsed from rows.layers when first read.
   */
  analyzeForStore(article: Article, keep: readonly (keyof Layers)[]): Promise<AnalysedForStore>;
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
}

export function createInlinePool(analyze: (a: Article) => Article): AnalysisPool {
  // The analysis code is optimised in this thread: the same tuning as for the analysis threads.
  tuneOptimiserForAnalysis();
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
    async analyzeForStore(article) {
      const analysed = await this.analyze(article);
      return { article: analysed, rows: articleRows(analysed) };
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

type Job = { article: Article; keep?: readonly (keyof Layers)[] } | { content: { text?: string; html?: string }; meta: Partial<ArticleMeta> & { source: string } };

/** A worker's reply: the analysed article; with `rows` and the names of all its layers when the job had `keep`. */
interface Reply {
  id: number;
  ready?: boolean;
  tid?: number | null;
  article?: Article;
  rows?: ArticleRows;
  layerNames?: (keyof Layers)[];
  error?: string;
  code?: ErrorCode;
  threadCpuMs: number | null;
}

interface Task {
  id: number;
  job: Job;
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

/**
 * Articles a worker holds at once: the one it analyses and the next ones, waiting in its port. A worker
 * that held one asked this thread for the next one through its event loop, which a thread clustering and
 * storing a batch turns only now and then: the worker sat idle meanwhile.
 */
const PER_WORKER = 3;

interface Slot {
  worker: Worker;
  /** Loaded (the analyser's models read): the budget counts analysis, not start-up. */
  ready: boolean;
  tid: number | null;
  /** The thread's own CPU clock (ms) when it was ready and at its last reply: a clock read per reply, not summed spans (a thread's clock lags by up to a scheduler tick; spans summed that lag once per article). */
  cpuAtReady: number | null;
  cpuLast: number | null;
  /** Sent to the worker, in order: the first is being analysed, the others wait for it. */
  tasks: Task[];
  /** When the first task started (the previous one's reply), and its budget's timer. */
  started: number;
  timer: NodeJS.Timeout | null;
}

export function createWorkerPool(size: number, options: WorkerPoolOptions | URL = {}): AnalysisPool {
  const { budgetMs = DEFAULT_ANALYSIS_BUDGET_MS, workerUrl = new URL('./analyze-worker.js', import.meta.url) } = options instanceof URL ? { workerUrl: options } : options;
  let busy = 0;
  /** CPU of analysis threads no longer in the pool (stopped or failed), ms; null once one was unknown. */
  let retiredCpu: number | null = 0;
  const slotCpu = (slot: Slot): number | null => (slot.cpuAtReady === null || slot.cpuLast === null ? (slot.ready ? null : 0) : slot.cpuLast - slot.cpuAtReady);
  let nextId = 1;
  let closed = false;
  const queue: Task[] = [];
  const slots: Slot[] = [];

  /** Starts the clock and the budget of the slot's first task. */
  const startFirst = (slot: Slot) => {
    const task = slot.tasks[0];
    if (!task) return;
    slot.started = performance.now();
    if (budgetMs > 0) {
      slot.timer = setTimeout(() => overBudget(slot, task), budgetMs);
      slot.timer.unref();
    }
  };

  /** The slot's first task, done: the next one starts. */
  const finishFirst = (slot: Slot): Task | null => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const task = slot.tasks.shift() ?? null;
    if (task) busy += performance.now() - slot.started;
    startFirst(slot);
    return task;
  };

  /**
   * Takes a stopped or failed worker out of the pool: its first task is returned (the caller says why it
   * failed); the ones it had not started go back to the front of the queue, in order.
   */
  const remove = (slot: Slot): Task | null => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    const c = slotCpu(slot);
    retiredCpu = retiredCpu === null || c === null ? null : retiredCpu + c;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [first, ...waiting] = slot.tasks.splice(0);
    if (first) busy += performance.now() - slot.started;
    queue.unshift(...waiting);
    return first ?? null;
  };

  const overBudget = (slot: Slot, task: Task) => {
    if (slot.tasks[0] !== task) return;
    remove(slot); // what it spent on the stopped article is not known
    void slot.worker.terminate();
    const source = 'article' in task.job ? task.job.article.source : task.job.meta.source;
    const chars = 'article' in task.job ? task.job.article.original.length : (task.job.content.html ?? task.job.content.text ?? '').length;
    task.reject(new ParallaxError('E_TOO_LARGE', `analysis stopped after ${Math.round(budgetMs / 1000)} s, the time budget of one article (--analysis-budget); the article has ${chars} characters`, source));
    if (!closed) slots.push(spawn());
    pump();
  };

  tuneOptimiserForAnalysis();
  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl), ready: false, tid: null, cpuAtReady: null, cpuLast: null, tasks: [], started: 0, timer: null };
    slot.worker.on('message', (msg: Reply) => {
      slot.cpuLast = msg.threadCpuMs;
      if (msg.ready) {
        slot.ready = true;
        slot.tid = msg.tid ?? null;
        slot.cpuAtReady = msg.threadCpuMs;
        pump();
        return;
      }
      if (slot.tasks[0]?.id !== msg.id) return;
      const task = finishFirst(slot)!;
      // A user error stays one (an empty page is the client's 400, not the server's 500).
      if (msg.error !== undefined) task.reject(msg.code ? new ParallaxError(msg.code, msg.error) : new Error(msg.error));
      else task.resolve(msg);
      pump();
    });
    const lost = (why: string) => {
      if (!slots.includes(slot)) return; // replaced already
      remove(slot)?.reject(new Error(why));
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
    // A task to every idle worker first, then a second to each, and so on.
    for (let held = 0; held < PER_WORKER && queue.length > 0; held++) {
      for (const slot of slots) {
        if (!slot.ready || slot.tasks.length > held || queue.length === 0) continue;
        const task = queue.shift()!;
        slot.tasks.push(task);
        slot.worker.postMessage({ id: task.id, ...task.job });
        if (slot.tasks.length === 1) startFirst(slot);
      }
    }
    // Workers keep the process alive while there is work for them (starting up for it, or busy).
    for (const slot of slots) {
      if (slot.tasks.length > 0 || (!slot.ready && queue.length > 0)) slot.worker.ref();
      else slot.worker.unref();
    }
  };

  for (let i = 0; i < Math.max(1, size); i++) slots.push(spawn());
  const submit = (job: Job) => {
    if (closed) return Promise.reject(new Error('the analysis pool is closed'));
    return new Promise<Reply>((resolve, reject) => {
      queue.push({ id: nextId++, job, resolve, reject });
      pump();
    });
  };
  return {
    analyze: async (article) => (await submit({ article })).article!,
    analyzeContent: async (content, meta) => (await submit({ content, meta })).article!,
    async analyzeForStore(article, keep) {
      const { article: analysed, rows, layerNames } = await submit({ article, keep });
      return { article: { ...analysed!, layers: layersFromJson(analysed!.layers, layerNames!, rows!.layers) }, rows: rows! };
    },
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
      const all = [...slots];
      for (const slot of all) remove(slot)?.reject(new Error('the analysis pool is closed'));
      for (const t of queue.splice(0)) t.reject(new Error('the analysis pool is closed'));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
