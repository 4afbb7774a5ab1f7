// The story list and the story page as a journalist meets them, at 1400 px and 390 px: coverage and
// blindspots, an outlet's page, findings in one order with the differing words painted and their
// sentences only underlined, a page that scrolls as one on a phone, a timeline in words and in order,
// charts drawn without scrolling, a story's facts over time, names merged and typed, and honest 404s.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { compareArticles } from '../../src/compare/index.js';
import type { StoryComparison } from '../../src/compare/types.js';
import { testArticle } from '../helpers/articles.js';
import { launchBrowser, screenshot, startTestServer, watchProblems, type TestServer } from './harness.js';

let browser: Browser;
let ts: TestServer;

const EARLY = 'At least 12 people died when floods hit the Chui valley, officials said. Rescuers searched for people missing in the villages.';
const LATE = 'At least 20 people died when floods hit the Chui valley, officials said on Friday. Rescuers were still searching the villages.';

before(async () => {
  ts = await startTestServer((articles) => compareArticles(articles));
  browser = await launchBrowser();
  await ts.store.putArticle(ts.analyze(testArticle('flood1', 'Wire One', EARLY, { title: 'Floods in the Chui valley', published: '2025-06-01T08:00:00Z' })), 'st-floods');
  // Names to merge and to leave out: "Trump" is "Donald Trump" named before; "Christian" is a group adjective.
  await ts.store.putArticle(ts.analyze(testArticle('n1', 'Wire One', 'Donald Trump spoke to Christian voters in Ohio on Monday.', { title: 'Trump in Ohio', published: '2025-05-01' })), 'st-names-1');
  await ts.store.putArticle(ts.analyze(testArticle('n2', 'Wire Two', 'President Trump met Senate leaders in Washington on Tuesday. Trump said the talks went well.', { title: 'Senate talks', published: '2025-05-02' })), 'st-names-2');
  await ts.store.putArticle(ts.analyze(testArticle('flood2', 'Wire Two', LATE, { title: 'Flood toll rises', published: '2025-06-02T18:30:00Z' })), 'st-floods');
});

after(async () => {
  await browser?.close();
  await ts?.server.close();
});

const SIZES = [
  [1400, 900, ''],
  [390, 844, '-narrow'],
] as const;

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the screen`);
}

test('story list: a coverage bar per story, dates, report counts in words, blindspot; the example first; an outlet page with its blindspot', async () => {
  for (const [width, height, suffix] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/`);
    await page.waitForSelector('.story-card .coverage-bar');
    const cards = await page.$$eval('.story-card', (cs) =>
      cs.map((c) => ({
        title: c.querySelector('h2')?.textContent ?? '',
        meta: c.querySelector('.meta')?.textContent ?? '',
        segments: c.querySelectorAll('.coverage-seg').length,
        blindspot: c.querySelector('.blindspot')?.textContent ?? '',
        names: [...c.querySelectorAll('.names a')].map((a) => a.textContent ?? ''),
      })),
    );
    assert.match(cards[0]!.title, /Putin|Japarov|Kyrgyz/, 'the example story leads the list');
    assert.match(cards[0]!.meta, /^2 reports from 2 outlets · date unknown/);
    assert.equal(cards[0]!.segments, 2);
    assert.match(cards[0]!.blindspot, /Not reported by: .*Wire One/);
    const flood = cards.find((c) => /Flood/.test(c.title))!;
    assert.match(flood.meta, /2 reports from 2 outlets · 2025-06-01 – 2025-06-02/);
    for (const card of cards) {
      // Names are merged: no name in a card is the surname of another one in it.
      for (const n of card.names) assert.ok(!card.names.some((m) => m !== n && m.endsWith(` ${n}`)), `${n} and its full name both listed: ${card.names}`);
    }
    await noSidewaysScroll(page);
    await screenshot(page, `everyday-story-list${suffix}`);
    await page.click('.story-card .chip >> text=Wire One');
    await page.waitForSelector('#blindspot-h');
    assert.match((await page.textContent('#blindspot-h')) ?? '', /Its blindspot \(1\)/);
    assert.match((await page.locator('.outlet-columns section').nth(1).textContent()) ?? '', /Putin|Japarov/);
    await noSidewaysScroll(page);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('story page: findings in one order, the differing words painted and the sentence only underlined, timeline in words and order, charts drawn unscrolled', async () => {
  for (const [width, height, suffix] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/stories/example-bishkek`);
    await page.waitForSelector('.px-articles mark');
    const kinds = await page.$$eval('.px-findings button.px-finding', (bs) => bs.map((b) => ['conflict', 'partial', 'agreement', 'exclusive'].find((k) => b.classList.contains(`px-${k}`))));
    const rank = kinds.map((k) => ['conflict', 'partial', 'agreement', 'exclusive'].indexOf(k!));
    assert.deepEqual(rank, [...rank].sort((a, b) => a - b), 'conflicts, partial matches, agreements, exclusives');
    assert.ok(kinds.includes('agreement') && kinds.includes('exclusive'));
    // "Tuesday" is painted; the sentences of findings are underlined only; most of the text is not painted.
    const paint = await page.$$eval('.px-articles .px-text', (boxes) => {
      let painted = 0;
      let total = 0;
      for (const b of boxes) {
        total += (b.textContent ?? '').length;
        b.querySelectorAll('mark.px-value').forEach((m) => (painted += (m.textContent ?? '').length));
      }
      const tuesday = [...document.querySelectorAll('.px-articles mark.px-conflict')].find((m) => m.textContent === 'Tuesday');
      const context = document.querySelector('.px-articles mark.px-context');
      return {
        share: painted / total,
        tuesday: tuesday ? getComputedStyle(tuesday).backgroundColor : null,
        context: context ? getComputedStyle(context).backgroundColor : null,
      };
    });
    assert.ok(paint.tuesday && paint.tuesday !== 'rgba(0, 0, 0, 0)', `Tuesday is painted (${paint.tuesday})`);
    assert.equal(paint.context, 'rgba(0, 0, 0, 0)', 'a sentence around a finding is not painted');
    assert.ok(paint.share < 0.25, `${Math.round(paint.share * 100)}% of the text is painted`);
    assert.match((await page.textContent('.px-counts')) ?? '', /^\d+ conflicts?, \d+ partial match(es)?, \d+ agreements?, \d+ exclusives?\./);
    // Timeline: words, not TimeML codes; years in order.
    const timeline = (await page.textContent('.px-timeline')) ?? '';
    assert.doesNotMatch(timeline, /PAST_REF|PRESENT_REF|XXXX|WXX/);
    assert.ok(timeline.indexOf('2022') < timeline.indexOf('October 2023') && timeline.indexOf('October 2023') < timeline.indexOf('2026'), timeline);
    // Charts are drawn without scrolling to them.
    await page.waitForSelector('.chart canvas');
    if (width < 700) {
      // One scrolling page on a phone: no report is a scroll box of its own, and the framing table scrolls inside its frame.
      const boxes = await page.$$eval('.px-text', (bs) => bs.map((b) => ({ max: getComputedStyle(b).maxHeight, scroll: b.scrollHeight - b.clientHeight })));
      assert.ok(boxes.every((b) => b.max === 'none' && b.scroll <= 1), JSON.stringify(boxes));
      await noSidewaysScroll(page);
      const wrap = await page.$eval('.px-table-wrap', (w) => w.getBoundingClientRect().right);
      assert.ok(wrap <= width + 1, `the framing table's frame ends at ${wrap}px`);
    }
    await screenshot(page, `everyday-story-page${suffix}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("a story's facts over time: what each outlet reported when, from the comparison's 'update' verdict", async () => {
  const comparison = (await (await fetch(`${ts.server.url}/api/stories/st-floods/comparison`)).json()) as StoryComparison;
  const update = comparison.findings.find((f) => f.verdict === 'update');
  assert.ok(update, 'the comparison finds the later toll an update');
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/stories/st-floods`);
    await page.waitForSelector('.px-development');
    const steps = await page.$$eval('.px-development .px-steps li', (ls) => ls.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(steps, ['1 Jun 2025, 08:00 UTC Wire One: At least 12', '2 Jun 2025, 18:30 UTC Wire Two: At least 20']);
    assert.match((await page.textContent('.px-development')) ?? '', /updated in a later report/);
    const reports = await page.$$eval('.px-development .px-reports li', (ls) => ls.map((l) => l.textContent?.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(reports, ['1 Jun 2025, 08:00 UTC Wire One', '2 Jun 2025, 18:30 UTC Wire Two'], 'what each outlet reported when, in publication order');
    assert.equal(await page.textContent('.px-dev-summary'), '2 reports from 1 Jun 2025, 08:00 UTC to 2 Jun 2025, 18:30 UTC: 1 fact updated in a later report.');
    const verdict = await page.textContent(`.px-findings button[data-f="${update.id}"] .px-verdict`);
    assert.equal(verdict, 'later report updates it');
    await noSidewaysScroll(page);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('names list: merged names with their other spellings, each with its type; adjectives left out', async () => {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/entities`);
    await page.waitForSelector('.px-table tbody tr');
    const rows = await page.$$eval('.px-table tbody tr', (trs) =>
      trs.map((tr) => ({ name: tr.querySelector('th a')?.textContent ?? '', aliases: tr.querySelector('.aliases')?.textContent ?? '', type: tr.querySelector('.entity-type')?.textContent ?? '' })),
    );
    const names = rows.map((r) => r.name);
    const trump = rows.find((r) => r.name === 'Donald Trump');
    assert.ok(trump, names.join(', '));
    assert.equal(trump.type, 'person');
    assert.match(trump.aliases, /also Trump/);
    assert.ok(!names.includes('Trump'), 'the surname is merged into the full name');
    assert.ok(!names.some((n) => /^(Christian|Russian|American)$/.test(n)), `no adjective is listed as a name: ${names.join(', ')}`);
    assert.equal(rows.find((r) => r.name === 'Bishkek')?.type, 'place');
    for (const r of rows) assert.ok(['person', 'organisation', 'place', 'other'].includes(r.type), `${r.name}: ${r.type}`);
    await noSidewaysScroll(page);
    await page.click('.px-table th a >> text=Donald Trump');
    await page.waitForSelector('.entity-meta');
    assert.match((await page.textContent('.entity-meta')) ?? '', /^person · also written Trump/);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("the compare form shows the one-event check: reports of two events are compared with a warning naming the groups", async () => {
  const floods =
    'RIVERTON (Valley Gazette). Floods swept through the Green River valley on Monday after three days of heavy rain, forcing 2,300 residents from their homes. ' +
    'The county sheriff said two bridges had collapsed and the main highway was closed. Emergency crews used boats to reach farms cut off by the water.';
  const election =
    'Voters in the northern province elected a new parliament on Sunday, the electoral commission said. Turnout was 61 percent. ' +
    'The ruling party won 48 of the 120 seats and will need a coalition partner, its leader told supporters at a rally in the capital.';
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const problems = watchProblems(page);
    await page.goto(`${ts.server.url}/compare`);
    const areas = page.locator('textarea');
    await areas.nth(0).fill(floods);
    await areas.nth(1).fill(election);
    await page.click('button[type=submit]');
    await page.waitForSelector('#compare-result .px-text');
    const warning = (await page.textContent('#compare-result .warning')) ?? '';
    assert.match(warning, /do not look like one event; the story clusterer puts them in 2 stories/);
    assert.match(warning, /Report 1/);
    assert.match(warning, /Report 2/);
    await noSidewaysScroll(page);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('unknown pages and stories: status 404 and a page that says so', async () => {
  for (const [width, height] of SIZES) {
    const page = await browser.newPage({ viewport: { width, height } });
    const missing = await page.goto(`${ts.server.url}/no/such/page`);
    assert.equal(missing?.status(), 404);
    assert.equal(await page.textContent('main h1'), 'Not found');
    const story = await page.goto(`${ts.server.url}/stories/no-such-story`);
    assert.equal(story?.status(), 404);
    await page.waitForSelector('.error');
    assert.equal(await page.textContent('main h1'), 'Story not found');
    assert.match((await page.textContent('.error')) ?? '', /^There is no story with the id "no-such-story"\./);
    await page.close();
  }
});
