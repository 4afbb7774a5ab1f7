import type { Article, Claim, Span } from '../../model/document.js';
import type { Candidate, DetectInput } from '../detectors/index.js';

/** What refiners read: the detectors' input, and the story entity an article's entity belongs to. */
export interface RefineInput extends DetectInput {
  storyEntity: (article: Article, id: string) => string;
}

/**
 * A refiner reads the candidates the detectors proposed and keeps, drops or rephrases them (one refiner per
 * file; they run in the order of REFINERS). A refiner never adds a difference no detector found.
 */
export interface Refiner {
  name: string;
  refine(candidates: readonly Candidate[], input: RefineInput): Candidate[];
}

/** The claim (clause-level statement) of an article that holds an offset, if any. */
export function claimAt(article: Article, span: Span): Claim | null {
  for (const c of article.layers.claims ?? []) if (c.start <= span.start && span.end <= c.end) return c;
  for (const c of article.layers.claims ?? []) if (c.start <= span.start && span.start < c.end) return c;
  return null;
}
