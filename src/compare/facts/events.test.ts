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
    'The Senate may vote as soon as Wednesday on a bill to prevent a shutdown.',
    'The report is due no later than Friday.',
  ]) assert.deepEqual(days(text), [], text);
});

test('dated facts: a day in a leading subordinate clause dates that clause, not the main one', () => {
  const a = analyzer.analyze(articleFromContent({ text: 'After bills to reopen the government failed in the Senate Thursday, Trump signaled a deal.' }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-01-25T12:00:00Z' }));
  const f = datedFacts(a, (id) => id)[0];
  assert.ok(f && f.around.has('senate') && !f.around.has('signal'), JSON.stringify([...(f?.around ?? [])]));
});

test('dated facts: a year is kept with the word it hangs on, not as the bound of a range', () => {
  const a = analyzer.analyze(articleFromContent({ text: 'His second and final term officially ends in 2019. He was president of Mexico from 2000 to 2006.' }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2016-08-31T12:00:00Z' }));
  const facts = datedFacts(a, (id) => id);
  assert.deepEqual(facts.map((f) => [a.text.slice(f.value.start, f.value.end), f.period, f.periodWord]), [['2019', '2019', 'end']]);
});

test('dated facts: a date that names an event dates no act of its clause', () => {
  assert.deepEqual(days('The FBI marked the 20th anniversary of the Sept. 11, 2001 attacks by releasing a document on Saturday night.'), ['Saturday night']);
  assert.deepEqual(days('Hundreds were charged over the Jan. 6 riot at the Capitol.'), []);
  // A weekday does date its noun; a date after "on" dates the act.
  assert.deepEqual(days('The Tuesday vote was delayed.'), ['Tuesday']);
  assert.deepEqual(days('The bill was signed on Jan. 6 at the White House.'), ['Jan. 6']);
});

test('dated facts: a month at "the end of" is kept with the act it dates; a former plan dates nothing', () => {
  const a = analyzer.analyze(articleFromContent({ text: 'The minister will leave at the end of February. Tourists have come to the island since October.' }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2018-12-20T12:00:00Z' }));
  const facts = datedFacts(a, (id) => id);
  assert.deepEqual(
    facts.map((f) => [a.text.slice(f.value.start, f.value.end), f.periodWord, f.placesWord]),
    [['the end of February', 'leave', true], ['October', 'island', false]],
  );
  assert.deepEqual(days('The minister was supposed to leave in February. He had said he would leave on Friday.'), []);
});
