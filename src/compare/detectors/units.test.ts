import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';
import { figureFacts } from '../facts/figures.js';
import { disjoint } from './figures.js';

const { analyze } = createAnalyzer();
const fig = (text: string, language: string) => {
  const a = analyze(makeArticle({ id: language, source: language, format: 'text', outlet: language, title: null, published: null, url: null, language }, text));
  return figureFacts(a, (id) => id)[0]!;
};

test('lengths in different units are compared in one unit, with room for the rounding of a conversion', () => {
  const miles = fig('The volcano sits 45 miles southeast of the capital.', 'en');
  assert.equal(disjoint(miles, fig('Вулкан находится в 72 км к юго-востоку от столицы.', 'ru')), false);
  assert.equal(disjoint(miles, fig('Вулкан находится в 120 км к юго-востоку от столицы.', 'ru')), true);
  assert.equal(disjoint(fig('Waves reached 20 feet.', 'en'), fig('Волны достигали 6 метров.', 'ru')), false);
});
