#!/usr/bin/env node
// Analysis speed, Russian beside English, on the same news: NTREX documents (English originals and their
// human Russian translations), each analysed whole (cleaning + every stage) by createAnalyzer, which picks
// the stages by language. Tokens are the token layer's. Usage (after npm run build): node scripts/bench-ru.mjs [--rounds N]
import { readFileSync } from 'node:fs';
import { evalPath } from '../dist/src/shared-paths.js';
import { createAnalyzer } from '../dist/src/analyze.js';
import { makeArticle } from '../dist/src/model/document.js';

const rounds = Number(process.argv.includes('--rounds') ? process.argv[process.argv.indexOf('--rounds') + 1] : 3);
const docs = readFileSync(evalPath('ru/align/ntrex.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const { analyze } = createAnalyzer();
for (const lang of ['en', 'ru']) {
  const texts = docs.map((d) => d[lang].join(' '));
  const run = () => {
    let tokens = 0;
    for (const [i, t] of texts.entries()) tokens += analyze(makeArticle({ id: `${lang}${i}`, source: 'bench', format: 'text', outlet: null, title: null, published: '2019-01-01', url: null, language: lang }, t)).layers.tokens?.length ?? 0;
    return tokens;
  };
  run(); // warm-up: models and lexicons load on the first article
  // Wall time and this process's CPU time (user + system): on a shared machine the CPU figure is the one to compare.
  let best = Infinity, bestCpu = Infinity, tokens = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    tokens = run();
    const c = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  console.log(`${lang}: ${docs.length} documents, ${tokens} tokens, best of ${rounds}: ${(best / 1000).toFixed(2)} s wall, ${Math.round(tokens / (best / 1000))} tokens/s; ${(bestCpu / 1000).toFixed(2)} s CPU, ${Math.round(tokens / (bestCpu / 1000))} tokens per CPU second`);
}
