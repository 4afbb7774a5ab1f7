import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preparedArticle } from '../quantities/test-helpers.js';
import { loadQuantityLexicon } from '../quantities/lexicon.js';
import { extractTimes } from './index.js';
import { loadTimeLexicon } from './lexicon.js';

const options = { lexicon: loadTimeLexicon(), numbers: loadQuantityLexicon() };
const times = (text: string, published: string | null) =>
  extractTimes(preparedArticle(text, published), options).map((t) => [text.slice(t.start, t.end), t.type, t.value, t.resolved]);

// Sentences from TimeBank (../shared/eval/timex/timebank.jsonl) with their document dates.
test('relative expressions resolved against the publication date', () => {
  assert.deepEqual(times('In the last twenty four hours, the value of the Indonesian stock market has fallen. In Singapore, stocks hit a five year low.', '1998-01-08'), [
    ['the last twenty four hours', 'DURATION', 'PT24H', true],
    ['five year', 'DURATION', 'P5Y', true],
  ]);
  assert.deepEqual(times('She estimates her properties, worth a hundred thirty million dollars in October, are worth only half that now.', '1998-01-08'), [
    ['October', 'DATE', '1997-10', true],
    ['now', 'DATE', 'PRESENT_REF', true],
  ]);
});

test('quarters, years ago and weekdays', () => {
  assert.deepEqual(times('Third-quarter profit rose 11% from a year earlier, the company said Friday.', '1989-10-26'), [
    ['Third-quarter', 'DATE', '1989-Q3', true],
    ['a year earlier', 'DATE', '1988-Q3', true],
    ['Friday', 'DATE', '1989-10-20', true],
  ]);
});

test('no publication date: weekdays stay symbolic, explicit dates are kept (Moscow Times example)', () => {
  assert.deepEqual(times('Putin’s three-day visit, which began Tuesday, is his second trip to Kyrgyzstan since 2022. His previous visit, in October 2023, was his first.', null), [
    ['three-day', 'DURATION', 'P3D', true],
    ['Tuesday', 'DATE', 'XXXX-WXX-2', false],
    ['2022', 'DATE', '2022', true],
    ['October 2023', 'DATE', '2023-10', true],
  ]);
});

test('"from January to September this year" and "last year" (Realist English example)', () => {
  const t = times('Turnover grew 13.6% last year and expanded by another 17% from January to September this year.', '2025-11-26');
  assert.deepEqual(t, [
    ['last year', 'DATE', '2024', true],
    ['January', 'DATE', '2025-01', true],
    ['September this year', 'DATE', '2025-09', true],
  ]);
});

// Sentences of the kinds found in TimeBank financial news (not taken from it), with a Monday as the document date.
test('reporting periods, rates against dates, weekdays and month-days in past-tense reports', () => {
  assert.deepEqual(times('Profit rose to $31 million from $10 million a year ago, the company said last Friday.', '1989-10-30').map((t) => t.slice(0, 3)), [
    ['a year ago', 'DATE', '1988'],
    ['last Friday', 'DATE', '1989-10-27'],
  ]);
  assert.deepEqual(times('It had revenue of $76 million for the year ended March 31. The sale is set for Dec. 7.', '1989-10-30').map((t) => t.slice(0, 3)), [
    ['the year', 'DURATION', 'P1Y'],
    ['March 31', 'DATE', '1989-03-31'],
    ['Dec. 7', 'DATE', '1989-12-07'],
  ]);
  assert.deepEqual(times('Prices rose in recent years, and over two decades.', '1989-10-30').map((t) => t.slice(0, 3)), [
    ['recent years', 'DURATION', 'PXY'],
    ['over two decades', 'DURATION', 'P20Y'],
  ]);
});
