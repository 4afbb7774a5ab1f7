// Incremental story clustering. Each article is compared with the articles an inverted index over
// heavy terms proposes (never with every story) and scored on text, names and time; the scores are
// kept as edges of an article graph. Two stories link when each article of the smaller one links to
// the other by the mean of its `support` best edges: a few strong pairs are not enough to join two big
// stories (no chaining). Each edge is also corrected for hubness (the level its two articles reach with
// their other neighbours). On arrival an article only proposes the story it links to best on strong
// evidence (wire copies join their original at once); the settled view (what queries see) merges stories
// best link first on the corrected links, with the levels known by then; its merges of the last
// `reviewWindow` arrivals are undone and decided again at each settling, so asking after every article
// gives the stories of asking once. Older merges stay, and since decisions rest on the edges between
// stories rather than on who came first, arrival order matters little.
import type { Article } from '../model/document.js';
import type { Assignment, StoryClusterer, StoryLabel } from './types.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { createTermStats, loadBackground, type Background } from './term-stats.js';
import { createFeatureContext, extractFeatures, DEFAULT_FEATURE_OPTIONS, type ArticleFeatures, type FeatureOptions } from './features.js';
import { dot, type SparseVector } from './sparse.js';
import { EdgeLists } from './edge-lists.js';
import { sketchOverlap, DEFAULT_DUPLICATE_OPTIONS, type DuplicateOptions } from './shingles.js';
import { labelStory, loadPlaces, type LabelInput } from './labels.js';
import { readableSignature, sharedCount, storedSignature, type EventSignature } from './signature.js';
import { eventScore, loadSameEventModel, pairFeatures, placeSpecificity, PAIR_FEATURES, type SameEventModel } from './same-event.js';

export interface ClusterOptions {
  /** Link an article to a story when its score with one of the story's articles reaches this. */
  threshold: number;
  /** Share of the score given to shared names (the rest to the whole text). */
  nameWeight: number;
  /** Articles published this many days apart or fewer are not penalised. */
  timeWindowDays: number;
  /** Beyond the window, the score decays by e every this many days. */
  timeDecayDays: number;
  /** Same-period evidence: both published within the window multiplies the score by this. */
  dateBoost: number;
  /** Undated reports naming the same first weekday (the day of the event): score times this. */
  weekdayBoost: number;
  /** Undated reports naming different first weekdays: score times this. */
  weekdayMismatch: number;
  /** An article's link to a story is the mean of its `support` best pair scores there (fewer when the
   * story is smaller): 1 is single link; larger values ask more of the story's articles to agree. */
  support: number;
  /** Only the latest entries of each posting list are read (news streams move on). */
  postingsScan: number;
  /** Candidates scored exactly per article. */
  maxCandidates: number;
  /** Candidates must share this many index terms. */
  minSharedTerms: number;
  duplicates: DuplicateOptions;
  /** Pair scores below this share of the threshold are not kept as edges (they count as 0). */
  edgeFloor: number;
  /** Edges kept per article when it arrives (the best ones). */
  maxEdges: number;
  /** Near-duplicate check only between articles at least this similar in text. */
  duplicateMinCosine: number;
  features: FeatureOptions;
  /** Count the stream's own documents in IDF (besides the background corpus). */
  streamIdf: boolean;
  /** Hubness correction: each edge loses this share of the mean neighbourhood level of its two articles
   * (0: off, stories then join and merge on the plain link alone). */
  hubPenalty: number;
  /** An article's neighbourhood level: the mean of its best this many edges (to articles outside its own
   * story that are not copies). */
  hubNeighbours: number;
  /** On arrival (levels still partial) an article proposes a story (the one `add` reports) when the plain
   * link reaches `threshold` and the corrected link this, with levels that leave out the story joined: a new report of a big
   * event has all its neighbours in that event's story, and counting them as competitors kept it out
   * (a stream with one 1,000-report event left it in 330 pieces). */
  arrivalMargin: number;
  /** In the settled view, stories merge when the corrected link reaches this. */
  settleMargin: number;
  /** What an article's missing best edges count in its level, as a share of `threshold`: an article
   * with few neighbours seen (early in a stream, in a small one) is not taken for one in a quiet
   * neighbourhood. */
  hubPrior: number;
  /** Reports of a series (this week's and next week's jobless claims): published beyond the window, on
   * other event days, with key figures none of which they share: score times this. */
  seriesPenalty: number;
  /** Merges of the settled view made within this many arrivals are decided again at the next settling
   * (with the edges and levels known by then); older ones stay. */
  reviewWindow: number;
  /** A plain link this strong joins whatever the neighbourhood: in a big event reported many times each
   * report's neighbours are the event's other reports, and while the event is still in pieces the
   * corrected link between the pieces stays near 0 (a 150-report undated event stayed in 91 pieces). */
  strongLink: number;
  /** Articles published more than this many days apart are no candidates: they give up their slots
   * (`maxCandidates`) before the cut. They could make no edge anyway (beyond the scoring horizon, about
   * two weeks, pairs are not scored); a long stream holds many far-apart reports of recurring topics, and
   * the longer the stream the more of the slots they took from the event's own reports (synthetic stream
   * of one source story every few weeks: F1 0.869 at 10k articles, 0.850 at 100k). Within a year they
   * keep their slots: dropping every report beyond the horizon let more reports of other shootings of
   * the same weeks be scored (GVC precision 0.983 -> 0.961; half a year: 0.974). */
  candidateDays: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.45,
  nameWeight: 0.1,
  dateBoost: 2,
  weekdayBoost: 1.2,
  weekdayMismatch: 0.5,
  support: 3,
  timeWindowDays: 3,
  timeDecayDays: 4,
  postingsScan: 200,
  maxCandidates: 30,
  minSharedTerms: 2,
  edgeFloor: 0.25,
  maxEdges: 24,
  duplicates: DEFAULT_DUPLICATE_OPTIONS,
  duplicateMinCosine: 0.5,
  features: DEFAULT_FEATURE_OPTIONS,
  streamIdf: true,
  hubPenalty: 1,
  hubNeighbours: 5,
  arrivalMargin: 0.3,
  settleMargin: 0.05,
  hubPrior: 0.5,
  strongLink: 0.5,
  candidateDays: 365,
  seriesPenalty: 0.3,
  reviewWindow: 500,
};

export interface ClustererDeps {
  lexicon?: Lexicon;
  background?: Background;
  /** Place names for labels (lower case); default: countries and capitals from world-countries. */
  places?: Set<string>;
  /** The same-event scorer (default: models/same-event.json; null: text, names and time only). */
  model?: SameEventModel | null;
  /** Called with every pair scored (article indexes in arrival order, newer first) and its features:
   * how the training script sees the pairs the clusterer actually weighs. */
  onPair?: (i: number, j: number, features: Float64Array) => void;
}

export interface PairScore {
  score: number;
  text: number;
  names: number;
}

export interface PairExplanation extends PairScore {
  /** Cosine of the title + lead vectors (null when the clusterer did not keep them). */
  title: number | null;
  /** The same-event model's probability (null without a model). */
  probability: number | null;
  features: Record<string, number>;
}

/** The score of two articles' features, with the model's inputs (for `cluster --explain`). */
export function pairScore(a: ArticleFeatures, b: ArticleFeatures, o: ClusterOptions, model: SameEventModel | null = loadSameEventModel(), placeWeight?: (place: number) => number, headKept = true): PairExplanation {
  const text = dot(a.terms, b.terms);
  const names = a.names.ids.length && b.names.ids.length ? dot(a.names, b.names) : text;
  const title = headKept ? dot(a.head, b.head) : 0;
  const base = combineScores(text, names, a, b, o).score;
  const x = pairFeatures({ text, base, names, title, weekdayA: a.weekday, weekdayB: b.weekday, a: a.signature, b: b.signature, ...(placeWeight ? { placeWeight } : {}) });
  const features = Object.fromEntries(PAIR_FEATURES.map((f, k) => [f, x[k]!]));
  const shownTitle = headKept ? title : null;
  if (!model) return { ...combineScores(text, names, a, b, o), title: shownTitle, probability: null, features };
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k]! * x[k]!;
  return { score: eventScore(model, x, o.threshold), text, names, title: shownTitle, probability: 1 / (1 + Math.exp(-z)), features };
}

/** Both reports give key figures and share none of them. A follow-up published days after its event
 * names the event's day or repeats its figures (the toll, the suspect's age); the next report of a series
 * (next week's jobless claims, next month's inflation) has a day and figures of its own. */
function seriesFigures(a: EventSignature, b: EventSignature): boolean {
  return a.figures.length > 0 && b.figures.length > 0 && sharedCount(a.figures, b.figures) === 0;
}

/** The pair score from its text and name cosines, with time as evidence. */
function combineScores(text: number, names: number, a: ArticleFeatures, b: ArticleFeatures, o: ClusterOptions): PairScore {
  let score = (1 - o.nameWeight) * text + o.nameWeight * names;
  // Time is evidence both ways: the same days make a shared event likelier, distant days unlikelier. A
  // follow-up published days later that names the event's day (the funeral of Monday's victims, the
  // charges in the June 2 shooting) is as near as the event itself: the gap is the smaller of the
  // publication gap and the event-day gap.
  if (a.day !== null && b.day !== null) {
    const ea = a.signature.eventDay;
    const eb = b.signature.eventDay;
    const pubGap = Math.abs(a.day - b.day);
    const gap = ea !== null && eb !== null ? Math.min(pubGap, Math.abs(ea - eb)) : pubGap;
    score *= o.dateBoost * (gap > o.timeWindowDays ? Math.exp(-(gap - o.timeWindowDays) / o.timeDecayDays) : 1);
    if (pubGap > o.timeWindowDays && ea !== null && eb !== null && ea !== eb && seriesFigures(a.signature, b.signature)) score *= o.seriesPenalty;
  } else if (a.weekday && b.weekday) score *= a.weekday === b.weekday ? o.weekdayBoost : o.weekdayMismatch;
  return { score, text, names };
}

/** A vector spread over a dense array (by term id), so that dots with it are one pass over the other. */
class DenseQuery {
  values = new Float64Array(1024);
  private ids: Int32Array = new Int32Array(0);
  set(v: SparseVector): void {
    this.clear();
    const last = v.ids.length ? v.ids[v.ids.length - 1]! : 0;
    if (last >= this.values.length) this.values = new Float64Array(Math.max(last + 1, this.values.length * 2));
    for (let k = 0; k < v.ids.length; k++) this.values[v.ids[k]!] = v.weights[k]!;
    this.ids = v.ids;
  }
  clear(): void {
    for (let k = 0; k < this.ids.length; k++) this.values[this.ids[k]!] = 0;
    this.ids = new Int32Array(0);
  }
  /** Dot with `v` (ids beyond the array are absent from the query). */
  dot(v: SparseVector): number {
    const values = this.values;
    const ids = v.ids;
    const w = v.weights;
    let s = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (id < values.length) s += w[k]! * values[id]!;
    }
    return s;
  }
}

/** Max-heap of story pairs by link. */
class PairHeap {
  private items: Array<{ l: number; a: number; b: number }> = [];
  size(): number {
    return this.items.length;
  }
  push(l: number, a: number, b: number): void {
    const h = this.items;
    h.push({ l, a, b });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (h[p]!.l >= h[i]!.l) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): { l: number; a: number; b: number } {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.l > h[m]!.l) m = l;
        if (r < h.length && h[r]!.l > h[m]!.l) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

const NO_TERMS: number[] = [];
/** Entries of each of the clusterer's caches (links and merged versions by story versions) before it is
 * forgotten: settling reuses mostly those of the last `reviewWindow` arrivals; at a million entries each the
 * caches held several hundred MB of a 1M stream. */
const CACHE_ENTRIES = 200_000;
const storyNumber = (name: string): number => Number(name.slice(1));

/** Published within the window, or undated. */
function sameTime(a: ArticleFeatures, b: ArticleFeatures, o: ClusterOptions): boolean {
  return a.day === null || b.day === null || Math.abs(a.day - b.day) <= o.timeWindowDays;
}

interface Node {
  id: string;
  title: string | null;
  published: string | null;
  features: ArticleFeatures;
  duplicateOf: string | null;
  /** The signature's readable names, packed (see `storedSignature`). */
  signatureNames: string;
}

export interface ClusterStats {
  articles: number;
  stories: number;
  merges: number;
  candidatesScored: number;
  duplicates: number;
}

export interface StoryClustererExt extends StoryClusterer {
  /** Assignments of every article so far, with story ids after merges. */
  assignments(): Assignment[];
  stats(): ClusterStats;
  /** Run the merges pending since the last query (queries do it themselves). */
  settle(): void;
  /** Why two articles seen are or are not one story: their signatures and the pair's score. */
  explain(a: string, b: string): PairReport | undefined;
}

export interface PairReport {
  sameStory: boolean;
  /** Whether the pair itself was an edge of the article graph (scored as candidates, above the floor). */
  edge: boolean;
  threshold: number;
  pair: PairExplanation;
  articles: Array<{ id: string; title: string | null; published: string | null; story: string; signature: EventSignature; lead: string }>;
}

export function createStoryClusterer(options: Partial<ClusterOptions> = {}, deps: ClustererDeps = {}): StoryClustererExt {
  const o: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const lexicon = deps.lexicon ?? createLexicon();
  let gazetteer: Set<string> | undefined;
  const places = () => (gazetteer ??= deps.places ?? loadPlaces());
  const stats = createTermStats(deps.background ?? loadBackground(), o.streamIdf);
  const featureContext = createFeatureContext(lexicon, stats);
  const nodes: Node[] = [];
  const parent: number[] = [];
  /** Per article: neighbours and scores (packed: see edge-lists.ts). */
  const edges = new EdgeLists();
  const members = new Map<number, number[]>(); // root -> article indexes
  const storyName = new Map<number, string>(); // root -> story id ('' while not yet named)
  const independent = new Map<number, number>(); // root -> articles that are not wire copies
  // What each article's arrival reported (the rest of its assignment is in `nodes`), two numbers an
  // article rather than an object with its strings.
  const arrivalScore: number[] = [];
  const arrivedNew: boolean[] = [];
  const byId = new Map<string, number>();
  const postings: number[][] = [];
  let storyCount = 0;
  let merges = 0;
  let scored = 0;
  let duplicates = 0;
  const queryTerms = new DenseQuery();
  const queryNames = new DenseQuery();
  const queryHead = new DenseQuery();
  const model = deps.model === undefined ? loadSameEventModel() : deps.model;
  const onPair = deps.onPair;
  // The title + lead vector only when something reads it (the model, or the caller's onPair).
  const headKept = o.features.head && (onPair !== undefined || (model !== null && model.weights[PAIR_FEATURES.indexOf('title')] !== 0));
  const featureOptions: FeatureOptions = { ...o.features, head: headKept };
  const pairX = new Float64Array(PAIR_FEATURES.length);
  /** Per place (hashed): how many articles of the stream name it. */
  const placeCount = new Map<number, number>();
  const placeWeight = (place: number): number => placeSpecificity(placeCount.get(place) ?? 1, nodes.length + 1);
  // Scratch accumulator over article indexes, reset through `touched`.
  let hits = new Int32Array(1024);
  /** Publication day of each article (NaN when undated: never too far). */
  const days: number[] = [];
  // Beyond this many days apart even identical texts score under the edge floor (time decays the score),
  // and copies must be within the window.
  const horizon = Math.max(o.timeWindowDays, o.timeWindowDays + o.timeDecayDays * Math.log(o.dateBoost / (o.edgeFloor * o.threshold)));
  let perCount = new Int32Array(32);
  /** Articles published further apart than this are no candidates (never nearer than the horizon). */
  const candidateHorizon = Math.max(horizon, o.candidateDays);

  // No path compression: a merge of the settled view can be undone (see `settle`), and union by size
  // keeps every path short (log2 of the story's size).
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i]!;
    return i;
  };
  /** A story's id, given when first asked for (an article that arrives proposing another story has none
   * until the settled view leaves it on its own). */
  const nameOf = (root: number): string => {
    if (storyName.get(root) === '') storyName.set(root, `s${++storyCount}`);
    return storyName.get(root)!;
  };
  const older = (a: string, b: string) => (a === '' ? b : b === '' ? a : storyNumber(a) <= storyNumber(b) ? a : b);
  /** Every merge, in order, with what undoing it needs; `arrival` is the article count when it was made,
   * `copy` the article pair of a wire copy joining its original (made again after an undo). */
  const journal: Array<{ ra: number; rb: number; raLength: number; rbMembers: number[]; nameA: string; nameB: string; rbIndependent: number; counted: boolean; arrival: number; copy: [number, number] | null; raVersion: number; unionVersion: number }> = [];
  // Versions, so that links and levels computed once are reused while their stories stay as they were
  // (each settling undoes and redoes the merges of the last `reviewWindow` arrivals, mostly to the same
  // stories). `version[r]` names the state of the tree under `r` (its members, in order, and their
  // edges): an edge added to an article gives every node on its path to the root a new version; a merge
  // gives its root the version that merge of those two states always gets; an undo gives back the
  // version from before the merge unless an edge came in since.
  const version: number[] = [];
  let clock = 0;
  const mergedVersions = new Map<number, Map<number, number>>();
  let mergedCount = 0;
  const mergedVersion = (va: number, vb: number): number => {
    let inner = mergedVersions.get(va);
    if (!inner) mergedVersions.set(va, (inner = new Map()));
    let v = inner.get(vb);
    if (v === undefined) {
      inner.set(vb, (v = ++clock));
      // Forgetting only costs recomputation.
      if (++mergedCount > CACHE_ENTRIES) {
        mergedVersions.clear();
        mergedCount = 0;
      }
    }
    return v;
  };
  /** `x` gained edges: every state holding it changes. */
  const touch = (x: number) => {
    version[x] = ++clock;
    while (parent[x] !== x) {
      x = parent[x]!;
      version[x] = ++clock;
    }
  };
  const union = (a: number, b: number, arrival = nodes.length, copy: [number, number] | null = null): number => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return ra;
    // The bigger member list absorbs the smaller; the older story keeps its id.
    if (members.get(ra)!.length < members.get(rb)!.length) [ra, rb] = [rb, ra];
    const nameA = storyName.get(ra)!;
    const nameB = storyName.get(rb)!;
    const counted = nameA !== '' && nameB !== ''; // two existing stories become one
    if (counted) merges++;
    const raMembers = members.get(ra)!;
    const rbMembers = members.get(rb)!;
    const raVersion = version[ra]!;
    const unionVersion = mergedVersion(raVersion, version[rb]!);
    version[ra] = unionVersion;
    journal.push({ ra, rb, raLength: raMembers.length, rbMembers, nameA, nameB, rbIndependent: independent.get(rb)!, counted, arrival, copy, raVersion, unionVersion });
    // Merges older than the window are never undone: forgotten (in batches, so the cost stays linear).
    if (journal.length >= 2048 && journal[1023]!.arrival < nodes.length - o.reviewWindow) {
      let k = 1024;
      while (k < journal.length && journal[k]!.arrival < nodes.length - o.reviewWindow) k++;
      journal.splice(0, k);
    }
    parent[rb] = ra;
    for (const x of rbMembers) raMembers.push(x);
    members.delete(rb);
    independent.set(ra, independent.get(ra)! + independent.get(rb)!);
    independent.delete(rb);
    storyName.delete(rb);
    storyName.set(ra, older(nameA, nameB));
    return ra;
  };
  /** Undoes the last merge of the journal. */
  const undoLast = () => {
    const e = journal.pop()!;
    const { ra, rb } = e;
    parent[rb] = rb;
    version[ra] = version[ra] === e.unionVersion ? e.raVersion : ++clock;
    members.get(ra)!.length = e.raLength;
    members.set(rb, e.rbMembers);
    independent.set(ra, independent.get(ra)! - e.rbIndependent);
    independent.set(rb, e.rbIndependent);
    // A name given to the merged story stays with its bigger part.
    const now = storyName.get(ra)!;
    storyName.set(ra, e.nameA !== '' || e.nameB !== '' ? e.nameA : now);
    storyName.set(rb, e.nameB);
    if (e.counted) merges--;
    return e;
  };

  // Hubness correction (as CSLS in cross-lingual word retrieval): an article on a busy topic (one of many
  // vaccine-mandate pieces) scores well with many articles that report other events; what shows a shared
  // event is a score above the level both articles usually reach with their nearest neighbours (offline, for
  // AllSides pairs of text cosine 0.2-0.4: same-story AUC 0.72 by plain score, 0.91 corrected). An
  // article's level leaves out its own story: in a story of ten reports its nearest neighbours are its
  // story-mates, and counting them would split the story (on the synthetic bench stream, recall of
  // 6-article stories fell from 0.94 to 0.76 with them counted).
  const edgeMode = o.hubPenalty > 0;
  /** Articles whose edges changed since the settled view was last brought up to date. */
  const pending = new Set<number>();
  const levelTop: number[] = [];
  /** Mean of the `hubNeighbours` best edges of `x` to (non-copy) articles outside its story `own` and
   * story `also` (missing ones count `hubPrior` times the threshold). */
  /** Per article: the version of its story when its level (leaving out that story alone) was kept. */
  const levelVersion: number[] = [];
  const levelValue: number[] = [];
  const level = (x: number, own: number, also = own): number => {
    const cacheable = also === own;
    if (cacheable && levelVersion[x] === version[own]) return levelValue[x]!;
    levelTop.length = 0;
    const k = o.hubNeighbours;
    for (let q = edges.begin(x), end = q + edges.count(x); q < end; q++) {
      const s = edges.score(q);
      if (levelTop.length === k && s <= levelTop[k - 1]!) continue;
      const j = edges.target(q);
      if (nodes[j]!.duplicateOf !== null) continue;
      const r = find(j);
      if (r === own || r === also) continue;
      let p = levelTop.length;
      while (p > 0 && levelTop[p - 1]! < s) p--;
      levelTop.splice(p, 0, s);
      if (levelTop.length > k) levelTop.pop();
    }
    let sum = (k - levelTop.length) * o.hubPrior * o.threshold;
    for (const v of levelTop) sum += v;
    if (cacheable) {
      levelVersion[x] = version[own]!;
      levelValue[x] = sum / k;
    }
    return sum / k;
  };
  /**
   * How strongly two stories link: every (non-copy) article of the smaller story scores the mean of its
   * `support` best edges into the other, and those scores are averaged. A few strong pairs between two
   * big stories of one broad topic are not enough (pooling the best edges of all pairs chained a 73-article
   * "vaccines" story on AllSides); each article of the smaller story must belong. Wire copies are left
   * out: their original speaks for them.
   * Returns the plain link and the link with the hubness correction; with `exclusive`, each article's
   * level leaves out the other story as well (how much better the other story is than the rest).
   */
  const linkOut = { raw: 0, corrected: 0 };
  // Scratch of `link` (pairs of score, article; their order by score), kept between calls.
  const scores: number[] = [];
  const order: number[] = [];
  /** Links kept by the versions of their two stories (ordered: on a tie of sizes the first is `small`). */
  const linkCache = new Map<number, Map<number, [number, number]>>();
  let linkCount = 0;
  const link = (ra: number, rb: number, exclusive = false): typeof linkOut => {
    const va = version[ra]!;
    const vb = version[rb]!;
    if (!exclusive) {
      const hit = linkCache.get(va)?.get(vb);
      if (hit) {
        linkOut.raw = hit[0];
        linkOut.corrected = hit[1];
        return linkOut;
      }
    }
    const [small, other] = members.get(ra)!.length <= members.get(rb)!.length ? [ra, rb] : [rb, ra];
    const k = Math.max(1, Math.min(o.support, independent.get(other)!));
    let raw = 0;
    let corrected = 0;
    let count = 0;
    for (const x of members.get(small)!) {
      if (nodes[x]!.duplicateOf !== null) continue;
      count++;
      scores.length = 0;
      for (let q = edges.begin(x), end = q + edges.count(x); q < end; q++) {
        const j = edges.target(q);
        if (nodes[j]!.duplicateOf === null && find(j) === other) scores.push(edges.score(q), j);
      }
      // Best `k` by plain score (pairs of score, article).
      order.length = 0;
      for (let q = 0; q < scores.length; q += 2) order.push(q);
      order.sort((a, b) => scores[b]! - scores[a]!);
      let sumRaw = 0;
      let sumCorrected = 0;
      const hx = edgeMode ? level(x, small, exclusive ? other : small) : 0;
      const used = Math.min(k, order.length);
      for (let q = 0; q < used; q++) {
        const s = scores[order[q]!]!;
        sumRaw += s;
        sumCorrected += s - (edgeMode ? (o.hubPenalty * (hx + level(scores[order[q]! + 1]!, other, exclusive ? small : other))) / 2 : 0);
      }
      // A missing edge scored under the floor: corrected, at most 0 minus the article's own level.
      sumCorrected -= (k - used) * o.hubPenalty * hx;
      raw += sumRaw / k;
      corrected += sumCorrected / k;
    }
    linkOut.raw = count ? raw / count : 0;
    linkOut.corrected = count ? corrected / count : 0;
    if (!exclusive) {
      if (++linkCount > CACHE_ENTRIES) {
        linkCache.clear();
        linkCount = 0;
      }
      let inner = linkCache.get(va);
      if (!inner) linkCache.set(va, (inner = new Map()));
      inner.set(vb, [linkOut.raw, linkOut.corrected]);
    }
    return linkOut;
  };
  /** The corrected link when two stories may merge in the settled view, else -Infinity. */
  const settledLink = (ra: number, rb: number): number => {
    const { raw, corrected } = link(ra, rb);
    if (!edgeMode) return raw >= o.threshold ? raw : -Infinity;
    return corrected >= o.settleMargin || raw >= o.strongLink ? corrected : -Infinity;
  };
  /** Pushes onto `heap` every story linked to `root` by an edge that may merge with it. */
  // Stories already offered in this call: marked with the call's number (no set built per call).
  const offeredIn: number[] = [];
  let offerCall = 0;
  const offerPairs = (heap: PairHeap, root: number) => {
    const call = ++offerCall;
    offeredIn[root] = call;
    for (const x of members.get(root)!) {
      for (let q = edges.begin(x), end = q + edges.count(x); q < end; q++) {
        const r = find(edges.target(q));
        if (offeredIn[r] === call) continue;
        offeredIn[r] = call;
        const l = settledLink(root, r);
        if (l > -Infinity) heap.push(l, root, r);
      }
    }
  };
  /**
   * The settled view: merges decided with the neighbourhood levels known now, best link first (average
   * linkage on the corrected edges). On arrival an article joins only on strong evidence, because its
   * level and its neighbours' are still partial (early in a stream every level is too low, and a merge
   * cannot be undone); the merges that needed full levels happen here, when stories are asked for. Only
   * stories that gained edges since the last settling are looked at. Levels here leave out only each
   * article's own story: leaving out the other one as well chained stories of a topic on AllSides
   * (F1 0.64 in a trial), where on arrival the plain threshold holds that back.
   */
  const settle = () => {
    if (pending.size === 0) return;
    // The merges of the last `reviewWindow` arrivals are undone and decided again with the edges and levels
    // known now: a caller that asks for stories after every article (the server) otherwise fixed each merge
    // with the levels of a younger stream (AllSides end-of-stream F1 0.740 against 0.812 asked once).
    // Wire copies join their originals again at once.
    const copies: Array<[number, number, number]> = [];
    while (journal.length && journal[journal.length - 1]!.arrival >= nodes.length - o.reviewWindow) {
      const e = undoLast();
      if (e.copy) copies.push([e.copy[0], e.copy[1], e.arrival]);
      else pending.add(e.ra).add(e.rb);
    }
    for (let q = copies.length - 1; q >= 0; q--) union(copies[q]![0], copies[q]![1], copies[q]![2], [copies[q]![0], copies[q]![1]]);
    const heap = new PairHeap();
    const roots = new Set<number>();
    for (const x of pending) roots.add(find(x));
    pending.clear();
    for (const r of roots) offerPairs(heap, r);
    while (heap.size() > 0) {
      const { l, a, b } = heap.pop();
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      const now = settledLink(ra, rb);
      if (now === -Infinity) continue;
      // A story changed since this pair was offered: offer it again at its current link.
      if (now < l - 1e-12) {
        heap.push(now, ra, rb);
        continue;
      }
      offerPairs(heap, union(ra, rb));
    }
  };
  const candidates = (f: ArticleFeatures, n: number): number[] => {
    if (hits.length < n) {
      const next = new Int32Array(Math.max(n, hits.length * 2));
      next.set(hits);
      hits = next;
    }
    const touched: number[] = [];
    for (const t of f.top) {
      const list = postings[t];
      if (!list) continue;
      for (let k = Math.max(0, list.length - o.postingsScan); k < list.length; k++) {
        const j = list[k]!;
        if (hits[j] === 0) touched.push(j);
        hits[j]!++;
      }
    }
    // The best `maxCandidates` by shared terms (ties: the latest), without sorting every article touched:
    // count per number of shared terms, find the cut, and sort only what is kept.
    const most = f.top.length;
    if (perCount.length < most + 1) perCount = new Int32Array(most + 1);
    perCount.fill(0);
    // Far-apart articles give up their slots (see `candidateDays`); undated ones are never far.
    const day = f.day ?? NaN;
    for (const j of touched) {
      const gap = day - days[j]!;
      if (gap > candidateHorizon || gap < -candidateHorizon) hits[j] = 0;
      else if (hits[j]! >= o.minSharedTerms) perCount[hits[j]!]!++;
    }
    let cut = o.minSharedTerms;
    let above = 0;
    for (let h = most; h >= o.minSharedTerms; h--) {
      if (above + perCount[h]! >= o.maxCandidates) {
        cut = h;
        break;
      }
      above += perCount[h]!;
    }
    const out: number[] = [];
    const atCut: number[] = [];
    for (const j of touched) {
      const h = hits[j]!;
      if (h > cut) out.push(j);
      else if (h === cut) atCut.push(j);
    }
    if (out.length + atCut.length > o.maxCandidates) {
      const latest = Int32Array.from(atCut).sort();
      for (let q = latest.length - 1; q >= 0 && out.length < o.maxCandidates; q--) out.push(latest[q]!);
    } else for (const j of atCut) out.push(j);
    out.sort((a, b) => hits[b]! - hits[a]! || b - a);
    for (const j of touched) hits[j] = 0;
    return out;
  };

  const index = (f: ArticleFeatures, i: number) => {
    for (const t of f.top) {
      let list = postings[t];
      if (!list) postings[t] = list = [];
      list.push(i);
      // Only the latest `postingsScan` entries are ever read: older ones are dropped (in batches, so the
      // cost stays linear); a 1M stream kept 20M entries, most never to be read again.
      if (list.length >= 2 * o.postingsScan) list.splice(0, list.length - o.postingsScan);
    }
  };

  return {
    add(article: Article): Assignment {
      const f = extractFeatures(article, featureContext, featureOptions);
      const i = nodes.length;
      const found: Array<{ j: number; score: number }> = [];
      let dup: { j: number; c: number } | null = null;
      queryTerms.set(f.terms);
      queryNames.set(f.names);
      queryHead.set(f.head);
      const day = f.day ?? NaN;
      for (const place of f.signature.places) placeCount.set(place, (placeCount.get(place) ?? 0) + 1);
      for (const j of candidates(f, i + 1)) {
        // Too far apart in time for an edge or a copy, whatever the texts: not worth scoring.
        const gap = day - days[j]!;
        if (gap > horizon || gap < -horizon) continue;
        const other = nodes[j]!;
        const text = queryTerms.dot(other.features.terms);
        const names = f.names.ids.length && other.features.names.ids.length ? queryNames.dot(other.features.names) : text;
        let s: PairScore;
        if (model || onPair) {
          pairFeatures({ text, base: combineScores(text, names, f, other.features, o).score, names, title: queryHead.dot(other.features.head), weekdayA: f.weekday, weekdayB: other.features.weekday, a: f.signature, b: other.features.signature, placeWeight }, pairX);
          onPair?.(i, j, pairX);
        }
        if (model) s = { score: eventScore(model, pairX, o.threshold), text, names };
        else s = combineScores(text, names, f, other.features, o);
        scored++;
        if (s.score >= o.edgeFloor * o.threshold) found.push({ j, score: s.score });
        // A copy is the same report: it must also be close in time (old text reused later is not a copy).
        if (s.text >= o.duplicateMinCosine && sameTime(f, other.features, o)) {
          const c = sketchOverlap(f.sketch, other.features.sketch).containment;
          if (c >= o.duplicates.minContainment && (!dup || c > dup.c)) dup = { j, c };
        }
      }
      found.sort((a, b) => b.score - a.score || a.j - b.j);
      const duplicateOf = dup ? (nodes[dup.j]!.duplicateOf ?? nodes[dup.j]!.id) : null;
      const mine: number[] = [];
      pending.add(i);
      for (const { j, score } of found.slice(0, o.maxEdges)) {
        mine.push(j, score);
        edges.push(j, i, score);
        touch(j);
        pending.add(j);
      }
      if (duplicateOf) duplicates++;
      const kept = storedSignature(f.signature);
      f.signature = kept.signature;
      nodes.push({ id: article.id, title: article.title, published: article.published, features: f, duplicateOf, signatureNames: kept.names });
      edges.append(mine);
      parent.push(i);
      version.push(++clock);
      members.set(i, [i]);
      independent.set(i, duplicateOf ? 0 : 1);
      storyName.set(i, '');
      byId.set(article.id, i);
      days.push(f.day ?? NaN);
      // A wire copy is not indexed: its original stands for it (links and levels leave copies out), and
      // copies took the candidate slots of other reports.
      if (!duplicateOf) index(f, i);
      // The index keys serve arrival only (candidates, postings): not kept per article.
      f.top = NO_TERMS;

      let score = 0;
      // A wire copy goes where its original is.
      if (dup) {
        score = dup.c;
        union(i, dup.j, i, [i, dup.j]);
      }
      // The story the article would join now (the best-linked one on strong evidence), reported but not
      // joined: joining waits for the settled view, where merges are decided best link first over the
      // whole graph, so that they rest on the edges rather than on which article came first. Joining on
      // arrival made the stories depend on arrival order (ECB+ odd topics: F1 over five orders moved by
      // 0.016; deferred, 0.002) and cost F1 (0.897 -> 0.901); a caller that asks for stories after every
      // article gets the same stories either way.
      const mineRoot = find(i);
      let proposed = mineRoot;
      let best = -Infinity;
      let bestRaw = 0;
      const seen = new Set<number>([mineRoot]);
      for (let q = 0; q < mine.length; q += 2) {
        const r = find(mine[q]!);
        if (seen.has(r)) continue;
        seen.add(r);
        const { raw, corrected } = link(mineRoot, r, true);
        const l = edgeMode ? corrected : raw;
        if (raw >= o.threshold && (!edgeMode || corrected >= o.arrivalMargin || raw >= o.strongLink) && l > best) {
          best = l;
          bestRaw = raw;
          proposed = r;
        }
      }
      if (score === 0) score = bestRaw;
      const isNewStory = proposed === mineRoot && storyName.get(mineRoot) === '';
      // A wire copy is reported in its original's story.
      const story = nameOf(dup ? mineRoot : proposed);
      const assignment: Assignment = { article: article.id, story, isNewStory, score, duplicateOf };
      arrivalScore.push(score);
      arrivedNew.push(isNewStory);
      return assignment;
    },
    settle,
    explain(a, b) {
      settle();
      const i = byId.get(a);
      const j = byId.get(b);
      if (i === undefined || j === undefined) return undefined;
      const side = (k: number) => {
        const n = nodes[k]!;
        return { id: n.id, title: n.title, published: n.published, story: nameOf(find(k)), signature: readableSignature(n.features.signature, n.signatureNames), lead: n.features.lead };
      };
      let edge = false;
      for (let q = edges.begin(i), end = q + edges.count(i); q < end; q++) if (edges.target(q) === j) edge = true;
      return { sameStory: find(i) === find(j), edge, threshold: o.threshold, pair: pairScore(nodes[i]!.features, nodes[j]!.features, o, model, placeWeight, headKept), articles: [side(i), side(j)] };
    },
    storyOf(articleId) {
      settle();
      const i = byId.get(articleId);
      return i === undefined ? undefined : nameOf(find(i));
    },
    assignments() {
      settle();
      return nodes.map((n, i) => ({ article: n.id, story: nameOf(find(i)), isNewStory: arrivedNew[i]!, score: arrivalScore[i]!, duplicateOf: n.duplicateOf }));
    },
    stories(): StoryLabel[] {
      settle();
      const out: StoryLabel[] = [];
      for (const [root, list] of members) {
        const input: LabelInput[] = list.map((k) => nodes[k]!);
        out.push(labelStory(nameOf(root), input, places()));
      }
      return out.sort((a, b) => storyNumber(a.story) - storyNumber(b.story));
    },
    stats: () => ({ articles: nodes.length, stories: members.size, merges, candidatesScored: scored, duplicates }),
  };
}
