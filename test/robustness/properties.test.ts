// Property-based tests over every stage on main: for any input, no exception, every span inside the
// text it indexes with `text` equal to its slice, cleaning idempotent, output deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeArticle, type Article } from '../../src/model/document.js';
import { isParallaxError } from '../../src/model/errors.js';
import { createAnalyzer, defaultStages } from '../../src/analyze.js';
import { cleanText } from '../../src/clean/clean.js';
import { tokenize } from '../../src/annotate/tokens.js';
import { splitSentences } from '../../src/annotate/sentences.js';
import { compareArticles } from '../../src/compare/index.js';
import { extractHtml } from '../../src/extract/html.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { articleFromContent } from '../../src/ingest/read-inputs.js';
import { anyText, newsText } from './arbitraries.js';
import { checkArticle, checkSorted, checkSpans } from './checks.js';

// PARALLAX_PROPERTY_RUNS raises the count for a long exploratory run (npm test keeps it small).
const RUNS = Number(process.env.PARALLAX_PROPERTY_RUNS ?? 120);

function article(id: string, text: string, published: string | null = '2025-11-25'): Article {
  return makeArticle({ id, source: `${id}.txt`, format: 'text', outlet: id, title: null, published, url: null, language: 'en' }, text);
}

test('tokens: non-empty, ordered, inside the text, for any string', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const tokens = tokenize(text);
      checkSpans(tokens, text, 'tokens');
      checkSorted(tokens, 'tokens');
      // Whitespace is never inside a token of one character class run... but every non-space char is covered.
      const covered = new Uint8Array(text.length);
      for (const t of tokens) covered.fill(1, t.start, t.end);
      for (let i = 0; i < text.length; i++) if (!covered[i] && /\S/u.test(text[i]!)) assert.fail(`character ${JSON.stringify(text[i])} at ${i} is in no token`);
    }),
    { numRuns: RUNS * 2 },
  );
});

test('sentences: ordered, inside the text, deterministic', () => {
  fc.assert(
    fc.property(newsText(), (text) => {
      const s = splitSentences(text, tokenize(text));
      checkSpans(s, text, 'sentences');
      checkSorted(s, 'sentences');
      assert.deepEqual(splitSentences(text, tokenize(text)), s);
    }),
    { numRuns: RUNS },
  );
});

test('cleaning: segments and removed spans exact, idempotent', () => {
  fc.assert(
    fc.property(newsText(), (text) => {
      const once = cleanText(text);
      checkSpans(once.removed, text, 'removed');
      const twice = cleanText(once.text);
      assert.equal(twice.text, once.text, 'cleaning the cleaned text changes nothing');
      assert.deepEqual(cleanText(text), once);
    }),
    { numRuns: RUNS },
  );
});

test('the whole analysis: no exception, every layer span valid, deterministic (and no hidden state)', () => {
  const analyzer = createAnalyzer();
  fc.assert(
    fc.property(newsText(), fc.constantFrom('2025-11-25', '2024-02-29T10:00:00Z', null), (text, published) => {
      const a = analyzer.analyze(article('a', text, published));
      checkArticle(a);
      const again = analyzer.analyze(article('a', text, published));
      assert.deepEqual(again, a);
      assert.deepEqual(createAnalyzer().analyze(article('a', text, published)), a);
    }),
    { numRuns: RUNS },
  );
});

test('each stage alone over arbitrary strings: no exception, valid spans', () => {
  const stages = defaultStages();
  fc.assert(
    fc.property(anyText, (text) => {
      // Runs the stages one at a time so a failure names the stage.
      const a = article('s', text);
      for (const stage of stages) {
        let added;
        try {
          added = stage.run(a, { debug: () => {} });
        } catch (e) {
          assert.fail(`stage ${stage.name} threw on ${JSON.stringify(text.slice(0, 200))}: ${(e as Error).stack}`);
        }
        checkSpans(added, a.text, stage.name);
        Object.assign(a.layers, added);
      }
    }),
    { numRuns: RUNS },
  );
});

test('comparison of generated reports: evidence and mentions index their article text exactly', () => {
  const analyzer = createAnalyzer();
  fc.assert(
    fc.property(fc.array(newsText(80), { minLength: 2, maxLength: 3 }), (texts) => {
      const articles = texts.map((t, i) => analyzer.analyze(article(`r${i}`, t)));
      const byId = new Map(articles.map((a) => [a.id, a.text]));
      const cmp = compareArticles(articles);
      const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
        if (v === null || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        if (typeof o.article === 'string' && typeof o.start === 'number' && byId.has(o.article)) checkSpans({ start: o.start, end: o.end, text: o.text }, byId.get(o.article)!, path);
        for (const [k, x] of Object.entries(o)) if (k !== 'articles') walk(x, `${path}.${k}`);
      };
      walk({ findings: cmp.findings, quotes: cmp.quotes, entities: cmp.entities }, 'comparison');
      assert.deepEqual(JSON.parse(JSON.stringify(compareArticles(articles))), JSON.parse(JSON.stringify(cmp)));
    }),
    { numRuns: Math.ceil(RUNS / 2) },
  );
});

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div class="article">', '</div>', '<script>', '</script>', '<style>', '<!--', '-->', '<br>', '<h1>', '</h1>', '<a href="/x">', '</a>', '<meta charset="utf-8">', '<title>', '</title>', '<', '>', '&amp;', '&#x1F600;', '&bogus', '<![CDATA[', ']]>', '<svg><text>', '<article>', '</article>', '<nav>', '<li>'),
      newsText(10),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

test('HTML extraction: any tag soup gives text (or nothing), never an exception, always the same', () => {
  fc.assert(
    fc.property(htmlish, (html) => {
      const ex = extractHtml(html);
      assert.equal(typeof ex.text, 'string');
      // Script source never becomes article text (a title may hold "<div>" literally: it is raw text).
      if (!/<title|<!--|CDATA|<svg/.test(html)) assert.ok(!/<script>/i.test(ex.text), `markup left in ${JSON.stringify(ex.text.slice(0, 100))}`);
      assert.deepEqual(extractHtml(html), ex);
    }),
    { numRuns: RUNS },
  );
});

test('ingest: any bytes decode or give a ParallaxError, and decoded text becomes an article or E_EMPTY', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, html) => {
      try {
        const d = decodeBytes(bytes, 'fuzz.bin', { html });
        const a = articleFromContent(html ? { html: d.text } : { text: d.text }, { source: 'fuzz.bin' });
        checkArticle(createAnalyzer().analyze(a));
      } catch (e) {
        if (!isParallaxError(e)) throw e;
        assert.ok(['E_BINARY', 'E_EMPTY'].includes(e.code), e.message);
      }
    }),
    { numRuns: RUNS },
  );
});
