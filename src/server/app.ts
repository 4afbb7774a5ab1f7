// The HTTP application: JSON API under /api/, its OpenAPI description, and the built web UI.
// Everything it uses is passed in, so tests call app.request(url) with fakes and no socket.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DEFAULT_LIMITS, type AppDeps } from './deps.js';
import { ApiError, errorResponse } from './errors.js';
import { createComparisonService } from './comparisons.js';
import { createMicroCache } from './micro-cache.js';

/** How long a story list answer is reused (ingest through this server clears it at once). */
const STORY_LIST_TTL_MS = 2000;
import { openApiDocument } from './openapi.js';
import { securityHeaders } from './security.js';
import { allowedHostsFor, hostAllowList } from './host-check.js';
import { createStaticFiles } from './static.js';
import type { RouteContext } from './routes/context.js';
import { storyRoutes } from './routes/stories.js';
import { articleRoutes } from './routes/articles.js';
import { entityRoutes } from './routes/entities.js';
import { outletRoutes } from './routes/outlets.js';
import { searchRoutes } from './routes/search.js';
import { compareRoutes, ingestRoutes } from './routes/ingest.js';

export function createApp(deps: AppDeps): Hono {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? ((m: string) => process.stderr.write(`parallax serve: ${m}\n`));
  const ctx: RouteContext = { deps, limits, comparisons: createComparisonService(deps), storyLists: createMicroCache(STORY_LIST_TTL_MS) };
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', hostAllowList(deps.allowedHosts ?? allowedHostsFor('127.0.0.1')));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: limits.bodyBytes,
      onError: () => {
        throw new ApiError(413, 'E_TOO_LARGE', `the request body is over ${limits.bodyBytes} bytes`);
      },
    }),
  );
  app.onError((err, c) => errorResponse(err, c, log));
  app.route('/api/stories', storyRoutes(ctx));
  app.route('/api/articles', articleRoutes(ctx));
  app.route('/api/entities', entityRoutes(ctx));
  app.route('/api/outlets', outletRoutes(ctx));
  app.route('/api/search', searchRoutes(ctx));
  app.route('/api/ingest', ingestRoutes(ctx));
  app.route('/api/compare', compareRoutes(ctx));
  app.get('/api/status', async (c) => {
    const queue = deps.queueStatus ? await deps.queueStatus() : null;
    return c.json({ queue: queue ? queue.depth : null, workers: queue ? queue.workers : null });
  });
  const openapi = openApiDocument(limits);
  app.get('/openapi.json', (c) => c.json(openapi));
  app.all('/api/*', (c) => {
    // A route that exists but not for this method is a 405 with the methods it has, not a 404.
    const allowed = allowedMethods(c.req.path);
    if (allowed.length) {
      c.header('Allow', allowed.join(', '));
      throw new ApiError(405, 'E_METHOD', `${c.req.method} is not allowed here; use ${allowed.join(' or ')}`);
    }
    throw new ApiError(404, 'E_NOT_FOUND', 'no such API route (see /openapi.json)');
  });
  const files = deps.webRoot ? createStaticFiles(deps.webRoot) : null;
  app.get('*', async (c) => {
    const res = files ? await files.serve(c, c.req.path) : null;
    if (res) {
      // The page of the UI is served for every route so that the UI can say what is missing; its status
      // tells crawlers and scripts the truth (an unknown page or story is a 404).
      if (!res.headers.get('content-type')?.startsWith('text/html') || (await uiPageExists(c.req.path, deps))) return res;
      return new Response(res.body, { status: 404, headers: res.headers });
    }
    return c.json({ error: { code: 'E_NOT_FOUND', message: files ? 'not found' : 'the web UI is not built (npm run build:web); the API is under /api/' } }, 404);
  });
  return app;
}

/** API paths and the methods they answer (for 405 answers). */
const API_ROUTES: [RegExp, string[]][] = [
  [/^\/api\/stories\/?$/, ['GET']],
  [/^\/api\/stories\/[^/]+\/?$/, ['GET']],
  [/^\/api\/stories\/[^/]+\/comparison\/?$/, ['GET']],
  [/^\/api\/articles\/[^/]+\/?$/, ['GET']],
  [/^\/api\/entities(\/[^/]+)?\/?$/, ['GET']],
  [/^\/api\/outlets(\/[^/]+)?\/?$/, ['GET']],
  [/^\/api\/search\/?$/, ['GET']],
  [/^\/api\/ingest\/?$/, ['POST']],
  [/^\/api\/compare\/?$/, ['POST']],
  [/^\/api\/status\/?$/, ['GET']],
];

function allowedMethods(path: string): string[] {
  return API_ROUTES.find(([re]) => re.test(path))?.[1] ?? [];
}

/** Whether a path is a page of the web UI (web/src/main.tsx), and for a story page, whether the story exists. */
async function uiPageExists(path: string, deps: AppDeps): Promise<boolean> {
  if (/^\/(stories|entities|search|compare|outlets)?\/?$/.test(path)) return true;
  if (/^\/(entities|outlets)\/[^/]+\/?$/.test(path)) return true;
  const story = /^\/stories\/([^/]+)\/?$/.exec(path);
  if (!story) return false;
  let id: string;
  try {
    id = decodeURIComponent(story[1]!);
  } catch {
    return false;
  }
  return (await deps.store.storyArticles(id)).length > 0;
}
