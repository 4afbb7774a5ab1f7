import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokens.js';
import { splitSentences } from './sentences.js';

const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

test('splits at sentence ends, not at abbreviations or decimals', () => {
  assert.deepEqual(split('U.S. President Donald Trump met Mr. Smith on Jan. 5. Trade grew 13.6% to $4.1 billion. He said so.'), [
    'U.S. President Donald Trump met Mr. Smith on Jan. 5.',
    'Trade grew 13.6% to $4.1 billion.',
    'He said so.',
  ]);
});

test('closing quotes stay with their sentence; line breaks start paragraphs', () => {
  const text = '“We note it,” Putin said. He left.\nJaparov called Russia a “strategic ally.” It was late.';
  const sents = splitSentences(text, tokenize(text));
  assert.deepEqual(sents.map((s) => text.slice(s.start, s.end)), ['“We note it,” Putin said.', 'He left.', 'Japarov called Russia a “strategic ally.”', 'It was late.']);
  assert.deepEqual(sents.map((s) => s.paragraph), [0, 0, 1, 1]);
});

test('tokens keep numbers with separators and split possessives', () => {
  const text = 'Kyrgyzstan’s 1,700 firms';
  assert.deepEqual(tokenize(text).map((t) => text.slice(t.start, t.end)), ['Kyrgyzstan', '’s', '1,700', 'firms']);
});
