import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createNameIndex, displayNames, nameRows } from './entity-names.js';

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

test('names lists: group and region adjectives, lone titles, roles, function words and party tags left out; titles dropped before names; types shown', () => {
  const index = createNameIndex([
    { name: 'Christian', stories: 5, types: { MISC: 5 } },
    { name: 'African', stories: 3, types: { MISC: 3 } },
    { name: 'Former Rep', stories: 2, types: { PER: 2 } },
    { name: 'Senator', stories: 2, types: { PER: 2 } },
    { name: 'Clinton Aide', stories: 2, types: { PER: 2 } },
    { name: "I'm", stories: 2, types: { MISC: 2 } },
    { name: 'D-N', stories: 3, types: { ORG: 3 } },
    { name: 'Congressman Grimm', stories: 1, types: { PER: 1 } },
    { name: 'Michael Grimm', stories: 3, types: { PER: 3 } },
    { name: 'Justice Department', stories: 3, types: { ORG: 3 } },
    { name: 'Mo', stories: 2, types: { LOC: 2 } },
    { name: 'Missouri', stories: 1, types: { LOC: 1 } },
    { name: 'White House', stories: 9, types: { ORG: 9 } },
    { name: 'House', stories: 6, types: { ORG: 6 } },
    // A capitalised common word read as a place no gazetteer knows, or typed one way as often as another.
    { name: 'Hope', stories: 2, types: { LOC: 2 } },
    { name: 'Grace', stories: 2, types: { PER: 1, LOC: 1 } },
    { name: 'Ferguson', stories: 2, types: { LOC: 2 } },
    // No gazetteer knows these one-word "places"; WordNet knows "Bible" as a book, the others as places.
    { name: 'Bible', stories: 3, types: { LOC: 3 } },
    { name: 'Koran', stories: 2, types: { LOC: 2 } },
    { name: 'Alexandria', stories: 2, types: { LOC: 2 } },
    { name: 'Thames', stories: 2, types: { LOC: 2 } },
    { name: 'Paris', stories: 4, types: { LOC: 4 } },
    { name: 'Trump', stories: 9, types: { MISC: 6, PER: 3 } },
    { name: 'Donald Trump', stories: 6, types: { PER: 6 } },
  ]);
  for (const noise of ['Christian', 'African', 'Former Rep', 'Senator', 'Clinton Aide', "I'm", 'D-N', 'Hope', 'Grace', 'Bible', 'Koran']) assert.equal(index.canonical(noise), null, noise);
  for (const place of ['Alexandria', 'Thames', 'Paris']) assert.equal(index.canonical(place), place, `${place} is a place`);
  assert.equal(index.canonical('Congressman Grimm'), 'Michael Grimm');
  assert.equal(index.canonical('Justice Department'), 'Justice Department', 'an office keeps its name');
  assert.equal(index.canonical('Mo'), 'Missouri');
  assert.equal(index.canonical('House'), 'House', 'an institution is no surname of another');
  assert.equal(index.canonical('Ferguson'), 'Ferguson', 'a place that is no common word stays');
  assert.equal(index.canonical('Trump'), 'Donald Trump');
  assert.equal(index.type('Donald Trump'), 'PER');
  assert.equal(index.type('Missouri'), 'LOC');
  assert.equal(index.type('Justice Department'), 'ORG');
  assert.deepEqual(
    nameRows([
      { entities: ['Hope', 'Trump'], entityTypes: ['LOC', 'PER'] },
      { entities: ['Trump'], entityTypes: ['MISC'] },
    ]),
    [
      { name: 'Hope', stories: 1, types: { LOC: 1 } },
      { name: 'Trump', stories: 2, types: { PER: 1, MISC: 1 } },
    ],
  );
});
