import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';
import { compareArticles } from '../index.js';
import { parallelSentences } from '../../lang/sentence-align.js';

const { analyze } = createAnalyzer();
const run = (id: string, text: string, language: string) =>
  analyze(makeArticle({ id, source: id, format: 'text', outlet: id, title: null, published: '2018-10-01', url: null, language }, text));

const EN = [
  'The volcano near Mexico City registered 183 emissions of gas and ash over 24 hours, officials said.',
  'Steven Gerrard has suffered his second defeat in 18 games as manager of Rangers.',
  'The airline said all 47 passengers and crew left the sinking plane in Micronesia.',
].join('\n\n');
const ru = (emissions: string, games: string) =>
  [
    `За сутки вулкан недалеко от Мехико произвел ${emissions} выбросов газа и пепла, сообщили власти.`,
    `Для Стивена Джеррарда это второе поражение за ${games} игр на посту тренера «Рейнджерс».`,
    'Авиакомпания сообщила, что все 47 пассажиров и экипаж покинули тонущий самолет в Микронезии.',
  ].join('\n\n');

test('sentences of a Russian and an English report that say the same are paired, without translation', () => {
  const { pairs } = parallelSentences(run('ru', ru('183', '18'), 'ru'), run('en', EN, 'en'));
  assert.deepEqual([...pairs].sort(), [[0, 0], [1, 1], [2, 2]]);
  // Two reports in one language: no pairing of this kind.
  assert.equal(parallelSentences(run('en1', EN, 'en'), run('en2', EN, 'en')).pairs.length, 0);
});

test('a figure changed in the Russian report conflicts with the English one, however far apart the two are', () => {
  const conflicts = (text: string) => compareArticles([run('en', EN, 'en'), run('ru', text, 'ru')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'number');
  // Unchanged: the figures agree, no conflict.
  assert.deepEqual(conflicts(ru('183', '18')).map((f) => f.summary), []);
  // 183 -> 683 and 18 -> 68 are less than a third of each other: in sentences that say the same, still one measure.
  const found = conflicts(ru('683', '68')).map((f) => f.summary);
  assert.ok(found.some((s) => /183/.test(s) && /683/.test(s)), found.join('\n'));
  assert.ok(found.some((s) => /\b18\b/.test(s) && /\b68\b/.test(s)), found.join('\n'));
});
