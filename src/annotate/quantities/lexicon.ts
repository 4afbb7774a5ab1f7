import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';

/** Word lists the quantity stage reads (data/lexicons/quantities.json; see data/lexicons/README.md). */
export interface QuantityLexicon {
  numberWords: Map<string, number>;
  scales: Map<string, number>;
  /** Scale letters that count only when glued to a number or after a currency ("$5m", "300k"). */
  shortScales: Map<string, number>;
  dozens: Map<string, number>;
  currencySymbols: Map<string, string>;
  currencyPrefixes: Map<string, string>;
  currencyCodes: Map<string, string>;
  /** Capitalised abbreviations written before an amount ("Rs 25 lakh", "Rs. 3,000"), lower-case without the dot. */
  currencyAbbreviations: Map<string, string>;
  /** Single- and multi-word currency names ("dollars", "pounds sterling"), keyed by lower-case words joined by one space. */
  currencyWords: Map<string, string>;
  percentWords: Map<string, string>;
  units: Map<string, string>;
  timeUnits: Set<string>;
  /** Hedge -> [low factor, high factor]. Multi-word hedges keyed by words joined by one space. */
  hedges: Map<string, readonly [number, number]>;
  increaseVerbs: Set<string>;
  decreaseVerbs: Set<string>;
  levelVerbs: Set<string>;
  multiples: Map<string, number>;
  stopWords: Set<string>;
  auxiliaries: Set<string>;
  /** Nouns that name a figure rather than a thing ("the figure", "the number"): they refer back. */
  genericHeads: Set<string>;
  relativeWords: Set<string>;
  clauseWords: Set<string>;
  irregularPlurals: Map<string, string>;
}

interface RawLexicon {
  numberWords: Record<string, number>;
  scales: Record<string, number>;
  shortScales: Record<string, number>;
  dozens: Record<string, number>;
  currencySymbols: Record<string, string>;
  currencyPrefixes: Record<string, string>;
  currencyCodes: Record<string, string>;
  currencyAbbreviations?: Record<string, string>;
  currencyWords: Record<string, string>;
  percentWords: Record<string, string>;
  units: Record<string, string>;
  timeUnits: string[];
  hedges: Record<string, [number, number]>;
  increaseVerbs: string[];
  decreaseVerbs: string[];
  levelVerbs: string[];
  multiples: Record<string, number>;
  stopWords: string[];
  auxiliaries: string[];
  genericHeads: string[];
  relativeWords: string[];
  clauseWords: string[];
  irregularPlurals: Record<string, string>;
}

export function parseQuantityLexicon(raw: RawLexicon): QuantityLexicon {
  const m = <T>(o: Record<string, T>) => new Map(Object.entries(o));
  return {
    numberWords: m(raw.numberWords),
    scales: m(raw.scales),
    shortScales: m(raw.shortScales),
    dozens: m(raw.dozens),
    currencySymbols: m(raw.currencySymbols),
    currencyPrefixes: m(raw.currencyPrefixes),
    currencyCodes: m(raw.currencyCodes),
    currencyAbbreviations: m(raw.currencyAbbreviations ?? {}),
    currencyWords: m(raw.currencyWords),
    percentWords: m(raw.percentWords),
    units: m(raw.units),
    timeUnits: new Set(raw.timeUnits),
    hedges: m(raw.hedges),
    increaseVerbs: new Set(raw.increaseVerbs),
    decreaseVerbs: new Set(raw.decreaseVerbs),
    levelVerbs: new Set(raw.levelVerbs),
    multiples: m(raw.multiples),
    stopWords: new Set(raw.stopWords),
    auxiliaries: new Set(raw.auxiliaries),
    genericHeads: new Set(raw.genericHeads),
    relativeWords: new Set(raw.relativeWords),
    clauseWords: new Set(raw.clauseWords),
    irregularPlurals: m(raw.irregularPlurals),
  };
}

export function loadQuantityLexicon(dir: string = join(repoRoot(), 'data', 'lexicons')): QuantityLexicon {
  return parseQuantityLexicon(JSON.parse(readFileSync(join(dir, 'quantities.json'), 'utf8')) as RawLexicon);
}
