#!/usr/bin/env node
// Builds data/ru/opencorpora-names.json: the Snowball stems of every word form that the OpenCorpora dictionary
// (as pymorphy2 0.8 compiled it, shipped in the npm package `az`) marks as a place (Geox), first name (Name),
// surname (Surn) or organisation (Orgn). The Russian entity tagger reads them as word flags.
// `az` is not a dependency: unpack it anywhere and point the script at it.
// Usage (after npm run build): npm pack az && tar xzf az-0.2.3.tgz && node scripts/build-ru-opencorpora-names.mjs --az package
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { foldRu } from '../dist/src/annotate/ru/normalize.js';
import { stemRu } from '../dist/src/annotate/ru/stem.js';

const arg = (k, d) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : d);
const dir = resolve(arg('--az', 'package'));
const out = arg('--out', 'data/ru/opencorpora-names.json');
const CLASSES = ['Geox', 'Name', 'Surn', 'Orgn']; // patronymics left out: their endings (-ович, -овна) tell them

const require = createRequire(import.meta.url);
const { DAWG } = require(join(dir, 'src', 'az.dawg.js'));
const bytes = (f) => { const b = readFileSync(join(dir, 'dicts', f)); return b.buffer.slice(b.byteOffset, b.byteOffset + b.length); };
const meta = Object.fromEntries(JSON.parse(readFileSync(join(dir, 'dicts', 'meta.json'), 'utf8')));
const gramtab = JSON.parse(readFileSync(join(dir, 'dicts', 'gramtab-opencorpora-int.json'), 'utf8'));
const list = new Uint16Array(bytes('paradigms.array'));
const paradigms = [];
for (let i = 0, pos = 1; i < list[0]; i++) { const n = list[pos++]; paradigms.push(list.subarray(pos, pos + n)); pos += n; }

// Every key of words.dawg is a word form (cp1251), byte 1, then its paradigm and form number (az's 'words' payload).
const words = DAWG.fromArrayBuffer(bytes('words.dawg'), 'raw');
const cp1251 = new TextDecoder('windows-1251');
const stems = Object.fromEntries(CLASSES.map((c) => [c, new Set()]));
let forms = 0;
for (const key of words.iterateAll(0)) {
  const sep = key.indexOf(1);
  const paradigm = paradigms[((key[sep + 1] ^ 1) << 6) + (key[sep + 2] >> 1)];
  const form = ((key[sep + 3] ^ 1) << 6) + (key[sep + 4] >> 1);
  const tag = gramtab[paradigm[paradigm.length / 3 + form]];
  const classes = CLASSES.filter((c) => tag.includes(c));
  if (classes.length === 0) continue;
  forms++;
  const stem = stemRu(foldRu(cp1251.decode(Uint8Array.from(key.slice(0, sep)))));
  if (stem.length >= 2) for (const c of classes) stems[c].add(stem);
}
const data = {
  source: `OpenCorpora ${meta.source_version} (revision ${meta.source_revision}), compiled by pymorphy2 ${meta.pymorphy2_version} as shipped in the npm package az 0.2.3`,
  licence: 'CC BY-SA 3.0 (OpenCorpora dictionary)',
  forms,
  stems: Object.fromEntries(CLASSES.map((c) => [c, [...stems[c]].sort()])),
};
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`wrote ${out}: ${forms} forms; stems ${CLASSES.map((c) => `${c} ${stems[c].size}`).join(', ')}`);
