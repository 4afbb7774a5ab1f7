import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../analyze.js';
import { compareArticles } from '../../compare/index.js';
import { ParallaxError } from '../../model/errors.js';
import { repoRoot } from '../../shared-paths.js';
import { createApp } from '../../server/app.js';
import { loadExampleStories } from '../../server/examples.js';
import { listen } from '../../server/listen.js';
import { openServerStore } from '../../server/open-store.js';
import { createPageFetcher } from '../../server/fetch-page.js';
import { createStoryAssigner } from '../../server/story-assigner.js';
import { createStoryClusterer } from '../../cluster/index.js';
import { EXIT, type Command } from '../command.js';
import { availableParallelism } from 'node:os';
import { createWorkerPool, DEFAULT_ANALYSIS_BUDGET_MS } from '../../ingest/analysis-pool.js';
import { allowedHostsFor } from '../../server/host-check.js';

function wholeNumber(v: unknown, name: string, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new ParallaxError('E_USAGE', `--${name} must be a whole number >= ${min}, not "${String(v)}"`);
  return n;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the web UI and the JSON API (http://127.0.0.1:8787 by default).',
  usage: 'serve [--port N] [--host H] [--db PATH|URL] [--examples]',
  options: {
    port: { type: 'string', valueName: 'N', description: 'port to listen on (default 8787; 0 picks a free one)' },
    host: { type: 'string', valueName: 'H', description: 'address to listen on (default 127.0.0.1: this machine only)' },
    db: { type: 'string', valueName: 'PATH|URL', description: 'database file, postgres:// URL, or :memory:' },
    examples: { type: 'boolean', description: 'load the bundled example stories (examples/*/sources.json) first' },
    'allow-host': { type: 'string', multiple: true, valueName: 'NAME', description: 'also answer to this Host name (repeat; default: the bound address and loopback names)' },
    workers: { type: 'string', valueName: 'N', description: 'analysis worker threads for posted articles (default: cores - 1, or 2 on two cores)' },
    'analysis-budget': { type: 'string', valueName: 'SECONDS', description: 'time one posted article may take to analyse (default 120)' },
  },
  async run({ values }, io) {
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ParallaxError('E_USAGE', `--port must be a number from 0 to 65535, not "${String(values.port)}"`);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const { store, label } = await openServerStore(typeof values.db === 'string' ? values.db : undefined);
    const analyzer = createAnalyzer();
    const analyze = analyzer.analyze.bind(analyzer);
    // Posted articles are analysed in worker threads, each within a time budget: the event loop keeps
    // answering other clients while one posts a long article.
    const workers = wholeNumber(values.workers, 'workers', Math.max(1, availableParallelism() - 1), 1);
    const budgetSeconds = wholeNumber(values['analysis-budget'], 'analysis-budget', DEFAULT_ANALYSIS_BUDGET_MS / 1000, 1);
    const pool = createWorkerPool(workers, { budgetMs: budgetSeconds * 1000 });
    io.stderr.write(`parallax serve: database ${label}\n`);
    const stories = createStoryAssigner(createStoryClusterer());
    if (values.examples) {
      const loaded = await loadExampleStories(store, analyze, join(repoRoot(), 'examples'), (a, story) => stories.seed(a, story));
      io.stderr.write(`parallax serve: example stories: ${loaded.stories.join(', ') || 'none'} (${loaded.added} new of ${loaded.articles} articles)\n`);
      // Compared now (two short reports each), so that the story list shows their conflicts at once.
      for (const story of loaded.stories) {
        if (await store.getComparison(story)) continue;
        const members = await Promise.all((await store.storyArticles(story)).map((m) => store.getArticle(m.id)));
        const articles = members.filter((a): a is NonNullable<typeof a> => a !== null);
        if (articles.length > 1) await store.putComparison(story, compareArticles(articles));
      }
    }
    const builtWeb = join(repoRoot(), 'dist', 'web');
    const webRoot = existsSync(join(builtWeb, 'index.html')) ? builtWeb : undefined;
    if (!webRoot) io.stderr.write('parallax serve: the web UI is not built (npm run build:web); serving the API only\n');
    // On PostgreSQL, /api/status reports the job queue that `parallax worker` processes take from.
    const dbArg = typeof values.db === 'string' ? values.db : '';
    const queue = /^postgres(ql)?:\/\//i.test(dbArg) ? (await import('../../app/job-queue.js')).openQueueStatus(dbArg) : null;
    const app = createApp({
      store,
      ...(queue ? { queueStatus: () => queue.status() } : {}),
      analyze: (a) => pool.analyze(a),
      analyzeContent: (content, meta) => pool.analyzeContent(content, meta),
      allowedHosts: allowedHostsFor(host, (values['allow-host'] as string[] | undefined) ?? []),
      compare: (articles) => compareArticles(articles),
      // Articles posted to /api/ingest join the story the clusterer finds for them (this session).
      assignStory: (a) => stories.assign(a),
      fetchUrl: createPageFetcher(),
      ...(webRoot ? { webRoot } : {}),
      log: (m) => io.stderr.write(`parallax serve: ${m}\n`),
    });
    const server = await listen(app, { port, host });
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      io.stderr.write('parallax serve: warning: listening beyond this machine; the API has no authentication\n');
    }
    io.stdout.write(`Parallax is running at ${server.url}/  (Ctrl+C to stop)\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(() => pool.close()).then(() => store.close()).then(() => queue?.close()).then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
