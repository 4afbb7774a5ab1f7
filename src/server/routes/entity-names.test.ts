import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex, displayNames } from './entity-names.js';

test('names merge: a surname into the full name, plural and adjective spellings into one, noise left out', () => {
  const index = createNameIndex([
    { name: 'Donald Trump', stories: 40 },
    { name: 'Trump', stories: 30 },
    { name: 'Democrats', stories: 20 },
    { name: 'Democrat', stories: 5 },
    { name: 'Democratic', stories: 12 },
    { name: 'American', stories: 25 },
    { name: 'C.', stories: 3 },
    { name: 'Washington', stories: 10 },
    { name: 'George Washington', stories: 2 },
    { name: 'Bush', stories: 4 },
    { name: 'George Bush', stories: 3 },
    { name: 'Jeb Bush', stories: 3 },
  ]);
  assert.equal(index.canonical('Trump'), 'Donald Trump');
  assert.equal(index.canonical('Democratic'), 'Democrats');
  assert.equal(index.canonical('Democrat'), 'Democrats');
  assert.equal(index.canonical('American'), null);
  assert.equal(index.canonical('C.'), null);
  assert.equal(index.canonical('Washington'), 'Washington', 'a place keeps its name');
  assert.equal(index.canonical('Bush'), 'Bush', 'two Bushes: neither is clearly meant');
  assert.deepEqual(index.aliases('Donald Trump').sort(), ['Donald Trump', 'Trump']);
  assert.deepEqual(displayNames(['Trump', 'American', 'Donald Trump', 'Democratic', 'Democrats'], index), ['Donald Trump', 'Democrats']);
});
