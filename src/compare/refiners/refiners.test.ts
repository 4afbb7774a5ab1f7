import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import type { Quantity } from '../../model/document.js';
import { compareArticles } from '../index.js';
import type { StoryComparison } from '../types.js';
import { differentThings, sameAtPrecision } from './measures.js';

const analyzer = createAnalyzer();

function compareTexts(a: string, b: string): StoryComparison {
  const article = (text: string, outlet: string) =>
    analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2019-12-31T12:00:00Z' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]);
}

const numberConflicts = (c: StoryComparison) => c.findings.filter((f) => f.kind === 'conflict' && f.type === 'number' && !f.withinArticle);

const q = (value: number, unit: string | null = null, hedge: string | null = null) => ({ value, unit, hedge }) as Quantity;

test('precision: a figure equal to another at the rounder one\'s precision is no conflict', () => {
  assert.equal(sameAtPrecision(q(43e6, 'USD'), q(43_885_310, 'USD')), true);
  assert.equal(sameAtPrecision(q(35.7, '%'), q(35.72, '%')), true);
  // Another figure, or one round digit ("2,000"), stays a figure of its own.
  assert.equal(sameAtPrecision(q(12), q(14)), false);
  assert.equal(sameAtPrecision(q(2000), q(2400)), false);
  assert.equal(sameAtPrecision(q(43e6, 'USD'), q(45_100_000, 'USD')), false);
});

test('measures: groups against people, unrelated heads; a generic head against a kind of person is one measure', () => {
  const related = (a: string, b: string) => (a === b ? 1 : [a, b].sort().join() === 'fighter,militant' ? 0.8 : 0);
  assert.equal(differentThings('group', 'person', related), true);
  assert.equal(differentThings('attack', 'member', related), true);
  assert.equal(differentThings('person', 'protester', related), false);
  assert.equal(differentThings('fighter', 'militant', related), false);
  assert.equal(differentThings(null, 'attack', related), false);
});

test('scope: a running total and one night\'s arrests are two measures; one tally\'s two figures conflict', () => {
  const apart = compareTexts(
    'Police have arrested nearly 6,500 people since June, officials said on Wednesday.',
    'Riot police moved in to arrest hundreds of people who were trying to leave the area, officials said on Wednesday.',
  );
  assert.equal(numberConflicts(apart).length, 0, JSON.stringify(numberConflicts(apart).map((f) => f.summary)));
  const same = compareTexts(
    'Police said 40 people were arrested after the protest in the city centre on Tuesday night.',
    'Police said 75 people were arrested after the protest in the city centre on Tuesday night.',
  );
  assert.equal(numberConflicts(same).length, 1, JSON.stringify(same.findings.map((f) => f.summary)));
});

test('scope: figures of two named years are two measures', () => {
  const c = compareTexts(
    'Last year, approximately 750,000 vehicles required emissions testing in the state.',
    'In 2011, nearly 1.3 million vehicles required emissions testing in the state.',
  );
  assert.equal(numberConflicts(c).length, 0, JSON.stringify(numberConflicts(c).map((f) => f.summary)));
});

test('acts: one of a series already done, or a hypothesis, is no "not yet" against a done act', () => {
  const c = compareTexts(
    'Peter Strzok is the second senior FBI agent to be fired as a result of the inspector general investigation.',
    'Peter Strzok has been fired from the FBI as a result of the inspector general investigation.',
  );
  const acts = c.findings.filter((f) => f.kind === 'conflict' && (f.type === 'modality' || f.type === 'negation'));
  assert.equal(acts.length, 0, JSON.stringify(acts.map((f) => f.summary)));
});

test('participants: a bare surname and the full name ending in it are one actor, not two', () => {
  const article = (text: string, outlet: string, day: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: `${day}T12:00:00Z` }));
  // "Tobias Delgado" elsewhere keeps the story's resolution from joining the bare "Delgado" to "Maria Delgado".
  const plan = 'Delgado this week will embrace a comprehensive plan to reduce traffic deaths on state highways, aides who were briefed on the plan said Monday. Tobias Delgado, her cousin, runs a garage.';
  const done = 'In a bid to reduce traffic deaths on state highways, Governor Maria Delgado unveiled on Wednesday a comprehensive plan with new speed cameras.';
  const found = compareArticles([article(plan, 'A', '2021-03-01'), article(done, 'B', '2021-03-03')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'modality');
  assert.equal(found.length, 1, found.map((f) => f.summary).join('\n'));
});

test('scope: a tally over scores of incidents is a running total, not one day\'s arrests', () => {
  const c = compareTexts(
    'Both sides have been accused of provoking clashes, and nearly 6,500 protesters have been arrested in scores of incidents on streets.',
    'Riot police then moved in to arrest hundreds of protesters who were trying to leave the area.',
  );
  assert.equal(numberConflicts(c).length, 0, JSON.stringify(numberConflicts(c).map((f) => f.summary)));
});

test('measures: counts of things each told from another country are two counts, one country told two ways is one', () => {
  const apart = compareTexts(
    'India has handed over lists of 267 Pakistan civilian prisoners to the High Commission in New Delhi.',
    'Pakistan has handed over a list of 282 Indian civilian prisoners to the High Commission in Islamabad.',
  );
  assert.equal(numberConflicts(apart).length, 0, JSON.stringify(numberConflicts(apart).map((f) => f.summary)));
  const same = compareTexts(
    'India has handed over lists of 267 Pakistan civilian prisoners to the High Commission in New Delhi.',
    'India has handed over lists of 282 Pakistani civilian prisoners to the High Commission in New Delhi.',
  );
  assert.equal(numberConflicts(same).length, 1, JSON.stringify(same.findings.map((f) => f.summary)));
});
