import type { Quantity } from '../model/document.js';
import { concept } from '../annotate/lexicon.js';
import type { ClaimView } from './align.js';
import type { Lexicon, PhraseAlignment } from './lexical/index.js';
import { numbersConflict } from './values.js';

/** Relations close enough for two words to state one thing (vector neighbours only from this score up). */
const CLOSE_RELATIONS = new Set(['same', 'synonym', 'derivation', 'hypernym']);
const CLOSE_SCORE = 0.75;
/** Content words of the shorter statement (weighted by rarity) that the longer must state too. */
export const FACT_COVERAGE = 0.3;
/** ... and at least this many of them: one shared word ("refused" / "denied") is a topic, not a fact. */
export const FACT_WORDS = 2;
export const FACT_RUN = 3;

export interface FactMatch {
  /** Content units (names aside) of the shorter statement matched closely, one-to-one, in the longer. */
  matched: string[];
  /** Their share of the shorter statement's content, weighted by rarity. */
  coverage: number;
  /** Index (0 = a, 1 = b) of the statement with fewer content units: what both say. */
  shorter: 0 | 1;
  /** Longest run of units, in order on both sides, matched closely one-to-one ("Russian military base"), and whether it holds a word that is no name. */
  run: number;
  runHasContent: boolean;
}

const isClose = (p: PhraseAlignment['pairs'][number]) => (p.relation !== null && CLOSE_RELATIONS.has(p.relation)) || p.score >= CLOSE_SCORE;

/** "himself", "themselves": who, said again, not what is said. */
const REFLEXIVE = /^(?:my|your|him|her|it|our|them|one)sel(?:f|ves)$/;

/** Words written with a capital in a statement, lower case: names, which are participants, not what is said of them. */
function capitalised(text: string): Set<string> {
  return new Set((text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'")));
}

/**
 * Whether two statements state one fact, read from the word alignment of the lexicon: names aside, the content
 * words of the shorter must be found, closely related and one-to-one, in the longer ("were being treated after
 * possibly being exposed to fentanyl" / "were transported for hospital treatment ... using fentanyl"). Two
 * sentences that share a name and loosely similar words ("holding a headscarf with the image of Iran's supreme
 * leader" / "Iran's supreme leader ... responded") do not.
 */
export function factMatch(al: PhraseAlignment, textA: string, textB: string): FactMatch {
  const capA = capitalised(textA);
  const capB = capitalised(textB);
  const isName = (unit: string, cap: Set<string>) => unit.split(' ').every((p) => cap.has(p));
  const nA = al.unitsA.length;
  const side = (pairs: PhraseAlignment['pairs'], cap: Set<string>) => {
    const content = pairs.filter((p) => !isName(p.a, cap) && !REFLEXIVE.test(p.a));
    const close = content.filter((p) => p.oneToOne && p.b !== null && isClose(p));
    const weight = content.reduce((s, p) => s + p.weight, 0);
    return { n: content.length, matched: close.map((p) => p.a), coverage: weight > 0 ? close.reduce((s, p) => s + p.weight, 0) / weight : 0 };
  };
  // Runs of one-to-one close matches that follow each other on both sides (units are in phrase order).
  const indexB = new Map(al.unitsB.map((u, j) => [u, j]));
  let run = 0;
  let runHasContent = false;
  let cur = 0;
  let curContent = false;
  let lastJ = -2;
  al.pairs.slice(0, nA).forEach((p) => {
    const j = p.oneToOne && p.b !== null && isClose(p) ? indexB.get(p.b) ?? -2 : -2;
    if (j >= 0 && j === lastJ + 1) {
      cur++;
      curContent ||= !isName(p.a, capA);
    } else {
      cur = j >= 0 ? 1 : 0;
      curContent = j >= 0 && !isName(p.a, capA);
    }
    lastJ = j;
    if (cur > run || (cur === run && curContent)) {
      run = cur;
      runHasContent = curContent;
    }
  });
  const a = side(al.pairs.slice(0, nA), capA);
  const b = side(al.pairs.slice(nA), capB);
  const shorter = a.n <= b.n ? 0 : 1;
  const s = shorter === 0 ? a : b;
  return { matched: s.matched, coverage: s.coverage, shorter, run, runHasContent };
}

export function statesOneFact(m: FactMatch): boolean {
  // (Or one thing named the same way in both, a phrase of three units or more: "Russian investment in Kyrgyzstan".)
  return (m.matched.length >= FACT_WORDS && m.coverage >= FACT_COVERAGE) || (m.run >= FACT_RUN && m.runHasContent);
}

/**
 * Figures of one kind (same unit, same thing counted) that disagree, and none that agree: two statements giving
 * "nine minutes" and "48 minutes" report two moments, not one.
 */
export function valuesClash(a: ClaimView, b: ClaimView): boolean {
  const qs = (v: ClaimView) => v.claim.quantities.map((i) => v.article.layers.quantities?.[i]).filter((q): q is Quantity => !!q && Number.isFinite(q.value));
  const qa = qs(a);
  const qb = qs(b);
  const kind = (q: Quantity) => `${q.kind}:${q.unit ?? ''}:${q.countedHead ? concept(q.countedHead) : ''}`;
  let clash = false;
  for (const x of qa) {
    for (const y of qb) {
      if (kind(x) !== kind(y)) continue;
      if (!numbersConflict(x, y)) return false;
      clash = true;
    }
  }
  return clash;
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
