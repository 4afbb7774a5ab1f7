import type { Article, Span } from '../../model/document.js';
import type { Fact } from '../facts/index.js';
import type { ConflictType, Verdict } from '../types.js';
import type { Lexicon } from '../lexical/index.js';
import type { ParallelSentences } from '../../lang/sentence-align.js';

/** One article's side of a finding: the differing words and the clause around them. */
export interface Side {
  article: Article;
  value: Span;
  context: Span;
}

/** A conflict (or agreement) a detector proposes; refiners merge, order and phrase them. */
export interface Candidate {
  type: ConflictType;
  verdict: Verdict;
  sides: Side[];
  summary: string;
  salience: number;
  /** What the finding is about ("age of the daughter"), for merging and for summaries. */
  subject: string;
  details?: Record<string, unknown>;
}

/** What detectors read: the story's articles and their facts. */
export interface DetectInput {
  articles: readonly Article[];
  facts: ReadonlyMap<string, readonly Fact[]>;
  /** Word relatedness 0..1 (WordNet and word vectors), memoised for the story. */
  related: (a: string, b: string) => number;
  /** The WordNet + vector lexicon, for paraphrase of phrases (null or absent: none). */
  lexicon?: Lexicon | null;
  /** The story entity an article's entity belongs to (cross-article resolution). */
  storyEntity?: (article: Article, id: string) => string;
  /** Which sentences of two articles in two languages say the same (storyParallels: each pair paired once per story). */
  parallel?: (a: Article, b: Article) => ParallelSentences;
}

/** A detector finds one type of difference in the facts of a story (one detector per file). */
export interface Detector {
  type: ConflictType;
  name: string;
  detect(input: DetectInput): Candidate[];
}
