#!/usr/bin/env node
// Builds data/ru/org-names.json, the organisation-name gazetteer of the Russian entity tagger's features:
// the words (Snowball stems, ё folded, Latin lower-cased) that NEREL train writes with a capital mostly inside
// ORGANIZATION names ("Интерпол", "Газпром", "НАТО", "Facebook"), in at least MIN_DOCS documents. Only NEREL
// train is read: factRuEval (the convention measured) and NEREL dev stay unseen, so the held-out figures of
// scripts/train-ner-ru.mjs measure what the list gives on names it may not hold.
// Usage (after npm run build): node scripts/build-ru-org-names.mjs [--min-docs 3] [--min-share 0.6]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evalPath, repoRoot } from '../dist/src/shared-paths.js';
import { razdelTokens } from '../dist/src/annotate/ru/ner/features.js';
import { orgNameKey } from '../dist/src/annotate/ru/ner/lists.js';

const arg = (k, d) => (process.argv.includes(k) ? Number(process.argv[process.argv.indexOf(k) + 1]) : d);
const MIN_DOCS = arg('--min-docs', 3);
const MIN_SHARE = arg('--min-share', 0.6);
const docs = readFileSync(evalPath('ru/ner/nerel.train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((d) => d.split === 'train');
const capital = new Map(); // key -> capitalised occurrences
const inOrg = new Map(); // key -> occurrences inside an ORGANIZATION span
const orgDocs = new Map(); // key -> documents where it is inside one
for (const d of docs) {
  const orgs = d.entities.filter((e) => e.type === 'ORGANIZATION' && !e.fragments);
  const seen = new Set();
  for (const t of razdelTokens(d.text)) {
    const w = d.text.slice(t.start, t.end);
    if (!/^[\p{Lu}]/u.test(w) || w.length < 2) continue;
    const key = orgNameKey(w);
    capital.set(key, (capital.get(key) ?? 0) + 1);
    if (orgs.some((e) => e.start <= t.start && t.end <= e.end)) {
      inOrg.set(key, (inOrg.get(key) ?? 0) + 1);
      seen.add(key);
    }
  }
  for (const k of seen) orgDocs.set(k, (orgDocs.get(k) ?? 0) + 1);
}
const names = [...orgDocs].filter(([k, n]) => k.length >= 2 && n >= MIN_DOCS && (inOrg.get(k) ?? 0) / (capital.get(k) ?? 1) >= MIN_SHARE).map(([k]) => k).sort();
const out = {
  _note: `Organisation-name words for the Russian entity tagger's features (src/annotate/ru/ner): keys (orgNameKey: Snowball stem of the ё-folded word, Latin lower-cased) of words that NEREL train (nerel-ds/NEREL @ 8f07d3e, Wikinews texts CC BY 2.5; Loukachevitch et al. 2021) writes with a capital inside ORGANIZATION names in at least ${MIN_DOCS} documents and in at least ${MIN_SHARE} of their capitalised uses. Built by scripts/build-ru-org-names.mjs; factRuEval and NEREL dev were not read.`,
  names,
};
writeFileSync(join(repoRoot(), 'data', 'ru', 'org-names.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`${names.length} organisation-name words from ${docs.length} NEREL train documents`);
