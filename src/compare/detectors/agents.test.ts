import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';

const analyzer = createAnalyzer();

function whoDidIt(a: string, b: string): string[] {
  const article = (text: string, outlet: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2020-01-01T12:00:00Z' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'entity' && f.summary.startsWith('Who did it')).map((f) => f.summary);
}

test('agents: one act done to one thing by two offices is a conflict of who did it', () => {
  const a = 'Police teams searched his house. On Tuesday night, Priya Raman’s dying declaration was recorded by a magistrate at the hospital.';
  const b = 'The police said that a constable K Lakshmi recorded Priya Raman’s statement at the hospital on Tuesday night.';
  const found = whoDidIt(a, b);
  assert.equal(found.length, 1, found.join('\n'));
  assert.ok(found[0]!.includes('magistrate') && found[0]!.includes('constable'), found[0]);
  // A report that names both offices may tell both acts: no conflict.
  assert.deepEqual(whoDidIt(a, `${b} A magistrate was called later.`), []);
  // Another thing recorded is another act.
  assert.deepEqual(whoDidIt(a, b.replace('Priya Raman’s statement', 'the number plate')), []);
});
