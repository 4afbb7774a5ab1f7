import type { Candidate, Side } from '../detectors/index.js';
import { sentenceSpan } from '../facts/context.js';
import type { Refiner } from './types.js';

/** A modal of a hypothesis or of the future seen from the past ("few would consider", "said he would be"). */
const HYPOTHETICAL = /\b(?:would|could|might|should)\b/i;
/** "the second senior agent to be fired", "the first congressman to be indicted": one of a series, done. */
const ONE_OF = /\b(?:first|second|third|fourth|fifth|sixth|latest|last|only|\w+est)\b(?:\s+[\p{L}.’'-]+){0,5}\s+to\s+be\s+\p{L}+$/iu;

/** "no alternative but to request", "no choice but to": the act is affirmed, not denied. */
const NO_BUT = /\bno\s+(?:\p{L}+\s+){1,2}but\s+to\b/iu;

/** Whether the not-done side of a status candidate states no plan or denial at all. */
export function noStatus(s: Side): boolean {
  const value = s.article.text.slice(s.value.start, s.value.end);
  if (HYPOTHETICAL.test(value) || NO_BUT.test(value)) return true;
  const sentence = sentenceSpan(s.article, s.value.start);
  return ONE_OF.test(s.article.text.slice(sentence.start, s.value.end));
}

/**
 * Drops "done or not" conflicts whose not-done side is a hypothesis or a future seen from the past ("that he
 * would be indicted" / "after being indicted"), or one of a series already done ("the second agent to be
 * fired" / "was fired"), or an act affirmed by a negation of its alternatives ("no alternative but to request").
 */
export const actsRefiner: Refiner = {
  name: 'acts',
  refine(candidates: readonly Candidate[]): Candidate[] {
    return candidates.filter((c) => !c.subject.startsWith('act:') || !c.sides.some((s, i) => i === 0 && noStatus(s)));
  },
};
