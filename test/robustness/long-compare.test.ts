// Issue 23 items 1 and 6 (compare part): a very long article compared with a short one gives bounded output
// (no evidence longer than 300 characters, a figure repeated thousands of times is not a finding each time,
// JSON a small multiple of the input) in work that grows linearly (timed in `parallax bench`, not here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/analyze.js';
import { articleFromContent } from '../../src/ingest/read-inputs.js';
import { compareArticles } from '../../src/compare/index.js';

const SENTENCE =
  'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded, Officials expect the water to recede by Friday, ';

test('a 250 KB input compared with a short one gives bounded JSON', () => {
  const long = (SENTENCE.repeat(2000)).slice(0, 250_000);
  const short = 'The mayor of Springfield said on Wednesday that 1,500 residents were evacuated after the river flooded.';
  const analyzer = createAnalyzer();
  const articles = [
    analyzer.analyze(articleFromContent({ text: long }, { source: 'long.txt', outlet: 'Long' })),
    analyzer.analyze(articleFromContent({ text: short }, { source: 'short.txt', outlet: 'Short' })),
  ];
  const result = compareArticles(articles);
  const json = JSON.stringify(result);
  // The input text appears in the output (articles[].text and .original): allow that plus a few times more.
  assert.ok(json.length < 20 * long.length, `JSON of ${json.length} bytes for a ${long.length}-byte input`);
  for (const f of result.findings) {
    for (const e of f.evidence) {
      assert.ok(e.text.length <= 300, `evidence of ${e.text.length} characters in ${f.kind}`);
      const a = result.articles.find((x) => x.id === e.article)!;
      assert.equal(e.text, a.text.slice(e.start, e.end));
    }
    for (const id of f.articles) assert.ok(f.evidence.some((e) => e.article === id), 'every article named has evidence');
  }
  // One figure repeated 1,600 times against one other figure is a handful of findings, not thousands.
  assert.ok(result.findings.length < 50, `${result.findings.length} findings`);
  assert.ok(result.findings.some((f) => f.kind === 'conflict' && f.type === 'number' && f.evidence.some((e) => e.text === '1,500')), 'the figures still conflict');
});
