import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractHtml } from './html.js';
import { repoRoot } from '../shared-paths.js';

const fixture = (name: string) => readFileSync(join(repoRoot(), 'src', 'extract', 'fixtures', name), 'utf8');
const CRAWL = new Date('2024-06-01T00:00:00Z');

test('news page: body keeps paragraphs, headings, quotes and lists; furniture and scripts are gone', () => {
  const ex = extractHtml(fixture('news-jsonld.html'), { url: 'https://courier.example/news/2024/03/04/harbour-bridge-reopens', crawledAt: CRAWL });
  const paras = ex.text.split('\n\n');
  assert.equal(paras[0], 'The harbour bridge reopened to traffic on Monday after eight months of repairs costing 42 million pounds, the city council said.');
  assert.ok(paras.includes('Traffic returns'), 'subheading is its own paragraph');
  assert.ok(paras.includes('“It has been a long winter for everyone who lives on the north shore,” said council leader Amir Khan.'));
  assert.ok(paras.includes('Pedestrian access from the old town steps will follow in April.'));
  assert.equal(paras.length, 8);
  for (const gone of ['cookies', 'Accept all', 'Sport', 'Facebook', 'Photo:', 'Related stories', 'Ferry fares', 'newsletter', 'Reader123', 'All rights reserved', 'Advertisement', 'SCRIPT', 'dataLayer', 'Jane Doe', 'Harbour bridge reopens']) {
    assert.ok(!ex.text.includes(gone), `"${gone}" must not be in the body`);
  }
  assert.equal(ex.extraction.method, 'dom-density');
  assert.ok(ex.extraction.confidence >= 0.8, `confident: ${ex.extraction.confidence}`);
});

test('news page: metadata from JSON-LD first; "Email the author" is not an author', () => {
  const ex = extractHtml(fixture('news-jsonld.html'), { url: 'https://courier.example/news/2024/03/04/harbour-bridge-reopens', crawledAt: CRAWL });
  assert.equal(ex.title, 'Harbour bridge reopens after repairs');
  assert.deepEqual(ex.authors, ['Jane Doe']);
  assert.equal(ex.published, '2024-03-04T07:15:00.000Z');
  assert.equal(ex.modified, '2024-03-04T11:40:00.000Z');
  assert.equal(ex.siteName, 'The Coastal Courier');
  assert.equal(ex.language, 'en');
  assert.equal(ex.canonicalUrl, 'https://courier.example/news/2024/03/04/harbour-bridge-reopens');
});

test('a date after the crawl is never the publication date; byline names are split, site from the title', () => {
  const ex = extractHtml(fixture('og-future.html'), { crawledAt: CRAWL });
  assert.equal(ex.published, '2023-06-12', 'OpenGraph says 2031: rejected, the meta date is next in trust');
  assert.deepEqual(ex.authors, ['Tom Ward', 'Ana Lee']);
  assert.equal(ex.siteName, 'Daily Ledger');
  assert.equal(ex.title, 'Markets close higher');
  assert.equal(ex.language, 'en');
  assert.equal(ex.text.split('\n\n').length, 3);
  assert.ok(!/Share this|Most read|Markets \||Home/.test(ex.text));
});

test('old table layout: text in a div with line breaks; date from the URL, else from visible text', () => {
  const html = fixture('url-and-text-date.html');
  const withUrl = extractHtml(html, { url: 'https://village.example/2019/11/18/fair', crawledAt: CRAWL });
  assert.equal(withUrl.published, '2019-11-18');
  const noUrl = extractHtml(html, { crawledAt: CRAWL });
  assert.equal(noUrl.published, '2019-11-19');
  assert.deepEqual(noUrl.text.split('\n\n'), [
    'More than 5,000 people came to the village fair on Saturday, the largest crowd in its 80-year history, organisers said.',
    'The fair raised 12,000 dollars for the new school library, which will open in the spring.',
    'Volunteers said the pie contest alone drew 140 entries, twice as many as last year.',
  ]);
  const early = extractHtml(html, { crawledAt: new Date('2019-01-01T00:00:00Z') });
  assert.equal(early.published, null, 'no date may be after the crawl');
});

test('hostile markup: deep nesting, unclosed tags, scripts and handlers do not crash or leak', () => {
  const deep = '<div>'.repeat(10_000) + '<p>Deep inside the page there is still a paragraph of article text that should be read.</p>' + '</div>'.repeat(10_000);
  const ex = extractHtml(`<html><body>${deep}</body></html>`);
  assert.ok(ex.text.includes('Deep inside the page there is still a paragraph'));

  const broken =
    '<html><body><p onclick="alert(1)">First paragraph of the story, which never closes its tag and goes on for a while' +
    '<p>Second paragraph <b>bold <i>and italic, also never closed, with enough words to count as prose' +
    '<script>var s = "</p><p>not text</p>"; alert("SCRIPT")</script><img src=x onerror="alert(2)">' +
    '<p>Third paragraph after the script, still part of the same story, written at some length to matter.';
  const b = extractHtml(broken);
  assert.ok(b.text.includes('First paragraph of the story'));
  assert.ok(b.text.includes('Third paragraph after the script'));
  assert.ok(!/alert|SCRIPT|not text|onerror/.test(b.text));
});

test('a page with almost no text says it could not read the whole article', () => {
  const ex = extractHtml('<html><body><nav><a href="/">Home</a></nav><p>Short.</p></body></html>');
  assert.ok(ex.extraction.confidence < 0.5);
  assert.ok((ex.extraction.notes ?? []).some((n) => /could not read the whole article/.test(n)));
});
