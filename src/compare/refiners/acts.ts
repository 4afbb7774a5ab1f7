import { stem } from '../../annotate/lexicon.js';
import { isCyrillic } from '../../annotate/ru/lexicon.js';
import type { Candidate, Side } from '../detectors/index.js';
import { sentenceSpan } from '../facts/context.js';
import type { Refiner } from './types.js';

/** A modal of a hypothesis or of the future seen from the past ("few would consider", "said he would be"). */
const HYPOTHETICAL = /\b(?:would|could|might|should)\b/i;
/** "the second senior agent to be fired", "the first congressman to be indicted": one of a series, done. */
const ONE_OF = /\b(?:first|second|third|fourth|fifth|sixth|latest|last|only|\w+est)\b(?:\s+[\p{L}.’'-]+){0,5}\s+to\s+be\s+\p{L}+$/iu;

/** A clause of time or condition ending at the act: "until the government was reopened", "once he is released". */
const SUBORDINATE = /\b(?:until|unless|once|till)\b[^,.;:!?]{0,60}$/i;

/** "accusing the local police of not registering": a charge someone makes, not the act's status. */
const ACCUSED = /\b(?:accus\w*|alleg\w*|blam\w*|criticis\w*|criticiz\w*)\b[^.;:!?]{0,80}$/i;

/** "no alternative but to request", "no choice but to": the act is affirmed, not denied. */
const NO_BUT = /\bno\s+(?:\p{L}+\s+){1,2}but\s+to\b/iu;

/** Whether the not-done side of a status candidate states no plan or denial at all. */
export function noStatus(s: Side): boolean {
  const value = s.article.text.slice(s.value.start, s.value.end);
  if (HYPOTHETICAL.test(value) || NO_BUT.test(value)) return true;
  const sentence = sentenceSpan(s.article, s.value.start);
  const lead = s.article.text.slice(sentence.start, s.value.end);
  return ONE_OF.test(lead) || ACCUSED.test(s.article.text.slice(sentence.start, s.value.start));
}

/** The act word of a side: the last word of its value, lower case. */
function actWord(s: Side): string {
  return (s.article.text.slice(s.value.start, s.value.end).toLowerCase().match(/\p{L}+/gu) ?? []).pop() ?? '';
}

/**
 * A done act read from a participle that modifies a noun ("a breakfast hosted by", "the bill backed by"): it
 * names a thing, not the act reported, and is no counterpart of another verb's act.
 */
function modifierOfNoun(s: Side): boolean {
  const words = s.article.text.slice(s.value.start, s.value.end).toLowerCase().match(/\p{L}+/gu) ?? [];
  // Russian done acts are finite verbs or short participles (compare/facts/status-ru.ts): none describes a noun.
  if (isCyrillic(words.join(''))) return false;
  const before = words[words.length - 2];
  return !!before && !/^(?:is|are|was|were|be|been|being|has|have|had|get|got|gets|getting|not|never|just|already|also|since|now)$/.test(before) && !/ly$/.test(before);
}

/**
 * Drops "done or not" conflicts whose not-done side is a hypothesis or a future seen from the past ("that he
 * would be indicted" / "after being indicted"), or one of a series already done ("the second agent to be
 * fired" / "was fired"), whose done side is a participle describing a noun under another verb ("a breakfast
 * hosted by" / "not going to meet"), whose negation is someone's accusation ("accusing the police of not
 * registering" / "a case has been filed"), or an act affirmed by a negation of its alternatives ("no alternative but to request").
 */
export const actsRefiner: Refiner = {
  name: 'acts',
  refine(candidates: readonly Candidate[]): Candidate[] {
    return candidates.filter((c) => {
      if (!c.subject.startsWith('act:') || c.sides.length !== 2) return true;
      const [other, done] = c.sides as [Side, Side];
      if (noStatus(other)) return false;
      // "until the government was reopened": a done act in a clause of time or condition is not reported done.
      if (SUBORDINATE.test(done.article.text.slice(sentenceSpan(done.article, done.value.start).start, done.value.end))) return false;
      // Two verbs of related meaning, one a participle describing a noun: two acts.
      // The fact layer says how it read the act done; only a participle with its agent may describe a noun.
      const modifier = c.details?.doneFrom ? c.details.doneFrom === 'agent' : modifierOfNoun(done);
      return !(actWord(other) !== actWord(done) && stem(actWord(other)) !== stem(actWord(done)) && modifier);
    });
  },
};
