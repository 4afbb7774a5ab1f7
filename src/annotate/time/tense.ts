import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';
import type { TokenView } from '../quantities/token-view.js';

export type Tense = 'past' | 'future';

/** Word lists the tense reader needs; the irregular past forms come from data/lexicons/irregular-verbs.json. */
export interface TenseWords {
  irregularPast: ReadonlySet<string>;
}

// Words that put what follows them ahead of the speaker: modals and plan words ("is scheduled for", "payable Jan. 2").
const FUTURE = new Set(['will', "'ll", '’ll', 'shall', 'wo', 'would', 'scheduled', 'expected', 'due', 'plans', 'plan', 'planning', 'intends', 'upcoming',
  'payable', 'going', 'aims', 'hopes', 'expects', 'expires', 'until', 'tomorrow', 'next']);
const PLAN = new Set(['scheduled', 'expected', 'due']);
const PAST_AUX = new Set(['was', 'were', 'had', 'been']);
const PAST = new Set(['was', 'were', 'had', 'did', 'ago', 'earlier', 'since', 'previously', 'last', 'yesterday']);
// Words ending in -ed that are not past forms.
const NOT_PAST = new Set(['need', 'speed', 'feed', 'seed', 'indeed', 'hundred', 'red', 'bed', 'shed', 'proceed', 'exceed', 'succeed', 'breed', 'greed', 'weed', 'deed', 'creed', 'bred', 'led',
  'united', 'limited', 'based', 'related', 'interested', 'concerned', 'qualified', 'detailed', 'advanced', 'experienced', 'talented', 'armed', 'married', 'increased', 'reduced', 'proposed', 'planned']);
const BE = new Set(['be', 'been', 'being', 'to', 'not', 'have']);
const WINDOW = 10;

/**
 * The tense that governs tokens [first, end): the nearest tense-bearing word in the same sentence, looking left and
 * right alternately ("met Monday", "On Monday, the king met", "will meet on Thursday"). A past form after a modal or
 * "to be" is not past ("will be held Dec. 7", "is to be signed in March"). Null when nothing near says.
 */
export function createTenseReader(view: TokenView, words: TenseWords): (first: number, end: number) => Tense | null {
  const wordTense = (k: number): Tense | null => {
    const w = view.lower[k]!;
    // A plan told in the past is past: "had been due to expire Friday", "was scheduled for Tuesday".
    if (PLAN.has(w)) return PAST_AUX.has(view.lower[k - 1] ?? '') || PAST_AUX.has(view.lower[k - 2] ?? '') ? 'past' : 'future';
    if (FUTURE.has(w)) return 'future';
    if (w === 'set' && (view.lower[k + 1] === 'to' || view.lower[k + 1] === 'for')) return 'future';
    // "is to resume trading Tuesday"
    if (w === 'to' && (view.lower[k - 1] === 'is' || view.lower[k - 1] === 'are') && view.lower[k + 1] !== 'be') return 'future';
    if (PAST.has(w)) return 'past';
    const past = words.irregularPast.has(w) || (w.length >= 5 && w.endsWith('ed') && !NOT_PAST.has(w) && /^[a-z-]+$/.test(w));
    if (!past) return null;
    // "will be held", "would have signed", "to be opened": the modal before the participle decides.
    const s = view.sentStart[view.sentenceOf[k]!]!;
    for (let j = k - 1; j >= Math.max(s, k - 3); j--) {
      const p = view.lower[j]!;
      if (FUTURE.has(p)) return 'future';
      if (!BE.has(p)) break;
      if (p === 'to') return 'future';
    }
    return 'past';
  };
  return (first, end) => {
    const sentence = view.sentenceOf[first]!;
    const lo = view.sentStart[sentence]!;
    const hi = view.sentEnd[sentence]!;
    // A preposition right before the expression is the strongest cue: "since March" looks back.
    const before = first - 1 >= lo ? view.lower[first - 1] : undefined;
    if (before === 'since') return 'past';
    for (let d = 1; d <= WINDOW; d++) {
      const l = first - d;
      if (l >= lo) {
        const t = wordTense(l);
        if (t) return t;
      }
      const r = end - 1 + d;
      if (r < hi) {
        const t = wordTense(r);
        if (t) return t;
      }
    }
    // Only a deadline preposition is left to go by: "by August", "until Nov. 9".
    return before === 'by' || before === 'until' || before === 'till' ? 'future' : null;
  };
}

export function loadTenseWords(dir: string = join(repoRoot(), 'data', 'lexicons')): TenseWords {
  const irregular = JSON.parse(readFileSync(join(dir, 'irregular-verbs.json'), 'utf8')) as { forms: Record<string, string> };
  return { irregularPast: new Set(Object.keys(irregular.forms)) };
}
