#!/usr/bin/env node
// How analysis time grows with article length: three kinds of long text (short reported sentences; the
// example reports repeated; one sentence with no full stop, as in issue 23's probe) at 1 MB and 2 MB,
// each analysed once in this thread after a warm-up; prints ms per stage. Needs `npm run build`.
//   node scripts/analysis-scaling.mjs [--sizes 1000000,2000000]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { createAnalyzer } = await import(join(root, 'dist/src/analyze.js'));
const { articleFromContent } = await import(join(root, 'dist/src/ingest/read-inputs.js'));
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000000,2000000' } } });
const sizes = values.sizes.split(',').map(Number);

const examples = readdirSync(join(root, 'examples'), { recursive: true })
  .filter((f) => String(f).endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(root, 'examples', String(f)), 'utf8'))
  .join('\n\n');
const kinds = {
  sentences: 'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded. Officials expect the water to recede by Friday. ',
  reports: examples + '\n\n',
  'one-sentence': 'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded, Officials expect the water to recede by Friday, ',
};
const analyzer = createAnalyzer();
analyzer.analyze(articleFromContent({ text: examples }, { source: 'warm-up' }));
for (const [kind, unit] of Object.entries(kinds)) {
  for (const size of sizes) {
    const text = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
    analyzer.pipeline.timings.clear();
    const t0 = performance.now();
    const a = analyzer.analyze(articleFromContent({ text }, { source: `${kind}.txt` }));
    const ms = Math.round(performance.now() - t0);
    const stages = [...analyzer.pipeline.timings].map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    console.log(`${kind} ${size} chars: ${ms} ms, ${a.layers.claims?.length ?? 0} claims (${stages})`);
  }
}
