// What each source of relatedness adds on the pair lists of the tests:
//   npm run build && node dist/src/compare/lexical/ablation.js
// Prints AUC and accuracy at RELATED_THRESHOLD (paraphrases vs unrelated pairs), contrasts and antonyms kept,
// for the full lexicon and with each feature left out, on the tuning list and on the held-out list.
import { fileURLToPath } from 'node:url';
import { createLexicon, type LexicalFeature, type Lexicon } from './lexicon.js';
import { loadLexicalResources, type LexicalResources } from './resources.js';
import { RELATED_THRESHOLD } from './index.js';
import * as P from './pairs.test-data.js';

type Pairs = readonly (readonly [string, string])[];
export interface PairFigures {
  auc: number;
  accuracy: number;
  /** Contrasts kept below the threshold. */
  contrastsApart: number;
  antonymsSeen: number;
}

export function pairFigures(lex: Lexicon, paraphrases: Pairs, unrelated: Pairs, contrasts: Pairs, antonyms: Pairs): PairFigures {
  const pos = paraphrases.map(([a, b]) => lex.related(a, b).score);
  const neg = unrelated.map(([a, b]) => lex.related(a, b).score);
  let area = 0;
  for (const p of pos) for (const n of neg) area += p > n ? 1 : p === n ? 0.5 : 0;
  const hits = pos.filter((s) => s >= RELATED_THRESHOLD).length + neg.filter((s) => s < RELATED_THRESHOLD).length;
  return {
    auc: area / (pos.length * neg.length),
    accuracy: hits / (pos.length + neg.length),
    contrastsApart: contrasts.filter(([a, b]) => lex.related(a, b).score < RELATED_THRESHOLD).length / contrasts.length,
    antonymsSeen: antonyms.length ? antonyms.filter(([a, b]) => lex.related(a, b).relation === 'antonym').length / antonyms.length : NaN,
  };
}

const FEATURES: LexicalFeature[] = ['synonym', 'derivation', 'cause', 'hypernym', 'antonym', 'wordnet-similar', 'cohyponym', 'contrast-list', 'vectors', 'collocations'];

export function ablation(resources: LexicalResources): string {
  const rows: string[] = [
    '| left out | tuning AUC | tuning acc | second AUC | second acc | fresh AUC | fresh acc | contrasts apart (all lists) | antonyms seen |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const f of [null, ...FEATURES]) {
    const lex = createLexicon(resources, { without: f ? [f] : [] });
    const t = pairFigures(lex, P.PARAPHRASES, P.UNRELATED, [...P.CONTRASTS, ...P.HELDOUT_CONTRASTS, ...P.FRESH_CONTRASTS], P.ANTONYMS);
    const h = pairFigures(lex, P.HELDOUT_PARAPHRASES, P.HELDOUT_UNRELATED, [], []);
    const r = pairFigures(lex, P.FRESH_PARAPHRASES, P.FRESH_UNRELATED, [], []);
    const n = (x: number) => x.toFixed(3);
    rows.push(`| ${f ?? '(nothing)'} | ${n(t.auc)} | ${n(t.accuracy)} | ${n(h.auc)} | ${n(h.accuracy)} | ${n(r.auc)} | ${n(r.accuracy)} | ${t.contrastsApart.toFixed(2)} | ${t.antonymsSeen.toFixed(2)} |`);
  }
  return rows.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(ablation(loadLexicalResources()));
