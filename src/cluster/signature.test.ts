import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromContent } from '../ingest/read-inputs.js';
import { eventSignature } from './signature.js';
import { pairFeatures, PAIR_FEATURES } from './same-event.js';

const art = (text: string, published: string | null, title = '') =>
  articleFromContent({ text }, { id: 'x', source: 'test:x', outlet: 'Test', title, ...(published ? { published } : {}) });
const DAY = (iso: string) => Math.floor(Date.parse(iso + 'T00:00:00Z') / 86_400_000);

test('the event day is a weekday resolved against the publication date, with the gap', () => {
  // 2024-03-07 is a Thursday: "on Monday" is 2024-03-04.
  const s = eventSignature(art('A man was shot in Uniontown on Monday, police said.', '2024-03-07'));
  assert.equal(s.eventDay, DAY('2024-03-04'));
  assert.equal(s.gap, 3);
  assert.equal(s.year, 2024);
});

test('an undated report takes its first complete date; a background date before a near one is passed over', () => {
  assert.equal(eventSignature(art('Reid checked herself in on Tuesday, December 9, 2008.', null)).eventDay, DAY('2008-12-09'));
  const s = eventSignature(art('The law passed in March 2010 was used on Jan. 3 when the council met.', '2013-01-05'));
  assert.equal(s.eventDay, DAY('2013-01-03'));
});

test('places start with the dateline; figures keep units and leave out years and days', () => {
  const s = eventSignature(art('NEW ORLEANS, La. (AP) — Four people were killed and 12 wounded in a shooting at Bourbon Street on May 3, 2015, costing $2.5 million in damage.', '2015-05-04'));
  assert.equal(s.placeNames[0], 'new orleans');
  assert.ok(s.placeNames.includes('bourbon street'), JSON.stringify(s.placeNames));
  assert.ok(s.figureNames.includes('4') && s.figureNames.includes('12'), JSON.stringify(s.figureNames));
  assert.ok(s.figureNames.includes('$2500000'), JSON.stringify(s.figureNames));
  assert.ok(!s.figureNames.some((f) => f.startsWith('2015') || f === '3'), JSON.stringify(s.figureNames));
});

test('one amount is one figure however it is written: 30,000 = 30 thousand = 30K, $3.5 trillion = $3.5T', () => {
  const figures = (text: string) => eventSignature(art(text, null)).figureNames;
  assert.deepEqual(figures('Cases fell below 30,000 a day.'), ['30000']);
  assert.deepEqual(figures('Cases fell below 30 thousand a day.'), ['30000']);
  assert.deepEqual(figures('Cases fell below 30K a day.'), ['30000']);
  assert.deepEqual(figures('A $3.5 trillion plan and a $3.5T plan, 160M doses, 0.25% and 7.30 points.'), ['$3500000000000', '160000000', '0.25percent', '7.3']);
  // $1 trillion is not $1 (the scale word used to be dropped).
  assert.notDeepEqual(figures('The $1 trillion bill.'), figures('The $1 fee.'));
});

test('two reports of one kind on other days and years differ in the pair features; one event agrees', () => {
  const a = eventSignature(art('A magnitude 6.8 earthquake struck Arequipa on Monday, March 4, 2024, killing 12 people.', null));
  const b = eventSignature(art('A magnitude 6.8 earthquake struck Arequipa on March 4, 2024; 12 people died.', null));
  const c = eventSignature(art('A magnitude 5.9 earthquake struck Arequipa on June 23, 2001, killing 75 people.', null));
  const f = (x: typeof a, y: typeof a) => Object.fromEntries(PAIR_FEATURES.map((k, i) => [k, pairFeatures({ text: 0.5, base: 0.5, names: 0.5, title: 0.5, weekdayA: 0, weekdayB: 0, a: x, b: y })[i]!]));
  const same = f(a, b);
  const other = f(a, c);
  assert.equal(same.eventSame, 1);
  assert.equal(same.yearSame, 1);
  assert.ok(same.figuresShared! > 0);
  assert.equal(other.eventSame, 0);
  assert.equal(other.eventFar, 1);
  assert.ok(other.eventGap! > 5);
  assert.equal(other.yearDiff, 1);
  assert.equal(other.figuresShared, 0);
  assert.equal(other.figuresDisjoint, 1);
});

test('a span of time is not a figure of the event; an age is', () => {
  const s = eventSignature(art('Claims rose to 247,000 and the four-week average rose to 235,250 after a 10-day lull; a 6-year-old was hurt.', '2025-06-05'));
  assert.deepEqual(s.figureNames, ['247000', '235250', '6']);
});
