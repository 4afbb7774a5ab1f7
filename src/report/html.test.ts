import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { renderHtmlReport, reportScript } from './html.js';
import { renderHighlightedText } from './render/highlight.js';
import { fakeCompare } from '../../test/helpers/fake-compare.js';
import { HOSTILE_TEXT, testArticle } from '../../test/helpers/articles.js';

const a = testArticle('a1', 'Outlet A', 'The presidents held talks on Tuesday in Bishkek. Trade grew.');
const b = testArticle('b2', 'Outlet <B>', 'The presidents met on Wednesday in Bishkek, officials said.');

test('the report highlights a conflict in both articles, conflicts listed first', () => {
  const html = renderHtmlReport(fakeCompare([a, b]));
  const { document } = parseHTML(html);
  const marks = [...document.querySelectorAll('mark[data-f~="f-date"]')];
  assert.deepEqual(
    marks.map((m) => m.textContent),
    ['on Tuesday', 'on Wednesday'],
  );
  assert.ok(marks.every((m) => m.classList.contains('px-conflict')));
  const firstFinding = document.querySelector('.px-findings button');
  assert.equal(firstFinding?.getAttribute('data-f'), 'f-date');
  // Each article's text comes back whole from the DOM: highlighting cut nothing and added nothing.
  const texts = [...document.querySelectorAll('.px-text')].map((t) => t.textContent);
  assert.deepEqual(texts, [a.text, b.text]);
  // Outlet names are escaped too.
  assert.ok(html.includes('Outlet &lt;B&gt;'));
});

test('article text containing markup is shown as text and never becomes an element', () => {
  const hostile = testArticle('h1', 'Hostile', HOSTILE_TEXT);
  const html = renderHtmlReport(fakeCompare([hostile, a]));
  const { document } = parseHTML(html);
  assert.equal(document.querySelectorAll('img').length, 0);
  assert.equal(document.querySelectorAll('script').length, 1, 'only the report script');
  assert.ok(!html.includes('<script>window.__pwned'));
  assert.ok(document.querySelector('[data-article="h1"] .px-text')?.textContent?.includes('<img src=x onerror="window.__pwned = 2">'));
});

test('the Content-Security-Policy allows exactly the inline script and style by hash, and nothing external', () => {
  const html = renderHtmlReport(fakeCompare([a, b]));
  const { document } = parseHTML(html);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  assert.equal(document.querySelector('script')?.textContent, reportScript());
  assert.ok(csp.includes(`script-src ${hash(reportScript())}`), csp);
  assert.ok(csp.includes(`style-src ${hash(document.querySelector('style')?.textContent ?? '')}`), csp);
  assert.match(csp, /default-src 'none'/);
  assert.equal(document.querySelectorAll('link, iframe, [src]').length, 0, 'no external resources');
});

test('overlapping spans are cut into flat marks that name every finding', () => {
  const html = renderHighlightedText('abcdef', [
    { start: 0, end: 4, finding: 'x', kind: 'agreement' },
    { start: 2, end: 6, finding: 'y', kind: 'conflict' },
  ]);
  assert.equal(
    html,
    '<mark class="px-mark px-agreement px-context" data-f="x">ab</mark><mark class="px-mark px-conflict px-context" data-f="x y">cd</mark><mark class="px-mark px-conflict px-context" data-f="y">ef</mark>',
  );
});
