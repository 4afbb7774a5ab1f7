import { sameName } from '../conflicts.js';
import { outletName } from '../evidence.js';
import type { QuoteFact } from '../facts/index.js';
import type { Candidate, Detector } from './types.js';

const PRONOUN = /^(he|she|they|it|we|i|his|her|their)$/i;
/** Speakers that name no one in particular: any of them may be the other side's named source. */
const GENERIC = /^(?:the\s+)?(?:reports?|witness(?:es)?|cops|police|officials?|sources?|media|authorities|residents|people|organi[sz]ers)$/i;

const head = (s: string) => (s.toLowerCase().match(/\p{L}+/gu) ?? []).pop() ?? '';
/** A name ("Trump", "Civil Human Rights Front") rather than a description ("the president", "the group"). */
const isName = (s: string) => /^\p{Lu}/u.test(s) && !/^the\s/i.test(s);

/** Whether two speakers can be one: same head noun, a pronoun, a generic source, or a name against a description. */
function compatible(a: string, b: string): boolean {
  if (PRONOUN.test(a) || PRONOUN.test(b) || GENERIC.test(a) || GENERIC.test(b)) return true;
  if (head(a) === head(b) || sameName(a, b)) return true;
  return isName(a) !== isName(b);
}

/** Longest run of words the two quotes share, in order. */
function sharedRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : 0;
      best = Math.max(best, prev[j]!);
      diag = keep;
    }
  }
  return best;
}

/** The same quoted words put in different mouths: "the Iraqi government said their 'message has been heard'" / "The group said ...". */
export const speakerDetector: Detector = {
  type: 'speaker',
  name: 'speakers',
  detect({ articles, facts }) {
    const all = articles.map((a) => (facts.get(a.id) ?? []).filter((f): f is QuoteFact => f.kind === 'quote'));
    const out: Candidate[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        for (const x of all[i]!) {
          // The other article's quotes of these words: a conflict only when none of them has the same speaker.
          const same = all[j]!.filter((y) => sharedRun(x.words, y.words) >= Math.max(Math.min(5, x.words.length, y.words.length), Math.ceil(0.6 * Math.min(x.words.length, y.words.length))));
          if (same.length === 0) continue;
          const agrees = (y: QuoteFact) => (x.speaker !== null && x.speaker === y.speaker) || compatible(x.speakerText, y.speakerText);
          if (same.some(agrees)) continue;
          const y = same[0]!;
          out.push({
            type: 'speaker',
            verdict: 'contradiction',
            sides: [x, y].map((f) => ({ article: f.article, value: f.value, context: f.context })),
            summary: `Speaker: ${outletName(x.article)} attributes the words to ${x.speakerText}, ${outletName(y.article)} to ${y.speakerText}.`,
            salience: 0.8,
            subject: `quote:${x.words.slice(0, 4).join(' ')}`,
          });
        }
      }
    }
    return out;
  },
};
