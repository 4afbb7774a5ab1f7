import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTokenTable, nextWord, WORD_PATTERN, type WordSpan } from './token-table.js';
import { createLexicon } from './lexicon.js';

function scanned(text: string): string[] {
  const out: string[] = [];
  const span: WordSpan = { start: 0, end: 0, matchEnd: 0 };
  for (let pos = 0; nextWord(text, pos, span); pos = span.matchEnd) out.push(text.slice(span.start, span.matchEnd));
  return out;
}

test('the hand-written scanner finds exactly the words the word pattern finds', () => {
  const texts = [
    "Biden's $3.5 trillion plan: 1,500 Americans, 12,34 people, U.S.-Mexico border — O’Rourke's 'win'.",
    'Ends with a separator. And a dash- and a comma, 1,00 and 1,000,000 and 2,5000x',
    'Ünïcödé wörds, Zürich-based, Αθήνα, 東京 2020, ١٢٣,٤٥٦ and 𝐁old 𝟏𝟐𝟑 astral, lone \ud800 surrogate',
    "''' ... --- ,,, 'quoted' x-'y a.b.c. 3.14. end's",
    '',
  ];
  for (const t of texts) assert.deepEqual(scanned(t), t.match(WORD_PATTERN) ?? [], t);
});

test('a possessive is left out of the word, and one spelling maps to one entry', () => {
  const span: WordSpan = { start: 0, end: 0, matchEnd: 0 };
  const text = "Harris's office and Harris";
  assert.ok(nextWord(text, 0, span));
  assert.equal(text.slice(span.start, span.end), 'Harris');
  assert.equal(span.matchEnd, 8);
  const ids = new Map<string, number>();
  const table = createTokenTable(createLexicon(), (stem) => ids.get(stem) ?? ids.set(stem, ids.size).get(stem)!);
  const a = table.entry(text, span.start, span.end);
  const b = table.entry(text, 20, 26);
  assert.equal(a, b);
  assert.equal(table.upper[a], true);
  assert.equal(table.word[a], 'Harris');
  assert.equal(table.term[table.entry(text, 16, 19)], -1, 'a stop word has no term');
});
