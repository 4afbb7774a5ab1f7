import type { Article } from '../../model/document.js';
import { outletName } from '../evidence.js';
import type { FigureFact } from '../facts/index.js';
import { weeksMeet } from '../facts/figures.js';
import { ROUNDING } from '../values.js';
import type { Candidate, Detector } from './types.js';
import type { Lexicon } from '../lexical/index.js';
import { storyParallels, type ParallelSentences } from '../../lang/sentence-align.js';
import { isCyrillic } from '../../annotate/ru/lexicon.js';

/** Two figures of two articles and how strongly they are one measure; `inParallel`: said in sentences of two languages that say the same. */
interface Scored {
  x: FigureFact;
  y: FigureFact;
  s: number;
  inParallel: boolean;
}

/** Heads that name no particular thing counted ("people", "figure", "toll"): they align only through the act. */
export const GENERIC = new Set(['person', 'people', 'figure', 'number', 'total', 'toll', 'tally', 'time', 'case', 'other']);

/** The affinity from which two figures are read as one measure. */
const MIN_AFFINITY = 1.1;

/** An exact count below ten ("four", "seven"): such counts are everywhere in a story. */
const smallCount = (f: FigureFact) => !f.vague && f.unit === null && f.dimension === 'count' && Math.abs(f.central) < 10;

/** How strongly two figures are about the same measure (0 = not at all). */
export function figureAffinity(
  x: FigureFact,
  y: FigureFact,
  related: (a: string, b: string) => number = (a, b) => (a === b ? 1 : 0),
  isPerson: (noun: string) => boolean = () => false,
  contrasting: (a: string, b: string) => boolean = () => false,
  inParallel = false,
  alone = false,
): number {
  // A Russian head the bilingual lexicon has no English word for ("пунктам" / "22-count") says nothing against an
  // English one: it is read as unnamed.
  if (x.head && y.head && isCyrillic(x.head) !== isCyrillic(y.head)) {
    const unnamed = (f: FigureFact) => (isCyrillic(f.head!) ? { ...f, head: null } : f);
    return figureAffinity(unnamed(x), unnamed(y), related, isPerson, contrasting, inParallel, alone);
  }
  // (Sentences that say the same in two languages are one statement, whichever of them reads as a plan.)
  if (x.planned !== y.planned && !inParallel) return 0;
  // A change's starting value against a current value: two readings of the measure at two times.
  if (!!x.previous !== !!y.previous) return 0;
  // Figures of two named days are two counts ("hundreds on Wednesday" / "thousands on Tuesday"); in sentences that say
  // the same in two languages, a day read two ways is the dates' difference, not two measures.
  if (!inParallel && x.day && y.day && (x.day.startsWith('XXXX') || y.day.startsWith('XXXX') ? x.day.slice(5) !== y.day.slice(5) : x.day !== y.day)) return 0;
  // Figures of two periods are two measures ("$33 in the fourth quarter" / "$38 in 2019").
  if (!inParallel && x.period && y.period && x.period !== y.period) return 0;
  // Figures of two weeks likewise ("last week" from reports days apart names one rolling week by two calendar weeks).
  const week = !!x.week && !!y.week;
  if (!inParallel && week && !weeksMeet(x.week!, x.weekFrom, y.week!, y.weekFrom)) return 0;
  if (x.dimension !== y.dimension || (x.unit ?? '') !== (y.unit ?? '') && x.dimension === 'count') return 0;
  if (x.dimension !== 'count' && x.unit !== y.unit && !(x.dimension === 'length' || x.dimension === 'mass')) return 0;
  // A rise against a fall is two measures; a rise "of 3.9 per cent" is often read as a level, so level and change may pair.
  if ((x.change === 'increase' && y.change === 'decrease') || (x.change === 'decrease' && y.change === 'increase')) return 0;
  // One week named by both is a word of the measure in common ("last week's eight attacks" / "at least 10 attacks ... last week").
  // So are sentences of two languages that say the same (src/lang/sentence-align.ts): one statement, translated or retold.
  // (Two more when each is the only figure of its kind in its sentence: nothing else there for it to be.)
  let shared = (week ? 1 : 0) + (inParallel ? (alone ? 2 : 1) : 0);
  for (const w of x.around) {
    if (w === x.head || w === y.head) continue;
    if (y.around.has(w)) shared += 1;
    else {
      // Only close relations (synonyms, derivations, direct hypernyms): loose vector neighbours pair anything.
      // (The first close one will do.)
      for (const v of y.around) {
        if (related(w, v) >= 0.75) {
          shared += 0.7;
          break;
        }
      }
    }
  }
  let entities = 0;
  for (const e of x.entities) if (y.entities.has(e)) entities++;
  const specific = (h: string | null) => h !== null && !GENERIC.has(h);
  let head = 0;
  if (x.head && y.head) head = x.head === y.head ? (specific(x.head) ? 1.5 : 0.5) : Math.max(related(x.head, y.head) >= 0.6 ? 1 : 0, !specific(x.head) || !specific(y.head) ? 0.25 : 0);
  // Two names for people in one crowd ("revellers" / "spectators", "militiamen" / "supporters"): one count, told
  // loosely, when the clauses share the act and not only a word for people ("12 Russian officers" / "26 Russian nationals").
  // Opposed kinds are two counts ("three women" / "two men").
  if (x.head && y.head && contrasting(x.head, y.head)) return 0;
  if (head === 0 && x.head && y.head && isPerson(x.head) && isPerson(y.head)) {
    const act = [...x.around].some((w) => w !== x.head && w !== y.head && !isPerson(w) && (y.around.has(w) || [...y.around].some((v) => !isPerson(v) && related(w, v) >= 0.75)));
    if (!act) return 0;
    // A few people of one kind against people of another are two groups ("dozens of protesters were hurt" / "wounded
    // four US service members"): crowds are told loosely, handfuls by who they are.
    if (smallCount(x) || smallCount(y)) return 0;
    head = 0.25;
  }
  // People against things that are no people ("25 Iraqi people" / "11 attacks"): two counts, unless the thing is
  // the act the people undergo ("200 arrests" / "150 people arrested").
  if (x.head && y.head && x.head !== y.head && isPerson(x.head) !== isPerson(y.head) && related(x.head, y.head) < 0.5) {
    const [people, thing] = isPerson(x.head) ? [x, y.head] : [y, x.head];
    const theAct = [...people.around].some((w) => w === thing || related(w, thing) >= 0.75);
    if (!GENERIC.has(thing) && !theAct) return 0;
  }
  // How long something named in both has been going on ("a 17-day protest" at Shaheen Bagh / "blocked a highway for
  // 18 days" there): one running length, whatever the words for the act.
  const running = x.dimension === 'duration' && x.running && y.running && entities >= 1;
  // Other lengths of time are everywhere in a story ("nine minutes into the match", "the 15 years since"): they pair
  // only as a running length or by what lasts ("a two-week trip" / "a 10-day trip").
  if (x.dimension === 'duration' && !running && head < 1) return 0;
  // Without a word of the act in common, a shared specific head alone is not enough ("5 homes" / "200 homes").
  if (shared < 1 && !(head >= 1.5 && entities >= 1) && !running) return 0;
  if (head === 0 && x.head && y.head) return 0;
  // A count of nothing named on either side ("15" / "around 30") says too little to hold one against the other.
  // (Unless each is the only one in sentences that say the same; not the start of a range read without the rest.)
  if (!x.head && !y.head && x.dimension === 'count' && !(inParallel && alone && !rangeStart(x) && !rangeStart(y))) return 0;
  // Small exact counts ("four", "seven") are everywhere in a story: they pair only on a specific head or more shared words.
  if (smallCount(x) && smallCount(y) && head < 1.5 && shared < 2) return 0;
  // Figures of one magnitude are more likely one measure ("more than 4,000" / "up to 4,000").
  const lo = Math.min(Math.abs(x.central), Math.abs(y.central));
  const hi = Math.max(Math.abs(x.central), Math.abs(y.central));
  const near = hi === 0 || lo / hi >= 0.5 ? 0.3 : 0;
  const score = head + shared * 0.6 + Math.min(2, entities) * 0.3 + near;
  return running ? Math.max(score, MIN_AFFINITY) : score;
}

/** The first figure of a range read without the rest ("2 to 3 inches", "5 до 8 см" read as "2", "5"): not a count of its own. */
const rangeStart = (f: FigureFact) => /^\s*(?:to|до|-|–|—)\s*\d/.test(f.article.text.slice(f.value.end, f.value.end + 8));

/** How far a figure converted from another unit may be off (translations round converted figures). */
const CONVERTED = 0.05;

/** Intervals that do not meet, allowing rounding on exact figures. */
export function disjoint(x: FigureFact, y: FigureFact): boolean {
  // A figure in another unit was converted, and conversions are rounded ("20 feet" / "до 6 метров").
  const rounding = x.unit !== y.unit ? CONVERTED : ROUNDING;
  const slack = (f: FigureFact) => (f.low === f.high ? Math.abs(f.central) * rounding : 0);
  return x.high + slack(x) < y.low - slack(y) || y.high + slack(y) < x.low - slack(x);
}

/** "more than 4,000" / "up to 4,000", "nearly 6,500" / "more than 6,500": hedged apart from one figure. */
function oppositeHedges(x: FigureFact, y: FigureFact): boolean {
  const dirs = new Set([x.direction, y.direction]);
  return dirs.has('up') && dirs.has('down') && Math.abs(x.central - y.central) <= 0.1 * Math.max(Math.abs(x.central), Math.abs(y.central));
}

/** Whose figure a report gives, when it names a source: " (Iran's figure)". */
const given = (f: FigureFact) => (f.sourceName ? ` (${f.sourceName}’s figure)` : '');

function laterOf(a: Article, b: Article): Article | null {
  const ta = a.published ? Date.parse(a.published) : NaN;
  const tb = b.published ? Date.parse(b.published) : NaN;
  if (!Number.isFinite(ta) || !Number.isFinite(tb) || Math.abs(ta - tb) < 6 * 3600e3) return null;
  return ta > tb ? a : b;
}

/** Whether two running lengths (in days) differ by the whole days between their reports, within a day. */
function stillRunning(x: FigureFact, y: FigureFact): boolean {
  const px = x.article.published ? Date.parse(x.article.published) : NaN;
  const py = y.article.published ? Date.parse(y.article.published) : NaN;
  if (!Number.isFinite(px) || !Number.isFinite(py)) return false;
  const elapsed = Math.round((py - px) / 86400e3);
  return elapsed !== 0 && Math.abs(y.central - x.central - elapsed) < 1;
}

/** Whether two figures that do not meet can still be one measure: far-apart exact figures measure different things. */
function comparableValues(x: FigureFact, y: FigureFact): boolean {
  if (x.vague && y.vague) return true;
  // A vague count against a figure: within one order of magnitude of the scale it names ("thousands" is no
  // reading of "two"; "tens of thousands" against "more than a million" is one crowd told two ways).
  if (x.vague || y.vague) {
    const [v, f] = x.vague ? [x, y] : [y, x];
    const n = Math.abs(f.central);
    const ceiling = 10 ** Math.ceil(Math.log10(v.high + 1));
    return n >= v.low / 10 && n <= ceiling * 10;
  }
  const lo = Math.min(Math.abs(x.central), Math.abs(y.central));
  const hi = Math.max(Math.abs(x.central), Math.abs(y.central));
  return hi === 0 || lo / hi >= 1 / 3;
}

/** Whether a head noun names people (WordNet: a kind of person); never without the lexicon. */
export function personNoun(lexicon: Lexicon | null | undefined): (noun: string) => boolean {
  return (noun) => !!lexicon && lexicon.isKindOf(noun, 'person');
}

/** Whether two nouns name opposed or sibling kinds ("women" / "men", "adults" / "children"); never without the lexicon. */
export function contrastingNouns(lexicon: Lexicon | null | undefined): (a: string, b: string) => boolean {
  return (a, b) => {
    if (!lexicon || a === b) return false;
    const r = lexicon.related(a, b).relation;
    return r === 'antonym' || r === 'cohyponym';
  };
}


/**
 * Figures of one measure that disagree across articles. Each figure is compared with its closest counterpart
 * in the other article (one-to-one); when the other article also gives a matching figure for the measure,
 * the two are not in conflict.
 */
export function figureCandidates(
  articles: readonly Article[],
  figuresOf: (a: Article) => readonly FigureFact[],
  related?: (a: string, b: string) => number,
  isPerson?: (noun: string) => boolean,
  contrasting?: (a: string, b: string) => boolean,
  pairSentences: (a: Article, b: Article) => ParallelSentences = storyParallels(),
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const A = figuresOf(articles[i]!);
      const B = figuresOf(articles[j]!);
      // Reports in two languages: which of their sentences say the same.
      const said = pairSentences(articles[i]!, articles[j]!);
      const parallel = (x: FigureFact, y: FigureFact) => said.said(x.sentence, y.sentence);
      // Each figure's sentence says the same as another sentence of the other report: two statements, not one told twice.
      const crossed = (x: FigureFact, y: FigureFact) => said.pairedA.has(x.sentence) && said.pairedB.has(y.sentence) && !parallel(x, y);
      // How many figures of each dimension each sentence gives.
      const kinds = (list: readonly FigureFact[]) => {
        const n = new Map<string, number>();
        for (const f of list) n.set(`${f.sentence}:${f.dimension}`, (n.get(`${f.sentence}:${f.dimension}`) ?? 0) + 1);
        return (f: FigureFact) => n.get(`${f.sentence}:${f.dimension}`) === 1;
      };
      const soleA = kinds(A);
      const soleB = kinds(B);
      if (A.length === 0 || B.length === 0) continue;
      const scored: Scored[] = [];
      for (const x of A) for (const y of B) {
        if (crossed(x, y)) continue;
        const inParallel = parallel(x, y);
        const s = figureAffinity(x, y, related, isPerson, contrasting, inParallel, inParallel && soleA(x) && soleB(y));
        // Figures too far apart to be readings of one measure do not take each other's place in the one-to-one choice
        // (unless said in sentences that say the same in two languages, as near-identical wordings are read in one).
        if (s >= MIN_AFFINITY && (!disjoint(x, y) || inParallel || comparableValues(x, y))) scored.push({ x, y, s, inParallel });
      }
      scored.sort((p, q) => q.s - p.s);
      // A figure one report attributes to a source ("Iran has put the death toll at 31") is that source's tally: it is
      // held against the other report's figure on its own, not settled by the report's own count beside it.
      const sameSource = scored.filter((p) => p.x.source === p.y.source);
      const crossSource = scored.filter((p) => p.x.source !== p.y.source);
      // (A figure already in a conflict of the first reading has its difference shown.)
      const conflicted = new Set<FigureFact>();
      out.push(...oneToOne(sameSource, A, B, conflicted), ...oneToOne(crossSource, A, B, new Set(conflicted)));
    }
  }
  return out;
}

/**
 * The conflicts among scored pairs of two articles' figures, read one-to-one: each figure against its closest
 * counterpart; a figure that agrees with a close counterpart settles its measure. The figures of the conflicts found
 * are added to `conflicted` (those already in it are not read again).
 */
function oneToOne(scored: readonly Scored[], A: readonly FigureFact[], B: readonly FigureFact[], conflicted: Set<FigureFact>): Candidate[] {
  const out: Candidate[] = [];
  const usedX = new Set<FigureFact>(conflicted);
  const usedY = new Set<FigureFact>(conflicted);
  // A figure that agrees with a close counterpart settles the measure for both figures' sentences.
  // (Only a counterpart about as close as the differing one settles it: a looser match elsewhere does not.)
  const agreed = new Map<FigureFact, number>();
  // (A vague count agreeing with a figure settles nothing about two figures: "thousands" meets both "more than
  // 4,000" and "up to 4,000".)
  const agreedExactly = new Map<FigureFact, number>();
  for (const { x, y, s } of scored) {
    if (disjoint(x, y) || oppositeHedges(x, y)) continue;
    for (const f of [x, y]) agreed.set(f, Math.max(agreed.get(f) ?? 0, s));
    if (!x.vague && !y.vague) for (const f of [x, y]) agreedExactly.set(f, Math.max(agreedExactly.get(f) ?? 0, s));
  }
  const settled = (f: FigureFact, exact: boolean) => (exact ? agreedExactly : agreed).get(f) ?? 0;
  for (const { x, y, s, inParallel } of scored) {
    if (usedX.has(x) || usedY.has(y)) continue;
    if (!disjoint(x, y) && !oppositeHedges(x, y)) {
      // A vague count that meets a figure does not take it: "thousands" meets "more than 4,000", which is
      // still to be held against the other report's "up to 4,000".
      if (!x.vague && !y.vague) usedX.add(x), usedY.add(y);
      continue;
    }
    usedX.add(x);
    usedY.add(y);
    // The other statement gives a matching figure too ("252-to-175" / "252 to 175"; "No. 2 ... No. 3"): crossed, not contradicted.
    const mates = (f: FigureFact, list: readonly FigureFact[]) =>
      list.filter((o) => o !== f && o.sentence === f.sentence && o.source === f.source && (!oppositeHedges(x, y) || Math.min(Math.abs(o.value.start - f.value.end), Math.abs(f.value.start - o.value.end)) < 16));
    if (mates(y, B).some((o) => !disjoint(x, o)) || mates(x, A).some((o) => !disjoint(o, y))) continue;
    // Two running lengths that differ by the days between their reports are one length told on two days
    // ("a 17-day protest" on the 1st / "for 18 days" on the 2nd).
    if (x.running && y.running && stillRunning(x, y)) continue;
    const exact = !x.vague && !y.vague;
    if (settled(x, exact) >= 0.8 * s || settled(y, exact) >= 0.8 * s || !(inParallel || comparableValues(x, y))) continue;
    const later = laterOf(x.article, y.article);
    const tx = x.article.text.slice(x.value.start, x.value.end);
    const ty = y.article.text.slice(y.value.start, y.value.end);
    const measure = [x.head, y.head].find((h) => h && !GENERIC.has(h)) ?? x.head ?? y.head ?? 'the figure';
    // Two sources' counts can both be reported: different tallies, not a contradiction.
    const verdict = oppositeHedges(x, y) || x.vague !== y.vague || x.source !== y.source ? 'different-tallies' : later ? 'update' : 'contradiction';
    conflicted.add(x).add(y);
    out.push({
      type: 'number',
      verdict,
      sides: [x, y].map((f) => ({ article: f.article, value: f.value, context: f.context })),
      summary: `Figure for ${measure}: ${outletName(x.article)} gives “${tx}”${given(x)}, ${outletName(y.article)} gives “${ty}”${given(y)}.`,
      salience: 0.9,
      subject: `figure:${measure}`,
      details: { measure },
    });
  }
  return out;
}

export const figureDetector: Detector = {
  type: 'number',
  name: 'figures',
  detect({ articles, facts, related, lexicon, parallel }) {
    return figureCandidates(articles, (a) => (facts.get(a.id) ?? []).filter((f): f is FigureFact => f.kind === 'figure'), related, personNoun(lexicon), contrastingNouns(lexicon), parallel);
  },
};
