import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseAffinity } from './dates.js';

test('clause affinity: a derivation counts for less than the word itself, and only with a relatedness given', () => {
  const x = { around: new Set(['pass', 'law', 'indian']), entities: new Set<string>() };
  const y = { around: new Set(['pass', 'law', 'india']), entities: new Set<string>() };
  const weight = () => 1;
  const related = (a: string, b: string) => (a === b ? 1 : [a, b].sort().join() === 'india,indian' ? 0.85 : 0);
  assert.equal(clauseAffinity(x, y, weight), 2);
  assert.equal(clauseAffinity(x, y, weight, related), 2.7);
});

test('dates: a month an act is placed in against the day another report gives the act', async () => {
  const { createAnalyzer } = await import('../../analyze.js');
  const { articleFromContent } = await import('../../ingest/read-inputs.js');
  const { compareArticles } = await import('../index.js');
  const analyzer = createAnalyzer();
  const article = (text: string, outlet: string, day: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: `${day}T12:00:00Z` }));
  const dates = (a: string, b: string) =>
    compareArticles([article(a, 'A', '2018-12-20'), article(b, 'B', '2018-12-23')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'date').map((f) => f.summary);
  const early = 'The president said that Defense Secretary Tom Halvorsen will leave at the end of February.';
  const late = 'The president announced Sunday that Defense Secretary Tom Halvorsen will be leaving the administration on January 1, weeks earlier than planned.';
  const found = dates(early, late);
  assert.ok(found.some((s) => s.includes('the end of February') && s.includes('January 1')), found.join('\n'));
  // A day inside the month is no difference; nor is a month that bounds another act ("since February").
  assert.deepEqual(dates(early, late.replace('January 1', 'February 28')), []);
  assert.deepEqual(dates('The department has been without a deputy since February, officials said.', late), []);
});
