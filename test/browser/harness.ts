// Shared set-up for browser tests: Debian's Chromium driven by playwright-core, and a Parallax server
// on 127.0.0.1 (random port) with the built UI and the bundled examples in an in-memory store.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createAnalyzer } from '../../src/analyze.js';
import type { Article } from '../../src/model/document.js';
import type { StoryComparison } from '../../src/compare/types.js';
import { repoRoot } from '../../src/shared-paths.js';
import { createApp } from '../../src/server/app.js';
import { loadExampleStories } from '../../src/server/examples.js';
import { listen, type RunningServer } from '../../src/server/listen.js';
import { createMemoryStore } from '../../src/server/memory-store.js';
import type { ServerStore } from '../../src/server/deps.js';

export const CHROMIUM = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(repoRoot(), 'test-artifacts');

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface TestServer {
  server: RunningServer;
  store: ServerStore;
  analyze(a: Article): Article;
}

export async function startTestServer(compare: (articles: Article[]) => StoryComparison): Promise<TestServer> {
  const webRoot = join(repoRoot(), 'dist', 'web');
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error('dist/web is not built: run `npm run build:web` (npm test does)');
  const store = createMemoryStore();
  const analyzer = createAnalyzer();
  const analyze = (a: Article) => analyzer.analyze(a);
  await loadExampleStories(store, analyze, join(repoRoot(), 'examples'));
  const app = createApp({ store, analyze, compare, webRoot, log: () => {} });
  return { server: await listen(app, { port: 0, host: '127.0.0.1' }), store, analyze };
}

/** Console errors, page errors and CSP violations seen by a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Whether the element's box lies inside the viewport and inside its scrolling text box. */
export function inView(page: Page, selector: string): Promise<boolean[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest('.px-text')?.getBoundingClientRect();
      const inViewport = r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
      const inBox = !box || (r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
      return inViewport && inBox;
    }),
  );
}
