import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeArticle } from '../../model/document.js';
import { tokenView } from '../quantities/token-view.js';
import { splitSentences } from '../sentences.js';
import { tokenize } from '../tokens.js';
import { allowed, attributionsFromLabels, NL, viterbi } from './seq-model.js';

function view(text: string) {
  const a = makeArticle({ id: 'x', source: 'test', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, text);
  a.layers.tokens = tokenize(text);
  a.layers.sentences = splitSentences(text, a.layers.tokens);
  return tokenView(a);
}

test('BIO constraints: an inside label only continues its own run', () => {
  assert.equal(allowed(0, 2), false);
  assert.equal(allowed(1, 2), true);
  assert.equal(allowed(5, 6), true);
  assert.equal(allowed(3, 6), false);
  // Emissions that prefer I-Q everywhere still decode to a run that opens with B-Q.
  const n = 3;
  const em = new Float32Array(n * NL);
  for (let i = 0; i < n; i++) {
    em[i * NL + 6] = 5;
    em[i * NL + 5] = 4;
  }
  const out = viterbi(em, new Float32Array((NL + 1) * NL), n);
  assert.deepEqual([...out], [5, 6, 6]);
});

test('a content has a cue and takes the source nearest that cue', () => {
  const v = view('Smith said the plan failed.');
  // Smith said the plan failed .
  const labels = Int8Array.from([1, 3, 5, 6, 6, 0]);
  const [a, ...rest] = attributionsFromLabels(v, labels, 0);
  assert.equal(rest.length, 0);
  assert.deepEqual(a!.cue, { first: 1, end: 2 });
  assert.deepEqual(a!.source, { first: 0, end: 1 });
  assert.deepEqual(a!.content, [{ first: 2, end: 5 }]);
  // Without a cue, no attribution.
  assert.deepEqual(attributionsFromLabels(v, Int8Array.from([1, 0, 5, 6, 6, 0]), 0), []);
});
