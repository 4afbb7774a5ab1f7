#!/usr/bin/env node
// Russian quote rules on the 50 hand-labelled NEREL sentences (test/fixtures/ru-quotes-dev.jsonl), scored
// as `parallax eval quotes` scores (content overlap >= 0.3, speaker overlap). Usage: node scripts/eval-ru-quotes.mjs [--show]
import { readFileSync } from 'node:fs';
import { createPipeline } from '../dist/src/pipeline/pipeline.js';
import { russianStages } from '../dist/src/annotate/ru/stages.js';
import { makeArticle } from '../dist/src/model/document.js';
import { emptyQuoteCounts, scoreQuotesDoc, summarizeQuotes } from '../dist/src/eval/quotes-score.js';

const file = process.argv.find((a) => a.endsWith('.jsonl')) ?? 'test/fixtures/ru-quotes-dev.jsonl';
const show = process.argv.includes('--show');
const pipeline = createPipeline(russianStages());
const counts = emptyQuoteCounts();
for (const item of readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))) {
  const a = pipeline.run(makeArticle({ id: item.id, source: item.id, format: 'text', outlet: null, title: null, published: null, url: null, language: 'ru' }, item.text));
  const pred = (a.layers.quotes ?? []).map((q) => ({ source: q.speakerMention, cue: q.cue, content: q.content }));
  scoreQuotesDoc(item.text, item.attributions, pred, counts);
  if (show && (pred.length || item.attributions.length)) {
    console.log(`${item.id}: ${item.text}`);
    for (const g of item.attributions) console.log(`  gold: [${g.source?.text}] ${g.cue?.text} :: ${g.content.map((c) => c.text).join(' | ')}`);
    for (const p of pred) console.log(`  pred: [${p.source?.text}] ${p.cue?.text} :: ${p.content.map((c) => c.text).join(' | ')}`);
  }
}
console.log(JSON.stringify(summarizeQuotes(counts)));
