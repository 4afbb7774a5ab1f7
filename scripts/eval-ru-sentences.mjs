#!/usr/bin/env node
// Russian sentence splitting on the NTREX / WMT21 Russian sentences (one sentence each): every document's
// sentences joined by one space (the title, sentence 0, on its own line as in an article), split again; exact sentence P/R/F1 for the Russian and the English splitter.
// Usage (after npm run build): node scripts/eval-ru-sentences.mjs [FILE.jsonl ...]
import { readFileSync } from 'node:fs';
import { evalPath } from '../dist/src/shared-paths.js';
import { tokenize } from '../dist/src/annotate/tokens.js';
import { splitSentences } from '../dist/src/annotate/sentences.js';
import { splitSentencesRu } from '../dist/src/annotate/ru/sentences.js';

const files = process.argv.slice(2).length ? process.argv.slice(2) : [evalPath('ru/align/ntrex.jsonl'), evalPath('ru/align/wmt21.ru-en.jsonl')];
const show = process.env.SHOW === '1';
for (const file of files) {
  const docs = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const res = {};
  for (const [name, split] of [['ru', splitSentencesRu], ['en-splitter', splitSentences]]) {
    let tp = 0, pred = 0, gold = 0;
    for (const d of docs) {
      const sents = d.ru.map((s) => s.trim()).filter(Boolean);
      let text = '';
      const spans = new Set();
      for (const [k, s] of sents.entries()) { if (text) text += k === 1 ? '\n' : ' '; spans.add(`${text.length}:${text.length + s.length}`); text += s; }
      const got = split(text, tokenize(text));
      gold += spans.size; pred += got.length;
      for (const g of got) { if (spans.has(`${g.start}:${g.end}`)) tp++; else if (show && name === 'ru') console.log('  ' + JSON.stringify(text.slice(g.start, g.end)).slice(0, 200)); }
    }
    const p = tp / pred, r = tp / gold;
    res[name] = { precision: +p.toFixed(4), recall: +r.toFixed(4), f1: +(2 * p * r / (p + r)).toFixed(4), gold, predicted: pred };
  }
  console.log(file.split('/').pop(), JSON.stringify(res));
}
