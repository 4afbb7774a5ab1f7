// The Russian analysis: the same layers as the English stages, from Russian rules and models.
import type { LayerName, Layers } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { tokenStage } from '../tokens.js';
import { splitSentences } from '../sentences.js';
import { ruSentenceStage } from './sentences.js';
import { ruQuantityStage } from './quantities.js';
import { ruTimeStage } from './time.js';
import { ruEntityStage } from './ner/stage.js';
import { ruClaimStage } from './claims.js';
import { ruQuoteStage } from './quotes.js';

/** A stage that provides its layers empty: what a language has no rules for yet is absent, not guessed. */
export function emptyStage(name: string, requires: LayerName[], provides: LayerName[]): Stage {
  return {
    name,
    requires,
    provides,
    run: () => Object.fromEntries(provides.map((p) => [p, []])) as Partial<Layers>,
  };
}

export function russianStages(): Stage[] {
  return [
    tokenStage,
    ruSentenceStage,
    ruEntityStage,
    ruQuoteStage,
    ruTimeStage,
    ruQuantityStage,
    // Tone needs a Russian sentiment lexicon (none yet): absent rather than read with English words.
    emptyStage('tone', ['sentences'], ['tone']),
    ruClaimStage,
  ];
}

/** A language outside the allow-list: words and sentences (by punctuation) only. */
export function undeterminedStages(): Stage[] {
  return [
    tokenStage,
    { name: 'sentences', requires: ['tokens'], provides: ['sentences'], run: (a) => ({ sentences: splitSentences(a.text, a.layers.tokens ?? []) }) },
    emptyStage('entities', ['tokens', 'sentences'], ['entities', 'entityIndex']),
    emptyStage('quotes', ['tokens', 'sentences', 'entities'], ['quotes']),
    emptyStage('times', ['tokens', 'sentences'], ['times']),
    emptyStage('quantities', ['tokens', 'sentences'], ['quantities']),
    emptyStage('tone', ['sentences'], ['tone']),
    emptyStage('claims', ['sentences'], ['claims']),
  ];
}
