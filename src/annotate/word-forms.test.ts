import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWordForms, wordMemo, wordNumbers } from './word-forms.js';
import { tokenize } from './tokens.js';
import { tokenView } from './quantities/token-view.js';

test('word forms: one id and one string object per word, wherever it is in whichever text', () => {
  const forms = createWordForms();
  const a = 'Moscow said Moscow';
  const b = 'In Moscow, MOSCOW';
  const x = forms.idOf(a, 0, 6);
  assert.equal(forms.idOf(a, 12, 18), x);
  assert.equal(forms.idOf(b, 3, 9), x);
  assert.equal(forms.form(x), 'Moscow');
  assert.equal(forms.form(forms.idOf(b, 3, 9)), forms.form(x));
  const upper = forms.idOf(b, 11, 17);
  assert.notEqual(upper, x);
  assert.equal(forms.lower(upper), 'moscow');
  assert.equal(forms.lowerId(upper), forms.lowerId(x));
  assert.equal(forms.form(forms.lowerId(x)), 'moscow');
  assert.equal(forms.idOf('', 0, 0), forms.idOf('x', 1, 1));
});

test('word forms: past the bound the table starts again, with a new generation; many words hash apart', () => {
  const forms = createWordForms(64);
  const g = forms.generation;
  const text = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
  const ids: number[] = [];
  for (const t of tokenize(text)) {
    const id = forms.idOf(text, t.start, t.end);
    ids.push(id);
    assert.equal(forms.form(id), text.slice(t.start, t.end));
  }
  assert.ok(forms.generation > g);
  assert.ok(Math.max(...ids) < 64);
});

test('word memo: computed once per word id of a generation, again after it changes, each time without ids', () => {
  let calls = 0;
  const memo = wordMemo((w) => (calls++, w.length));
  assert.equal(memo(1, 5000, 'abc'), 3);
  assert.equal(memo(1, 5000, 'abc'), 3);
  assert.equal(calls, 1);
  assert.equal(memo(2, 5000, 'abcd'), 4);
  assert.equal(memo(-1, 0, 'ab'), 2);
  assert.equal(memo(-1, 0, 'ab'), 2);
  assert.equal(calls, 4);
});

test('token view: words and lower cases as slicing and lower-casing give them (capital sigma, dotted capital I)', () => {
  for (const text of ['ΟΔΟΣ’s and ΣΑΣ. Kyrgyzstan’s İstanbul', 'ΟΔΟΣ’s and ΣΑΣ. Kyrgyzstan’s', 'The U.S. and "Moscow" 1,700']) {
    const tokens = tokenize(text);
    const view = tokenView({ id: 'x', text, layers: { tokens, sentences: [{ start: 0, end: text.length, paragraph: 0 }] } } as never);
    const lowerText = text.toLowerCase();
    tokens.forEach((t, i) => {
      const w = text.slice(t.start, t.end);
      assert.equal(view.words[i], w);
      assert.equal(view.ownLower[i], w.toLowerCase());
      assert.equal(view.lower[i], lowerText.length === text.length ? lowerText.slice(t.start, t.end) : w.toLowerCase());
    });
  }
});

test('word numbers: as the word memo, in a typed array (NaN and Infinity kept as values)', () => {
  let calls = 0;
  const memo = wordNumbers((w) => (calls++, w === 'none' ? NaN : w === 'neg' ? Infinity : w.length));
  assert.equal(memo(1, 3000, 'abc'), 3);
  assert.equal(memo(1, 3000, 'abc'), 3);
  assert.ok(Number.isNaN(memo(1, 7, 'none')));
  assert.ok(Number.isNaN(memo(1, 7, 'none')));
  assert.equal(memo(1, 8, 'neg'), Infinity);
  assert.equal(memo(1, 8, 'neg'), Infinity);
  assert.equal(calls, 3);
  assert.equal(memo(2, 3000, 'abcd'), 4);
  assert.equal(memo(-1, 0, 'ab'), 2);
  assert.equal(calls, 5);
});
