import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerSameLength } from './lower-case.js';

test('lower case keeps the length, so offsets stay valid (İstanbul, found by the property tests)', () => {
  assert.equal(lowerSameLength('İstanbul nearly'), 'istanbul nearly');
  assert.equal(lowerSameLength('İstanbul nearly').indexOf('nearly'), 'İstanbul nearly'.indexOf('nearly'));
  assert.equal(lowerSameLength('ΟΔΟΣ Straße ǅ'), 'οδος straße ǆ');
  for (let cp = 0; cp < 0x30000; cp++) {
    if (cp >= 0xd800 && cp < 0xe000) continue;
    const c = String.fromCodePoint(cp);
    assert.equal(lowerSameLength(c).length, c.length, `U+${cp.toString(16)}`);
  }
});
