// Lexical relatedness for aligning facts across paraphrase ("killed" / "death toll", "missing" /
// "unaccounted for", "set fire to" / "set alight"). WordNet 3.1 and a reduced GloVe-based vector table,
// both built offline into data/lexical/ by `node scripts/build-lexical.mjs` (see data/lexical/README.md).
//
// Usage (load once per process, pass the lexicon in; nothing is read at import time):
//   import { loadLexicalResources, createLexicon } from './lexical/index.js';
//   const lex = createLexicon(loadLexicalResources());
// Load + create: 0.12 s at best, 0.25 s typical on the shared 2-core machine (load average 15); about
// +45 MB resident (15 MB of files as typed-array views, 147k lemma strings, a 50k-word map). Lookups are
// O(1) hash and typed-array reads; each new word is analysed once (~0.15 ms) and cached per lexicon
// (bounded), so a lexicon is meant to live for the process: create it once, pass it to compare.
//
// API (all inputs are case-insensitive; phrases may be strings or token arrays; multi-word lemmas are
// written with spaces, e.g. "set on fire"):
//   lex.lemmas(word, pos?)        base forms by WordNet's morphy rules + exception lists:
//                                 lemmas('killed') -> ['kill'], lemmas('houses','n') -> ['house'];
//                                 a word that is itself a lemma comes first (lemmas('said') -> ['said','say']);
//                                 the word itself when nothing is known. pos: 'n'|'v'|'a'|'r' (or 'noun'...).
//   lex.synonyms(lemma, pos?)     members of the word's synsets (all senses, most frequent first).
//   lex.areSynonyms(a, b)         true when two words share a synset (any sense).
//   lex.antonyms(lemma)           direct antonyms and the words of senses opposite to its main senses.
//   lex.related(a, b)             { relation, score, via? } for words or phrases:
//       relation  'same'        same lemma (killed / kills)                      score 1
//                 'synonym'     share a synset (arrest / apprehend)              0.95 minus 0.04 per sense rank
//                 'derivation'  derivationally related (destruction / destroy)   0.85 one step, 0.75 two
//                 'hypernym'    one is a kind of the other, 1-2 levels (houses / buildings)  0.78 / 0.68
//                 'antonym'     opposites (rise / fall, confirmed / denied)      >= 0.75: same topic, opposite
//                               value: a sign of CONTRADICTION, never of agreement
//                 'similar'     vectors (cosine >= 0.5, via 'vectors'), WordNet similar-to / also-see
//                               (via 'wordnet') or cause/entailment (kill > die, via 'wordnet-cause')
//                 'cohyponym'   two kinds of one thing, i.e. DIFFERENT facts (killed / injured, homes /
//                               schools, soldiers / civilians): score capped at 0.45, below the threshold.
//                               From data/lexical/contrasts.txt (via 'contrast-list') or WordNet siblings
//                               whose cosine is below 0.65 (via 'wordnet'). Days and months are left to the
//                               time layer (Monday / Tuesday comes out 'similar' 0.99).
//                 null          unrelated; score is then the vector cosine (< 0.5) or 0
//       score is max(WordNet relation score, cosine). For phrases that are not one WordNet lemma the
//       score is phraseSimilarity and the relation the loosest one among the words paired one-to-one
//       ('antonym' when any pair is one), via 'phrase'.
//   lex.similarity(a, b)          cosine of the word vectors (phrases: mean of their content words' vectors),
//                                 0 when either has no vector.
//   lex.phraseSimilarity(a, b)    0..1: content units of both sides (function words dropped, multi-word
//                                 lemmas joined, also through a synonym: "set alight" -> "set ablaze"),
//                                 paired one-to-one greedily by related().score (left-over units take their
//                                 best match), averaged with frequency weights (rare words weigh more); a
//                                 unit whose match is below 0.5 adds 0; x0.7 per co-hyponym pair. Symmetric.
//                                 "people killed" / "death toll" 0.67, "people killed" / "people injured" 0.32.
//   lex.alignPhrases(a, b)        the same with the detail: units, pairs, antonym pairs, contrast pairs, and
//                                 coverageA / coverageB: the weighted share of each side's units that the
//                                 other side says too (directional; phraseSimilarity itself is symmetric).
//   lex.units(tokens)             the content units a phrase is reduced to.
//   lex.weight(word), lex.hasVector(word)
// Negation words (not, no, never) are function words here: comparing polarity is the caller's business.
// createLexicon(resources, { without: ['vectors', ...] }) leaves sources out (ablation.ts measures each).
//
// RELATED_THRESHOLD (0.5) separates paraphrases from unrelated pairs for related().score and
// phraseSimilarity(): on the test lists (lexicon.test.ts) AUC 1.000 / accuracy 0.986, and on a list written
// after tuning AUC 0.971 / accuracy 0.968.
export { COHYPONYM_BELOW, CONTRAST_FACTOR, createLexicon, normalizeWord, RELATION_SCORES, VECTOR_SIMILAR } from './lexicon.js';
export type { AlignedUnit, LexicalFeature, Lexicon, LexiconOptions, PhraseAlignment, Pos, Related, Relation } from './lexicon.js';
export { defaultLexicalDir, lemmaHash, loadLexicalResources, parseContrasts, parseFunctionWords, parseVectors, parseWordNet } from './resources.js';
export type { LexicalResources, WordNetTables, WordVectors } from './resources.js';

/** related().score / phraseSimilarity() at or above which two words or phrases are taken as one meaning. */
export const RELATED_THRESHOLD = 0.5;
