import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { repoRoot } from '../../shared-paths.js';
import { articleFacts } from './index.js';
import { plainForms, storyWordForms } from './words.js';

/** Facts as comparable values: the article left out (it is the same object), sets as sorted lists. */
function plain(facts: ReturnType<typeof articleFacts>): string {
  return JSON.stringify(facts.map(({ article: _a, ...f }) => f), (_k, v) => (v instanceof Set ? [...v].sort() : v));
}

test('facts read with one story word-form set are the facts read word by word (the example reports)', () => {
  const dir = join(repoRoot(), 'examples', 'bishkek');
  const sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as { file: string; outlet?: string; published?: string }[];
  const analyzer = createAnalyzer();
  const articles = sources.map((s, i) =>
    analyzer.analyze(articleFromContent({ text: readFileSync(join(dir, s.file), 'utf8') }, { id: `a${i}`, source: s.file, outlet: s.outlet ?? null, title: null, published: s.published ?? null })),
  );
  const forms = storyWordForms();
  let count = 0;
  for (const a of articles) {
    const shared = articleFacts(a, (id) => id, forms);
    count += shared.length;
    assert.equal(plain(shared), plain(articleFacts(a, (id) => id, plainForms)));
  }
  assert.ok(count > 20, `${count} facts`);
  // Asked again, a remembered form is the form worked out afresh.
  for (const w of ['arrested', 'protesters', 'said', 'Russia', 'были']) {
    assert.equal(forms.stem(w), plainForms.stem(w));
    assert.equal(forms.concept(w), plainForms.concept(w));
  }
});
