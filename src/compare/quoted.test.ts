import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../analyze.js';
import { articleFromContent } from '../ingest/read-inputs.js';
import { commonRun, quotesAgree, wordsOf } from './quoted.js';

const analyzer = createAnalyzer();
const whole = (text: string, id: string) => {
  const article = analyzer.analyze(articleFromContent({ text }, { id, source: id, outlet: id, title: null, published: '2019-01-25' }));
  return { article, span: { start: 0, end: article.text.length } };
};

test('commonRun: the longest run of words in common', () => {
  assert.equal(commonRun(wordsOf('the message has been heard, they said'), wordsOf('Their “message has been heard.”')), 4);
  assert.equal(commonRun(wordsOf('a b c'), wordsOf('d e f')), 0);
});

test('quotesAgree: a quote agrees only with a statement that gives its words', () => {
  const quote = whole('“A telephone call would have done the job,” Mr. Stone said of the raid on his home.', 'a');
  const sentence = whole('But they have remained close, speaking often by telephone.', 'b');
  assert.equal(quotesAgree(quote, sentence), false);
  const same = whole('“A telephone call would have done the job,” he told reporters on Friday.', 'c');
  assert.equal(quotesAgree(quote, same), true);
  // Two sentences without quotes are left to the paraphrase measure.
  assert.equal(quotesAgree(sentence, whole('They speak often by phone and remain close.', 'd')), true);
});
