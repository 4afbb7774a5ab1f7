import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../../pipeline/pipeline.js';
import { makeArticle } from '../../model/document.js';
import { russianStages } from './stages.js';
import { stemRu } from './stem.js';

const pipeline = createPipeline(russianStages());
const run = (text: string, published: string | null = '2020-06-16') =>
  pipeline.run(makeArticle({ id: 'x', source: 't', format: 'text', outlet: null, title: null, published, url: null, language: 'ru' }, text));

test('stemmer: case forms of one name share a stem', () => {
  assert.equal(stemRu('Путину'), stemRu('Путина'));
  assert.equal(stemRu('пассажирами'), 'пассажир');
});

test('quantities: spaces in digits, decimal comma with a scale, number words, hedges, currencies, multiples', () => {
  const a = run('На борту были 176 пассажиров. Оборот составил 4,1 млрд долларов. Пострадали семь сотрудников полиции. Около 1\u00a0700 предприятий работают. Цены выросли в 3 раза, а экспорт втрое. Доля составила 75%. Пострадали двадцать пять человек.');
  const q = (a.layers.quantities ?? []).map((x) => [a.text.slice(x.start, x.end), x.value, x.unit, x.kind, x.countedHead]);
  assert.deepEqual(q, [
    ['176', 176, null, 'level', 'passenger'],
    ['4,1 млрд долларов', 4.1e9, 'USD', 'level', null],
    ['семь', 7, null, 'level', 'officer'], // "сотрудники полиции": one English word (lexicon phrases),
    ['Около 1\u00a0700', 1700, null, 'level', 'enterprise'],
    ['в 3 раза', 3, null, 'multiple', null],
    ['втрое', 3, null, 'multiple', null],
    ['75%', 75, '%', 'level', null],
    ['двадцать пять', 25, null, 'level', 'person'],
  ]);
  const around = a.layers.quantities![3]!;
  assert.ok(around.low < 1700 && around.high > 1700);
});

test('dates: chrono ru with refiners (past weekday, накануне, year, start of a month kept as a month)', () => {
  const a = run('Во вторник, 16 июня, в Москве прошла встреча. Накануне вечером стороны обсудили повестку. В 2022 году объем вырос. В начале декабря пройдет саммит. В понедельник министр заявил о росте.');
  const t = (a.layers.times ?? []).map((x) => [a.text.slice(x.start, x.end), x.value]);
  assert.deepEqual(t, [
    ['Во вторник, 16 июня', '2020-06-16'],
    ['Накануне', '2020-06-15'],
    ['В 2022 году', '2022'],
    ['В начале декабря', '2020-12'],
    ['В понедельник', '2020-06-15'],
  ]);
  // No figures are read from the dates.
  assert.deepEqual(a.layers.quantities, []);
});

test('dates: a month in the prepositional case, past or future by the sentence, a range of months, a given year', () => {
  const a = run('В январе супруги арендовали дом. Выборы пройдут в сентябре. В ноябре-декабре цены выросли. В мае 2019 года он уехал.');
  const t = (a.layers.times ?? []).map((x) => [a.text.slice(x.start, x.end), x.value]);
  assert.deepEqual(t, [
    ['В январе', '2020-01'],
    ['в сентябре', '2020-09'],
    ['В ноябре-декабре', '2019-11/2019-12'],
    ['В мае 2019 года', '2019-05'],
  ]);
});

test('dates: a day of a month after a part of the day or with -го, its year the half-year around publication', () => {
  const a = run('Его задержали утром 3 мая. Суд прошел 2-го июня. Драка случилась 30 декабря. Саммит пройдет 10 января.');
  const t = (a.layers.times ?? []).map((x) => [a.text.slice(x.start, x.end), x.value]);
  assert.deepEqual(t, [
    ['утром 3 мая', '2020-05-03'],
    ['2-го июня', '2020-06-02'],
    ['30 декабря', '2019-12-30'],
    ['10 января', '2021-01-10'],
  ]);
});

test('counted heads: a substantivised adjective is the noun; a noun with its genitive may be one English word', () => {
  const a = run('Пострадали трое полицейских и двое граждан. Задержаны четыре сотрудника правоохранительных органов.');
  const q = (a.layers.quantities ?? []).map((x) => [a.text.slice(x.start, x.end), x.countedHead]);
  assert.deepEqual(q, [['трое', 'officer'], ['двое', 'citizens'], ['четыре', 'officer']]);
});

test('quantities: imperial units as written in Russian translations, and a speed kept apart from a length', () => {
  const a = run('Ветер до 135 км/ч, самолет затонул на глубине 100 футов, выпало 10 дюймов осадков, центр в 385 милях от берега, в 30 км от города.');
  const q = (a.layers.quantities ?? []).map((x) => [a.text.slice(x.start, x.end), x.unit]);
  assert.deepEqual(q, [['до 135 км/ч', 'km/h'], ['100 футов', 'ft'], ['10 дюймов', 'in'], ['385 милях', 'mi'], ['30 км', 'km']]);
});
