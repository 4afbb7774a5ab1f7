import type { EntityMention, EntityType, Quantity, TimeExpression } from '../model/document.js';
import { samePredicate, type AlignedPair, type ClaimView } from './align.js';
import { evidence, excerpt, outletName } from './evidence.js';
import { diffWords, wordOverlap, type Hunk, type Word } from './token-diff.js';
import type { ConflictType, Evidence } from './types.js';
import { datesConflict, hedgeOf, isYear, numberOf, numbersConflict, readDate, readNumber, monthOf, weekdayOf } from './values.js';
import { concept, lexicon, stem } from '../annotate/lexicon.js';

export interface ConflictCandidate {
  type: ConflictType;
  summary: string;
  evidence: Evidence[];
  details?: Record<string, unknown>;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'his', 'her', 'their', 'we', 'i']);
const NAME_JOINERS = new Set(['.', '-', 'the', 'of', 'and', '&', "'s", '’s']);
const NUMERIC_CONTEXT = new Set(['$', '€', '£', '%', 'percent', 'per', 'cent', 'thousand', 'million', 'billion', 'trillion', 'bn', 'mn', 'm', 'k', 'tn']);

function isNumericWord(w: string): boolean {
  return numberOf(w) !== null || NUMERIC_CONTEXT.has(w.toLowerCase()) || hedgeOf(w.toLowerCase()) !== undefined;
}

/** Widens a hunk side to the whole number or date phrase it cuts into ("4.1" + "billion"). */
function widen(words: readonly Word[], from: number, to: number, accept: (w: string) => boolean): { from: number; to: number } {
  let f = from;
  let t = to;
  while (f > 0 && accept(words[f - 1]!.text)) f--;
  while (t < words.length && accept(words[t]!.text)) t++;
  return { from: f, to: t };
}

const isDateWord = (w: string) => weekdayOf(w) !== null || monthOf(w) !== null || isYear(w) || /^\d{1,2}(st|nd|rd|th)?$/.test(w) || w === ',';

function spanOf(words: readonly Word[], from: number, to: number): { start: number; end: number } | null {
  if (to <= from) return null;
  return { start: words[from]!.start, end: words[to - 1]!.end };
}

/** Where an insertion on the other side sits: the words around it. */
function around(words: readonly Word[], index: number): { start: number; end: number } | null {
  const before = words[Math.max(0, index - 1)];
  const after = words[Math.min(words.length - 1, index)];
  if (!before || !after) return null;
  return { start: Math.min(before.start, after.start), end: Math.max(before.end, after.end) };
}

/** The changed words with one word of context each side, or the words around an insertion point. */
function contextSpan(words: readonly Word[], index: number, length: number): { start: number; end: number } | null {
  if (length === 0) return around(words, index);
  const first = words[Math.max(0, index - 1)];
  const last = words[Math.min(words.length - 1, index + length)];
  return first && last ? { start: first.start, end: last.end } : null;
}

function isReportingWord(w: string): boolean {
  return lexicon().reportingVerbs.has(stem(w.toLowerCase()));
}

/** Differences between two near-identical wordings of one claim, read hunk by hunk. */
export function wordingConflicts(pair: AlignedPair): ConflictCandidate[] {
  const { a, b } = pair;
  const out: ConflictCandidate[] = [];
  const hunks = diffWords(a.words, b.words, a.wordIds, b.wordIds);
  for (const h of hunks) {
    const c = hunkConflict(a, b, h);
    if (c) out.push(c);
  }
  return out;
}

function hunkConflict(a: ClaimView, b: ClaimView, h: Hunk): ConflictCandidate | null {
  const aText = h.a.map((w) => w.text);
  const bText = h.b.map((w) => w.text);
  const oa = outletName(a.article);
  const ob = outletName(b.article);
  // Negation inserted or removed.
  const negA = aText.some((w) => lexicon().negationWords.has(w.toLowerCase()));
  const negB = bText.some((w) => lexicon().negationWords.has(w.toLowerCase()));
  // A negation put in or taken out is a short edit ("was" / "was not"), with no negation next to it on
  // the other side ("will not stand" / "will not, we will not, stand"); longer hunks are other wordings.
  const short = Math.max(h.a.length, h.b.length) <= 3;
  const negationNear = (words: readonly Word[], index: number, length: number) =>
    words.slice(Math.max(0, index - 1), index + length + 1).some((w) => lexicon().negationWords.has(w.text.toLowerCase()));
  if (negA !== negB && short && !(negA ? negationNear(b.words, h.bIndex, h.b.length) : negationNear(a.words, h.aIndex, h.a.length))) {
    const spanA = contextSpan(a.words, h.aIndex, h.a.length);
    const spanB = contextSpan(b.words, h.bIndex, h.b.length);
    if (spanA && spanB) {
      const ea = evidence(a.article, spanA, 'value');
      const eb = evidence(b.article, spanB, 'value');
      return { type: 'negation', summary: `Negation: ${oa} "${ea.text}" vs ${ob} "${eb.text}"`, evidence: [ea, eb] };
    }
  }
  // Dates: weekdays, months, years, days of month.
  const dateish = aText.some(isDateWord) || bText.some(isDateWord);
  if (dateish) {
    const wa = widen(a.words, h.aIndex, h.aIndex + h.a.length, isDateWord);
    const wb = widen(b.words, h.bIndex, h.bIndex + h.b.length, isDateWord);
    const da = readDate(a.words.slice(wa.from, wa.to).map((w) => w.text));
    const db = readDate(b.words.slice(wb.from, wb.to).map((w) => w.text));
    if (da && db) {
      const sa = spanOf(a.words, wa.from, wa.to);
      const sb = spanOf(b.words, wb.from, wb.to);
      if (datesConflict(da, db) && sa && sb) {
        const ea = evidence(a.article, trimComma(a, sa), 'value');
        const eb = evidence(b.article, trimComma(b, sb), 'value');
        return { type: 'date', summary: `Date: ${oa} says "${ea.text}", ${ob} says "${eb.text}"`, evidence: [ea, eb] };
      }
      return null;
    }
  }
  // Numbers, with their hedges, scale words and units.
  const numeric = aText.some(isNumericWord) || bText.some(isNumericWord);
  if (numeric) {
    const wa = widen(a.words, h.aIndex, h.aIndex + h.a.length, isNumericWord);
    const wb = widen(b.words, h.bIndex, h.bIndex + h.b.length, isNumericWord);
    const na = readNumber(a.words.slice(wa.from, wa.to).map((w) => w.text));
    const nb = readNumber(b.words.slice(wb.from, wb.to).map((w) => w.text));
    const sa = spanOf(a.words, wa.from, wa.to);
    const sb = spanOf(b.words, wb.from, wb.to);
    if (na && nb && sa && sb) {
      if ((na.unit ?? nb.unit) === (nb.unit ?? na.unit) && numbersConflict(na, nb)) {
        const ea = evidence(a.article, sa, 'value');
        const eb = evidence(b.article, sb, 'value');
        return { type: 'number', summary: `Figure: ${oa} says ${ea.text}, ${ob} says ${eb.text}`, evidence: [ea, eb], details: { a: na, b: nb } };
      }
      return null;
    }
  }
  // A different name next to a reporting verb: the words are attributed to someone else.
  // Names, allowing the words that join or lead them ("the United States", "Bank of America").
  const capitalised = (ws: string[]) =>
    ws.some((w) => /^\p{Lu}/u.test(w)) && ws.every((w) => /^\p{Lu}/u.test(w) || NAME_JOINERS.has(w.toLowerCase()));
  if (capitalised(aText) && capitalised(bText)) {
    // A pronoun for a name ("He accused" / "Trump accused") is the same speaker as far as the words tell.
    if ([aText, bText].some((ws) => ws.length === 1 && PRONOUNS.has(ws[0]!.toLowerCase()))) return null;
    const ma = mentionUnder(a, h.a);
    const mb = mentionUnder(b, h.b);
    // One entity under two names ("United States" / "U.S.") says the same thing; a nationality word
    // ("Russian officials" / "Moscow officials") names no one.
    if (ma && mb && sameEntity(a, ma, b, mb, aText.join(' '), bText.join(' '))) return null;
    if (ma?.type === 'MISC' || mb?.type === 'MISC') return null;
    // A different name next to a reporting verb: the words are attributed to someone else.
    const near = (words: readonly Word[], from: number, to: number) =>
      words.slice(Math.max(0, from - 3), Math.min(words.length, to + 3)).some((w) => isReportingWord(w.text));
    // (Places are not speakers: "that the United States was" names a place even after a reporting verb.)
    const places = ma?.type === 'LOC' && mb?.type === 'LOC';
    if (!places && (near(a.words, h.aIndex, h.aIndex + h.a.length) || near(b.words, h.bIndex, h.bIndex + h.b.length))) {
      const ea = evidence(a.article, spanOf(h.a, 0, h.a.length)!, 'value');
      const eb = evidence(b.article, spanOf(h.b, 0, h.b.length)!, 'value');
      return { type: 'speaker', summary: `Speaker: ${oa} attributes it to ${ea.text}, ${ob} to ${eb.text}`, evidence: [ea, eb] };
    }
    // Otherwise another name of the same kind in the same place: a different place or actor for the event.
    if (ma && mb && sameKind(ma.type, mb.type)) {
      const ea = evidence(a.article, ma, 'value');
      const eb = evidence(b.article, mb, 'value');
      const what = ma.type === 'LOC' ? 'Place' : ma.type === 'PER' ? 'Person' : 'Name';
      return { type: 'entity', summary: `${what}: ${oa} says ${ea.text}, ${ob} says ${eb.text}`, evidence: [ea, eb] };
    }
  }
  return null;
}

/** The entity mention that covers all the changed words, if one does. */
function mentionUnder(v: ClaimView, words: readonly Word[]): EntityMention | null {
  const named = words.filter((w) => !NAME_JOINERS.has(w.text.toLowerCase()));
  if (named.length === 0) return null;
  const start = named[0]!.start;
  const end = named[named.length - 1]!.end;
  const mentions = (v.article.layers.entities ?? []).filter((m) => m.via !== 'pronoun');
  // A title or first name changed in front of a name ("Dr. Walensky" / "Rochelle Walensky") belongs to that name.
  return mentions.find((m) => m.start <= start && m.end >= end) ?? mentions.find((m) => m.start >= end && /^[.\s]{0,2}$/.test(v.article.text.slice(end, m.start))) ?? null;
}

// Organisations and places are often the same word in news ("Moscow said", "the Kremlin"): both count as one kind.
const sameKind = (x: EntityType, y: EntityType) => x === y || (x !== 'PER' && y !== 'PER' && x !== 'MISC' && y !== 'MISC');

/** One entity under two names: resolved to one story entity, or names that are variants of each other. */
function sameEntity(a: ClaimView, ma: EntityMention, b: ClaimView, mb: EntityMention, changedA: string, changedB: string): boolean {
  if (a.storyEntity(ma.entity) === b.storyEntity(mb.entity)) return true;
  const text = (v: ClaimView, m: EntityMention) => v.article.text.slice(m.start, m.end);
  return sameName(text(a, ma), text(b, mb)) || sameName(changedA, changedB);
}

/** One name inside the other ("Trump", "Donald Trump"), initials ("U.S.", "United States"), abbreviations ("Ark.", "Arkansas"). */
export function sameName(x: string, y: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N} ]/gu, '').trim();
  const na = norm(x);
  const nb = norm(y);
  const wa = na.split(/\s+/);
  const wb = nb.split(/\s+/);
  const within = (p: string[], q: string[]) => p.every((w) => q.includes(w));
  const initials = (p: string[]) => p.map((w) => w[0]).join('');
  const compact = (s: string) => s.replace(/ /g, '');
  const abbreviates = (p: string, q: string) => p.length >= 2 && q.startsWith(p);
  return (
    within(wa, wb) || within(wb, wa) || compact(na) === initials(wb) || compact(nb) === initials(wa) ||
    (wa.length === 1 && wb.length === 1 && (abbreviates(na, nb) || abbreviates(nb, na)))
  );
}

function trimComma(v: ClaimView, s: { start: number; end: number }) {
  let { start, end } = s;
  const text = v.article.text;
  while (end > start && /[,\s]/.test(text[end - 1]!)) end--;
  while (start < end && /[,\s]/.test(text[start]!)) start++;
  return { start, end };
}

/** The quantities a claim gives. */
export function claimQuantities(v: ClaimView): Quantity[] {
  return v.claim.quantities.map((i) => v.article.layers.quantities?.[i]).filter((q): q is Quantity => !!q);
}

type Figure = { unit: string | null; low: number; high: number; value: number };

/** Whether one of these figures (other than `z` itself) is `z` in other words: same unit, within hedges and rounding. */
export function givesFigure(figures: readonly Figure[], z: Figure): boolean {
  return figures.some((q) => q !== z && q.unit === z.unit && !numbersConflict(q, z));
}

/** "more than 1 million wasted doses each": a figure per item, not the total another report gives. */
export function isPerItem(text: string, q: { end: number }): boolean {
  return /^[^.;,]{0,40}?\beach\b/.test(text.slice(q.end, q.end + 48));
}

/** A goal or plan ("our goal is to have 160 million") gives no count to hold against a report of what is. */
export function figuresComparable(a: ClaimView, b: ClaimView): boolean {
  return (a.claim.modality === 'planned') === (b.claim.modality === 'planned');
}

/** "No. 2", "#3": rank labels, not amounts. */
export function isRankLabel(text: string, q: { start: number }): boolean {
  return /(?:\bNo\.|#)\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

/** The measure a quantity is about: unit plus the concept of what it counts. */
export function measureKey(q: Quantity): string | null {
  if (q.kind === 'multiple' || q.kind === 'ratio') return `multiple:${q.countedHead ? concept(q.countedHead) : ''}`;
  const head = q.countedHead ? concept(q.countedHead) : null;
  if (!head && !q.unit) return null;
  return `${q.kind}:${q.unit ?? ''}:${head ?? ''}`;
}

function timeClass(t: TimeExpression): { cls: string; key: string } | null {
  const v = t.symbolic ?? t.value;
  const wd = /W\w*-(\d)$/.exec(v);
  if (wd) return { cls: 'weekday', key: wd[1]! };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t.value)) return { cls: 'day', key: t.value };
  if (/^\d{4}-\d{2}$/.test(t.value)) return { cls: 'month', key: t.value };
  if (/^\d{4}$/.test(t.value)) return { cls: 'year', key: t.value };
  return null;
}

/**
 * "an official said Tuesday", "was the first to report on Thursday": the day of a statement, not of the event
 * it reports, so it is not compared with the event's date.
 */
function isStatementDate(text: string, t: { start: number; end: number }): boolean {
  const before = /(\p{L}+)\s+(?:on\s+|late\s+|early\s+)?$/u.exec(text.slice(Math.max(0, t.start - 24), t.start));
  const after = /^,?\s+(\p{L}+)/u.exec(text.slice(t.end, t.end + 24));
  return [before?.[1], after?.[1]].some((w) => w !== undefined && /^\p{Ll}/u.test(w) && isReportingWord(w));
}

/** Conflicts read from the annotation layers of two aligned claims (quantities, times, polarity, modality). */
export function layerConflicts(pair: AlignedPair, sameWording = false): ConflictCandidate[] {
  const { a, b } = pair;
  const out: ConflictCandidate[] = [];
  const oa = outletName(a.article);
  const ob = outletName(b.article);
  const countable = (v: ClaimView) =>
    figuresComparable(a, b) ? claimQuantities(v).filter((q) => !isRankLabel(v.article.text, q) && !isPerItem(v.article.text, q)) : [];
  const qa = countable(a);
  const qb = countable(b);
  // One conflict per measure between two statements (a figure repeated in one statement is one difference).
  const reported = new Set<string>();
  for (const x of qa) {
    const key = measureKey(x);
    if (!key || !x.countedHead || reported.has(key)) continue;
    // A figure of b that one of a's own figures already matches ("50-50, short of the 60 votes needed" vs "needed
    // 60 votes") is accounted for: it is no counterpart to a's other figure.
    // (Whatever measure it was read as: "fell to 385,000 from a revised 405,000" vs "was revised to 405,000".)
    if (givesFigure(qb, x)) continue;
    const same = qb.filter((y) => measureKey(y) === key && !givesFigure(qa, y));
    if (same.length === 0 || same.some((y) => !numbersConflict(x, y))) continue;
    const y = same[0]!;
    reported.add(key);
    const ea = evidence(a.article, x, 'value');
    const eb = evidence(b.article, y, 'value');
    out.push({ type: 'number', summary: `Figure for ${x.counted?.text ?? x.countedHead}: ${oa} ${ea.text}, ${ob} ${eb.text}`, evidence: [ea, eb] });
  }
  // Dates are compared as written ("Tuesday" vs "Wednesday", "2002" vs "2003"): relative expressions and
  // resolved values depend on an anchor, so they are not read as contradictions.
  const written = (v: ClaimView) =>
    v.claim.times
      .map((i) => v.article.layers.times?.[i])
      .filter((t): t is TimeExpression => !!t && t.type === 'DATE' && !isStatementDate(v.article.text, t))
      .map((t) => ({ t, d: readDate(v.article.text.slice(t.start, t.end).split(/\s+|(?=,)/)) }))
      .filter((x): x is { t: TimeExpression; d: NonNullable<typeof x.d> } => x.d !== null);
  const da = written(a);
  const db = written(b);
  const comparable = (x: (typeof da)[number]['d'], y: (typeof da)[number]['d']) =>
    (['weekday', 'month', 'day', 'year'] as const).some((f) => x[f] !== null && y[f] !== null);
  let clash: [TimeExpression, TimeExpression] | null = null;
  let agrees = false;
  for (const x of da) for (const y of db) {
    if (!comparable(x.d, y.d)) continue;
    if (datesConflict(x.d, y.d)) clash ??= [x.t, y.t];
    else agrees = true;
  }
  // Only for statements about the same act: years in loosely related statements date different events.
  if (clash && !agrees && pair.similarity >= 0.4 && samePredicate(a, b)) {
    const ea = evidence(a.article, clash[0], 'value');
    const eb = evidence(b.article, clash[1], 'value');
    out.push({ type: 'date', summary: `Date: ${oa} says "${ea.text}", ${ob} says "${eb.text}"`, evidence: [ea, eb] });
  }
  const done = (m: string) => m === 'done';
  const notYet = (m: string) => m === 'ready' || m === 'planned';
  // Done vs not yet only for claims about the same act: similar, and sharing at least two content words.
  const sharedWords = a.claim.keywords.filter((k) => b.claim.keywords.includes(k)).length;
  // (Near-identical wordings are read word by word instead: their cues are compared in place.)
  const sameAct = !sameWording && pair.similarity >= 0.35 && sharedWords >= 2 && samePredicate(a, b);
  const doneVsNotYet = (d: ClaimView, n: ClaimView) => done(d.claim.modality) && notYet(n.claim.modality) && sameActNotYet(d, n);
  if (sameAct && (doneVsNotYet(a, b) || doneVsNotYet(b, a))) {
    const cueA = a.claim.cues[0] ?? a.claim.predicate;
    const cueB = b.claim.cues[0] ?? b.claim.predicate;
    if (cueA && cueB) {
      const ea = evidence(a.article, cueA, 'value');
      const eb = evidence(b.article, cueB, 'value');
      out.push({
        type: 'modality',
        summary: `Done or not yet: ${oa} says "${ea.text}" (${a.claim.modality}), ${ob} says "${eb.text}" (${b.claim.modality})`,
        evidence: [ea, eb],
      });
    }
  }
  if (pair.similarity >= 0.5 && sameAct && a.claim.polarity !== b.claim.polarity) {
    const cueA = a.claim.polarity === 'negative' ? a.claim.cues[0] : a.claim.predicate;
    const cueB = b.claim.polarity === 'negative' ? b.claim.cues[0] : b.claim.predicate;
    if (cueA && cueB) {
      const ea = evidence(a.article, cueA, 'value');
      const eb = evidence(b.article, cueB, 'value');
      out.push({ type: 'negation', summary: `Negation: ${oa} "${excerpt(ea.text, 60)}" vs ${ob} "${excerpt(eb.text, 60)}"`, evidence: [ea, eb] });
    }
  }
  return out;
}

/**
 * Whether the not-yet claim's cue bears on the act the done claim reports: "signed" against "is ready for
 * signing" or "intends to sign", not against "legislation that would pour" or "will tighten".
 */
function sameActNotYet(doneClaim: ClaimView, notYetClaim: ClaimView): boolean {
  const act = doneClaim.claim.predicate;
  if (!act) return false;
  const actConcept = concept(act.text.toLowerCase());
  const text = notYetClaim.article.text;
  return notYetClaim.claim.cues.some((cue) => {
    // The verb the cue bears on: the last word of a longer cue ("ready for signing"), or the first word
    // after it that is not an auxiliary ("intends to sign", "will also share").
    const inCue = (text.slice(cue.start, cue.end).toLowerCase().match(/\p{L}+/gu) ?? []).slice(1).slice(-1).filter((w) => !AUXILIARIES.has(w) && w !== 'for');
    const after = text.slice(cue.end, Math.min(notYetClaim.claim.end, cue.end + 40)).toLowerCase().match(/\p{L}+/gu) ?? [];
    const verb = after.find((w) => !AUXILIARIES.has(w));
    return [...inCue, ...(verb ? [verb] : [])].some((w) => concept(w) === actConcept);
  });
}

const AUXILIARIES = new Set(['to', 'be', 'been', 'being', 'have', 'has', 'also', 'not', 'soon', 'now', 'then', 'still', 'formally', 'officially']);

/** Near-identical wording (e.g. an edited copy) is read word by word; other pairs through their layers. */
export function pairConflicts(pair: AlignedPair): ConflictCandidate[] {
  // A claim that has a much closer match elsewhere in the other article is compared with that one.
  if ((pair.dominance ?? 1) < 0.85) return [];
  const overlap = wordOverlap(pair.a.words, pair.b.words, pair.a.wordIds, pair.b.wordIds);
  const fromWords = overlap >= 0.5 ? wordingConflicts(pair) : [];
  const fromLayers = layerConflicts(pair, overlap >= 0.5);
  // A conflict found both ways is reported once (the wording span is tighter).
  const overlapsAny = (c: ConflictCandidate) =>
    fromWords.some((w) => w.type === c.type || w.evidence.some((e) => c.evidence.some((f) => e.article === f.article && e.start < f.end && f.start < e.end)));
  return [...fromWords, ...fromLayers.filter((c) => !overlapsAny(c))];
}
