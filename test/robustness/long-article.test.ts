// Long articles: the stages that relate one layer to another (claims to entities, quotes, times and
// quantities; tone to times; quantities to quotes) must look spans up, not pass over a whole layer per
// clause or sentence, which made the analysis of 2 MB of short reported sentences take 56 s. Counted
// as reads of the layers' items (no timing): they grow with the items, not with items x clauses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../src/analyze.js';
import { articleFromContent } from '../../src/ingest/read-inputs.js';
import { extractClaims } from '../../src/annotate/claims.js';
import { sentenceTones } from '../../src/annotate/tone.js';
import { extractQuantities, loadMonthNames } from '../../src/annotate/quantities/index.js';
import { loadQuantityLexicon } from '../../src/annotate/quantities/lexicon.js';
import type { Article } from '../../src/model/document.js';

/** The array behind a proxy that counts reads of its items. */
function counted<T>(items: T[], counter: { reads: number }): T[] {
  return new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

test('claims, tone and quantities read each layer item a bounded number of times, however many clauses', () => {
  const sentence = (i: number) => `Officials in Bishkek said on Tuesday that ${100 + i} residents left, the mayor told "Radio ${i % 7}".`;
  const text = Array.from({ length: 1500 }, (_, i) => sentence(i)).join(' ');
  const a = createAnalyzer().analyze(articleFromContent({ text }, { source: 'long.txt', published: '2025-11-25' }));
  const sentences = a.layers.sentences!.length;
  const items = (a.layers.entities?.length ?? 0) + (a.layers.times?.length ?? 0) + (a.layers.quantities?.length ?? 0) + (a.layers.quotes?.length ?? 0);
  assert.ok(sentences > 1000 && items > 3000, `a long article with many items (${sentences} sentences, ${items} items)`);
  const counter = { reads: 0 };
  const probe = (layers: (keyof Article['layers'])[]): Article => {
    const l = { ...a.layers } as Record<string, unknown>;
    for (const k of layers) if (Array.isArray(l[k])) l[k] = counted(l[k] as unknown[], counter);
    return { ...a, layers: l as Article['layers'] };
  };
  const bound = 60 * (items + sentences);
  counter.reads = 0;
  const claims = extractClaims(probe(['entities', 'times', 'quantities', 'quotes']));
  assert.deepEqual(claims, a.layers.claims, 'the same claims');
  assert.ok(counter.reads < bound, `claims read layer items ${counter.reads} times (bound ${bound})`);
  counter.reads = 0;
  assert.deepEqual(sentenceTones(probe(['times'])), a.layers.tone);
  assert.ok(counter.reads < bound, `tone read times ${counter.reads} times (bound ${bound})`);
  counter.reads = 0;
  const quantities = extractQuantities(probe(['quotes']), { lexicon: loadQuantityLexicon(), months: loadMonthNames() });
  assert.deepEqual(quantities, a.layers.quantities);
  assert.ok(counter.reads < bound, `quantities read quotes ${counter.reads} times (bound ${bound})`);
});
