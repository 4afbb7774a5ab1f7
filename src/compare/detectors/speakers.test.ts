import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';
import type { StoryComparison } from '../types.js';

const analyzer = createAnalyzer();

function compareTexts(a: string, b: string): StoryComparison {
  const article = (text: string, outlet: string) =>
    analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2020-01-01T12:00:00Z' }));
  return compareArticles([article(a, 'A'), article(b, 'B')]);
}

const speakerConflicts = (c: StoryComparison) => c.findings.filter((f) => f.kind === 'conflict' && f.type === 'speaker');

test('speakers: one quote given to two organisations is a speaker conflict, with both speakers as values', () => {
  const c = compareTexts(
    'The Popular Mobilization Forces, an umbrella group of militias, called on its supporters to leave the compound after the Iraqi government said their "message has been heard." The protesters left by evening.',
    'The protesters complied with a call by the Popular Mobilization Forces, an umbrella group of militias, to withdraw. The group said the demonstrators\' "message has been heard." The protesters left by evening.',
  );
  const found = speakerConflicts(c);
  assert.equal(found.length, 1, JSON.stringify(c.findings.filter((f) => f.kind === 'conflict').map((f) => f.summary)));
  assert.equal(found[0]!.verdict, 'contradiction');
  const values = found[0]!.evidence.filter((e) => e.role === 'value').map((e) => e.text);
  assert.deepEqual(values, ['the Iraqi government', 'The group']);
});

test('speakers: one person named two ways, or an unnamed man named after all, is no conflict', () => {
  const named = compareTexts(
    'North Korean leader Kim Jong Un warned the world will witness "a new strategic weapon in the near future," state media said.',
    'Kim said the world would "witness a new strategic weapon in the near future," according to state media.',
  );
  assert.equal(speakerConflicts(named).length, 0, JSON.stringify(speakerConflicts(named).map((f) => f.summary)));
  const man = compareTexts(
    '"It\'s hard to utter Happy New Year because Hong Kong people are not happy," said Tung, who was walking with his son.',
    '"It\'s hard to utter Happy New Year because Hong Kong people are not happy," said a man named Tung, who was walking with his son.',
  );
  assert.equal(speakerConflicts(man).length, 0, JSON.stringify(speakerConflicts(man).map((f) => f.summary)));
});

test('speakers: a named person against an unnamed official is a speaker conflict', () => {
  const c = compareTexts(
    'Weeks earlier, Kim Jong Un warned of "a Christmas gift for the United States that it will not like." Nothing happened.',
    'Weeks earlier, a North Korean official said "a Christmas gift for the United States that it will not like." Nothing happened.',
  );
  assert.equal(speakerConflicts(c).length, 1, JSON.stringify(c.findings.filter((f) => f.kind === 'conflict').map((f) => f.summary)));
});
