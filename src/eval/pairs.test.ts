import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maxMatching, scorePairs } from './pairs.js';

test('maximum matching finds the best one-to-one assignment', () => {
  // pred 0 can match gold 0 or 1, pred 1 only gold 0: the maximum is 2.
  const ok = (i: number, j: number) => (i === 0 ? true : j === 0);
  assert.equal(maxMatching(2, 2, ok), 2);
  assert.equal(maxMatching(0, 3, ok), 0);
});

test('pairs scoring: overlap on both sides, kinds, benign false alarms', () => {
  const item = {
    id: 'x',
    a: { outlet: 'A', text: 'On Tuesday 45 people died.' },
    b: { outlet: 'B', text: 'On Wednesday 90 people died.' },
    conflicts: [
      { kind: 'date', a: { start: 3, end: 10 }, b: { start: 3, end: 12 } },
      { kind: 'number', a: { start: 11, end: 13 }, b: { start: 13, end: 15 } },
    ],
    benign: [{ kind: 'number', a: { start: 14, end: 20 }, b: { start: 16, end: 22 } }],
  };
  const preds = new Map([['x', [
    { kind: 'date', a: { start: 3, end: 10 }, b: { start: 3, end: 12 } },
    { kind: 'date', a: { start: 11, end: 20 }, b: { start: 13, end: 22 } },
  ]]]);
  const s = scorePairs([item], preds);
  assert.equal(s.precision, 1);
  assert.equal(s.recall, 1);
  assert.equal(s.kindF1, 0.5);
  assert.equal(s.benignFalseAlarmRate, 1);
});
