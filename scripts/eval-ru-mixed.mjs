#!/usr/bin/env node
// A mixed-language dev check (NTREX dev documents: an English original and its human Russian translation,
// compared as two reports of one story): how many figures agree across the languages as they are, and, after
// changing one figure in the Russian side (as the English perturbed pairs do: the first figure of the Russian
// quantity layer with two or more digits gets its first digit changed), whether a conflict is reported on it. Documents are NTREX's first
// half (ids sorted); the second half is kept for a held-out run (--heldout).
// --every: each figure of two or more digits changed in turn (one at a time, up to six per document), not only the first:
// more cases from the same documents, for finding what is missed without reading the held-out half.
// Usage (after npm run build): node scripts/eval-ru-mixed.mjs [--heldout] [--every] [--show]
import { readFileSync } from 'node:fs';
import { evalPath } from '../dist/src/shared-paths.js';
import { createAnalyzer } from '../dist/src/analyze.js';
import { makeArticle } from '../dist/src/model/document.js';
import { compareArticles } from '../dist/src/compare/index.js';

const show = process.argv.includes('--show');
const every = process.argv.includes('--every');
const docs = readFileSync(evalPath('ru/align/ntrex.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => (a.id < b.id ? -1 : 1));
const half = Math.ceil(docs.length / 2);
const set = process.argv.includes('--heldout') ? docs.slice(half) : docs.slice(0, half);
const { analyze } = createAnalyzer();
const art = (id, outlet, text, language) => analyze(makeArticle({ id, source: id, format: 'text', outlet, title: null, published: '2019-01-01', url: null, language }, text));
let agreeDocs = 0, numberAgreements = 0, perturbed = 0, found = 0, falseConflictsClean = 0;
for (const d of set) {
  const en = d.en.join('\n\n');
  const ruText = d.ru.join('\n\n');
  const clean = compareArticles([art(`${d.id}-en`, 'EN', en, 'en'), art(`${d.id}-ru`, 'RU', ruText, 'ru')]);
  const agreements = clean.findings.filter((f) => f.kind === 'agreement' && /figure/.test(f.summary)).length;
  numberAgreements += agreements;
  if (agreements) agreeDocs++;
  const cleanConflicts = clean.findings.filter((f) => f.kind === 'conflict');
  falseConflictsClean += cleanConflicts.length;
  if (show) for (const f of cleanConflicts) console.log(`${d.id}: conflict on unchanged text: ${f.summary}`);
  // Change the first figure of two or more digits that the Russian quantity layer reads (dates are not figures).
  const ruArt = art(`${d.id}-ru`, 'RU', ruText, 'ru');
  const changeable = (ruArt.layers.quantities ?? []).filter((x) => /^(?:\D*?)([1-9])(\d+)(?![\d])/.test(ruArt.text.slice(x.start, x.end)));
  for (const q of every ? changeable.slice(0, 6) : changeable.slice(0, 1)) {
  const qm = /([1-9])(\d+)(?![\d])/.exec(ruArt.text.slice(q.start, q.end));
  const m = Object.assign([qm[0], qm[1], qm[2]], { index: ruArt.text.indexOf(ruText.slice(0, 0)) + q.start + qm.index });
  if (ruArt.text !== ruText) break;
  const changed = String(((Number(m[1]) + 4) % 9) + 1) + m[2];
  const ruPert = ruText.slice(0, m.index) + changed + ruText.slice(m.index + m[0].length);
  perturbed++;
  const r = compareArticles([art(`${d.id}-en`, 'EN', en, 'en'), art(`${d.id}-ru`, 'RU', ruPert, 'ru')]);
  const hit = r.findings.some((f) => f.kind === 'conflict' && f.evidence.some((e) => e.article === `${d.id}-ru` && e.start <= m.index && e.end >= m.index + 1));
  if (hit) found++;
  if (show) console.log(`${d.id}: ${agreements} figure agreements; ${m[0]} -> ${changed}: ${hit ? 'conflict found' : 'missed'}`);
  }
}
console.log(JSON.stringify({ documents: set.length, docsWithFigureAgreements: agreeDocs, figureAgreements: numberAgreements, conflictsOnUnchanged: falseConflictsClean, perturbed, conflictsFound: found, recall: +(found / Math.max(1, perturbed)).toFixed(3) }));
