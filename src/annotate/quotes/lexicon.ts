import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import { loadCueModel, type CueModel } from './cue-model.js';
import { loadSeqModel, type SeqModel } from './seq-model.js';

/** Word lists of the quote stage: data/lexicons/quotes.json (hand-made) and quote-cues.json (learned). */
export interface QuoteLexicon {
  /** Words that introduce an attribution: the hand list plus the learned cues above the threshold. */
  cues: Set<string>;
  /** The cues that report words (said, told, according): the hand list and learned words mostly used so. */
  speechCues: Set<string>;
  /** Verbs whose object (the hearer, or what is described) comes before the content: "told Japarov that". */
  tellVerbs: Set<string>;
  /** Verbs whose object is what is said about ("called Russia a “strategic ally”"). */
  describeVerbs: Set<string>;
  /** The hand-made speech verbs alone (cues that may take "to" + content: "pointed to"). */
  speechVerbs: Set<string>;
  particles: Map<string, string>;
  documentNouns: Set<string>;
  organisationNouns: Set<string>;
  personPronouns: Set<string>;
  adverbsBeforeCue: Set<string>;
  clauseBoundaries: Set<string>;
  npDeterminers: Set<string>;
  npLinkers: Set<string>;
  abbreviations: Set<string>;
  /** The trained cue classifier; when null, a word is a cue when it is in `cues`. */
  cueModel: CueModel | null;
  /** The trained attribution sequence labeller (the cascade's second step); null: the rules alone. */
  seqModel?: SeqModel | null;
}

export interface LearnedCue {
  cue: number;
  total: number;
  rate: number;
  /** With the extractor's own structure (a source, then content): attributions it found that PolNeAR has (tp) or not (fp). */
  tp?: number;
  fp?: number;
}

export interface QuoteLexiconOptions {
  /** Minimum cue rate (times a cue / times seen in the training text) for a learned word. */
  minRate?: number;
  /** Minimum number of times a learned word was a cue. */
  minCount?: number;
  /** Minimum precision of the attributions the extractor finds with this word on the training split. */
  minPrecision?: number;
  /** Take every word seen as a cue (used when deriving the list). */
  all?: boolean;
}

export function buildQuoteLexicon(hand: Record<string, unknown>, learned: Record<string, LearnedCue>, o: QuoteLexiconOptions = {}): QuoteLexicon {
  const list = (k: string) => new Set((hand[k] as string[] | undefined) ?? []);
  const cues = list('speechVerbs');
  const speechCues = list('speechVerbs');
  const minRate = o.minRate ?? 0.5;
  const minCount = o.minCount ?? 4;
  const stop = list('clauseBoundaries');
  const minPrecision = o.minPrecision ?? 0.5;
  for (const [w, c] of Object.entries(learned)) {
    if (stop.has(w) || w === 'according' || w.endsWith('ly')) continue;
    if (c.rate >= minRate && c.cue >= minCount) speechCues.add(w);
    if (o.all) {
      if (c.cue >= 3 && c.rate >= 0.1) cues.add(w);
      continue;
    }
    // Prefer the precision measured with the extractor's own structure; fall back to the raw cue rate.
    const structural = c.tp !== undefined && c.fp !== undefined && c.tp + c.fp > 0;
    if (structural ? c.tp! >= minCount && c.tp! / (c.tp! + c.fp!) >= minPrecision : c.rate >= minRate && c.cue >= minCount) cues.add(w);
  }
  return {
    cues,
    speechCues,
    tellVerbs: list('tellVerbs'),
    describeVerbs: list('describeVerbs'),
    speechVerbs: list('speechVerbs'),
    particles: new Map(Object.entries((hand.particles as Record<string, string> | undefined) ?? {})),
    documentNouns: list('documentNouns'),
    organisationNouns: list('organisationNouns'),
    personPronouns: list('personPronouns'),
    adverbsBeforeCue: list('adverbsBeforeCue'),
    clauseBoundaries: stop,
    npDeterminers: list('npDeterminers'),
    npLinkers: list('npLinkers'),
    abbreviations: list('abbreviations'),
    cueModel: null,
  };
}

export function loadQuoteLexicon(o: QuoteLexiconOptions & { model?: boolean } = {}, dir: string = join(repoRoot(), 'data', 'lexicons')): QuoteLexicon {
  const hand = JSON.parse(readFileSync(join(dir, 'quotes.json'), 'utf8')) as Record<string, unknown>;
  const learned = (JSON.parse(readFileSync(join(dir, 'quote-cues.json'), 'utf8')) as { cues: Record<string, LearnedCue> }).cues;
  const lex = buildQuoteLexicon(hand, learned, o);
  if (o.model !== false) {
    lex.cueModel = loadCueModel();
    lex.seqModel = loadSeqModel();
  }
  return lex;
}
