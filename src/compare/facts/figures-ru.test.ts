import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';
import { compareArticles } from '../index.js';
import { parallelSentences } from '../../lang/sentence-align.js';
import { ruPlannedFigure } from './figures-ru.js';

const { analyze } = createAnalyzer();
const run = (id: string, text: string, language: string) =>
  analyze(makeArticle({ id, source: id, format: 'text', outlet: id, title: null, published: '2018-10-01', url: null, language }, text));

const EN = [
  'The volcano near Mexico City registered 183 emissions of gas and ash over 24 hours, officials said.',
  'Steven Gerrard has suffered his second defeat in 18 games as manager of Rangers.',
  'The airline said all 47 passengers and crew left the sinking plane in Micronesia.',
  'He has pleaded not guilty to the 22-count indictment.',
  'Only 10 percent of parents in Ohio said they spoke with their kids about it.',
].join('\n\n');
const ru = (emissions: string, games: string, counts = '22', share = '10') =>
  [
    `За сутки вулкан недалеко от Мехико произвел ${emissions} выбросов газа и пепла, сообщили власти.`,
    `Для Стивена Джеррарда это второе поражение за ${games} игр на посту тренера «Рейнджерс».`,
    'Авиакомпания сообщила, что все 47 пассажиров и экипаж покинули тонущий самолет в Микронезии.',
    `Он отрицает свою вину по всем ${counts} пунктам обвинительного заключения.`,
    `Только ${share}% родителей в Огайо сказали, что говорили на эту тему со своими детьми.`,
  ].join('\n\n');

test('sentences of a Russian and an English report that say the same are paired, without translation', () => {
  const { pairs } = parallelSentences(run('ru', ru('183', '18'), 'ru'), run('en', EN, 'en'));
  assert.deepEqual([...pairs].sort(), [[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
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
  // A Russian word the lexicon does not translate ("пунктам") is no other thing counted than the English "count".
  const counts = conflicts(ru('183', '18', '72')).map((f) => f.summary);
  assert.ok(counts.some((s) => /\b22\b/.test(s) && /\b72\b/.test(s)), counts.join('\n'));
  // The only share in each of two sentences that say the same is one measure, though their words barely meet.
  const shares = conflicts(ru('183', '18', '22', '60')).map((f) => f.summary);
  assert.ok(shares.some((s) => /10 percent/.test(s) && /60%/.test(s)), shares.join('\n'));
});

test('a Russian figure is planned when its clause says so, before or after it', () => {
  const at = (text: string, figure: string) => ({ start: text.indexOf(figure), end: text.indexOf(figure) + figure.length });
  const planned = (text: string, figure: string) => ruPlannedFigure(text, at(text, figure));
  assert.equal(planned('В 11 магазинах по всей стране будут представлены новые отделы.', '11'), true);
  assert.equal(planned('В понедельник в Мексике ожидается более 25 см осадков.', '25 см'), true);
  assert.equal(planned('Команда набрала 14,5 очков, необходимые для победы.', '14,5'), true);
  // A count, and a plan of another clause.
  assert.equal(planned('В 11 магазинах открылись новые отделы.', '11'), false);
  assert.equal(planned('Погибли 12 человек, и власти будут расследовать причины.', '12'), false);
  // Demanding a sum is no plan of it.
  assert.equal(planned('Она требует компенсацию в размере 350 долларов в день.', '350'), false);
});
