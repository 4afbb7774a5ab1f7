// The data the English pipeline reads (lexicons and the quote models), loaded once by whoever builds an
// analyzer and passed in: nothing under src/annotate reads these files at import.
import { join } from 'node:path';
import { loadQuantityLexicon, type QuantityLexicon } from './annotate/quantities/lexicon.js';
import { loadMonthNames } from './annotate/quantities/index.js';
import { loadQuoteLexicon, type QuoteLexicon } from './annotate/quotes/lexicon.js';
import { loadTimeLexicon, type TimeLexicon } from './annotate/time/lexicon.js';
import { loadTenseWords, type TenseWords } from './annotate/time/tense.js';
import { repoRoot } from './shared-paths.js';
import { defaultGazetteer, defaultProposer, type Proposer } from './annotate/entities/entity-stage.js';
import { loadGivenNameGroups, type Gazetteer, type GivenNameGroups } from './annotate/entities/gazetteer.js';
import { lexicon, type Lexicon } from './annotate/lexicon.js';

export interface Resources {
  readonly quantities: QuantityLexicon;
  readonly monthNames: ReadonlySet<string>;
  readonly time: TimeLexicon;
  readonly tense: TenseWords;
  readonly quotes: QuoteLexicon;
  /** Stopwords, irregular verbs, synonyms, tone and modality cues (the process's copy: the comparison reads it too). */
  readonly lexicon: Lexicon;
  /** The entity gazetteer and tagger: read on first use (they are the largest), then kept with these resources. */
  readonly gazetteer: Gazetteer;
  readonly entityProposer: Proposer;
  /** Forms of one given name (the comparison's namesake rule): read on first use. */
  readonly givenNames: GivenNameGroups;
}

/** Reads every lexicon, gazetteer and model of the English stages of the repository at `root` into one frozen object. */
export function loadResources(root: string = repoRoot()): Resources {
  const dir = join(root, 'data', 'lexicons');
  let gazetteer: Gazetteer | undefined;
  let proposer: Proposer | undefined;
  let givenNames: GivenNameGroups | undefined;
  return Object.freeze({
    quantities: loadQuantityLexicon(dir),
    monthNames: loadMonthNames(dir),
    time: loadTimeLexicon(dir),
    tense: loadTenseWords(dir),
    quotes: loadQuoteLexicon({}, dir),
    get lexicon() {
      return lexicon();
    },
    get gazetteer() {
      return (gazetteer ??= defaultGazetteer(root));
    },
    get entityProposer() {
      return (proposer ??= defaultProposer(this.gazetteer, root));
    },
    get givenNames() {
      return (givenNames ??= loadGivenNameGroups(join(root, 'data', 'gazetteers')));
    },
  });
}

let shared: Resources | undefined;

/**
 * The process's resources, loaded on first use, for callers that are not handed any (createAnalyzer()
 * without options, the comparison's value readers): one copy per process, never at import.
 */
export function sharedResources(): Resources {
  return (shared ??= loadResources());
}
