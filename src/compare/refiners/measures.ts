import type { Quantity, Span } from '../../model/document.js';
import { isCyrillic } from '../../annotate/ru/lexicon.js';
import type { Candidate, Side } from '../detectors/index.js';
import { GENERIC, personNoun } from '../detectors/figures.js';
import type { FigureFact } from '../facts/index.js';
import { refineLexicon } from './lexicon.js';
import type { RefineInput, Refiner } from './types.js';
import { significant } from '../values.js';

/** Heads that name no particular thing counted: any kind of person or thing may stand behind them. */
const PEOPLE = new Set(['person', 'people']);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * What a figure counts: the fact's head, or the noun of a compound modifier the figure is part of ("a
 * 24-page indictment": pages, not indictments).
 */
function countedOf(s: Side, facts: readonly FigureFact[]): string | null {
  const after = /^-([a-z]+)\b/i.exec(s.article.text.slice(s.value.end, s.value.end + 20));
  if (after) return after[1]!.toLowerCase().replace(/s$/, '');
  const f = facts.find((x) => x.article === s.article && x.value.start === s.value.start && x.value.end === s.value.end);
  return f?.head ?? null;
}

/**
 * Two figures that count different things: heads neither the same nor related ("11 attacks" / "four service
 * members", "21 charges" / "a woman, 42"), or groups against people ("dozens of groups" / "hundreds of
 * thousands of people").
 */
export function differentThings(x: string | null, y: string | null, related: (a: string, b: string) => number, isPerson: (noun: string) => boolean = () => false): boolean {
  if (!x || !y || x === y) return false;
  // (A Russian word the bilingual lexicon has no English word for says nothing against an English one.)
  if (isCyrillic(x) !== isCyrillic(y)) return false;
  const collective = refineLexicon().collective;
  if (PEOPLE.has(x) || PEOPLE.has(y)) return collective.has(PEOPLE.has(x) ? y : x);
  if (GENERIC.has(x) || GENERIC.has(y)) return false;
  // Two names for people ("revellers" / "spectators"): the same kind of thing counted.
  if (isPerson(x) && isPerson(y)) return false;
  return related(x, y) < 0.5;
}


/**
 * Figures equal at the precision of the rounder one: "$43 million" / "$43,885,310" (a writer may cut to the
 * figure below), "35.7 percent" / "35.72 percent". Only for figures of two or more significant digits: one
 * round digit ("2,000") is a figure in its own right.
 */
export function sameAtPrecision(a: Quantity | undefined, b: Quantity | undefined): boolean {
  if (!a || !b || a.unit !== b.unit || a.hedge || b.hedge) return false;
  const [r, p] = significant(a.value).digits <= significant(b.value).digits ? [a, b] : [b, a];
  const { digits, unit } = significant(r.value);
  if (digits < 2 || significant(p.value).digits <= digits) return false;
  return p.value >= r.value - unit / 2 && p.value < r.value + unit;
}

function quantityAt(s: Side): Quantity | undefined {
  return (s.article.layers.quantities ?? []).find((q) => overlaps(q, s.value));
}

/** The capitalised modifiers of what a figure counts ("267 Pakistan civilian prisoners": pakistan), lower case. */
function namedModifiers(s: Side): string[] {
  const np = /^\s+((?:[\p{L}'’-]+\s+){0,3})/u.exec(s.article.text.slice(s.value.end, s.value.end + 60).split(/[.,;:!?&()"“”]/)[0]! + ' ');
  return (np?.[1] ?? '').split(/\s+/).filter((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w)).map((w) => w.toLowerCase());
}

/**
 * Two figures of things each told from another place or people ("267 Pakistan civilian prisoners" / "282 Indian
 * prisoners"): two counts. Names alike in their first five letters are one ("Pakistan" / "Pakistani").
 */
export function differentOrigins(x: Side, y: Side): boolean {
  const a = namedModifiers(x);
  const b = namedModifiers(y);
  const alike = (u: string, v: string) => u.slice(0, 5) === v.slice(0, 5);
  return a.length > 0 && b.length > 0 && !a.some((u) => b.some((v) => alike(u, v)));
}

/** Drops figure conflicts whose two figures count different things, or agree at the rounder one's precision. */
export const measuresRefiner: Refiner = {
  name: 'measures',
  refine(candidates: readonly Candidate[], { facts, related, lexicon }: RefineInput): Candidate[] {
    const isPerson = personNoun(lexicon);
    return candidates.filter((c) => {
      if (!c.subject.startsWith('figure:') || c.sides.length !== 2) return true;
      const [x, y] = c.sides as [Side, Side];
      const fx = (facts.get(x.article.id) ?? []).filter((f): f is FigureFact => f.kind === 'figure');
      const fy = (facts.get(y.article.id) ?? []).filter((f): f is FigureFact => f.kind === 'figure');
      // Two names for people count one crowd only when the figures were aligned by their act (the figure
      // detector), not by the words of the measure alone (the figures table: "12 officers" / "26 nationals").
      const byAct = !c.details?.byMeasureWords;
      if (differentThings(countedOf(x, fx), countedOf(y, fy), related, byAct ? isPerson : undefined) || differentOrigins(x, y)) return false;
      return !sameAtPrecision(quantityAt(x), quantityAt(y));
    });
  },
};
