import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';
import { compareArticles } from '../index.js';
import { datedFacts } from './events.js';

const { analyze } = createAnalyzer();
const run = (id: string, text: string) =>
  analyze(makeArticle({ id, source: id, format: 'text', outlet: id, title: null, published: '2020-02-15', url: null, language: 'ru' }, text));
const acts = (text: string) => {
  const a = run('a', text);
  return datedFacts(a, (x) => x).map((f) => [a.text.slice(f.value.start, f.value.end), f.act]);
};

test('the act a Russian date dates: the event noun next to it, through a verb of happening or a когда clause', () => {
  assert.deepEqual(acts('Драка произошла 31 января на вечеринке.'), [['31 января', 'fight']]);
  assert.deepEqual(acts('5 марта произошел взрыв на заводе.'), [['5 марта', 'explosion']]);
  assert.deepEqual(acts('Его задержали в связи с инцидентом в новогоднюю ночь, когда он участвовал в драке.'), [['в новогоднюю ночь', 'fight']]);
  // A past verb or short participle beside the date dates its act; a statement's day and a preposition do not.
  assert.deepEqual(acts('Пару задержали в субботу в гостинице.'), [['в субботу', 'arrest']]);
  // The day of a statement dates no act of the story: no dated fact at all.
  assert.deepEqual(acts('Министр заявил в понедельник о росте.'), []);
  assert.deepEqual(acts('Во вторник сообщили о задержании.'), []);
  assert.deepEqual(acts('Около 5 марта в городе было тихо.'), [['5 марта', null]]);
});

test('two Russian reports that date one act differently conflict, though their clauses share little else', () => {
  const a = run('m', 'Художника Петра Павленского задержали в связи с инцидентом в новогоднюю ночь, когда Павленский участвовал в драке.');
  const b = run('r', 'Драка произошла 31 января на большой вечеринке, организованной адвокатом Хуаном Бранко.');
  const dates = compareArticles([a, b]).findings.filter((f) => f.kind === 'conflict' && f.type === 'date');
  assert.equal(dates.length, 1);
  // Unchanged dates of the same act agree: no conflict.
  const c = run('c', 'Драка произошла в новогоднюю ночь на большой вечеринке.');
  assert.equal(compareArticles([a, c]).findings.filter((f) => f.kind === 'conflict' && f.type === 'date').length, 0);
});

test('two Russian reports that date one arrest on two days conflict', () => {
  const a = run('a', 'Пару задержали в субботу в гостинице.');
  const b = run('b', 'Художника задержали в пятницу вечером на улице.');
  assert.equal(compareArticles([a, b]).findings.filter((f) => f.kind === 'conflict' && f.type === 'date').length, 1);
});
