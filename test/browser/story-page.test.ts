// The example story in a real browser: the Tuesday/Wednesday conflict is highlighted in both reports,
// choosing it brings both spans into view, and nothing logs an error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { compareArticles } from '../../src/compare/index.js';
import { inView, launchBrowser, screenshot, startTestServer, watchProblems, type TestServer } from './harness.js';

let browser: Browser;
let ts: TestServer;

before(async () => {
  // The real comparison engine on the bundled example, end to end.
  ts = await startTestServer((articles) => compareArticles(articles));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await ts?.server.close();
});

test('the example story shows the day conflict in both reports and a click scrolls both spans into view', async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = watchProblems(page);
  await page.goto(`${ts.server.url}/stories/example-bishkek`);
  await page.waitForSelector('.px-articles mark.px-conflict');
  const conflicts = await page.$$eval('.px-findings button.px-conflict', (bs) => bs.map((b) => ({ f: b.getAttribute('data-f')!, text: b.textContent ?? '' })));
  const date = conflicts.find((c) => /Tuesday/.test(c.text) && /Wednesday/.test(c.text));
  assert.ok(date, `a conflict naming Tuesday and Wednesday is listed: ${JSON.stringify(conflicts)}`);
  // The weekday words themselves are highlighted as part of that conflict, one in each report.
  const sel = `.px-articles mark[data-f~="${date.f}"]`;
  const marks = await page.$$eval(sel, (ms) =>
    ms.map((m, i) => ({ i, text: m.textContent ?? '', article: m.closest('[data-article]')?.querySelector('h3')?.textContent, conflict: m.classList.contains('px-conflict') })),
  );
  const tuesday = marks.find((m) => m.article === 'Realist English' && /Tuesday/.test(m.text));
  const wednesday = marks.find((m) => m.article === 'The Moscow Times' && /Wednesday/.test(m.text));
  assert.ok(tuesday?.conflict && wednesday?.conflict, JSON.stringify(marks));
  const daySel = [tuesday, wednesday].map((m) => `${sel} >> nth=${m!.i}`);
  const daysInView = async () => [await inView(page, daySel[0]!), await inView(page, daySel[1]!)].map((x) => x[0]);

  // Move both texts and the page away from the spans, then choose the finding.
  await page.$$eval('.px-text', (boxes) => boxes.forEach((b) => (b.scrollTop = b.scrollHeight)));
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.deepEqual(await daysInView(), [false, false], 'the spans start out of view');
  await page.click(`.px-findings button[data-f="${date.f}"]`);
  assert.deepEqual(await daysInView(), [true, true], 'both spans are in view after the click');
  assert.equal(await page.$$eval(`${sel}.px-active`, (ms) => ms.length), marks.length);
  await screenshot(page, 'story-conflict-chosen');

  // The same from a highlight: clicking the span in one report brings the other report's span into view.
  await page.$$eval('.px-text', (boxes) => boxes.forEach((b) => (b.scrollTop = b.scrollHeight)));
  await page.$$eval('.px-text', (boxes) => (boxes[0]!.scrollTop = 0));
  await page.click(daySel[0]!);
  assert.deepEqual(await daysInView(), [true, true]);

  // Keyboard: the findings are buttons reached with Tab and chosen with Enter.
  await page.$$eval('.px-text', (boxes) => boxes.forEach((b) => (b.scrollTop = b.scrollHeight)));
  await page.focus(`.px-findings button[data-f="${date.f}"]`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await daysInView(), [true, true]);

  assert.deepEqual(problems, []);
  await page.close();
});

test('the main pages render without errors on a wide and a narrow screen', async () => {
  for (const [width, height, suffix] of [
    [1280, 900, ''],
    [390, 844, '-narrow'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/`);
    await page.waitForSelector('.story-card');
    assert.deepEqual((await page.$$eval('.story-card .chip', (cs) => cs.map((c) => c.textContent))).sort(), ['Realist English', 'The Moscow Times']);
    await screenshot(page, `story-list${suffix}`);
    await page.click('.story-card h2 a');
    await page.waitForSelector('.px-articles mark');
    // The charts are drawn without scrolling to them (a full-page capture or a printout shows them).
    await page.waitForSelector('.chart canvas');
    await screenshot(page, `story-page${suffix}`);
    // No horizontal scrolling of the page itself on a narrow screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
    await page.goto(`${ts.server.url}/compare`);
    await page.waitForSelector('textarea');
    await screenshot(page, `compare-form${suffix}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});
