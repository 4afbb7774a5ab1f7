import type { Article } from '../model/document.js';
import { alignClaims, bestSimilarity, candidatePairs, claimViews, DEFAULT_ALIGN, figureFeature, type AlignedPair, type AlignOptions, type ClaimView } from './align.js';
import { claimQuantities, figuresComparable, givesFigure, isPerItem, pairConflicts, type ConflictCandidate } from './conflicts.js';
import { wordOverlap } from './token-diff.js';
import { findCopies } from './copies.js';
import { evidence, excerpt, outletName } from './evidence.js';
import { resolveStoryEntities } from '../annotate/entities/index.js';
import { entityMap, type EntityMap, type ResolveStoryEntities, type StoryEntity } from './story-entities.js';
import { entitiesOut, figureRows, framingOut, quotesOut, quoteTable, timeline } from './tables.js';
import { SCHEMA_VERSION, type ArticleOut, type Finding, type StoryComparison } from './types.js';
import { concept } from '../annotate/lexicon.js';
import { numbersConflict } from './values.js';
import { articleFacts } from './facts/index.js';
import { storyWordForms } from './facts/words.js';
import { contextOf, FACT_CONTEXT } from './facts/context.js';
import { DETECTORS, type Candidate } from './detectors/index.js';
import { boundEvidence, candidateFinding, defaultVerdict, sameDifference } from './refine.js';
import { FIGURE_REFINERS, refineCandidates } from './refiners/index.js';
import { quotesAgree } from './quoted.js';
import type { Span } from '../model/document.js';
import { relatedness, sharedLexicon } from './relatedness.js';
import { alignmentMemo, CLAUSE_SIMILARITY, clauseAgreements, datesClash, factMatch, heldApart, measuresClash, nameWords, predicateFound, statesOneFact } from './agreement.js';
import type { Lexicon } from './lexical/index.js';
import { storyParallels } from '../lang/sentence-align.js';

/** Paraphrase similarity (0..1) from which two statements are reported as saying the same thing. */
const AGREEMENT_SIMILARITY = 0.62;

export interface CompareOptions {
  /** Cross-article entity resolution (the entity stage's resolver). */
  resolveEntities?: ResolveStoryEntities;
  align?: AlignOptions;
  /** A claim whose best match elsewhere is below this is reported as exclusive. */
  exclusiveBelow?: number;
  /** Exclusives listed per article at most. */
  maxExclusives?: number;
  failures?: { subject: string; message: string }[];
  /** Word relatedness for aligning paraphrased facts (default: the shared WordNet + vector lexicon; null: none). */
  lexicon?: Lexicon | null;
}

function articleOut(a: Article, copyOf: string | null): ArticleOut {
  return {
    id: a.id,
    source: a.source,
    outlet: a.outlet,
    title: a.title,
    published: a.published,
    url: a.url,
    language: a.language,
    text: a.text,
    original: a.original,
    removed: a.removed.map(({ start, end, reason, text }) => ({ start, end, reason, text })),
    dateline: a.dateline,
    extraction: a.extraction,
    copyOf,
  };
}

function sameSpans(x: ConflictCandidate, y: ConflictCandidate): boolean {
  return x.type === y.type && x.evidence.every((e) => y.evidence.some((f) => f.article === e.article && f.start === e.start && f.end === e.end));
}

/** Union-find over claim keys, for grouping aligned claims of many articles into one finding. */
function groupPairs(pairs: readonly AlignedPair[]): ClaimView[][] {
  const parent = new Map<string, string>();
  const views = new Map<string, ClaimView>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const p of pairs) {
    for (const v of [p.a, p.b]) {
      if (!parent.has(v.key)) parent.set(v.key, v.key);
      views.set(v.key, v);
    }
    parent.set(find(p.a.key), find(p.b.key));
  }
  const groups = new Map<string, ClaimView[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(views.get(k)!);
  }
  return [...groups.values()];
}

/** Compares the analysed articles of one story: findings with evidence, tables and framing. */
export function compareArticles(articles: Article[], options: CompareOptions = {}): StoryComparison {
  const resolve = options.resolveEntities ?? resolveStoryEntities;
  const story = resolve(articles);
  const map = entityMap(story);
  const views = claimViews(articles, map, new Map(story.map((e) => [e.id, e.type])));
  const candidates = candidatePairs(views, CLAUSE_SIMILARITY);
  const aligned = alignClaims(candidates, options.align ?? DEFAULT_ALIGN);
  const copies = findCopies(articles);
  const independent = (ids: Iterable<string>) => new Set([...ids].map((id) => copies.get(id) ?? id)).size;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const findings: Finding[] = [];
  let n = 0;
  const nextId = (prefix: string) => `${prefix}${++n}`;

  // Facts of each article, and the differences the fact detectors find between them (one-to-one per measure).
  const forms = storyWordForms();
  const facts = new Map(articles.map((a) => [a.id, articleFacts(a, (id) => map.get(a.id)?.get(id) ?? `${a.id}:${id}`, forms)]));
  const lex = options.lexicon === undefined ? sharedLexicon() : options.lexicon;
  const related = relatedness(lex);
  const storyEntity = (a: Article, id: string) => map.get(a.id)?.get(id) ?? `${a.id}:${id}`;
  const parallel = storyParallels();
  const detected: Candidate[] = [];
  const sidesOf = new Map<Article, { value: Span; candidate: number }[]>();
  for (const d of DETECTORS) {
    for (const c of d.detect({ articles, facts, related, lexicon: lex, storyEntity, parallel })) {
      // An earlier detector's finding on the same words stands.
      // (Indexed by article: each side of c counts once for every earlier candidate with a side overlapping it.)
      const overlaps = new Map<number, number>();
      for (const s of c.sides) {
        const hit = new Set<number>();
        for (const t of sidesOf.get(s.article) ?? []) if (t.value.start < s.value.end && s.value.start < t.value.end) hit.add(t.candidate);
        for (const k of hit) overlaps.set(k, (overlaps.get(k) ?? 0) + 1);
      }
      if ([...overlaps.values()].some((count) => count >= 2)) continue;
      for (const s of c.sides) (sidesOf.get(s.article) ?? sidesOf.set(s.article, []).get(s.article)!).push({ value: s.value, candidate: detected.length });
      detected.push(c);
    }
  }
  const inSpan = (v: ClaimView, s: Span) => s.start >= v.claim.start && s.end <= v.claim.end;
  const factConflictAt = (v: ClaimView) => detected.some((c) => c.sides.some((s) => s.article === v.article && inSpan(v, s.value)));

  // Conflicts between aligned claims.
  const conflicts: { c: ConflictCandidate; pair: AlignedPair }[] = [];
  const conflicted = new Set<AlignedPair>();
  // Conflicts are read one-to-one: each claim is compared with its closest counterpart in each other article
  // (similar claims that differ only in their figures must not be compared crosswise).
  const alignedKeys = new Set(aligned.flatMap((p) => [`${p.a.key}|${p.b.key}`, `${p.b.key}|${p.a.key}`]));
  const used = new Set<string>();
  const chosen = new Set<string>();
  const ranked = aligned
    .map((pair) => ({ pair, rank: pair.similarity + wordOverlap(pair.a.words, pair.b.words, pair.a.wordIds, pair.b.wordIds) }))
    .sort((x, y) => y.rank - x.rank);
  for (const { pair } of ranked) {
    const ka = `${pair.a.key}>${pair.b.article.id}`;
    const kb = `${pair.b.key}>${pair.a.article.id}`;
    if (used.has(ka) || used.has(kb)) continue;
    used.add(ka);
    used.add(kb);
    chosen.add(`${pair.a.key}|${pair.b.key}`).add(`${pair.b.key}|${pair.a.key}`);
    for (const c of pairConflicts(pair)) {
      conflicted.add(pair);
      if (!conflicts.some((o) => sameSpans(o.c, c))) conflicts.push({ c, pair });
    }
  }
  // The figure refiners judge the sentence readers' figure pairs as they judge the detectors' (different things
  // counted, different periods); these pairs were aligned by the measure's words, not by the act.
  const figureRefinersKeep = (sides: { article: Article; span: Span }[]) => {
    const side = ({ article, span }: { article: Article; span: Span }) => ({ article, value: { start: span.start, end: span.end }, context: contextOf(article, span, FACT_CONTEXT) });
    const c: Candidate = { type: 'number', verdict: 'contradiction', sides: sides.map(side), summary: '', salience: 0.9, subject: 'figure:', details: { byMeasureWords: true } };
    return refineCandidates([c], { articles, facts, related, lexicon: lex, storyEntity, parallel }, FIGURE_REFINERS).length > 0;
  };
  for (const { c, pair } of conflicts) {
    if (detected.some((d) => sameDifference({ evidence: c.evidence } as Finding, d))) continue;
    if (c.type === 'number' && c.evidence.length === 2 && !figureRefinersKeep(c.evidence.map((e) => ({ article: byId.get(e.article)!, span: e })))) continue;
    const salience = Math.max(pair.a.claim.salience, pair.b.claim.salience);
    findings.push({
      id: nextId('c'),
      kind: 'conflict',
      type: c.type,
      summary: c.summary,
      evidence: [...c.evidence, evidence(pair.a.article, pair.a.claim, 'claim'), evidence(pair.b.article, pair.b.claim, 'claim')],
      articles: [pair.a.article.id, pair.b.article.id],
      salience,
      ...(c.details ? { details: c.details } : {}),
    });
  }

  const viewsOf = new Map<string, ClaimView[]>();
  for (const v of views) (viewsOf.get(v.article.id) ?? viewsOf.set(v.article.id, []).get(v.article.id)!).push(v);
  const viewAt = (article: string, offset: number) => viewsOf.get(article)?.find((v) => v.claim.start <= offset && offset < v.claim.end);
  // Figures of one measure that disagree, across articles or inside one (figures table).
  const figures = figureRows(articles, views, map, story);
  for (const row of figures) {
    if (!row.conflict) continue;
    for (let i = 0; i < row.cells.length; i++) {
      for (let j = i + 1; j < row.cells.length; j++) {
        const x = row.cells[i]!;
        const y = row.cells[j]!;
        if (!numbersConflict(x, y)) continue;
        // Across articles, only figures of statements compared with each other (one-to-one) conflict.
        const vx = viewAt(x.article, x.start);
        const vy = viewAt(y.article, y.start);
        // (Any aligned pair will do when the two wordings differ; near-identical wordings are compared one-to-one.)
        const comparable =
          !!vx && !!vy && (chosen.has(`${vx.key}|${vy.key}`) || (alignedKeys.has(`${vx.key}|${vy.key}`) && wordOverlap(vx.words, vy.words, vx.wordIds, vy.wordIds) < 0.5));
        if (x.article !== y.article && (!comparable || !figuresComparable(vx, vy) || isPerItem(byId.get(x.article)!.text, x) || isPerItem(byId.get(y.article)!.text, y))) continue;
        // A figure disagrees only when the other statement gives no matching figure for the measure
        // ("No. 2 ... No. 3" in both: the ranks are crossed, not contradicted).
        const inClaim = (v: ClaimView | undefined) => row.cells.filter((z) => v && z.article === v.article.id && z.start >= v.claim.start && z.end <= v.claim.end);
        if (inClaim(vy).some((z) => !numbersConflict(x, z)) || inClaim(vx).some((z) => !numbersConflict(y, z))) continue;
        // Nor when the other statement gives the same figure for what the table read as another measure
        // ("50-50, falling short of the 60 votes needed" vs "needed 60 votes to clear a procedural vote").
        if (x.article !== y.article && ((vx && givesFigure(claimQuantities(vx), y)) || (vy && givesFigure(claimQuantities(vy), x)))) continue;
        if (detected.some((d) => d.sides.some((s) => s.article === byId.get(x.article) && s.value.start < x.end && x.start < s.value.end) && d.sides.some((s) => s.article === byId.get(y.article) && s.value.start < y.end && y.start < s.value.end))) continue;
        const covered = findings.some(
          (f) => f.type === 'number' && f.evidence.some((e) => e.article === x.article && e.start <= x.start && e.end >= x.end) && f.evidence.some((e) => e.article === y.article && e.start <= y.start && e.end >= y.end),
        );
        if (covered) continue;
        const ax = byId.get(x.article)!;
        const ay = byId.get(y.article)!;
        if (x.article !== y.article && !figureRefinersKeep([{ article: ax, span: x }, { article: ay, span: y }])) continue;
        const who = (c: typeof x) => (c.speaker ? ` (${c.speaker})` : '');
        const within = x.article === y.article;
        findings.push({
          id: nextId('c'),
          kind: 'conflict',
          type: 'number',
          summary: `Figure for ${row.measure}: ${outletName(ax)} gives ${x.text}${who(x)}${within ? ' and also' : `, ${outletName(ay)} gives`} ${y.text}${who(y)}`,
          evidence: [evidence(ax, x, 'value'), evidence(ay, y, 'value')],
          articles: within ? [x.article] : [x.article, y.article],
          salience: 0.9,
          withinArticle: within,
          details: { measure: row.measure, values: [x.value, y.value] },
        });
      }
    }
  }

  for (const c of refineCandidates(detected, { articles, facts, related, lexicon: lex, storyEntity, parallel })) {
    // The sentence-level reader already found this speaker difference (a swapped name in one sentence): once is enough.
    const near = (f: Finding) =>
      f.kind === 'conflict' && f.type === c.type && c.sides.every((s) => f.evidence.some((e) => e.article === s.article.id && e.start < s.context.end && s.context.start < e.end));
    if (c.type === 'speaker' && findings.some(near)) continue;
    findings.push(candidateFinding(c, nextId('c')));
  }
  for (const pair of aligned) if (factConflictAt(pair.a) && factConflictAt(pair.b)) conflicted.add(pair);
  // A pair whose figures the figures table found in conflict is a conflict too, whichever way it was found.
  const numberValues = findings.filter((f) => f.type === 'number').flatMap((f) => f.evidence.filter((e) => e.role === 'value'));
  const numberConflictAt = (v: ClaimView) => numberValues.some((e) => e.article === v.article.id && e.start >= v.claim.start && e.end <= v.claim.end);
  for (const pair of aligned) if (numberConflictAt(pair.a) && numberConflictAt(pair.b)) conflicted.add(pair);
  // Figures of one measure that agree across outlets (within hedges and rounding).
  for (const row of figures) {
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        const x = cells[i]!;
        const y = cells[j]!;
        if (x.article === y.article || numbersConflict(x, y)) continue;
        // "one" is as often a pronoun or determiner as a count: the same "one" in two articles is no shared figure.
        if (x.unit === null && y.unit === null && Math.abs(x.value) <= 1 && Math.abs(y.value) <= 1) continue;
        // Not when a conflict holds these two very figures against each other.
        const hits = (f: Finding, z: typeof x) => f.evidence.some((e) => e.role === 'value' && e.article === z.article && e.start < z.end && z.start < e.end);
        if (findings.some((f) => f.kind === 'conflict' && hits(f, x) && hits(f, y))) continue;
        const ax = byId.get(x.article)!;
        const ay = byId.get(y.article)!;
        findings.push({
          id: nextId('a'),
          kind: 'agreement',
          summary: `${outletName(ax)} and ${outletName(ay)} give the same figure for ${row.measure}: ${x.text} / ${y.text}`,
          evidence: [evidence(ax, x, 'value'), evidence(ay, y, 'value')],
          articles: [x.article, y.article],
          salience: 0.7,
          independentOutlets: independent([x.article, y.article]),
          details: { measure: row.measure },
        });
      }
    }
  }

  // Partial agreements (lists that overlap) from every aligned group; agreements only where nothing conflicts,
  // and only from pairs that are (close to) each other's best match.
  // Groups grow from the strongest pairs: a claim joins a group only through a direct pair with its lead,
  // so that chains of loosely similar claims do not make one agreement.
  const strong = aligned.filter((p) => (p.dominance ?? 1) >= 0.85).sort((x, y) => y.similarity - x.similarity);
  const grouped = new Set<string>();
  const groups: { lead: ClaimView; members: Map<string, ClaimView>; pairs: AlignedPair[] }[] = [];
  // The strong pairs of each claim, strongest first (the lists keep the order of `strong`).
  const strongOf = new Map<string, AlignedPair[]>();
  const strongIndex = new Map(strong.map((q, i) => [q, i]));
  for (const q of strong) for (const v of [q.a, q.b]) (strongOf.get(v.key) ?? strongOf.set(v.key, []).get(v.key)!).push(q);
  for (const p of strong) {
    if (grouped.has(p.a.key) || grouped.has(p.b.key)) continue;
    const members = new Map([[p.a.article.id, p.a], [p.b.article.id, p.b]]);
    grouped.add(p.a.key).add(p.b.key);
    for (const q of strongOf.get(p.a.key)!) {
      const other = q.a === p.a ? q.b : q.a;
      if (members.has(other.article.id) || grouped.has(other.key)) continue;
      members.set(other.article.id, other);
      grouped.add(other.key);
    }
    const inGroup = new Set<AlignedPair>();
    for (const m of members.values()) for (const q of strongOf.get(m.key) ?? []) if (members.get(q.a.article.id) === q.a && members.get(q.b.article.id) === q.b) inGroup.add(q);
    groups.push({ lead: p.a, members, pairs: [...inGroup].sort((x, y) => strongIndex.get(x)! - strongIndex.get(y)!) });
  }
  const alignmentOf = lex ? alignmentMemo(lex) : null;
  for (const { lead: first, members: memberMap, pairs: groupPairsList } of groups) {
    const conflictedGroup = groupPairsList.some((p) => conflicted.has(p));
    const members = [...memberMap.values()].sort((x, y) => (x === first ? -1 : y === first ? 1 : y.claim.salience - x.claim.salience));
    if (members.length < 2) continue;
    const itemSets = members.map((v) => new Map(v.claim.items.map((it) => [concept(it.text), it])));
    const withItems = itemSets.filter((s) => s.size >= 2);
    const evidenceList = members.map((v) => evidence(v.article, v.claim, 'claim'));
    const outlets = members.map((v) => outletName(v.article));
    const salience = members.reduce((s, v) => s + v.claim.salience, 0) / members.length;
    if (withItems.length >= 2) {
      const all = new Set(withItems.flatMap((s) => [...s.keys()]));
      const common = [...all].filter((k) => withItems.every((s) => s.has(k)));
      if (common.length > 0 && common.length < all.size) {
        const only = members.map((v, i) => ({ outlet: outletName(v.article), items: [...(itemSets[i]?.keys() ?? [])].filter((k) => !common.includes(k)) }));
        findings.push({
          id: nextId('p'),
          kind: 'partial',
          summary: `Partly agree: both name ${common.join(', ')}; ${only.filter((o) => o.items.length).map((o) => `only ${o.outlet}: ${o.items.join(', ')}`).join('; ')}`,
          evidence: [
            ...members.flatMap((v) => v.claim.items.map((it) => evidence(v.article, it, common.includes(concept(it.text)) ? 'common-item' : 'only-item'))),
            ...evidenceList,
          ],
          articles: members.map((v) => v.article.id),
          salience,
          independentOutlets: independent(members.map((v) => v.article.id)),
          details: { common, only },
        });
        continue;
      }
    }
    if (conflictedGroup) continue;
    const lead = members[0]!;
    // Agreement only where the wordings say the same thing (paraphrase similarity from WordNet and word vectors):
    // sentences that merely share a word or a name are no agreement, and an outlet that does not say it is dropped.
    const said = (v: ClaimView) => v.article.text.slice(v.claim.start, v.claim.end);
    // (Both ways: a short sentence is easily covered by a long one.) And most of the content words of the
    // shorter statement must be found in the longer one.
    const paraphrase = (a: ClaimView, b: ClaimView) => Math.min(alignmentOf!(a, b).score, alignmentOf!(b, a).score);
    const coverage = (a: ClaimView, b: ClaimView) => {
      const [short, long] = a.claim.keywords.length <= b.claim.keywords.length ? [a, b] : [b, a];
      const found = short.claim.keywords.filter((k) => long.claim.keywords.includes(k) || long.claim.keywords.some((l) => related(k, l) >= 0.75)).length;
      return { found, of: short.claim.keywords.length };
    };
    const covered = (a: ClaimView, b: ClaimView) => {
      const { found, of } = coverage(a, b);
      return found >= Math.max(1, Math.floor(0.34 * of));
    };
    // Every content word of the shorter statement in the longer ("agents arrested him at his home"): a looser wording will do.
    const contained = (a: ClaimView, b: ClaimView) => {
      const { found, of } = coverage(a, b);
      return found >= 3 && found >= 0.75 * of;
    };
    if (process.env.PARALLAX_DEBUG_AGREE) for (const v of members) if (v !== lead) console.error('AGREE?', paraphrase(lead, v).toFixed(2), covered(lead, v), lead.claim.keywords.join(','), '|', v.claim.keywords.join(','), '|', said(lead).slice(0, 80), '|', said(v).slice(0, 80));
    // Two statements giving one distinctive figure ("252 to 175", "96%") are about one thing already.
    const figures = (v: ClaimView) => new Set(v.claim.quantities.map((i) => figureFeature(v.article.layers.quantities?.[i])).filter((f): f is string => f !== null));
    const sameFigure = (a: ClaimView, b: ClaimView) => [...figures(a)].some((f) => figures(b).has(f));
    // A statement that is largely someone's quoted words agrees only with one giving a run of those words.
    // And one fact: the content words of the shorter statement closely matched in the longer, and no figures
    // of one kind that disagree ("nine minutes" / "48 minutes" are two moments).
    const isPerson = (unit: string) => lex!.isKindOf(unit, 'person');
    // An inflected verb ("fired", "announced"): its verb lemma differs from it.
    const isVerbForm = (word: string) => !word.includes(' ') && lex!.lemmas(word, 'v').some((l) => l !== word);
    const oneFact = (a: ClaimView, b: ClaimView) => {
      const al = alignmentOf!(a, b);
      const m = factMatch(al, said(a), said(b), nameWords(a), nameWords(b), isPerson);
      return statesOneFact(m) && !measuresClash(a, b) && predicateFound(al, m, [a.claim.predicate?.text ?? null, b.claim.predicate?.text ?? null], isVerbForm);
    };
    const agree = (x: ClaimView, y: ClaimView) =>
      (!lex ||
        sameFigure(x, y) ||
        // (The word tests first: they are cheaper than the alignment behind the paraphrase score.)
        (((covered(x, y) && paraphrase(x, y) >= AGREEMENT_SIMILARITY) || (contained(x, y) && paraphrase(x, y) >= 0.45)) && oneFact(x, y))) &&
      quotesAgree({ article: x.article, span: x.claim }, { article: y.article, span: y.claim }) &&
      !heldApart(said(x), said(y)) &&
      !datesClash(x, y);
    // Every outlet named must state it with every other, or share with the lead the same part of it (each agreeing
    // with the lead is not enough: "workers will be paid for the paychecks they missed" and "will get back pay" agree,
    // "missed their second paycheck" only on another part of the first; "FBI agents arrested him at his home", "the
    // FBI's pre-dawn arrest ... at his Florida home" and "agents arrested Mr. Stone before dawn ... home" share one).
    const withLead = (v: ClaimView) =>
      new Set(lead.claim.keywords.filter((k) => v.claim.keywords.includes(k) || v.claim.keywords.some((l) => related(k, l) >= 0.75)));
    // (Most of the smaller of the two shares, and two words at least: one shared word, "workers", is no part.)
    const samePart = (v: ClaimView, w: ClaimView) => {
      const sv = withLead(v);
      const sw = withLead(w);
      const shared = [...sw].filter((k) => sv.has(k)).length;
      return shared >= 2 && 2 * shared >= Math.min(sv.size, sw.size);
    };
    const agreeing: ClaimView[] = [lead];
    for (const v of members) {
      if (v === lead || !agree(lead, v)) continue;
      if (agreeing.every((w) => w === lead || agree(w, v) || samePart(v, w))) agreeing.push(v);
    }
    if (agreeing.length < 2) continue;
    members.splice(0, members.length, ...agreeing);
    evidenceList.splice(0, evidenceList.length, ...agreeing.map((v) => evidence(v.article, v.claim, 'claim')));
    outlets.splice(0, outlets.length, ...agreeing.map((v) => outletName(v.article)));
    // What they agree on is the shortest statement (the others state it and more): that is the one quoted.
    const common = agreeing.reduce((x, v) => (v.claim.keywords.length < x.claim.keywords.length ? v : x));
    findings.push({
      id: nextId('a'),
      kind: 'agreement',
      summary: `${outlets.join(' and ')} agree: “${excerpt(said(common))}”`,
      evidence: evidenceList,
      articles: members.map((v) => v.article.id),
      salience,
      independentOutlets: independent(members.map((v) => v.article.id)),
    });
  }

  // Facts two statements share when each says more besides: clause by clause, for the pairs nothing above covers;
  // then the statements that each share a fact with the other's report already, whoever says them.
  if (lex) {
    // What the findings so far say of each statement: which findings touch it, which reports it agrees with.
    const readFindings = () => {
      // The findings whose evidence touches each statement (by article, then by overlap), made on first use.
      const evidenceOf = new Map<string, { start: number; end: number; finding: number }[]>();
      findings.forEach((f, i) => {
        if (f.kind === 'exclusive') return;
        for (const e of f.evidence) (evidenceOf.get(e.article) ?? evidenceOf.set(e.article, []).get(e.article)!).push({ start: e.start, end: e.end, finding: i });
      });
      const touching = new Map<string, Set<number>>();
      const touchedBy = (v: ClaimView) => {
        let set = touching.get(v.key);
        if (!set) {
          set = new Set((evidenceOf.get(v.article.id) ?? []).filter((e) => e.start < v.claim.end && v.claim.start < e.end).map((e) => e.finding));
          touching.set(v.key, set);
        }
        return set;
      };
      const covered = (a: ClaimView, b: ClaimView) => {
        const tb = touchedBy(b);
        for (const i of touchedBy(a)) if (tb.has(i)) return true;
        return false;
      };
      // The other reports a statement's sentence shares an agreement with.
      const agreeing = new Map<string, Set<string>>();
      const agreesWith = (v: ClaimView) => {
        let out = agreeing.get(v.key);
        if (!out) {
          const s = v.article.layers.sentences?.[v.claim.sentence] ?? v.claim;
          const found = (evidenceOf.get(v.article.id) ?? []).filter((e) => e.start < s.end && s.start < e.end && findings[e.finding]!.kind === 'agreement');
          agreeing.set(v.key, (out = new Set(found.flatMap((e) => findings[e.finding]!.articles))));
        }
        return out;
      };
      return { covered, agreesWith };
    };
    const push = (c: ReturnType<typeof clauseAgreements>[number]) => {
      const sides = [
        { v: c.a, span: c.spanA },
        { v: c.b, span: c.spanB },
      ];
      const quoted = sides[c.shorter]!;
      findings.push({
        id: nextId('a'),
        kind: 'agreement',
        summary: `${outletName(c.a.article)} and ${outletName(c.b.article)} agree: “${excerpt(quoted.v.article.text.slice(quoted.span.start, quoted.span.end))}”`,
        evidence: sides.map(({ v, span }) => evidence(v.article, span, 'claim')),
        articles: [c.a.article.id, c.b.article.id],
        salience: (c.a.claim.salience + c.b.claim.salience) / 2,
        independentOutlets: independent([c.a.article.id, c.b.article.id]),
        details: { clause: true, via: c.via },
      });
    };
    for (const c of clauseAgreements(candidates, lex, readFindings().covered)) push(c);
    const known = readFindings();
    for (const c of clauseAgreements(candidates, lex, known.covered, (a, b) => known.agreesWith(a).has(b.article.id) && known.agreesWith(b).has(a.article.id))) push(c);
  }

  // Exclusives: claims that no other article comes close to, most salient first.
  const best = bestSimilarity(candidates);
  const exclusiveBelow = options.exclusiveBelow ?? 0.22;
  const maxExclusives = options.maxExclusives ?? 25;
  if (articles.length > 1) {
    for (const a of articles) {
      if (copies.has(a.id)) continue;
      // A statement nearly all of which another report states too (a clause agreement) is not the article's own.
      const statedElsewhere = (v: ClaimView) =>
        findings.some(
          (f) => f.kind === 'agreement' && f.evidence.some((e) => e.article === a.id && 5 * (Math.min(e.end, v.claim.end) - Math.max(e.start, v.claim.start)) >= 4 * (v.claim.end - v.claim.start)),
        );
      const own = views
        .filter((v) => v.article === a && (best.get(v.key) ?? 0) < exclusiveBelow && v.claim.keywords.length >= 3 && !statedElsewhere(v))
        .sort((x, y) => y.claim.salience - x.claim.salience)
        .slice(0, maxExclusives);
      for (const v of own) {
        findings.push({
          id: nextId('x'),
          kind: 'exclusive',
          summary: `Only ${outletName(a)}: “${excerpt(a.text.slice(v.claim.start, v.claim.end))}”`,
          evidence: [evidence(a, v.claim, 'claim')],
          articles: [a.id],
          salience: v.claim.salience,
        });
      }
    }
  }

  findings.push(...detailExclusives(articles, views, aligned, map, story, findings, nextId));

  const order = { conflict: 0, partial: 1, agreement: 2, exclusive: 3 } as const;
  for (let i = 0; i < findings.length; i++) {
    const f = boundEvidence(findings[i]!, byId);
    findings[i] = { ...f, verdict: f.verdict ?? defaultVerdict(f, byId) };
  }
  findings.sort((x, y) => order[x.kind] - order[y.kind] || y.salience - x.salience);
  const quotes = quotesOut(articles, map, story);
  const summary = storySummary(findings, articles);
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: 'parallax 0.1.0',
    articles: articles.map((a) => articleOut(a, copies.get(a.id) ?? null)),
    findings,
    quotes,
    entities: entitiesOut(articles, story),
    figures,
    quoteTable: quoteTable(quotes),
    framing: framingOut(articles, quotes),
    timeline: timeline(articles),
    summary,
    failures: options.failures ?? [],
  };
}

/**
 * Details only one outlet gives inside a statement others report too: a person, place or organisation no
 * other article names, a date no other article gives, a figure no other article has.
 */
function detailExclusives(
  articles: readonly Article[],
  views: readonly ClaimView[],
  aligned: readonly AlignedPair[],
  map: EntityMap,
  story: readonly StoryEntity[],
  existing: readonly Finding[],
  nextId: (prefix: string) => string,
): Finding[] {
  if (articles.length < 2) return [];
  const alignedKeys = new Set(aligned.flatMap((p) => [p.a.key, p.b.key]));
  const names = new Map(story.map((e) => [e.id, e.name]));
  const entityArticles = new Map<string, Set<string>>();
  for (const a of articles) {
    for (const m of a.layers.entities ?? []) {
      const id = map.get(a.id)?.get(m.entity);
      if (!id) continue;
      let set = entityArticles.get(id);
      if (!set) entityArticles.set(id, (set = new Set()));
      set.add(a.id);
    }
  }
  const timeValues = new Map<string, Set<string>>();
  for (const a of articles) for (const t of a.layers.times ?? []) {
    const key = t.symbolic ?? t.value;
    let set = timeValues.get(key);
    if (!set) timeValues.set(key, (set = new Set()));
    set.add(a.id);
  }
  const conflictValues = existing.filter((f) => f.kind === 'conflict').flatMap((f) => f.evidence.filter((e) => e.role === 'value'));
  const inConflict = (article: string, start: number, end: number) => conflictValues.some((e) => e.article === article && e.start < end && start < e.end);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const v of views) {
    if (!alignedKeys.has(v.key)) continue;
    const a = v.article;
    const add = (key: string, span: { start: number; end: number }, what: string) => {
      if (seen.has(`${a.id}:${key}`) || inConflict(a.id, span.start, span.end)) return;
      seen.add(`${a.id}:${key}`);
      out.push({
        id: nextId('x'),
        kind: 'exclusive',
        summary: `Only ${outletName(a)} ${what}`,
        evidence: [evidence(a, span, 'value'), evidence(a, v.claim, 'claim')],
        articles: [a.id],
        salience: v.claim.salience * 0.8,
        details: { detail: true },
      });
    };
    // (Indexed: every aligned statement reads its article's mentions.)
    const mentions = a.layers.entities ?? [];
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.start < v.claim.start || m.end > v.claim.end || m.via === 'pronoun') continue;
      const id = map.get(a.id)?.get(m.entity);
      if (!id || (entityArticles.get(id)?.size ?? 0) > 1) continue;
      add(`e:${id}`, m, `names ${names.get(id) ?? a.text.slice(m.start, m.end)}: “${a.text.slice(m.start, m.end)}”`);
    }
    for (const i of v.claim.times) {
      const t = a.layers.times?.[i];
      if (!t || (timeValues.get(t.symbolic ?? t.value)?.size ?? 0) > 1) continue;
      add(`t:${t.symbolic ?? t.value}`, t, `gives the time “${a.text.slice(t.start, t.end)}”`);
    }
    for (const i of v.claim.quantities) {
      const q = a.layers.quantities?.[i];
      if (!q) continue;
      const elsewhere = articles.some((b) => b !== a && (b.layers.quantities ?? []).some((x) => x.unit === q.unit && !numbersConflict(x, q)));
      if (!elsewhere) add(`q:${a.text.slice(q.start, q.end)}`, q, `gives the figure “${a.text.slice(q.start, q.end)}”`);
    }
  }
  return out;
}

/** "1 conflict", "2 conflicts": the summary's counts in the right number. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function storySummary(findings: readonly Finding[], articles: readonly Article[]): StoryComparison['summary'] {
  const out: StoryComparison['summary'] = [];
  const agreements = findings.filter((f) => f.kind === 'agreement' || f.kind === 'partial');
  const conflicts = findings.filter((f) => f.kind === 'conflict');
  const exclusives = findings.filter((f) => f.kind === 'exclusive');
  if (agreements.length) {
    out.push({ text: `${count(agreements.length, 'statement is', 'statements are')} reported by more than one outlet; the most central: ${agreements[0]!.summary}`, findings: agreements.slice(0, 3).map((f) => f.id) });
  }
  if (conflicts.length) {
    const types = [...new Set(conflicts.map((f) => f.type))].join(', ');
    out.push({ text: `${count(conflicts.length, 'conflict', 'conflicts')} (${types}). First: ${conflicts[0]!.summary}`, findings: conflicts.map((f) => f.id) });
  } else out.push({ text: 'No conflicts found between the reports.', findings: [] });
  for (const a of articles) {
    const own = exclusives.filter((f) => f.articles[0] === a.id);
    if (own.length) out.push({ text: `${count(own.length, 'statement', 'statements')} only in ${outletName(a)}.`, findings: own.map((f) => f.id) });
  }
  return out;
}
