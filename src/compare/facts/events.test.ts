import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { datedFacts } from './events.js';

const analyzer = createAnalyzer();

/** The days of a text that date an act, as their words. */
function days(text: string): string[] {
  const a = analyzer.analyze(articleFromContent({ text }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-12-31T12:00:00Z' }));
  return datedFacts(a, (id) => id).map((f) => a.text.slice(f.value.start, f.value.end));
}

test('dated facts: the day of an act is kept', () => {
  assert.deepEqual(days('Kannan was arrested on Wednesday night.'), ['Wednesday night']);
  assert.deepEqual(days('On Tuesday afternoon, Kannan was taken to a private hospital.'), ['Tuesday afternoon']);
});

test('dated facts: the day of a telling is not the day of the act told', () => {
  for (const text of [
    'In a statement Wednesday night, the hospital said Scalise was in critical condition.',
    'Pelosi did not agree with the assessment in a Monday interview.',
    'On Wednesday morning, LePage said that he will be staying put.',
    'Thursday night, the hospital issued a statement about the surgery.',
    'LePage declared on Wednesday that he would not step down.',
  ]) assert.deepEqual(days(text), [], text);
});

test('dated facts: the day of a state or a bound is not the day of an act', () => {
  for (const text of [
    'Mr. Scalise remained in the hospital on Thursday after a second surgery.',
    'By Saturday night, three women remained the only suspects.',
    'Later in the day, LePage took to Twitter.',
  ]) assert.deepEqual(days(text), [], text);
});
