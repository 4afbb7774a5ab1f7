// Captures the screenshots shown in the README (docs/screenshot-*.png): the story list and the example
// story page, served with the bundled examples, in headless Chromium at 1400 px.
// Usage: npm run build && node scripts/build-web.mjs && node scripts/screenshots.mjs
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createAnalyzer } from '../dist/src/analyze.js';
import { compareArticles } from '../dist/src/compare/index.js';
import { createApp } from '../dist/src/server/app.js';
import { loadExampleStories } from '../dist/src/server/examples.js';
import { listen } from '../dist/src/server/listen.js';
import { createMemoryStore } from '../dist/src/server/memory-store.js';

const root = process.cwd();
const store = createMemoryStore();
const analyzer = createAnalyzer();
const analyze = (a) => analyzer.analyze(a);
const { stories } = await loadExampleStories(store, analyze, join(root, 'examples'));
const app = createApp({ store, analyze, compare: compareArticles, webRoot: join(root, 'dist', 'web'), log: () => {} });
const server = await listen(app, { port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Each story is compared once first, so that the list shows its conflicts.
  for (const s of stories) await (await fetch(`${server.url}/api/stories/${s}/comparison`)).arrayBuffer();
  await page.goto(`${server.url}/`);
  await page.waitForSelector('.story-card .coverage-bar');
  await page.screenshot({ path: join(root, 'docs', 'screenshot-story-list.png') });
  await page.goto(`${server.url}/stories/example-bishkek`);
  await page.waitForSelector('.chart canvas');
  await page.click('.px-findings button.px-conflict >> nth=0');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(root, 'docs', 'screenshot-story-page.png') });
} finally {
  await browser.close();
  await server.close();
}
