import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';

const analyzer = createAnalyzer();
const analysed = (text: string, outlet: string) =>
  analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2020-01-01T12:00:00Z' }));
const ageConflicts = (a: string, b: string) =>
  compareArticles([analysed(a, 'A'), analysed(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'number' && /^Age/.test(f.summary));

test('a person described, not named, is the named person of another report when the ages are close and the acts the same', () => {
  const found = ageConflicts(
    '"The end is coming for you!" that suspect, Ayana Logan, 43, allegedly shouted as she swung a handbag at a 34-year-old mom in Gravesend.',
    'Wednesday, 1am - Homeless woman, 42, yells a slur and then strikes a Jewish woman in the head with her bag in front of her son.',
  );
  assert.equal(found.length, 1);
  assert.match(found[0]!.summary, /43/);
});

test('a described person whose sentence tells other acts is someone else', () => {
  assert.equal(
    ageConflicts(
      '"The end is coming for you!" that suspect, Ayana Logan, 43, allegedly shouted as she swung a handbag at a mom in Gravesend.',
      'Police said a woman, 42, was hit by a car on Ocean Parkway and taken to hospital.',
    ).length,
    0,
  );
});
