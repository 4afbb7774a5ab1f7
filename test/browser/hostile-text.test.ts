// Article text that contains markup is shown as text and nothing in it runs: on the served story page,
// in the compare form, and in the self-contained HTML report. Both pages also refuse inline script
// through their Content-Security-Policy, which is checked by trying to inject one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { renderHtmlReport } from '../../src/report/html.js';
import { fakeCompare } from '../helpers/fake-compare.js';
import { HOSTILE_TEXT, testArticle } from '../helpers/articles.js';
import { ARTIFACTS, launchBrowser, screenshot, startTestServer, watchProblems, type TestServer } from './harness.js';

let browser: Browser;
let ts: TestServer;

before(async () => {
  ts = await startTestServer(fakeCompare);
  browser = await launchBrowser();
  await ts.store.putArticle(ts.analyze(testArticle('hostile1', 'Hostile <b>Outlet</b>', HOSTILE_TEXT, { title: 'A <img src=x onerror="window.__pwned=3"> title' })), 'hostile');
  await ts.store.putArticle(ts.analyze(testArticle('plain1', 'Plain Outlet', 'Officials met on Friday. Nothing else happened.')), 'hostile');
});

after(async () => {
  await browser?.close();
  await ts?.server.close();
});

async function assertNothingRan(page: Page) {
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no injected code ran');
}

/** Injecting an inline script must be refused by the page's CSP. */
async function assertInlineScriptBlocked(page: Page, problems: string[]) {
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
  });
  assert.equal(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline), undefined, 'inline script was blocked');
  assert.ok(problems.some((p) => /Content Security Policy/i.test(p)), 'the browser reported the CSP violation');
  problems.length = 0;
}

test('the story page shows markup in an article as text', async () => {
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(`${ts.server.url}/stories/hostile`);
  await page.waitForSelector('.px-articles [data-article="hostile1"] .px-text');
  const text = await page.textContent('[data-article="hostile1"] .px-text');
  assert.ok(text?.includes('<script>window.__pwned = 1</script>'), text ?? '');
  assert.ok(text?.includes('<img src=x onerror="window.__pwned = 2">'));
  assert.equal(await page.$$eval('main img, main script', (els) => els.length), 0);
  assert.match((await page.textContent('h1')) ?? '', /<img src=x/);
  await assertNothingRan(page);
  assert.deepEqual(problems, []);
  await assertInlineScriptBlocked(page, problems);
  await screenshot(page, 'hostile-story');
  await page.close();
});

test('the compare form shows pasted markup as text', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${ts.server.url}/compare`);
  const areas = page.locator('textarea');
  await areas.nth(0).fill(HOSTILE_TEXT);
  await areas.nth(1).fill('Officials met on Friday, the ministry said.');
  await page.locator('.draft input').first().fill('Pasted <i>one</i>');
  await page.click('button[type=submit]');
  await page.waitForSelector('#compare-result .px-text');
  const text = await page.textContent('#compare-result [data-article="a1"] .px-text');
  assert.ok(text?.includes('<img src=x onerror="window.__pwned = 2">'));
  assert.ok(((await page.textContent('#compare-result [data-article="a1"] h3')) ?? '').includes('Pasted <i>one</i>'));
  assert.equal(await page.$$eval('#compare-result img, #compare-result script, #compare-result i', (els) => els.length), 0);
  // The day conflict of the pasted texts is highlighted in both.
  assert.equal(await page.$$eval('#compare-result .px-articles mark.px-conflict', (ms) => ms.length), 2);
  await assertNothingRan(page);
  assert.deepEqual(problems, []);
  await screenshot(page, 'compare-result');
  await page.close();
});

test('the self-contained report shows markup as text, runs its own script, and refuses injected script', async () => {
  const hostile = testArticle('h1', 'Hostile', HOSTILE_TEXT);
  const other = testArticle('p1', 'Plain', 'Officials met on Friday in the capital.');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'hostile-report.html');
  writeFileSync(file, renderHtmlReport(fakeCompare([hostile, other])));
  const page = await browser.newPage();
  const problems = watchProblems(page);
  await page.goto(pathToFileURL(file).href);
  assert.ok((await page.textContent('[data-article="h1"] .px-text'))?.includes('<script>window.__pwned = 1</script>'));
  assert.equal(await page.$$eval('img', (els) => els.length), 0);
  await assertNothingRan(page);
  // The report's own script is allowed by its hash: choosing a finding marks its spans.
  await page.click('.px-findings button.px-conflict');
  assert.equal(await page.$$eval('mark.px-active', (ms) => ms.length), 2);
  assert.deepEqual(problems, []);
  await assertInlineScriptBlocked(page, problems);
  await page.close();
});
