#!/usr/bin/env node
// The check that a speed change changes no output: every layer of every article of the benchmark corpus
// (the example plus the BASIL stories, 203 articles), analysed as `compare` does, hashed per layer.
// Run it before and after a change and diff the two outputs; also prints the CPU time of the analysis.
// Needs `npm run build`.   node scripts/layers-md5.mjs > before.txt
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const { benchCorpus } = await import(join(root, 'dist/src/bench/corpus.js'));
const { createAnalyzer } = await import(join(root, 'dist/src/analyze.js'));

const corpus = benchCorpus();
const analyzer = createAnalyzer();
const t0 = process.cpuUsage();
const analysed = corpus.map((a) => analyzer.analyze(structuredClone(a)));
const cpu = process.cpuUsage(t0);
const perLayer = new Map();
const all = createHash('md5');
for (const a of analysed) {
  all.update(JSON.stringify({ text: a.text, layers: a.layers }));
  for (const [name, layer] of Object.entries(a.layers)) {
    if (!perLayer.has(name)) perLayer.set(name, createHash('md5'));
    perLayer.get(name).update(JSON.stringify(layer) ?? 'undefined');
  }
}
console.error(`${corpus.length} articles analysed in ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU (first run: loading included)`);
console.log(`articles ${corpus.length}`);
for (const [name, hash] of perLayer) console.log(`${name} ${hash.digest('hex')}`);
console.log(`all ${all.digest('hex')}`);
