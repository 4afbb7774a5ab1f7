import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phraseLists } from './phrases.js';

/** What tone and claims did before: one indexOf scan per phrase over the slice. */
function naive(lower: string, start: number, end: number, phrases: readonly string[], openAnywhere: (p: string) => boolean): [number, number][] {
  const body = lower.slice(start, end);
  const word = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const out: [number, number][] = [];
  for (const p of phrases) {
    let from = 0;
    for (;;) {
      const i = body.indexOf(p, from);
      if (i < 0) break;
      if ((openAnywhere(p) || i === 0 || !word(body[i - 1])) && !word(body[i + p.length])) out.push([start + i, start + i + p.length]);
      from = i + p.length;
    }
  }
  return out;
}

test('phrase lists find what one indexOf scan per phrase finds, skipped overlaps included', () => {
  const lists = [['so so', 'not', "n't", 'no longer'], ['will', 'set to', 'o']];
  const anywhere = (p: string) => p.startsWith("n'");
  const finder = phraseLists(lists, anywhere);
  const texts = ['also so so, not now', 'nota bene: knotted, not', 'A wills will-will', "he didn't, will not; no longer set to", 'knot not-not', 'so so so so', 'o o oo o', 'willing will'];
  for (const text of texts) {
    for (const [start, end] of [[0, text.length], [2, text.length - 1], [5, 9]] as const) {
      const found = finder.find(text, start, end);
      lists.forEach((list, l) => assert.deepEqual(found[l], naive(text, start, end, list, anywhere), `${text} [${start}, ${end}) list ${l}`));
    }
  }
  // The overlap an indexOf scan skips: "so so" inside "also so" moves the search past the real one.
  assert.deepEqual(finder.find('also so so', 0, 10)[0], []);
});
