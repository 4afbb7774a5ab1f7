import type { Quantity, TimeExpression } from '../model/document.js';
import { concept, lexicon, stem } from '../annotate/lexicon.js';
import type { ClaimView } from './align.js';
import type { Lexicon, PhraseAlignment } from './lexical/index.js';
import { numbersConflict } from './values.js';
import { factLexicon } from './facts/lexicon.js';

/** Relations close enough for two words to state one thing (vector neighbours only from this score up). */
const CLOSE_RELATIONS = new Set(['same', 'synonym', 'derivation', 'hypernym']);
const CLOSE_SCORE = 0.8;
/** Content words of the shorter statement (weighted by rarity) that the longer must state too. */
export const FACT_COVERAGE = 0.3;
/** ... and at least this many of them: one shared word ("refused" / "denied") is a topic, not a fact. */
export const FACT_WORDS = 2;
export const FACT_RUN = 3;

export interface FactMatch {
  /** Content units (names aside) of the shorter statement matched closely, one-to-one, in the longer. */
  matched: string[];
  /** Those matched by the same word or a synonym. */
  exact: string[];
  /** Their share of the shorter statement's content, weighted by rarity. */
  coverage: number;
  /** Index (0 = a, 1 = b) of the statement with fewer content units: what both say. */
  shorter: 0 | 1;
  /** Content units (names aside) of the shorter statement. */
  shorterUnits: number;
  /** Each statement names a person by a noun the other does not match ("recorded by a magistrate" / "a constable recorded"): two people. */
  otherPeople: boolean;
  /** Longest run of units, in order on both sides, matched closely one-to-one ("Russian military base"), and whether it holds a word that is no name. */
  run: number;
  runHasContent: boolean;
}

const isClose = (p: PhraseAlignment['pairs'][number]) => (p.relation !== null && CLOSE_RELATIONS.has(p.relation)) || p.score >= CLOSE_SCORE;

/** "himself", "themselves": who, said again, not what is said. */
const REFLEXIVE = /^(?:my|your|him|her|it|our|them|one)sel(?:f|ves)$/;

/** Words written with a capital in a statement, lower case: names, which are participants, not what is said of them. */
function capitalised(text: string): Set<string> {
  let out = capitalisedMemo.get(text);
  if (!out) {
    if (capitalisedMemo.size >= MEMO_TEXTS) capitalisedMemo.clear();
    capitalisedMemo.set(text, (out = new Set((text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'")))));
  }
  return out;
}
/** Statements and clauses read again and again within a story (every pair a statement is in). */
const capitalisedMemo = new Map<string, Set<string>>();
const MEMO_TEXTS = 20_000;

/**
 * Whether two statements state one fact, read from the word alignment of the lexicon: names aside, the content
 * words of the shorter must be found, closely related and one-to-one, in the longer ("were being treated after
 * possibly being exposed to fentanyl" / "were transported for hospital treatment ... using fentanyl"). Two
 * sentences that share a name and loosely similar words ("holding a headscarf with the image of Iran's supreme
 * leader" / "Iran's supreme leader ... responded") do not.
 */
export function factMatch(
  al: PhraseAlignment,
  textA: string,
  textB: string,
  namesA: ReadonlySet<string> = new Set(),
  namesB: ReadonlySet<string> = new Set(),
  isPerson: (unit: string) => boolean = () => false,
): FactMatch {
  const capA = new Set([...capitalised(textA), ...namesA]);
  const capB = new Set([...capitalised(textB), ...namesB]);
  const isName = (unit: string, cap: Set<string>) => unit.split(' ').every((p) => cap.has(p));
  const nA = al.unitsA.length;
  const side = (pairs: PhraseAlignment['pairs'], cap: Set<string>) => {
    const content = pairs.filter((p) => !isName(p.a, cap) && !REFLEXIVE.test(p.a));
    const close = content.filter((p) => p.oneToOne && p.b !== null && isClose(p));
    const weight = content.reduce((s, p) => s + p.weight, 0);
    return { n: content.length, matched: close.map((p) => p.a), exact: close.filter((p) => p.relation === 'same' || p.relation === 'synonym').map((p) => p.a), coverage: weight > 0 ? close.reduce((s, p) => s + p.weight, 0) / weight : 0 };
  };
  // Runs of one-to-one close matches that follow each other on both sides (units are in phrase order).
  const indexB = new Map(al.unitsB.map((u, j) => [u, j]));
  let run = 0;
  let runHasContent = false;
  let cur = 0;
  let curContent = false;
  let lastJ = -2;
  // A title and its modifier ("Iran's supreme leader, Ayatollah Ali Khamenei") name a participant: no content of a run.
  const said = (i: number) => {
    const u = al.unitsA[i]!;
    const next = al.unitsA[i + 1];
    return !isName(u, capA) && !isPerson(u) && !(next !== undefined && isPerson(next));
  };
  al.pairs.slice(0, nA).forEach((p, i) => {
    const j = p.oneToOne && p.b !== null && isClose(p) ? indexB.get(p.b) ?? -2 : -2;
    if (j >= 0 && j === lastJ + 1) {
      cur++;
      curContent ||= said(i);
    } else {
      cur = j >= 0 ? 1 : 0;
      curContent = j >= 0 && said(i);
    }
    lastJ = j;
    if (cur > run || (cur === run && curContent)) {
      run = cur;
      runHasContent = curContent;
    }
  });
  const a = side(al.pairs.slice(0, nA), capA);
  const b = side(al.pairs.slice(nA), capB);
  const unmatchedPerson = (pairs: PhraseAlignment['pairs'], cap: Set<string>) =>
    pairs.some((p) => !isName(p.a, cap) && isPerson(p.a) && !(p.b !== null && isClose(p)));
  const otherPeople = unmatchedPerson(al.pairs.slice(0, nA), capA) && unmatchedPerson(al.pairs.slice(nA), capB);
  const shorter = a.n <= b.n ? 0 : 1;
  const s = shorter === 0 ? a : b;
  return { matched: s.matched, exact: s.exact, coverage: s.coverage, shorter, shorterUnits: s.n, otherPeople, run, runHasContent };
}

export function statesOneFact(m: FactMatch): boolean {
  if (m.otherPeople) return false;
  // (Or one thing named the same way in both, a phrase of three units or more: "Russian investment in Kyrgyzstan".)
  return (m.matched.length >= FACT_WORDS && m.coverage >= FACT_COVERAGE) || (m.run >= FACT_RUN && m.runHasContent);
}

/** Predicates that report or link ("said", "was", "had") and say nothing of which act a statement states. */
/** Share of the shorter statement's content found from which the predicate need not be. */
const PREDICATE_FREE_COVERAGE = 0.5;
/** Vector score from which an inflected verb counts as the predicate's counterpart. */
const VERB_NEIGHBOUR = 0.55;
const LINKING_PREDICATES = new Set(['say', 'tell', 'add', 'be', 'have', 'do', 'get', 'make', 'go', 'come', 'take']);

/**
 * Whether the act of either statement (its predicate, "cracked down", "signed") is found closely in the other, when
 * little of the shorter's content is: two statements that share a place and a noun ("police in Uttar Pradesh,
 * India's most populous state, cracked down on a university" / "protests turned violent ... in the populous northern
 * state of Uttar Pradesh") but whose acts differ state two facts. Statements without a predicate of their own, or
 * with a linking one, pass.
 */
export function predicateFound(
  al: PhraseAlignment,
  m: FactMatch,
  predicates: readonly [string | null, string | null],
  isVerbForm: (word: string) => boolean,
): boolean {
  // (Most of the shorter statement's content found is a fact already, whatever its predicate parse says.)
  if (m.coverage >= PREDICATE_FREE_COVERAGE) return true;
  const nA = al.unitsA.length;
  const found = (word: string | null, pairs: PhraseAlignment['pairs']): boolean | null => {
    if (!word) return null;
    const lower = word.toLowerCase();
    const lemma = concept(lower);
    if (LINKING_PREDICATES.has(lemma)) return null;
    const unit = pairs.find((p) => p.a.split(' ').some((part) => part === lower || concept(part) === lemma));
    if (!unit) return null;
    // (Close, or a verb near it by the vectors: "released" / "announced", "hurled" / "fired".)
    return unit.b !== null && (isClose(unit) || (unit.score >= VERB_NEIGHBOUR && isVerbForm(unit.b)));
  };
  const a = found(predicates[0], al.pairs.slice(0, nA));
  const b = found(predicates[1], al.pairs.slice(nA));
  // (Two statements whose acts are each missing from the other; one act unread, "said", proves nothing.)
  return !(a === false && b === false);
}

/**
 * Figures of one kind (same unit, same thing counted) that disagree, and none that agree: two statements giving
 * "nine minutes" and "48 minutes" report two moments, not one.
 */
export function valuesClash(a: ClaimView, b: ClaimView): boolean {
  let clash = false;
  for (const x of finiteQuantities(a)) {
    for (const y of finiteQuantities(b)) {
      if (!sameKind(x, y)) continue;
      if (!numbersConflict(x.q, y.q)) return false;
      clash = true;
    }
  }
  return clash;
}

/** A statement's figures with a finite value, each with its kind (what is measured: unit and thing counted), read once per statement. */
function finiteQuantities(v: ClaimView): { q: Quantity; kind: string }[] {
  let out = quantitiesMemo.get(v);
  if (!out) {
    out = v.claim.quantities
      .map((i) => v.article.layers.quantities?.[i])
      .filter((q): q is Quantity => !!q && Number.isFinite(q.value))
      .map((q) => ({ q, kind: quantityKind(q) }));
    quantitiesMemo.set(v, out);
  }
  return out;
}
const quantitiesMemo = new WeakMap<ClaimView, { q: Quantity; kind: string }[]>();
/**
 * Figures of one kind: the same kind and thing counted, or, for figures with a unit, one of them without a thing
 * counted read ("the tax rate for 2014 was 35.7 percent" / "an effective tax rate of 31.55 percent").
 */
function sameKind(x: { q: Quantity; kind: string }, y: { q: Quantity; kind: string }): boolean {
  if (x.kind === y.kind) return true;
  return x.q.unit !== null && x.q.unit === y.q.unit && x.q.kind === y.q.kind && (!x.q.countedHead || !y.q.countedHead);
}
const quantityKind = (q: Quantity) => `${q.kind}:${q.unit ?? ''}:${q.countedHead ? concept(q.countedHead) : ''}`;

/**
 * Durations of one statement that none of the other's match ("nine minutes into the encounter" / "On 48
 * minutes"): two moments, not one (the time layer's resolved values).
 */
export function durationsClash(a: ClaimView, b: ClaimView): boolean {
  const da = durations(a);
  const db = durations(b);
  return da.size > 0 && db.size > 0 && ![...da].some((d) => db.has(d));
}

/** The resolved durations a statement gives, read once per statement. */
function durations(v: ClaimView): Set<string> {
  let out = durationsMemo.get(v);
  if (!out) {
    out = new Set(v.claim.times.map((i) => v.article.layers.times?.[i]).filter((t) => t?.type === 'DURATION' && t.resolved).map((t) => t!.value));
    durationsMemo.set(v, out);
  }
  return out;
}
const durationsMemo = new WeakMap<ClaimView, Set<string>>();

const MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;

/**
 * Calendar dates a statement places its fact at, resolved to a day, month or year ("earlier this year": 2018; "in
 * 2017"). Not a year naming a thing ("the 2020 census", "the 2010 law") nor a bound of a span ("since 1979", "dating back
 * to 2015"). A day written without its year ("June 28") keeps no year: resolving it picks one, sometimes the wrong one.
 */
function calendarDates(v: ClaimView): string[] {
  const text = v.article.text;
  const out: string[] = [];
  for (const i of v.claim.times) {
    const t = v.article.layers.times?.[i];
    // (Resolved against a guessed date, not the report's own: too unsure to hold against another.)
    if (!t || t.type !== 'DATE' || !t.resolved || t.anchor === 'estimated' || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(t.value)) continue;
    if (/\b(?:since|until|till|before|after|from|to|through|between)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?$/i.test(text.slice(Math.max(0, t.start - 20), t.start))) continue;
    // (Nor the date of a clause about another time: "the first since Martin Luther King Jr. Day was added in 1983".)
    const clause = text.slice(Math.max(0, t.start - 80), t.start).split(/[,;:!?()—–]/).pop()!;
    if (/\b(?:since|until|before|after)\b/i.test(clause)) continue;
    const said = text.slice(t.start, t.end);
    const next = /^\s+(\p{Ll}+)/u.exec(text.slice(t.end, t.end + 24))?.[1];
    if (/^\d{4}$/.test(said) && next && !lexicon().stopwords.has(next)) continue;
    out.push(!/\d{4}/.test(said) && MONTH.test(said) ? t.value.replace(/^\d{4}/, 'XXXX') : t.value);
  }
  return out;
}

/**
 * Dates of two statements that none of the other's meet, two of them told as precisely ("repaid ... earlier this year"
 * in 2018 / "said in 2017 that ... repaid"): the statements place their facts at different times, so they do not agree
 * on them. Two dates meet when one lies within the other ("2018" / "2018-03-12").
 */
export function datesClash(a: ClaimView, b: ClaimView): boolean {
  const da = calendarDates(a);
  const db = calendarDates(b);
  // (A day without its year meets the same day of any year.)
  const yearless = (x: string, y: string) => (x.startsWith('XXXX') || y.startsWith('XXXX') ? [x.slice(4), y.slice(4)] : [x, y]);
  const meet = (x: string, y: string) => {
    const [p, q] = yearless(x, y);
    return p!.startsWith(q!) || q!.startsWith(p!);
  };
  // Two dates told as precisely ("Tuesday" / "Wednesday", "earlier this year" / "in 2017") that differ; a day against a
  // month is more often the dates of two facts of one sentence ("Earlier Friday ... since declaring in July").
  const clash = da.some((x) => db.some((y) => x.length === y.length && !meet(x, y)));
  return clash && !da.some((x) => db.some((y) => meet(x, y)));
}

/** Figures or durations of one kind that disagree, and none that agree. */
export const measuresClash = (a: ClaimView, b: ClaimView): boolean => valuesClash(a, b) || durationsClash(a, b);

/** How a clause holds its act: possible ("could issue", "a chance to win"), planned or hoped ("would issue"), or stated. */
export type ClauseModality = 'possible' | 'planned' | 'stated';
let modalityCues: { possible: RegExp; planned: RegExp } | null = null;
export function clauseModality(text: string): ClauseModality {
  let m = modalityMemo.get(text);
  if (!m) {
    if (modalityMemo.size >= MEMO_TEXTS) modalityMemo.clear();
    modalityMemo.set(text, (m = readModality(text)));
  }
  return m;
}
const modalityMemo = new Map<string, ClauseModality>();
function readModality(text: string): ClauseModality {
  if (!modalityCues) {
    const cue = (list: readonly string[]) => new RegExp(`(?<![\\p{L}'’])(?:${list.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}])`, 'iu');
    const m = lexicon().modality;
    modalityCues = { possible: cue(m.possible), planned: cue(m.planned) };
  }
  return modalityCues.possible.test(text) ? 'possible' : modalityCues.planned.test(text) ? 'planned' : 'stated';
}

/**
 * One clause holds as possible what the other states or plans ("could issue subpoenas" / "hoped the committee would
 * issue the subpoenas"; "given a chance to win $1 million" / "won $1 million"). (Planned against stated is too
 * common in long clauses, "said he had a good relationship with Kim and thought he would keep his word", to tell.)
 */
export const onlyOnePossible = (a: string, b: string): boolean => (clauseModality(a) === 'possible') !== (clauseModality(b) === 'possible');

/** How a statement holds an act it names: under a negation, a possibility or a plan ("would be indicted"), or told done ("was indicted"). */
export type ActHold = 'negated' | 'possible' | 'planned' | 'done';

/** Words between a cue and its verb ("would not have been charged", "will also share"). */
const CUE_PASS_OVER = new Set(['be', 'been', 'being', 'have', 'has', 'had', 'also', 'still', 'yet', 'ever', 'even', 'soon', 'then', 'now', 'again', 'later', 'immediately', 'actually', 'formally', 'officially', 'just']);
/** Words ending in -ly that are no adverbs a cue passes over. */
const LY_WORDS = new Set(['only', 'early', 'likely', 'family', 'rally', 'apply', 'reply', 'supply', 'italy', 'daily', 'weekly', 'monthly', 'yearly']);
let holdCues: { words: string[]; hold: ActHold }[] | null = null;
function actHoldCues(): { words: string[]; hold: ActHold }[] {
  if (!holdCues) {
    const m = lexicon().modality;
    const list = (cues: readonly string[], hold: ActHold) => cues.map((c) => ({ words: c.toLowerCase().split(/\s+/), hold }));
    // (Longest first: "has yet to" before "to".)
    holdCues = [...list(m.negation, 'negated'), ...list(m.possible, 'possible'), ...list(m.planned, 'planned')].sort((x, y) => y.words.length - x.words.length);
  }
  return holdCues;
}

/**
 * The acts a statement names with how it holds each, by concept: a word right after a cue of negation, possibility or
 * plan (modality.json; auxiliaries and adverbs between, "would be indicted", "will not be charged") is held so; a past
 * form with no cue before it ("was indicted", "after being indicted", "directed") is told done.
 */
export function actHolds(text: string): Map<string, Set<ActHold>> {
  let out = holdsMemo.get(text);
  if (out) return out;
  out = new Map();
  const stop = lexicon().stopwords;
  const irregular = lexicon().irregular;
  // (Light verbs, "took questions" / "did not take questions", name no act of their own.)
  const light = factLexicon().lightVerbs;
  const words = [...text.matchAll(/\p{L}[\p{L}'’]*/gu)].map((m) => ({ lower: m[0].toLowerCase().replace(/’/g, "'"), start: m.index!, end: m.index! + m[0].length, upper: /^\p{Lu}/u.test(m[0]) }));
  // A clause ends between two words at punctuation.
  const joined = (k: number) => !/[.;:!?,"“”()—–]/.test(text.slice(words[k]!.end, words[k + 1]!.start));
  const cues = actHoldCues();
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (w.upper || w.lower.length < 4 || stop.has(w.lower) || CUE_PASS_OVER.has(w.lower) || light.has(stem(w.lower)) || light.has(concept(w.lower))) continue;
    let j = i - 1;
    while (j >= 0 && joined(j) && (CUE_PASS_OVER.has(words[j]!.lower) || (words[j]!.lower.endsWith('ly') && words[j]!.lower.length >= 5 && !LY_WORDS.has(words[j]!.lower)))) j--;
    if (j < 0 || !joined(j)) continue;
    let hold: ActHold | null = null;
    const last = words[j]!.lower;
    if (last.endsWith("n't")) hold = 'negated';
    else if (last.endsWith("'ll")) hold = 'planned';
    else {
      for (const c of cues) {
        const from = j - c.words.length + 1;
        // ("May 1 fell": a month, not a possibility.)
        if (from < 0 || !c.words.every((cw, k) => words[from + k]!.lower === cw && !words[from + k]!.upper && (k === 0 || joined(from + k - 1)))) continue;
        hold = c.hold;
        break;
      }
    }
    // Told done: a past form ("indicted", "flew") with no cue before it; an infinitive ("scheduled to be arraigned") is not.
    if (!hold && last !== 'to' && ((w.lower.endsWith('ed') && stem(w.lower) !== w.lower) || irregular.has(w.lower))) hold = 'done';
    if (!hold) continue;
    const c = concept(w.lower);
    (out.get(c) ?? out.set(c, new Set()).get(c)!).add(hold);
  }
  if (holdsMemo.size >= MEMO_TEXTS) holdsMemo.clear();
  holdsMemo.set(text, out);
  return out;
}
const holdsMemo = new Map<string, Map<string, Set<ActHold>>>();

/**
 * One act that one statement tells done and the other holds only as possible or planned ("it was a possibility that he
 * would be indicted" / "after being indicted by a federal grand jury"): the two state different things about it,
 * however much else they share. (An act held both ways within one statement decides nothing; a negation is too often
 * another participant's, "others who did not work for him" / "some who worked in his office", to tell.)
 */
export function heldApart(a: string, b: string): boolean {
  const ha = actHolds(a);
  const hb = actHolds(b);
  const onlyDone = (s: Set<ActHold>) => s.size === 1 && s.has('done');
  const neverDone = (s: Set<ActHold>) => !s.has('done') && !s.has('negated');
  for (const [c, sa] of ha) {
    const sb = hb.get(c);
    if (!sb) continue;
    if ((onlyDone(sa) && neverDone(sb)) || (onlyDone(sb) && neverDone(sa))) return true;
  }
  return false;
}

/** The word alignment of two statements, memoised per pair of claims (each is asked several times). */
export function alignmentMemo(lex: Lexicon): (a: ClaimView, b: ClaimView) => PhraseAlignment {
  const memo = new Map<string, PhraseAlignment>();
  const said = (v: ClaimView) => v.article.text.slice(v.claim.start, v.claim.end);
  return (a, b) => {
    const key = `${a.key}|${b.key}`;
    let al = memo.get(key);
    if (!al) memo.set(key, (al = lex.alignPhrases(said(a), said(b))));
    return al;
  };
}

/** Candidate pairs from this similarity up are read clause by clause for one shared fact. */
export const CLAUSE_SIMILARITY = 0.1;
/** Share of the shorter clause's content that the other clause must state. */
const CLAUSE_COVERAGE = 0.45;
/** Words this frequent ("said", "also") say nothing of which fact a clause states. */
const MIN_WORD_WEIGHT = 0.6;
/** A word this rare ("ally", "tear gas") names what is said of two shared participants on its own. */
const RARE_WORD_WEIGHT = 0.8;

export interface ClauseAgreement {
  a: ClaimView;
  b: ClaimView;
  /** The two clauses (spans of their articles' text) that state the fact. */
  spanA: { start: number; end: number };
  spanB: { start: number; end: number };
  /** Which of the two is the shorter (quoted). */
  shorter: 0 | 1;
  /** What ties the two: a figure both clauses give, or one speaker saying the same thing. */
  via: 'figure' | 'speaker' | 'tied';
}

/** The clauses of a statement: stretches between commas, semicolons, colons, dashes and "while". */
export function clausesOf(v: ClaimView): { start: number; end: number }[] {
  let out = clausesMemo.get(v);
  if (!out) clausesMemo.set(v, (out = cutClauses(v)));
  return out;
}
const clausesMemo = new WeakMap<ClaimView, { start: number; end: number }[]>();
function cutClauses(v: ClaimView): { start: number; end: number }[] {
  const text = v.article.text;
  const out: { start: number; end: number }[] = [];
  const cut = /[,;:—–]\s*|\s+while\s+/g;
  let from = v.claim.start;
  const body = text.slice(v.claim.start, v.claim.end);
  for (const m of body.matchAll(cut)) {
    out.push({ start: from, end: v.claim.start + m.index! });
    from = v.claim.start + m.index! + m[0].length;
  }
  out.push({ start: from, end: v.claim.end });
  return out.filter((c) => c.end - c.start >= 8);
}

/**
 * Words that name a participant of a claim rather than say something of it: its entity mentions and their titles
 * ("Iran's supreme leader", "the Russian president"), lower case.
 */
export function nameWords(v: ClaimView): Set<string> {
  let out = nameWordsMemo.get(v);
  if (!out) nameWordsMemo.set(v, (out = readNameWords(v)));
  return out;
}
const nameWordsMemo = new WeakMap<ClaimView, Set<string>>();
function readNameWords(v: ClaimView): Set<string> {
  const out = new Set<string>();
  for (const m of v.article.layers.entities ?? []) {
    if (m.start < v.claim.start || m.end > v.claim.end) continue;
    const role = v.article.layers.entityIndex?.find((e) => e.id === m.entity)?.role ?? '';
    const said = `${v.article.text.slice(m.start, m.end)} ${m.role ?? ''} ${role}`.toLowerCase().replace(/’/g, "'");
    for (const w of said.match(/[\p{L}'-]+/gu) ?? []) out.add(w.replace(/'s$/, ''));
  }
  return out;
}

/** Who says a claim: the speaker of reported speech, when resolved to a story entity. */
const speakerOf = (v: ClaimView): string | null => (v.speaker && !v.speaker.startsWith('mention:') ? v.speaker : null);
/** Verbs of saying: that one speaker spoke twice is not yet what was said. */
const SAYING = /^(?:say|said|says|tell|told|tweet|tweeted|tweets|wrote|write|add|added|state|stated|announce|announced)$/;
const NEGATION = /\b(?:not|no|never|nor|without|denied|denies|deny)\b|n['’]t\b/i;
const negated = (text: string) => NEGATION.test(text);
/** Units that never count as a word two clauses share: saying, negation, contractions. */
const notShared = (u: string) => SAYING.test(u) || NEGATION.test(u) || /['’]/.test(u);
/** Story entities mentioned inside a span of a claim's article. */
function mentionedIn(v: ClaimView, span: { start: number; end: number }): Set<string> {
  let byStart = mentionedMemo.get(v);
  if (!byStart) mentionedMemo.set(v, (byStart = new Map()));
  const key = `${span.start}:${span.end}`;
  let out = byStart.get(key);
  if (!out) byStart.set(key, (out = readMentioned(v, span)));
  return out;
}
const mentionedMemo = new WeakMap<ClaimView, Map<string, Set<string>>>();
function readMentioned(v: ClaimView, span: { start: number; end: number }): Set<string> {
  const out = new Set<string>();
  for (const m of v.article.layers.entities ?? []) if (m.start >= span.start && m.end <= span.end) out.add(v.storyEntity(m.standsFor ?? m.entity));
  return out;
}

/** Each clause names people and none of them is in the other: the figure is said of different people. */
function otherPeople(a: ClaimView, ca: { start: number; end: number }, b: ClaimView, cb: { start: number; end: number }): boolean {
  const inA = [...mentionedIn(a, ca)].filter((e) => a.people.has(e));
  const inB = [...mentionedIn(b, cb)].filter((e) => b.people.has(e));
  return inA.length > 0 && inB.length > 0 && !inA.some((e) => inB.includes(e));
}

/**
 * Facts two statements share when each says more besides ("citing growing bilateral trade, the country's dependence
 * on Russian energy supplies and ..." / "highlighted record bilateral trade: turnover grew 13.6%"): the clauses of
 * two statements anchored by a shared participant or figure are matched, one-to-one per pair of articles; a clause
 * pair agrees when most of the shorter clause's content (2 words or more, names and very frequent words aside) is
 * found closely in the other. Pairs already agreeing or in conflict are not read.
 */
export function clauseAgreements(
  candidates: readonly { a: ClaimView; b: ClaimView; similarity: number }[],
  lex: Lexicon,
  skip: (a: ClaimView, b: ClaimView) => boolean,
  /**
   * Read instead pairs of statements that each already share another fact with the other's report (a second pass):
   * whoever says them. Two statements tied that way ("Japarov ... Russian support for energy ... has expanded, while
   * ... almost triple" / "Putin ... citing growing bilateral trade, the country's dependence on Russian energy
   * supplies ...") likely go through the same points.
   */
  tied: ((a: ClaimView, b: ClaimView) => boolean) | null = null,
): ClauseAgreement[] {
  const out: ClauseAgreement[] = [];
  // (Figures with a unit, or counts above one: "one" is as often a pronoun.)
  // (Read once per statement: every candidate pair asks for both statements' figures.)
  const figuresOf = new Map<ClaimView, { q: Quantity; kind: string }[]>();
  const figures = (v: ClaimView) => {
    let f = figuresOf.get(v);
    if (!f) figuresOf.set(v, (f = finiteQuantities(v).filter(({ q }) => q.unit !== null || Math.abs(q.value) > 1)));
    return f;
  };
  const sameFigure = (a: ClaimView, b: ClaimView) => figures(a).some((x) => figures(b).some((y) => x.kind === y.kind && !numbersConflict(x.q, y.q)));
  // The figure both give lies inside both clauses.
  const inSpan = ({ q }: { q: Quantity }, span: { start: number; end: number }) => q.start >= span.start && q.end <= span.end;
  const sameFigureIn = (a: ClaimView, ca: { start: number; end: number }, b: ClaimView, cb: { start: number; end: number }) =>
    figures(a).some((x) => inSpan(x, ca) && figures(b).some((y) => inSpan(y, cb) && x.kind === y.kind && !numbersConflict(x.q, y.q)));
  const anchored = (a: ClaimView, b: ClaimView) => [...a.entities].some((e) => b.entities.has(e)) || sameFigure(a, b);
  // Every qualifying clause pair, then the best first, one-to-one per pair of articles.
  const found: (ClauseAgreement & { score: number })[] = [];
  for (const { a, b, similarity } of candidates) {
    if (similarity < CLAUSE_SIMILARITY || (tied && !tied(a, b))) continue;
    const figure = sameFigure(a, b);
    // (Tied pairs with a figure in common were read in the first pass.)
    if (tied && figure) continue;
    const source = speakerOf(a);
    const sameSource = !figure && (tied !== null || (source !== null && source === speakerOf(b)));
    // (Every clause agreement needs a figure both give or one source: nothing to read without one.)
    if ((!figure && !sameSource) || skip(a, b) || !anchored(a, b) || measuresClash(a, b)) continue;
    const sharedEntities = [...a.entities].filter((e) => b.entities.has(e)).length;
    if (sameSource) {
      // Without a figure, one person said to state one thing: the same source, saying the same rare word of the same participant.
      for (const ca of clausesOf(a)) {
        const ta = a.article.text.slice(ca.start, ca.end);
        for (const cb of clausesOf(b)) {
          const tb = b.article.text.slice(cb.start, cb.end);
          if (negated(ta) !== negated(tb) || onlyOnePossible(ta, tb)) continue;
          // (No word of one said exactly in the other: no shared word below, and no alignment to build.)
          if (!lex.sharesWord(ta, tb, notShared)) continue;
          const m = factMatch(lex.alignPhrases(ta, tb), ta, tb, nameWords(a), nameWords(b), (u) => lex.isKindOf(u, 'person'));
          // (Negations and auxiliaries, "don't", say how, not what.)
          const shared = m.exact.filter((u) => lex.weight(u) >= MIN_WORD_WEIGHT && !NEGATION.test(u) && !/['’]/.test(u));
          // (Statements tied by another fact: a word said exactly will do, and half the shorter clause.)
          // (Statements tied by another fact: a word said exactly will do, not a person's ("his wife", "a lawyer for
          // Mr. Grimm"), and half the shorter clause of two words or more.)
          if (!shared.some((u) => lex.weight(u) >= (tied ? MIN_WORD_WEIGHT : RARE_WORD_WEIGHT) && !SAYING.test(u) && !(tied && lex.isKindOf(u, 'person')))) continue;
          if (m.coverage < (tied ? CLAUSE_COVERAGE : FACT_COVERAGE) || (tied && m.shorterUnits < FACT_WORDS)) continue;
          // ... of a participant named in both clauses ("Russia ... key ally" / "called Russia a strategic ally"),
          // or as a phrase of two words or more ("highlighted record bilateral trade" / "citing growing bilateral trade").
          const inA = mentionedIn(a, ca);
          const participant = [...mentionedIn(b, cb)].some((e) => e !== source && inA.has(e));
          const phrase = m.run >= FACT_WORDS && m.runHasContent && shared.length >= FACT_WORDS;
          if (participant || phrase) found.push({ a, b, spanA: ca, spanB: cb, shorter: m.shorter, score: m.coverage + 0.1 * shared.length, via: tied ? 'tied' : 'speaker' });
        }
      }
      continue;
    }
    for (const ca of clausesOf(a)) {
      const ta = a.article.text.slice(ca.start, ca.end);
      for (const cb of clausesOf(b)) {
        if (!sameFigureIn(a, ca, b, cb)) continue;
        const tb = b.article.text.slice(cb.start, cb.end);
        // One figure of two acts ("won $1 million" / "a chance to win $1 million") or of two people ("Mr. Bush ...
        // 36 percent" / "the Clintons ... 35.7 percent") is no shared fact.
        if (onlyOnePossible(ta, tb) || otherPeople(a, ca, b, cb)) continue;
        const al = lex.alignPhrases(ta, tb);
        const m = factMatch(al, ta, tb, nameWords(a), nameWords(b), (u) => lex.isKindOf(u, 'person'));
        const words = m.matched.filter((u) => lex.weight(u) >= MIN_WORD_WEIGHT);
        // Most of the shorter clause's content; or one rare word said of the same two participants
        // ("Japarov called Russia a strategic ally" / "He [Japarov] emphasized that Russia remains ... key ally").
        // (Only with a figure in common: on shared words alone, clauses pair too loosely, "India's most populous
        // state" / "more than 200 people gathered".)
        const figureHere = figure && sameFigureIn(a, ca, b, cb);
        const content = words.length >= FACT_WORDS && m.coverage >= CLAUSE_COVERAGE && m.shorterUnits >= 3 && figureHere;
        // (A rare word said of two shared participants, "ally" of Japarov and Russia, pairs too loosely across long
        // stories for now: only with a figure in common as well.)
        const predicate = figureHere && sharedEntities >= 2 && m.exact.some((u) => lex.weight(u) >= RARE_WORD_WEIGHT) && m.coverage >= FACT_COVERAGE;
        if (content || predicate) found.push({ a, b, spanA: ca, spanB: cb, shorter: m.shorter, score: m.coverage + 0.1 * words.length, via: 'figure' });
      }
    }
  }
  found.sort((x, y) => y.score - x.score);
  const used = new Set<string>();
  for (const f of found) {
    const ka = `${f.a.article.id}:${f.spanA.start}>${f.b.article.id}`;
    const kb = `${f.b.article.id}:${f.spanB.start}>${f.a.article.id}`;
    const pair = `${f.a.key}|${f.b.key}`;
    if (used.has(ka) || used.has(kb) || used.has(pair)) continue;
    used.add(ka).add(kb).add(pair);
    out.push({ a: f.a, b: f.b, spanA: f.spanA, spanB: f.spanB, shorter: f.shorter, via: f.via });
  }
  return out;
}
