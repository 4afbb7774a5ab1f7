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
