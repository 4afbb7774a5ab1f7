// Lexical relatedness for aligning facts across paraphrase ("killed" / "death toll", "missing" /
// "unaccounted for", "set fire to" / "set alight"). WordNet 3.1 and a reduced GloVe-based vector table,
// both built offline into data/lexical/ by `node scripts/build-lexical.mjs` (see data/lexical/README.md).
//
// Usage (load once per process, pass the lexicon in; nothing is read at import time):
//   import { loadLexicalResources, createLexicon } from './lexical/index.js';
//   const lex = createLexicon(loadLexicalResources());          // ~0.3 s, ~60 MB; reuse it
//
// API (all inputs are case-insensitive; phrases may be strings or token arrays; multi-word lemmas are
// written with spaces, e.g. "set on fire"):
//   lex.lemmas(word, pos?)        base forms by WordNet's morphy rules + exception lists:
//                                 lemmas('killed') -> ['kill'], lemmas('houses','n') -> ['house'];
//                                 the word itself when nothing is known. pos: 'n'|'v'|'a'|'r' (or 'noun'...).
//   lex.synonyms(lemma, pos?)     members of the word's synsets (all senses, most frequent first).
//   lex.areSynonyms(a, b)         true when two words share a synset (any sense).
//   lex.antonyms(lemma)           direct antonyms and those of its main senses' synonyms / adjective cluster.
//   lex.related(a, b)             { relation, score, via? } for words or phrases:
//       relation  'same'        same lemma (killed / kills)                      score 1
//                 'synonym'     share a synset (arrest / apprehend)              0.95 minus 0.04 per sense rank
//                 'derivation'  derivationally related (die / death / dead)      0.85 one step, 0.75 two
//                 'hypernym'    one is a kind of the other, 1-2 levels           0.78 / 0.68
//                 'antonym'     opposites (rise / fall, confirm / deny)          >= 0.75: same topic, opposite
//                                value: a sign of CONTRADICTION, never of agreement
//                 'similar'     vectors (cosine >= 0.5, via 'vectors'), WordNet similar-to / also-see
//                               (via 'wordnet') or cause/entailment (kill > die, via 'wordnet-cause')
//                 null          unrelated; score is then the vector cosine (< 0.55) or 0
//       score is max(WordNet relation score, cosine). For phrases that are not one WordNet lemma the
//       score is phraseSimilarity and the relation the loosest one among the aligned words ('antonym'
//       when any aligned pair is one), via 'phrase'.
//   lex.similarity(a, b)          cosine of the word vectors (phrases: mean of their content words' vectors),
//                                 0 when either has no vector.
//   lex.phraseSimilarity(a, b)    0..1: content units of both sides (function words dropped, multi-word
//                                 lemmas joined: "set alight" -> "set on fire"), each matched to its best
//                                 counterpart by related().score, averaged with frequency weights (rare
//                                 words weigh more), symmetric. "people killed" / "death toll" ~0.7.
//   lex.alignPhrases(a, b)        the same with the detail: units, best pairs, and antonym pairs.
//   lex.units(tokens)             the content units a phrase is reduced to.
//   lex.weight(word), lex.hasVector(word)
//
// Thresholds that separate paraphrases from unrelated pairs on the test list (lexicon.test.ts):
// RELATED_THRESHOLD for related().score and phraseSimilarity().
export { createLexicon, normalizeWord, RELATION_SCORES, VECTOR_SIMILAR } from './lexicon.js';
export type { AlignedUnit, Lexicon, PhraseAlignment, Pos, Related, Relation } from './lexicon.js';
export { defaultLexicalDir, loadLexicalResources, parseContrasts, parseFunctionWords, parseVectors, parseWordNet } from './resources.js';
export type { LexicalResources, WordNetTables, WordVectors } from './resources.js';

/** related().score / phraseSimilarity() at or above which two words or phrases are taken as one meaning. */
export const RELATED_THRESHOLD = 0.5;
