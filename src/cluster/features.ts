// What the clusterer keeps of an article: a TF-IDF vector over stems of content words (body and title),
// a vector over the words of names (capitalised phrases, or the entity layer when present), the dates,
// a bottom-k sketch of word 5-shingles for near-duplicate detection, and a few phrases for labels.
// The text itself is not kept, so memory stays small on large streams.
import type { Article } from '../model/document.js';
import type { Lexicon } from './lexicon.js';
import { toSparse, topIds, type SparseVector } from './sparse.js';
import type { TermStats } from './term-stats.js';
import { shingleSketch, type Sketch } from './shingles.js';

export interface FeatureOptions {
  /** How many times a title word counts (titles name the event densely). */
  titleWeight: number;
  /** Terms kept per article vector. */
  maxTerms: number;
  maxNames: number;
  /** Heaviest terms kept as index keys. */
  indexTerms: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { titleWeight: 2, maxTerms: 120, maxNames: 40, indexTerms: 20 };

export interface NamePhrase {
  text: string;
  count: number;
  /** From the entity layer when present ('PER', 'ORG', 'LOC', 'MISC'); null for capitalised phrases. */
  type: string | null;
}

export interface ArticleFeatures {
  terms: SparseVector;
  /** Ids of the heaviest terms, heaviest first (the inverted index keys). */
  top: number[];
  names: SparseVector;
  /** Days since 1970-01-01 of the publication date, or null. */
  day: number | null;
  /** Days the text mentions (resolved dates of the time layer, when present). */
  mentioned: number[];
  /** First weekday the text names (1 = Monday ... 7 = Sunday), or 0: the event day of an undated report. */
  weekday: number;
  sketch: Sketch;
  phrases: NamePhrase[];
  /** The first words of the text, for a label when there is no title. */
  lead: string;
}

const WORD = /[\p{L}\p{N}]+(?:(?:['’.\-]|,(?=\p{N}{3}))[\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/i;
const DAY_MS = 86_400_000;

export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  return Number.isNaN(t) ? null : Math.floor(t / DAY_MS);
}

/** True when the characters between two tokens end a sentence or open a quote/line. */
function breaksSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // . ! ? : ; newline " “ ” ( — –
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59 || c === 10 || c === 34 || c === 0x201c || c === 0x201d || c === 40 || c === 0x2014 || c === 0x2013) return true;
  }
  return false;
}

export interface RawCounts {
  terms: Map<string, number>;
  names: Map<string, number>;
  phrases: Map<string, number>;
  hashes: number[];
}

/** One pass over a text: term counts, name-word counts, capitalised phrases and word hashes. */
export function scanText(text: string, lexicon: Lexicon, out: RawCounts, weight: number, withNames: boolean): void {
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  let first = true;
  let phrase: string[] = [];
  let phraseStartsSentence = false;
  const flush = () => {
    while (phrase.length && lexicon.isStop(phrase[0]!.toLowerCase())) {
      phrase.shift();
      phraseStartsSentence = false;
    }
    while (phrase.length && lexicon.isStop(phrase[phrase.length - 1]!.toLowerCase())) phrase.pop();
    if (phrase.length > 1 || (phrase.length === 1 && !phraseStartsSentence)) {
      const p = phrase.join(' ');
      out.phrases.set(p, (out.phrases.get(p) ?? 0) + 1);
      for (const w of phrase) {
        const info = lexicon.info(w.toLowerCase());
        if (info.stem) out.names.set(info.stem, (out.names.get(info.stem) ?? 0) + 1);
      }
    }
    phrase = [];
  };
  while ((m = WORD.exec(text)) !== null) {
    let raw = m[0];
    if (raw.length > 2 && POSSESSIVE.test(raw)) raw = raw.slice(0, -2);
    const info = lexicon.token(raw);
    out.hashes.push(info.hash);
    if (info.stem) out.terms.set(info.stem, (out.terms.get(info.stem) ?? 0) + weight);
    if (withNames) {
      const brk = first || breaksSentence(text, prevEnd, m.index);
      const gapIsSpace = m.index - prevEnd === 1;
      const upper = info.upper;
      if (upper && phrase.length > 0 && gapIsSpace && !brk) phrase.push(raw);
      else {
        if (phrase.length) flush();
        if (upper) {
          phrase = [raw];
          phraseStartsSentence = brk;
        }
      }
    }
    prevEnd = m.index + m[0].length;
    first = false;
  }
  if (withNames && phrase.length) flush();
}

const WEEKDAY = /\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const WEEKDAYS = ['Mon', 'Tues', 'Wednes', 'Thurs', 'Fri', 'Satur', 'Sun'];

/** The first weekday named: from the time layer when present (symbolic XXXX-WXX-N), else from the text. */
function firstWeekday(article: Article): number {
  for (const t of article.layers.times ?? []) {
    const m = /^XXXX-WXX-([1-7])$/.exec(t.symbolic ?? t.value);
    if (m) return Number(m[1]);
  }
  const m = WEEKDAY.exec(article.text);
  return m ? WEEKDAYS.indexOf(m[1]!) + 1 : 0;
}

function resolvedDays(article: Article): number[] {
  const out = new Set<number>();
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' || !/^\d{4}-\d{2}-\d{2}$/.test(t.value)) continue;
    const d = dayOf(t.value);
    if (d !== null) out.add(d);
  }
  return [...out].sort((a, b) => a - b);
}

/** Names from the entity layer (when another stage has run): mentions with their entity's canonical name. */
function layerNames(article: Article, lexicon: Lexicon, out: RawCounts): Map<string, string> {
  const types = new Map<string, string>();
  const index = new Map((article.layers.entityIndex ?? []).map((e) => [e.id, e]));
  for (const mention of article.layers.entities ?? []) {
    const entity = index.get(mention.entity);
    const name = entity?.name ?? article.text.slice(mention.start, mention.end);
    out.phrases.set(name, (out.phrases.get(name) ?? 0) + 1);
    types.set(name, entity?.type ?? mention.type);
    WORD.lastIndex = 0;
    for (const w of name.match(WORD) ?? []) {
      const info = lexicon.info(w.toLowerCase());
      if (info.stem) out.names.set(info.stem, (out.names.get(info.stem) ?? 0) + 1);
    }
  }
  return types;
}

export function extractFeatures(article: Article, lexicon: Lexicon, stats: TermStats, options: FeatureOptions): ArticleFeatures {
  const counts: RawCounts = { terms: new Map(), names: new Map(), phrases: new Map(), hashes: [] };
  const hasEntities = (article.layers.entities?.length ?? 0) > 0;
  scanText(article.text, lexicon, counts, 1, !hasEntities);
  const bodyHashes = counts.hashes;
  let types = new Map<string, string>();
  if (hasEntities) types = layerNames(article, lexicon, counts);
  if (article.title) {
    const titleCounts: RawCounts = { terms: counts.terms, names: new Map(), phrases: new Map(), hashes: [] };
    scanText(article.title, lexicon, titleCounts, options.titleWeight, false);
  }
  const termIds = new Map<number, number>();
  for (const [stem, tf] of counts.terms) termIds.set(stats.id(stem), tf);
  stats.addDocument(termIds.keys());
  const weigh = (m: Map<string, number>) => {
    const w = new Map<number, number>();
    for (const [stem, tf] of m) {
      const id = stats.id(stem);
      w.set(id, (1 + Math.log(tf)) * stats.idf(id));
    }
    return w;
  };
  const phrases = [...counts.phrases]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 12)
    .map(([text, count]) => ({ text, count, type: types.get(text) ?? null }));
  const terms = toSparse(weigh(counts.terms), options.maxTerms);
  return {
    terms,
    top: topIds(terms, options.indexTerms),
    names: toSparse(weigh(counts.names), options.maxNames),
    day: dayOf(article.published),
    mentioned: resolvedDays(article),
    weekday: firstWeekday(article),
    sketch: shingleSketch(bodyHashes),
    phrases,
    lead: article.text.slice(0, 200).split('\n')[0]!.slice(0, 120),
  };
}
