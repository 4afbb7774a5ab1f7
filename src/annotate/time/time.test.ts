import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preparedArticle } from '../quantities/test-helpers.js';
import { loadQuantityLexicon } from '../quantities/lexicon.js';
import { extractTimes } from './index.js';
import { loadTimeLexicon } from './lexicon.js';
import { loadTenseWords } from './tense.js';

const options = { lexicon: loadTimeLexicon(), numbers: loadQuantityLexicon(), tense: loadTenseWords() };
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

const values = (text: string, published: string) => times(text, published).map((t) => t.slice(0, 3));

// The tense of the nearest verb picks which Thursday or which September (sentences from TimeBank with their dates).
test('the nearest verb, not any word of the sentence, says past or future', () => {
  assert.deepEqual(values('A Pentagon spokesman said Thursday that the 38,000 U.S. troops would stay.', '1998-03-06'), [['Thursday', 'DATE', '1998-03-05']]);
  assert.deepEqual(values('The monarch will meet Bush on Thursday in Kennebunkport, Maine.', '1990-08-15'), [['Thursday', 'DATE', '1990-08-16']]);
  assert.deepEqual(values('In September, it announced plans to acquire the unit for $22 million.', '1989-10-30'), [['September', 'DATE', '1989-09']]);
  assert.deepEqual(values('The reduced dividend is payable Jan. 2 to stock of record Dec. 15.', '1989-11-02'), [
    ['Jan. 2', 'DATE', '1990-01-02'],
    ['Dec. 15', 'DATE', '1989-12-15'],
  ]);
  assert.deepEqual(values('The carrier, which has been on patrol since March, was scheduled to return.', '1990-08-13'), [['March', 'DATE', '1990-03']]);
  // A plan told in the past is past.
  assert.deepEqual(values('The offer was extended to Nov. 16. It had been due to expire Friday evening.', '1989-10-30'), [
    ['Nov. 16', 'DATE', '1989-11-16'],
    ['Friday evening', 'TIME', '1989-10-27TEV'],
  ]);
});

test('words that look like times but are not: ages, fractions, classifying adjectives, "already", "as soon as"', () => {
  assert.deepEqual(values('Mr. Reupke, 52 years old, will stay. Iraq imports about three-quarters of its foodstuffs.', '1989-11-02'), []);
  assert.deepEqual(values('Magna cut its quarterly dividend, and the daily flights already left as soon as they could.', '1989-11-02'), []);
  assert.deepEqual(values('Revenue is expected to increase by 20% annually.', '1989-11-02'), [['annually', 'SET', 'P1Y']]);
});

test('years said in words, centuries, decades, seasons and vague stretches', () => {
  assert.deepEqual(values('In nineteen ninety-one Keating was convicted. January nineteen ninety-seven. Atlanta again.', '1998-02-27'), [
    ['nineteen ninety-one', 'DATE', '1991'],
    ['January nineteen ninety-seven', 'DATE', '1997-01'],
  ]);
  assert.deepEqual(values('Ukraine was ruled from Moscow for centuries, through the nineties and into the 20th century.', '1998-02-27'), [
    ['centuries', 'DURATION', 'PXCE'],
    ['the nineties', 'DATE', '199'],
    ['the 20th century', 'DATE', '19'],
  ]);
  assert.deepEqual(values('Demand stayed strong well into the summer; rates may fall in coming months and in the near term.', '1989-10-26'), [
    ['the summer', 'DATE', '1989-SU'],
    ['coming months', 'DATE', 'FUTURE_REF'],
    ['the near term', 'DATE', 'FUTURE_REF'],
  ]);
});

test('quarters named with their year, and clock times with their date', () => {
  assert.deepEqual(values('Earnings for its fourth quarter fell; in the 1988 third quarter and the year-ago second quarter it lost money.', '1989-11-02'), [
    ['fourth quarter', 'DATE', '1989-Q4'],
    ['the 1988 third quarter', 'DATE', '1988-Q3'],
    ['the year-ago second quarter', 'DATE', '1988-Q2'],
  ]);
  assert.deepEqual(values('The offer expires at 5 p.m. EST Nov. 9; $14 million seeped out Friday Oct. 13 alone.', '1989-11-02'), [
    ['5 p.m. EST Nov. 9', 'TIME', '1989-11-09T17:00'],
    ['Friday Oct. 13', 'DATE', '1989-10-13'],
  ]);
});

test('named days of a fixed date: "New Year\'s Eve" is December 31, resolved like a month and day', () => {
  assert.deepEqual(times('Thousands gathered on New Year’s Eve before the march on New Year\'s Day.', '2020-01-01'), [
    ['New Year’s Eve', 'DATE', '2019-12-31', true],
    ["New Year's Day", 'DATE', '2020-01-01', true],
  ]);
  assert.deepEqual(times('The march on New Year\'s Day drew crowds.', null), [["New Year's Day", 'DATE', 'XXXX-01-01', false]]);
  // "New Year" alone names no day.
  assert.deepEqual(times('A New Year message was read.', '2020-01-01'), []);
});
