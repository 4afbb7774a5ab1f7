import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../analyze.js';
import { articleFromContent } from '../ingest/read-inputs.js';
import { compareArticles } from './index.js';
import type { StoryComparison } from './types.js';

const analyzer = createAnalyzer();

function compareTexts(a: string, b: string): StoryComparison {
  const article = (text: string, outlet: string) =>
    analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2018-03-06' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]);
}

const conflicts = (c: StoryComparison) => c.findings.filter((f) => f.kind === 'conflict' && !f.withinArticle);
const valueTexts = (c: StoryComparison, type: string) =>
  conflicts(c)
    .filter((f) => f.type === type)
    .map((f) => f.evidence.filter((e) => e.role === 'value').map((e) => e.text));

// Sentences adapted from wire reports; the second text swaps one name, as a rewrite by another outlet might.
const REPORT = [
  'Foreign ministers of the two countries met in Geneva on Monday to discuss the ceasefire.',
  'The talks lasted more than six hours, officials said.',
  'Secretary of State Rex Tillerson said the meeting had been productive.',
  'Russian Foreign Minister Sergei Lavrov is expected to travel to Beijing next week.',
].join('\n\n');

test('entity conflict: the same event in another place', () => {
  const c = compareTexts(REPORT, REPORT.replace('met in Geneva', 'met in Vienna'));
  assert.deepEqual(valueTexts(c, 'entity'), [['Geneva', 'Vienna']]);
  assert.match(conflicts(c)[0]!.summary ?? '', /Geneva.*Vienna/);
});

test('entity conflict: another actor for the same act', () => {
  const c = compareTexts(REPORT, REPORT.replace('Sergei Lavrov is expected', 'Sergei Shoigu is expected'));
  const found = valueTexts(c, 'entity');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0], ['Sergei Lavrov', 'Sergei Shoigu']);
});

test('the same entity under another name is no conflict', () => {
  for (const [from, to] of [
    ['Secretary of State Rex Tillerson said', 'Secretary of State Tillerson said'],
    ['Rex Tillerson said', 'Tillerson said'],
  ] as const) {
    const c = compareTexts(REPORT, REPORT.replace(from, to));
    assert.deepEqual(conflicts(c).map((f) => f.summary), [], `${from} -> ${to}`);
  }
});

test('a different name next to a reporting verb is a speaker conflict, not an entity one', () => {
  const c = compareTexts(REPORT, REPORT.replace('Rex Tillerson said', 'Sergei Lavrov said'));
  assert.equal(valueTexts(c, 'entity').length, 0);
  assert.equal(valueTexts(c, 'speaker').length, 1);
});

test('initials and abbreviations of a name are no conflict', () => {
  const text = 'The senator from Arkansas met officials of the United States Army in Little Rock on Monday, aides said.';
  const c = compareTexts(text, text.replace('from Arkansas', 'from Ark.').replace('United States Army', 'U.S. Army'));
  assert.deepEqual(conflicts(c).map((f) => f.summary), []);
});

test('a place swapped after a reporting verb is a place conflict, not a speaker one', () => {
  const text = 'The senator resigned on Friday after declaring at a fund-raiser that the United States was on the wrong side of history.';
  const c = compareTexts(text, text.replace('the United States', 'Afghanistan'));
  assert.deepEqual(valueTexts(c, 'entity'), [['United States', 'Afghanistan']]);
});
