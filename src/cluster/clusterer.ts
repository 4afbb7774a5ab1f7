// Incremental story clustering. Each article is compared with the articles an inverted index over
// heavy terms proposes (never with every story), scored on text, names and time, and linked to every
// story it matches above the threshold: it joins the best and the others merge into it. Linking by
// article pairs (single link over a thresholded graph) makes the result nearly independent of
// arrival order: the same pairs are linked whatever comes first.
import type { Article } from '../model/document.js';
import type { Assignment, StoryClusterer, StoryLabel } from './types.js';
import { createLexicon, type Lexicon } from './lexicon.js';
import { createTermStats, loadBackground, type Background } from './term-stats.js';
import { extractFeatures, DEFAULT_FEATURE_OPTIONS, type ArticleFeatures, type FeatureOptions } from './features.js';
import { dot, topIds } from './sparse.js';
import { sketchOverlap, DEFAULT_DUPLICATE_OPTIONS, type DuplicateOptions } from './shingles.js';
import { labelStory, loadPlaces, type LabelInput } from './labels.js';

export interface ClusterOptions {
  /** Link an article to a story when its score with one of the story's articles reaches this. */
  threshold: number;
  /** Share of the score given to shared names (the rest to the whole text). */
  nameWeight: number;
  /** Articles published this many days apart or fewer are not penalised. */
  timeWindowDays: number;
  /** Beyond the window, the score decays by e every this many days. */
  timeDecayDays: number;
  /** Heaviest terms of each article put in the inverted index and used to query it. */
  indexTerms: number;
  /** Only the latest entries of each posting list are read (news streams move on). */
  postingsScan: number;
  /** Candidates scored exactly per article. */
  maxCandidates: number;
  /** Candidates must share this many index terms. */
  minSharedTerms: number;
  duplicates: DuplicateOptions;
  /** Near-duplicate check only between articles at least this similar in text. */
  duplicateMinCosine: number;
  features: FeatureOptions;
  /** Count the stream's own documents in IDF (besides the background corpus). */
  streamIdf: boolean;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.3,
  nameWeight: 0.4,
  timeWindowDays: 3,
  timeDecayDays: 4,
  indexTerms: 20,
  postingsScan: 400,
  maxCandidates: 60,
  minSharedTerms: 2,
  duplicates: DEFAULT_DUPLICATE_OPTIONS,
  duplicateMinCosine: 0.5,
  features: DEFAULT_FEATURE_OPTIONS,
  streamIdf: true,
};

export interface ClustererDeps {
  lexicon?: Lexicon;
  background?: Background;
  /** Place names for labels (lower case); default: countries and capitals from world-countries. */
  places?: Set<string>;
}

export interface PairScore {
  score: number;
  text: number;
  names: number;
}

export function pairScore(a: ArticleFeatures, b: ArticleFeatures, o: ClusterOptions): PairScore {
  const text = dot(a.terms, b.terms);
  const names = a.names.ids.length && b.names.ids.length ? dot(a.names, b.names) : text;
  let score = (1 - o.nameWeight) * text + o.nameWeight * names;
  if (a.day !== null && b.day !== null) {
    const gap = Math.abs(a.day - b.day);
    if (gap > o.timeWindowDays) score *= Math.exp(-(gap - o.timeWindowDays) / o.timeDecayDays);
  }
  return { score, text, names };
}

const storyNumber = (name: string): number => Number(name.slice(1));

interface Node {
  id: string;
  title: string | null;
  published: string | null;
  features: ArticleFeatures;
  duplicateOf: string | null;
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
}

export function createStoryClusterer(options: Partial<ClusterOptions> = {}, deps: ClustererDeps = {}): StoryClustererExt {
  const o: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  const lexicon = deps.lexicon ?? createLexicon();
  let gazetteer: Set<string> | undefined;
  const places = () => (gazetteer ??= deps.places ?? loadPlaces());
  const stats = createTermStats(deps.background ?? loadBackground(), o.streamIdf);
  const nodes: Node[] = [];
  const parent: number[] = [];
  const members = new Map<number, number[]>(); // root -> article indexes
  const storyName = new Map<number, string>(); // root -> story id
  const firstAssignment: Assignment[] = [];
  const byId = new Map<string, number>();
  const postings: number[][] = [];
  let storyCount = 0;
  let merges = 0;
  let scored = 0;
  let duplicates = 0;
  // Scratch accumulator over article indexes, reset through `touched`.
  let hits = new Int32Array(1024);

  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): number => {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) return ra;
    const ma = members.get(ra)!;
    const mb = members.get(rb)!;
    // The older story keeps its id; the bigger member list absorbs the smaller.
    const na = storyName.get(ra)!;
    const nb = storyName.get(rb)!;
    const older = storyNumber(na) <= storyNumber(nb) ? na : nb;
    if (ma.length < mb.length) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    for (const x of members.get(rb)!) members.get(ra)!.push(x);
    members.delete(rb);
    storyName.delete(rb);
    storyName.set(ra, older);
    merges++;
    return ra;
  };

  const candidates = (f: ArticleFeatures, n: number): number[] => {
    if (hits.length < n) {
      const next = new Int32Array(Math.max(n, hits.length * 2));
      next.set(hits);
      hits = next;
    }
    const touched: number[] = [];
    for (const t of topIds(f.terms, o.indexTerms)) {
      const list = postings[t];
      if (!list) continue;
      for (let k = Math.max(0, list.length - o.postingsScan); k < list.length; k++) {
        const j = list[k]!;
        if (hits[j] === 0) touched.push(j);
        hits[j]!++;
      }
    }
    const out = touched.filter((j) => hits[j]! >= o.minSharedTerms);
    out.sort((a, b) => hits[b]! - hits[a]! || b - a);
    for (const j of touched) hits[j] = 0;
    return out.slice(0, o.maxCandidates);
  };

  const index = (f: ArticleFeatures, i: number) => {
    for (const t of topIds(f.terms, o.indexTerms)) {
      let list = postings[t];
      if (!list) postings[t] = list = [];
      list.push(i);
    }
  };

  const assignmentOf = (i: number): Assignment => {
    const a = firstAssignment[i]!;
    return { ...a, story: storyName.get(find(i))! };
  };

  return {
    add(article: Article): Assignment {
      const f = extractFeatures(article, lexicon, stats, o.features);
      const i = nodes.length;
      const cands = candidates(f, i + 1);
      const best = new Map<number, number>(); // root -> best score
      let dup: { j: number; c: number } | null = null;
      for (const j of cands) {
        const other = nodes[j]!;
        const s = pairScore(f, other.features, o);
        scored++;
        const r = find(j);
        if (s.score > (best.get(r) ?? -1)) best.set(r, s.score);
        if (s.text >= o.duplicateMinCosine) {
          const c = sketchOverlap(f.sketch, other.features.sketch).containment;
          if (c >= o.duplicates.minContainment && (!dup || c > dup.c)) dup = { j, c };
        }
      }
      const duplicateOf = dup ? (nodes[dup.j]!.duplicateOf ?? nodes[dup.j]!.id) : null;
      if (duplicateOf) duplicates++;
      nodes.push({ id: article.id, title: article.title, published: article.published, features: f, duplicateOf });
      parent.push(i);
      byId.set(article.id, i);
      const linked = [...best].filter(([, s]) => s >= o.threshold).sort((a, b) => b[1] - a[1]);
      let root: number;
      let isNewStory = false;
      let score = 0;
      if (linked.length === 0) {
        members.set(i, [i]);
        storyName.set(i, `s${++storyCount}`);
        root = i;
        isNewStory = true;
      } else {
        score = linked[0]![1];
        root = find(linked[0]![0]);
        members.get(root)!.push(i);
        parent[i] = root;
        for (const [r] of linked.slice(1)) root = union(root, r);
      }
      index(f, i);
      const assignment: Assignment = { article: article.id, story: storyName.get(find(i))!, isNewStory, score, duplicateOf };
      firstAssignment.push(assignment);
      return assignment;
    },
    storyOf(articleId) {
      const i = byId.get(articleId);
      return i === undefined ? undefined : storyName.get(find(i));
    },
    assignments() {
      return nodes.map((_, i) => assignmentOf(i));
    },
    stories(): StoryLabel[] {
      const out: StoryLabel[] = [];
      for (const [root, list] of members) {
        const input: LabelInput[] = list.map((k) => nodes[k]!);
        out.push(labelStory(storyName.get(root)!, input, places()));
      }
      return out.sort((a, b) => storyNumber(a.story) - storyNumber(b.story));
    },
    stats: () => ({ articles: nodes.length, stories: members.size, merges, candidatesScored: scored, duplicates }),
  };
}
