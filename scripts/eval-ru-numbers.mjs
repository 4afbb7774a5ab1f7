#!/usr/bin/env node
// Russian numbers and dates against NEREL's NUMBER / MONEY / PERCENT spans (the quantity layer) and DATE
// and TIME spans (the time layer), on the NEREL dev documents (split "dev"; the tagger never trains on them for this).
// Relaxed = any character overlap, strict = same offsets after trimming spaces and punctuation; one-to-one.
// Usage (after npm run build): node scripts/eval-ru-numbers.mjs [--split dev|train] [--show]
import { readFileSync } from 'node:fs';
import { evalPath } from '../dist/src/shared-paths.js';
import { createPipeline } from '../dist/src/pipeline/pipeline.js';
import { russianStages } from '../dist/src/annotate/ru/stages.js';
import { makeArticle } from '../dist/src/model/document.js';

const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1] : 'dev';
const show = process.argv.includes('--show');
const docs = readFileSync(evalPath('ru/ner/nerel.train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((d) => d.split === split);
// The Russian stages on the text as given (no cleaning, so offsets are the gold's).
const pipeline = createPipeline(russianStages());
const analyze = (a) => pipeline.run(a);
const trim = (text, s) => { let a = s.start, b = s.end; while (a < b && /[\s\p{P}]/u.test(text[a])) a++; while (b > a && /[\s\p{P}]/u.test(text[b - 1])) b--; return `${a}:${b}`; };
const layers = { quantities: ['NUMBER', 'MONEY', 'PERCENT'], times: ['DATE', 'TIME'] };
const res = {};
for (const [layer, types] of Object.entries(layers)) {
  let gold = 0, pred = 0, relaxed = 0, strict = 0;
  for (const d of docs) {
    const a = analyze(makeArticle({ id: d.id, source: d.id, format: 'text', outlet: null, title: null, published: null, url: null, language: 'ru' }, d.text));
    // Outermost gold spans of these types (NEREL nests NUMBER inside MONEY).
    let g = d.entities.filter((e) => types.includes(e.type));
    g = g.filter((e) => !g.some((o) => o !== e && o.start <= e.start && o.end >= e.end && (o.end - o.start) > (e.end - e.start)));
    const offs = (x) => a.text === d.text ? x : null;
    const p = (a.layers[layer] ?? []).map(offs).filter(Boolean);
    gold += g.length; pred += p.length;
    const used = new Set();
    for (const e of g) {
      const k = p.findIndex((x, i) => !used.has(i) && x.start < e.end && e.start < x.end);
      if (k >= 0) { used.add(k); relaxed++; if (trim(d.text, p[k]) === trim(d.text, e)) strict++; else if (show) console.log(`  ${layer} boundary: gold ${JSON.stringify(e.text)} got ${JSON.stringify(d.text.slice(p[k].start, p[k].end))}`); }
      else if (show) console.log(`  ${layer} missed ${e.type}: ${JSON.stringify(d.text.slice(Math.max(0, e.start - 30), e.end + 20))} [${e.text}]`);
    }
    if (show) p.forEach((x, i) => { if (!used.has(i)) console.log(`  ${layer} extra: ${JSON.stringify(d.text.slice(Math.max(0, x.start - 30), x.end + 20))} [${d.text.slice(x.start, x.end)}]`); });
  }
  const P = relaxed / pred, R = relaxed / gold, sP = strict / pred, sR = strict / gold;
  res[layer] = { gold, predicted: pred, precision: +P.toFixed(4), recall: +R.toFixed(4), f1: +(2 * P * R / (P + R)).toFixed(4), strictPrecision: +sP.toFixed(4), strictRecall: +sR.toFixed(4) };
}
console.log(JSON.stringify({ split, docs: docs.length, ...res }));
