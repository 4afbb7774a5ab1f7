import type { Article, Claim, Quantity } from '../model/document.js';
import type { EntityMap } from './story-entities.js';
import { wordIds, type Word } from './token-diff.js';

/** A claim with what alignment needs: weighted features, story-level entities, its words. */
export interface ClaimView {
  key: string;
  article: Article;
  articleIndex: number;
  claim: Claim;
  features: Map<string, number>;
  norm: number;
  entities: Set<string>;
  speaker: string | null;
  words: Word[];
  /** The words as ids shared by every claim of the story (lower-cased once; see token-diff's `wordIds`). */
  wordIds: Int32Array;
  /** Story entities of people and organisations: the actors. */
  actors: Set<string>;
  /** Story entities of people (a subset of actors). */
  people: Set<string>;
  /** Story entity of the claim's subject. */
  actor: string | null;
  /** The story entity an entity of this claim's article belongs to. */
  storyEntity: (articleEntity: string) => string;
}

export interface AlignedPair {
  a: ClaimView;
  b: ClaimView;
  similarity: number;
  /** similarity / the best similarity either claim reaches in the other article (1 = mutual best). */
  dominance?: number;
}

export interface AlignOptions {
  /** Minimum cosine similarity for two claims to be about the same thing. */
  threshold: number;
  /** Lower bound for pairs that are each other's best match. */
  mutualThreshold: number;
}

export const DEFAULT_ALIGN: AlignOptions = { threshold: 0.3, mutualThreshold: 0.2 };

const ENTITY_WEIGHT = 1.5;

/**
 * A distinctive figure ("1,500", "$4.1 billion", "13.6%") as an alignment feature: two claims giving the same
 * figure are likely about the same thing. Small counts and bare years are too common to say so.
 */
export function figureFeature(q: Quantity | undefined): string | null {
  if (!q || q.kind !== 'level' || !Number.isFinite(q.value)) return null;
  const bareYear = q.unit === null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100;
  if (bareYear || (q.unit === null && Math.abs(q.value) < 10)) return null;
  return `Q:${q.unit ?? ''}:${Number(q.value.toPrecision(3))}`;
}

export function claimViews(articles: readonly Article[], entities: EntityMap, types: ReadonlyMap<string, string> = new Map()): ClaimView[] {
  const views: ClaimView[] = [];
  const df = new Map<string, number>();
  const feats: Set<string>[] = [];
  const storyWordIds = new Map<string, number>();
  // (Each story entity's feature name made once.)
  const entityFeatures = new Map<string, string>();
  const entityFeature = (e: string) => {
    let f = entityFeatures.get(e);
    if (f === undefined) entityFeatures.set(e, (f = `E:${e}`));
    return f;
  };
  articles.forEach((article, articleIndex) => {
    const ids = entities.get(article.id);
    const toStory = (id: string) => ids?.get(id) ?? `${article.id}:${id}`;
    const tokens = article.layers.tokens ?? [];
    let k = 0;
    (article.layers.claims ?? []).forEach((claim, i) => {
      const storyEntities = new Set(claim.entities.map(toStory));
      const own = new Set<string>(claim.keywords);
      // Actors (people and organisations) and people, in the order of the claim's entities.
      const actors = new Set<string>();
      const people = new Set<string>();
      for (const e of storyEntities) {
        own.add(entityFeature(e));
        const type = types.get(e);
        if (type === 'PER' || type === 'ORG') actors.add(e);
        if (type === 'PER') people.add(e);
      }
      for (let q = 0; q < claim.quantities.length; q++) {
        const f = figureFeature(article.layers.quantities?.[claim.quantities[q]!]);
        if (f) own.add(f);
      }
      while (k < tokens.length && tokens[k]!.start < claim.start) k++;
      const words: Word[] = [];
      for (let j = k; j < tokens.length && tokens[j]!.end <= claim.end; j++) {
        const t = tokens[j]!;
        words.push({ start: t.start, end: t.end, text: article.text.slice(t.start, t.end) });
      }
      const speaker = claim.source && !claim.source.startsWith('mention:') ? toStory(claim.source) : claim.source;
      const actor = claim.actorEntity ? toStory(claim.actorEntity) : null;
      // (Features and norm are weighed below, once every claim's features are counted.)
      views.push({
        key: `${article.id}#${i}`,
        article,
        articleIndex,
        claim,
        entities: storyEntities,
        speaker,
        words,
        wordIds: wordIds(words, storyWordIds),
        actors,
        people,
        actor,
        storyEntity: toStory,
        features: new Map(),
        norm: 0,
      });
      feats.push(own);
      for (const f of own) df.set(f, (df.get(f) ?? 0) + 1);
    });
  });
  const n = Math.max(1, views.length);
  for (let v = 0; v < views.length; v++) {
    const features = views[v]!.features;
    let sq = 0;
    for (const f of feats[v]!) {
      const w = Math.log(1 + n / (df.get(f) ?? 1)) * (f.startsWith('E:') ? ENTITY_WEIGHT : 1);
      features.set(f, w);
      sq += w * w;
    }
    views[v]!.norm = Math.sqrt(sq);
  }
  return views;
}

export function cosine(a: ClaimView, b: ClaimView): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  const [small, large] = a.features.size < b.features.size ? [a, b] : [b, a];
  for (const [f, w] of small.features) {
    const v = large.features.get(f);
    if (v !== undefined) dot += w * v;
  }
  return dot / (a.norm * b.norm);
}

const REPORTING = 'say';

/**
 * The core of a claim is who does what: two claims whose predicates name the same act (met / held talks)
 * with the same actors are about the same thing even when the rest of their wording differs.
 */
/** Whether two claims name the same act: one's predicate is the other's predicate or among its words. */
export function samePredicate(a: ClaimView, b: ClaimView): boolean {
  const pa = a.claim.predicateLemma;
  const pb = b.claim.predicateLemma;
  return (pa !== null && pa !== REPORTING && (pa === pb || b.claim.keywords.includes(pa))) || (pb !== null && pb !== REPORTING && a.claim.keywords.includes(pb));
}

export function coreSimilarity(a: ClaimView, b: ClaimView): number {
  if (!a.actor || a.actor !== b.actor || !samePredicate(a, b)) return 0;
  let shared = 0;
  for (const e of a.actors) if (b.actors.has(e)) shared++;
  return 0.2 + 0.1 * Math.min(2, shared);
}

export function similarity(a: ClaimView, b: ClaimView): number {
  return Math.max(cosine(a, b), coreSimilarity(a, b));
}

/** Similarities of every claim pair from different articles that share a feature (via an inverted index). */
export function candidatePairs(views: readonly ClaimView[], floor = 0.15): AlignedPair[] {
  // Features as small integers: each view's features (ids and weights, in its map's order) and each feature's
  // posting list (views and weights, in view order), read once so that the loops below look nothing up by name.
  const featureId = new Map<string, number>();
  const postJ: number[][] = [];
  const postW: number[][] = [];
  const viewFeatures: Int32Array[] = [];
  const viewWeights: Float64Array[] = [];
  const articleOf = new Int32Array(views.length);
  for (let j = 0; j < views.length; j++) {
    const features = views[j]!.features;
    const ids = new Int32Array(features.size);
    const weights = new Float64Array(features.size);
    let k = 0;
    features.forEach((w, f) => {
      let id = featureId.get(f);
      if (id === undefined) {
        featureId.set(f, (id = postJ.length));
        postJ.push([]);
        postW.push([]);
      }
      ids[k] = id;
      weights[k++] = w;
      postJ[id]!.push(j);
      postW[id]!.push(w);
    });
    viewFeatures.push(ids);
    viewWeights.push(weights);
    articleOf[j] = views[j]!.articleIndex;
  }
  // Views come article by article: the claims of other articles after claim i start where i's article ends.
  const articleEnd = new Int32Array(views.length);
  for (let i = views.length - 1; i >= 0; i--) {
    articleEnd[i] = i + 1 < views.length && views[i + 1]!.articleIndex === views[i]!.articleIndex ? articleEnd[i + 1]! : i + 1;
  }
  // Weights of a common feature for every view (0 where absent), made on first use.
  const dense: (Float64Array | undefined)[] = [];
  const denseOf = (f: number) => {
    let d = dense[f];
    if (!d) {
      d = new Float64Array(views.length);
      const pj = postJ[f]!;
      const pw = postW[f]!;
      for (let k = 0; k < pj.length; k++) d[pj[k]!] = pw[k]!;
      dense[f] = d;
    }
    return d;
  };
  const ordered = views.every((v, i) => i === 0 || v.articleIndex >= views[i - 1]!.articleIndex);
  const out: AlignedPair[] = [];
  // Features that most claims share (say, president) bring no candidates of their own: pairs that share
  // only those are far below any threshold. Similarity itself still uses every feature.
  const cap = Math.max(64, Math.ceil(views.length * 0.08));
  // Dot products of claim i with every later claim, accumulated posting by posting (no per-pair map lookups).
  const dot = new Float64Array(views.length);
  const touched: number[] = [];
  const common: number[] = [];
  const commonWeights: number[] = [];
  for (let i = 0; i < views.length; i++) {
    const a = views[i]!;
    const ids = viewFeatures[i]!;
    const weights = viewWeights[i]!;
    common.length = 0;
    commonWeights.length = 0;
    const from = ordered ? articleEnd[i]! : i + 1;
    for (let q = 0; q < ids.length; q++) {
      const pj = postJ[ids[q]!]!;
      const pw = postW[ids[q]!]!;
      const w = weights[q]!;
      if (pj.length > cap) {
        common.push(ids[q]!);
        commonWeights.push(w);
        continue;
      }
      // First posting at or after `from` (postings are in view order).
      let k = 0;
      for (let hi = pj.length; k < hi; ) {
        const mid = (k + hi) >> 1;
        if (pj[mid]! < from) k = mid + 1;
        else hi = mid;
      }
      for (; k < pj.length; k++) {
        const j = pj[k]!;
        if (articleOf[j] === a.articleIndex) continue;
        if (dot[j] === 0) touched.push(j);
        dot[j] = dot[j]! + w * pw[k]!;
      }
    }
    for (let t = 0; t < touched.length; t++) {
      const j = touched[t]!;
      const b = views[j]!;
      let d = dot[j]!;
      dot[j] = 0;
      for (let c = 0; c < common.length; c++) d += commonWeights[c]! * denseOf(common[c]!)[j]!;
      const cos = a.norm === 0 || b.norm === 0 ? 0 : d / (a.norm * b.norm);
      const s = Math.max(cos, coreSimilarity(a, b));
      // Pairs below 0.15 matter neither to alignment nor to exclusives (which look for anything above 0.22);
      // a lower floor finds statements that share one fact among others (clause agreements).
      if (s >= floor) out.push({ a, b, similarity: s });
    }
    touched.length = 0;
  }
  return out;
}

/**
 * Aligned pairs across articles: a pair is kept when it is above the threshold and is the best match of
 * at least one of its two claims in the other article.
 */
export function alignClaims(pairs: readonly AlignedPair[], options: AlignOptions = DEFAULT_ALIGN): AlignedPair[] {
  // The best similarity of each claim in each other article (by article index).
  let articles = 0;
  for (const p of pairs) articles = Math.max(articles, p.a.articleIndex + 1, p.b.articleIndex + 1);
  const best = new Map<ClaimView, Float64Array>();
  const row = (v: ClaimView) => {
    let r = best.get(v);
    if (!r) best.set(v, (r = new Float64Array(articles)));
    return r;
  };
  for (const p of pairs) {
    const ra = row(p.a);
    const rb = row(p.b);
    ra[p.b.articleIndex] = Math.max(ra[p.b.articleIndex]!, p.similarity);
    rb[p.a.articleIndex] = Math.max(rb[p.a.articleIndex]!, p.similarity);
  }
  const out: AlignedPair[] = [];
  for (const p of pairs) {
    const bestA = best.get(p.a)![p.b.articleIndex]!;
    const bestB = best.get(p.b)![p.a.articleIndex]!;
    const bestForA = bestA === p.similarity;
    const bestForB = bestB === p.similarity;
    // Above the threshold, being the best match of one side is enough; a little below it, both sides must agree.
    if ((p.similarity >= options.threshold && (bestForA || bestForB)) || (p.similarity >= options.mutualThreshold && bestForA && bestForB)) {
      out.push({ ...p, dominance: p.similarity / Math.max(bestA, bestB) });
    }
  }
  return out;
}

/** Best similarity each claim reaches in any other article (for exclusives). */
export function bestSimilarity(pairs: readonly AlignedPair[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const p of pairs) {
    best.set(p.a.key, Math.max(best.get(p.a.key) ?? 0, p.similarity));
    best.set(p.b.key, Math.max(best.get(p.b.key) ?? 0, p.similarity));
  }
  return best;
}
