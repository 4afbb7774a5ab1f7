import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignDocument, assign, enSentenceView, ruSentenceView } from './align.js';

test('assignment: the best total, not the greedy first pick', () => {
  // Greedy takes (0,0)=10 and then (1,1)=1: 11; the best is (0,1)+(1,0) = 9 + 9 = 18.
  assert.deepEqual(assign([[10, 9], [9, 1]], 2), [1, 0]);
  assert.deepEqual(assign([[1], [5]], 1), [-1, 0]);
});

test('alignment without translation: figures, names and lexicon words find the English sentence', () => {
  const ru = ['Президент Киргизии Садыр Жапаров прибыл в Москву.', 'Товарооборот вырос на 13,6% и составил 4,1 млрд долларов.', 'Стороны подписали соглашение о сотрудничестве.'].map(ruSentenceView);
  const en = ['The sides signed a cooperation agreement.', 'Kyrgyz President Sadyr Japarov arrived in Moscow.', 'Trade grew 13.6% to $4.1 billion.'].map(enSentenceView);
  assert.deepEqual(alignDocument(ru, en), [1, 2, 0]);
});
