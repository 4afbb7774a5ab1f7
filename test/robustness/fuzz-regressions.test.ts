// Replays fuzz/regressions.json: inputs that once crashed or hung a stage (found by the fuzzer, the
// property tests, the bad-input suite or the regex bench). Each must finish, fast, with valid spans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/shared-paths.js';
import { createAnalyzer } from '../../src/analyze.js';
import { cleanText } from '../../src/clean/clean.js';
import { extractHtml } from '../../src/extract/html.js';
import { articleFromContent } from '../../src/ingest/read-inputs.js';
import { canonicalUrl } from '../../src/ingest/canonical-url.js';
import { checkArticle } from './checks.js';

interface Regression {
  target: 'analyze' | 'clean' | 'html' | 'url';
  found: string;
  text?: string;
  repeat?: { prefix: string; unit: string; times: number; suffix: string };
}

const cases = JSON.parse(readFileSync(join(repoRoot(), 'fuzz', 'regressions.json'), 'utf8')) as Regression[];
const analyzer = createAnalyzer();

cases.forEach((c, i) => {
  test(`fuzz regression ${i + 1} (${c.target}): ${c.found}`, () => {
    const input = c.text ?? c.repeat!.prefix + c.repeat!.unit.repeat(c.repeat!.times) + c.repeat!.suffix;
    const t0 = performance.now();
    if (c.target === 'analyze') checkArticle(analyzer.analyze(articleFromContent({ text: input }, { source: 'regression.txt' })));
    else if (c.target === 'clean') assert.equal(cleanText(cleanText(input).text).text, cleanText(input).text);
    else if (c.target === 'html') assert.equal(typeof extractHtml(input).text, 'string');
    else assert.ok(canonicalUrl(input) !== undefined);
    // Generous (shared machine): the bugs these guard against took minutes.
    assert.ok(performance.now() - t0 < 20_000, `${Math.round(performance.now() - t0)} ms`);
  });
});
