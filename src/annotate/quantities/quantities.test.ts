import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities, loadMonthNames } from './index.js';
import { loadQuantityLexicon } from './lexicon.js';
import { preparedArticle } from './test-helpers.js';

const options = { lexicon: loadQuantityLexicon(), months: loadMonthNames() };
const figures = (text: string) => {
  const a = preparedArticle(text);
  a.layers.quotes = [];
  return extractQuantities(a, options).map((q) => ({ text: text.slice(q.start, q.end), value: q.value, low: q.low, high: q.high, unit: q.unit, hedge: q.hedge, kind: q.kind, counted: q.counted?.text ?? null, head: q.countedHead }));
};

// Sentences from TimeBank (../shared/eval/timex/timebank.jsonl, Wall Street Journal 1989).
test('a change and the level it reaches: "Revenue declined 8% to $85.7 million, from $93.3 million a year earlier."', () => {
  const f = figures('Revenue declined 8% to $85.7 million, from $93.3 million a year earlier.');
  assert.deepEqual(f.map((x) => [x.text, x.value, x.unit, x.kind, x.head]), [
    ['8%', 8, '%', 'decrease', 'revenue'],
    ['$85.7 million', 85.7e6, 'USD', 'level', 'revenue'],
    ['$93.3 million', 93.3e6, 'USD', 'level', 'revenue'],
  ]);
});

test('scale words: "Sales rose 6.2% to $1.45 billion from $1.37 billion."', () => {
  const f = figures('Sales rose 6.2% to $1.45 billion from $1.37 billion.');
  assert.deepEqual(f.map((x) => [x.value, x.kind, x.counted]), [
    [6.2, 'increase', 'Sales'],
    [1.45e9, 'level', 'Sales'],
    [1.37e9, 'level', 'Sales'],
  ]);
});

test('a range with a dash: "a 15-20 percent cutback in its oil supply in September"', () => {
  const f = figures('Reports attributed to the Japanese foreign ministry said Saudi Arabia told U.S., European and Japanese oil companies of a 15-20 percent cutback in its oil supply in September.');
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.deepEqual([f[0]!.text, f[0]!.low, f[0]!.high, f[0]!.value, f[0]!.unit], ['15-20 percent', 15, 20, 17.5, '%']);
});

test('the day of a date is not a quantity: "for the quarter ended Sept. 30 fell 50%"', () => {
  const f = figures('Net income for the quarter ended Sept. 30 fell 50% to 75% below the year-earlier $4.5 million, or 51 cents a share.');
  assert.ok(!f.some((x) => x.text === '30'));
  assert.equal(f[0]!.kind, 'decrease');
  assert.ok(f.some((x) => x.value === 4.5e6 && x.unit === 'USD'));
});

test('currency written as a word before the number: "fell to dlrs 14 billion last year, down dlrs 2.5 billion from 1996"', () => {
  const f = figures("The program aims at doubling the two nations' trade turnover, which fell to dlrs 14 billion last year, down dlrs 2.5 billion from 1996.");
  const v = f.filter((x) => x.unit === 'USD').map((x) => [x.value, x.kind]);
  assert.deepEqual(v, [
    [14e9, 'level'],
    [2.5e9, 'decrease'],
  ]);
  assert.ok(!f.some((x) => x.value === 1996), 'years are not quantities');
});

test('hedges become intervals; spelled-out numbers; what is counted (Realist English example)', () => {
  const f = figures(
    'Russian investment in Kyrgyzstan has reached nearly $2 billion, and some 1,700 enterprises with Russian participation are currently operating in the republic. Projects include the construction of nine schools with Russian-language instruction.',
  );
  assert.deepEqual(f[0], { text: 'nearly $2 billion', value: 2e9, low: 1.8e9, high: 2e9, unit: 'USD', hedge: 'nearly', kind: 'level', counted: 'Russian investment in Kyrgyzstan', head: 'investment' });
  assert.deepEqual([f[1]!.value, f[1]!.low, f[1]!.high, f[1]!.hedge, f[1]!.counted, f[1]!.head], [1700, 1615, 1785, 'some', 'enterprises with Russian participation', 'enterprise']);
  assert.deepEqual([f[2]!.value, f[2]!.counted, f[2]!.head], [9, 'schools with Russian-language instruction', 'school']);
});

test('multiples: "almost triple", "a threefold increase", "three times as many"', () => {
  const f = figures('The number of Russian companies has reached 1,800 — almost triple the figure of several years ago. Exports were three times as high.');
  const m = f.find((x) => x.text === 'almost triple');
  assert.ok(m);
  assert.equal(m.kind, 'multiple');
  assert.equal(m.value, 3);
  assert.equal(m.hedge, 'almost');
  assert.equal(m.head, 'company');
  assert.equal(f.find((x) => x.text === '1,800')?.head, 'company');
  assert.equal(f.find((x) => x.text === 'three times')?.kind, 'multiple');
});

test('a long unpunctuated sentence stays linear', () => {
  const text = 'some 1,700 firms and '.repeat(20000);
  const t0 = performance.now();
  const f = figures(text);
  assert.ok(f.length >= 20000);
  assert.ok(performance.now() - t0 < 10000, 'linear time on 420 kB without a full stop');
});

// BASIL (../shared/eval/stories/basil.jsonl) and the Bishkek example.
test('figures a reader can read: tallies with both sides, shares within 0-100%, multiples with their base', () => {
  const a = preparedArticle('The House approved the plan 234-193. The court issued a 5-4 decision. Around 97% of settlements are in national currencies.');
  a.layers.quotes = [];
  const q = extractQuantities(a, options);
  const tally = q.find((x) => x.tally);
  assert.deepEqual([tally && a.text.slice(tally.start, tally.end), tally?.tally, tally?.countedHead], ['234-193', { for: 234, against: 193 }, 'vote']);
  const five = q.find((x) => x.tally?.for === 5);
  assert.deepEqual([five?.tally, five?.measure?.text], [{ for: 5, against: 4 }, 'decision']);
  const share = q.find((x) => x.unit === '%')!;
  assert.deepEqual([share.low <= 97 && share.low > 90, share.high], [true, 100]);
  const m = preparedArticle('The number of Russian companies operating in Kyrgyzstan has reached 1,800 — almost triple the level of a decade ago.');
  m.layers.quotes = [];
  const mult = extractQuantities(m, options).find((x) => x.kind === 'multiple');
  assert.deepEqual([mult?.multiplier?.factor, mult?.multiplier?.base?.text], [3, 'Russian companies']);
});

test('no figure where a small number is a determiner, a label or an idiom', () => {
  for (const text of ['It could create an opening for negotiations between the two sides.', 'One provision would require the Defense Department to report.', 'Call the hotline at 1-800-577-8477 today.', 'The case, Wal-Mart Stores v. Dukes, No. 10-277, is pending.', 'She doubled down on her criticism.']) {
    assert.deepEqual(figures(text), [], text);
  }
  // "four of Mr. Trump’s trips": the measure is the whole phrase, its noun the head.
  const f = figures('Federal agencies spent about $13 million on four of Mr. Trump’s trips to his resort.');
  const four = f.find((x) => x.value === 4);
  assert.deepEqual([four?.counted, four?.head], ['Mr. Trump’s trips', 'trip']);
});

test('thousands separated by spaces: "60 000 protesters", not a day and a figure', () => {
  assert.deepEqual(figures('Police said 60 000 protesters attended at the peak.').map((f) => [f.text, f.value]), [['60 000', 60000]]);
  assert.deepEqual(figures('On May 5 100 people were evacuated.').map((f) => f.value).includes(5100), false);
});

test('Indian amounts: "Rs" before the figure, lakh and crore as scales, a scale joined by a hyphen', () => {
  const f = figures('The CBI arrested two men with Rs 25 lakh in a Rs 3-crore bribery case; Maruti sold 1.33 lakh units.');
  assert.deepEqual(f.map((x) => [x.text, x.value, x.unit]), [
    ['two', 2, null],
    ['Rs 25 lakh', 2.5e6, 'INR'],
    ['Rs 3-crore', 3e7, 'INR'],
    ['1.33 lakh', 133000, null],
  ]);
});
