import { lexicon } from '../../annotate/lexicon.js';
import type { Candidate, Side } from '../detectors/index.js';
import type { PersonFact } from '../facts/index.js';
import type { RefineInput, Refiner } from './types.js';

/** The modifiers of a title before its head, without function words ("But Speaker": none) and possessives. */
function modifiers(f: PersonFact): string[] {
  const stop = lexicon().stopwords;
  return f.words.slice(0, -1).map((w) => w.replace(/['’]s$/, '')).filter((w) => w && !stop.has(w));
}

/**
 * Titles that name one office: one has no modifier left once function words go ("But Speaker" / "House
 * Speaker"), or each modifier of one is a form of one of the other's ("Chinese President" / "China's
 * President").
 */
export function sameOffice(x: PersonFact, y: PersonFact, related: (a: string, b: string) => number): boolean {
  if (x.words.at(-1) !== y.words.at(-1)) return false;
  const mx = modifiers(x);
  const my = modifiers(y);
  if (mx.length === 0 || my.length === 0) return true;
  const covered = (a: string[], b: string[]) => a.every((w) => b.some((v) => v === w || related(w, v) >= 0.75));
  return covered(mx, my) || covered(my, mx);
}

function personAt(s: Side, facts: RefineInput['facts']): PersonFact | undefined {
  return (facts.get(s.article.id) ?? []).find((f): f is PersonFact => f.kind === 'person' && f.attribute === 'title' && f.value.start === s.value.start && f.value.end === s.value.end);
}

/** Drops title conflicts between two names of one office. */
export const titlesRefiner: Refiner = {
  name: 'titles',
  refine(candidates: readonly Candidate[], { facts, related }: RefineInput): Candidate[] {
    return candidates.filter((c) => {
      if (c.type !== 'entity' || c.sides.length !== 2) return true;
      const x = personAt(c.sides[0]!, facts);
      const y = personAt(c.sides[1]!, facts);
      return !x || !y || !sameOffice(x, y, related);
    });
  },
};
