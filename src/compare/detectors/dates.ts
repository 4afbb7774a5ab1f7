import { outletName } from '../evidence.js';
import { storyParallels } from '../../lang/sentence-align.js';
import type { DatedFact } from '../facts/index.js';
import type { Candidate, Detector } from './types.js';

/** Weight 0..1 of a clause word by its rarity among the given facts' clauses (the story's own subject weighs ~0). */
export function clauseWordWeight(factsPerArticle: Iterable<readonly { around: Set<string> }[]>): (w: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const fs of factsPerArticle) for (const f of fs) {
    n++;
    for (const w of f.around) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return (w) => Math.max(0, Math.log((n + 1) / (df.get(w) ?? 1)) / Math.log(n + 1));
}

type Clause = { around: Set<string>; entities: Set<string> };

/**
 * How much two clauses share: their words (weighted by rarity), a close relative of a word for less, and their
 * participants (a name shared counts as a word and as a participant: across outlets the words of a name are
 * often the only trace of one participant that entity resolution split in two).
 */
export function clauseAffinity(x: Clause, y: Clause, weight: (w: string) => number, related?: (a: string, b: string) => number): number {
  let s = 0;
  for (const w of x.around) {
    if (y.around.has(w)) s += weight(w);
    // A derivation or close synonym ("Indian" / "India") counts for less than the word itself.
    else if (related && relatedIn(w, y.around, related)) s += 0.7 * weight(w);
  }
  let e = 0;
  for (const id of x.entities) if (y.entities.has(id)) e++;
  return s + Math.min(2, e) * 0.5;
}

/** Whether a word of the set is a close relative of `w` (in the set's order, stopping at the first). */
function relatedIn(w: string, words: ReadonlySet<string>, related: (a: string, b: string) => number): boolean {
  for (const v of words) if (related(w, v) >= 0.85) return true;
  return false;
}

/** ISO weekday (1 = Monday) of a day 'YYYY-MM-DD'. */
function weekdayOfDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return String(d === 0 ? 7 : d);
}

/**
 * Same day: weekdays when both give one (a weekday resolved against two publication dates may land in two
 * weeks), else the days, else a day against a weekday. Null when the two cannot be compared.
 */
function sameDay(x: DatedFact, y: DatedFact): boolean | null {
  // A year or month only against one of the same kind that hangs on the same word ("ends in 2018" / "ends in 2019").
  if (x.period && y.period) return x.period.length === y.period.length && x.periodWord === y.periodWord ? samePeriod(x, y) : null;
  // A month against a day ("will leave at the end of February" / "will be leaving on January 1"): the day's month.
  // (By month alone: the year of a month or day written without one is only a guess.)
  const [p, d] = x.period ? [x, y] : [y, x];
  // (Only when the word the month hangs on is in the day's clause: "leave" / "leaving ... on January 1".)
  if (p.period) return p.period.length === 7 && d.day && p.periodWord && p.placesWord && hasWord(d.around, p.periodWord) ? p.period.slice(5) === d.day.slice(5, 7) : null;
  if (x.weekday && y.weekday) return x.weekday === y.weekday;
  if (x.day && y.day && !x.weekday && !y.weekday) return x.day === y.day;
  if (x.day && !x.weekday && y.weekday) return weekdayOfDay(x.day) === y.weekday;
  if (y.day && !y.weekday && x.weekday) return weekdayOfDay(y.day) === x.weekday;
  return null;
}

/** Whether a clause has a word, or a form of it stemmed apart ("leave" / "leav" from "leaving"). */
function hasWord(words: ReadonlySet<string>, word: string): boolean {
  if (words.has(word)) return true;
  for (const w of words) if (Math.min(w.length, word.length) >= 4 && Math.abs(w.length - word.length) <= 1 && (w.startsWith(word) || word.startsWith(w))) return true;
  return false;
}

/** Whether a date is written with its year ("February 2019"), not given one by resolution ("in February"). */
const yearWritten = (f: DatedFact) => /\b\d{4}\b/.test(f.article.text.slice(f.value.start, f.value.end));

/** Two months or years: the same, by month alone when either month was written without its year. */
function samePeriod(x: DatedFact, y: DatedFact): boolean {
  if (x.period!.length === 7 && (!yearWritten(x) || !yearWritten(y))) return x.period!.slice(5) === y.period!.slice(5);
  return x.period === y.period;
}

/** How alike two dates' contexts must be to count as the same fact. */
const MIN = 1.4;

/**
 * Days of one act that differ across articles: the clauses around the two dates share the act's words and
 * participants, and no date the other article gives that act agrees.
 */
export const dateDetector: Detector = {
  type: 'date',
  name: 'dates',
  detect({ articles, facts, related, parallel = storyParallels() }) {
    const dated = new Map(articles.map((a) => [a.id, (facts.get(a.id) ?? []).filter((f): f is DatedFact => f.kind === 'dated')]));
    // Words that many dated clauses share (the story's own subject) say little about which act is dated.
    const weight = clauseWordWeight(dated.values());
    const out: Candidate[] = [];
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const A = dated.get(articles[i]!.id)!;
        const B = dated.get(articles[j]!.id)!;
        const scored: { x: DatedFact; y: DatedFact; s: number; same: boolean }[] = [];
        // Reports in two languages: dates of sentences that say the same date one act (src/lang/sentence-align.ts).
        const said = A.length && B.length ? parallel(articles[i]!, articles[j]!) : null;
        for (const x of A) for (const y of B) {
          const same = sameDay(x, y);
          if (same === null) continue;
          // Both dates name the same act ("Драка произошла 31 января"): enough on its own to compare them.
          const sameAct = (!!x.act && x.act === y.act) || !!said?.said(x.sentence, y.sentence);
          const affinity = clauseAffinity(x, y, weight, related);
          // Two years hung on one word ("ends in 2018" / "ends in 2019") in clauses that share a word or two more.
          // (A month against a day compared is hung on a word of the day's clause: "leave at the end of February" /
          // "will be leaving ... on January 1", likewise.)
          const both = !!x.period && !!y.period;
          const period = (!!x.period || !!y.period) && affinity >= MIN / 2;
          if (both && !period) continue;
          const s = affinity + (sameAct ? MIN : period ? MIN / 2 : 0);
          // Days of two acts that share no participant are compared only when their clauses are close.
          const shared = sameAct || period || [...x.entities].some((e) => y.entities.has(e));
          if (s >= MIN && (shared || s >= 1.2 * MIN)) scored.push({ x, y, s, same });
        }
        scored.sort((p, q) => q.s - p.s);
        const used = new Set<DatedFact>();
        const agreed = new Set<DatedFact>();
        for (const p of scored) if (p.same) agreed.add(p.x).add(p.y);
        for (const { x, y, same } of scored) {
          if (used.has(x) || used.has(y)) continue;
          used.add(x).add(y);
          if (same || agreed.has(x) || agreed.has(y)) continue;
          const tx = x.article.text.slice(x.value.start, x.value.end);
          if (process.env.PX_DEBUG_DATES) console.error('DATE', tx, '|', y.article.text.slice(y.value.start, y.value.end), scored.find((p) => p.x === x && p.y === y)!.s.toFixed(2), [...x.around].map((w) => y.around.has(w) ? `${w}:${weight(w).toFixed(2)}` : [...y.around].filter((v) => related(w, v) >= 0.85).map((v) => `${w}~${v}:${(0.7 * weight(w)).toFixed(2)}`).join(',')).filter(Boolean).join(','), [...x.entities].filter((e) => y.entities.has(e)).join(','), '\n   ', x.article.text.slice(x.context.start, x.context.end).replace(/\s+/g, ' '), '\n   ', y.article.text.slice(y.context.start, y.context.end).replace(/\s+/g, ' '));
          const ty = y.article.text.slice(y.value.start, y.value.end);
          out.push({
            type: 'date',
            verdict: 'contradiction',
            sides: [x, y].map((f) => ({ article: f.article, value: f.value, context: f.context })),
            summary: `Date: ${outletName(x.article)} says “${tx}”, ${outletName(y.article)} says “${ty}”.`,
            salience: 0.85,
            subject: 'date',
          });
        }
      }
    }
    return out;
  },
};
