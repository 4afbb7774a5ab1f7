import { concept, lexicon } from '../lexicon.js';
import { test } from 'node:test';
import { englishWordFor } from './lexicon.js';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../lang/detect.js';
import { foldRu, foldQuotes, parseRuNumber } from './normalize.js';
import { splitSentencesRu } from './sentences.js';
import { tokenize } from '../tokens.js';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';

const sents = (t: string) => splitSentencesRu(t, tokenize(t)).map((s) => t.slice(s.start, s.end));

test('language: Cyrillic text is Russian whatever is declared; Ukrainian is outside the allow-list', () => {
  assert.equal(detectLanguage('Президент России Владимир Путин провёл переговоры.', 'en').language, 'ru');
  assert.equal(detectLanguage('Президент України Володимир Зеленський підписав закон і відзначив її значення, єдність.').language, 'und');
  assert.equal(detectLanguage('The president met his Kyrgyz counterpart.').language, 'en');
  assert.equal(detectLanguage('Le président a rencontré son homologue.', 'fr').language, 'und');
});

test('normalisation: ё folds to е, quotes fold, numbers read with any space and a decimal comma', () => {
  assert.equal(foldRu('Пётр Ёлкин'), 'петр елкин');
  assert.equal(foldQuotes('«Кавказ» и „Нива“'), '"Кавказ" и "Нива"');
  assert.equal(parseRuNumber('1\u00a0700'), 1700);
  assert.equal(parseRuNumber('1\u2009700\u202f000'), 1700000);
  assert.equal(parseRuNumber('4,1'), 4.1);
});

test('sentences: initials, abbreviations and direct speech with its attribution stay whole', () => {
  assert.deepEqual(sents('В. В. Путин прибыл в г. Бишкек. Визит продлится два дня.'), ['В. В. Путин прибыл в г. Бишкек.', 'Визит продлится два дня.']);
  assert.deepEqual(sents('Оборот составил 3 тыс. рублей, т. е. немного. Это мало.'), ['Оборот составил 3 тыс. рублей, т. е. немного.', 'Это мало.']);
  assert.deepEqual(sents('«Мы готовы к диалогу!» — заявил он. Встреча прошла в Москве.'), ['«Мы готовы к диалогу!» — заявил он.', 'Встреча прошла в Москве.']);
  assert.deepEqual(sents('Это случилось в 2020 г. Президент подписал указ.'), ['Это случилось в 2020 г.', 'Президент подписал указ.']);
});

test('dispatch: a Russian article takes the Russian stages, an English one the English stages', () => {
  const { analyze } = createAnalyzer();
  const meta = { id: 'x', source: 't', format: 'text' as const, outlet: null, title: null, published: '2020-06-16', url: null, language: null };
  const ru = analyze(makeArticle(meta, 'В. В. Путин прибыл в Бишкек. Визит продлится два дня.'));
  assert.equal(ru.layers.sentences?.length, 2);
  const en = analyze(makeArticle(meta, 'Mr. Putin arrived in Bishkek. The visit lasts two days.'));
  assert.ok((en.layers.entities ?? []).some((e) => en.text.slice(e.start, e.end) === 'Putin'));
});

test('concepts: a Russian word stands for its English word when the lexicon has it, else for its stem', () => {
  assert.equal(concept('компаний'), concept('companies'));
  assert.equal(concept('правоохранителей'), concept('officers'));
  assert.equal(concept('Жапарова'), concept('Жапарову'));
  assert.equal(concept('Франции'), concept('France'));
  assert.equal(concept('Париже'), concept('Paris'));
  assert.ok(lexicon().stopwords.has('которые') && lexicon().stopwords.has('семь'));
});

test('bilingual lexicon: a past form whose stem is not its infinitive\'s finds the infinitive\'s English word', () => {
  assert.equal(englishWordFor('посмотреть'), 'watch');
  assert.equal(englishWordFor('посмотрело'), 'watch');
  assert.equal(englishWordFor('посмотрели'), 'watch');
  assert.equal(englishWordFor('зрителей'), 'viewer');
  assert.equal(englishWordFor('столом'), null);
});
