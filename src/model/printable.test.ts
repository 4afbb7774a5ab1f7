import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printable, printableDeep } from './printable.js';
import { ParallaxError } from './errors.js';

test('printable: escape sequences, newlines and bidi controls become visible, ordinary text stays', () => {
  assert.equal(printable('evil\x1b[31mRED\x1b]0;pwned\x07.txt'), 'evil\\x1b[31mRED\\x1b]0;pwned\\x07.txt');
  assert.equal(printable('a\nb\rc\td'), 'a\\x0ab\\x0dc\td');
  assert.equal(printable('x\u202eexe.txt'), 'x\\u202eexe.txt');
  assert.equal(printable('\x9b2J'), '\\x9b2J');
  assert.equal(printable('Бишкек — “quoted” ünïcode'), 'Бишкек — “quoted” ünïcode');
});

test('ParallaxError messages name the file without letting it drive the terminal', () => {
  const e = new ParallaxError('E_EMPTY', 'empty file', '/tmp/evil\x1b[2J.txt');
  assert.equal(e.message, '/tmp/evil\\x1b[2J.txt: empty file');
  assert.equal(e.subject, '/tmp/evil\x1b[2J.txt', 'the subject itself is kept as given, for programs');
});

test('printableDeep: every string of a nested value, newlines kept, numbers untouched', () => {
  assert.deepEqual(printableDeep({ a: ['x\x1b[2Jy', 3], b: { c: 'line\nnext\x07' }, d: null }), { a: ['x\\x1b[2Jy', 3], b: { c: 'line\nnext\\x07' }, d: null });
});
