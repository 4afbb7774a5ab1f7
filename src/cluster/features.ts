// What the clusterer keeps of an article: a TF-IDF vector over stems of content words (body and title),
// a vector over the words of names (capitalised phrases, or the entity layer when present), the dates,
// a bottom-k sketch of word 5-shingles for near-duplicate detection, and a few phrases for labels.
// The text itself is not kept, so memory stays small on large streams.
import type { Article } from '../model/document.js';
import type { Lexicon } from './lexicon.js';
import { EMPTY_VECTOR, sparseFromArrays, topIds, type SparseVector } from './sparse.js';
import type { TermStats } from './term-stats.js';
import { shingleSketch, type Sketch } from './shingles.js';
import { createTokenTable, nextWord, type TokenTable, type WordSpan } from './token-table.js';
import { eventSignature, type EventSignature } from './signature.js';

export interface FeatureOptions {
  /** How many times a title word counts (titles name the event densely). */
  titleWeight: number;
  /** Terms kept per article vector. */
  maxTerms: number;
  maxNames: number;
  /** Heaviest terms kept as index keys. */
  indexTerms: number;
  /** Compute the title + lead vector (`head`); off, it is empty (the shipped same-event model does not
   * read it, and a long stream kept one more vector per article for nothing). */
  head: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { titleWeight: 2, maxTerms: 120, maxNames: 40, indexTerms: 20, head: true };

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
  /** The most frequent name phrases, packed in one string (see `namePhrases`): a million articles kept
   * twelve objects and twelve strings each for labels alone. */
  phrases: string;
  /** The first words of the text, for a label when there is no title ('' when there is one). */
  lead: string;
  /** TF-IDF vector of the title and the first sentences (where a report names its event); empty when
   * `FeatureOptions.head` is off. */
  head: SparseVector;
  signature: EventSignature;
}

/** Characters of the body that go into the title + lead vector. */
const HEAD_CHARS = 400;

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
  return out.size ? [...out].sort((a, b) => a - b) : NO_DAYS;
}
const NO_DAYS: number[] = [];

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

/** A term-id keyed accumulator: dense values, reset through the list of ids touched. */
class Accumulator {
  values = new Float64Array(1024);
  touched: number[] = [];
  add(id: number, w: number): void {
    if (id >= this.values.length) {
      const next = new Float64Array(Math.max(id + 1, this.values.length * 2));
      next.set(this.values);
      this.values = next;
    }
    if (this.values[id] === 0) this.touched.push(id);
    this.values[id]! += w;
  }
  reset(): void {
    for (const id of this.touched) this.values[id] = 0;
    this.touched.length = 0;
  }
}

/** What feature extraction keeps between articles of one stream: the spelling table and scratch space. */
export interface FeatureContext {
  lexicon: Lexicon;
  stats: TermStats;
  table: TokenTable;
  terms: Accumulator;
  names: Accumulator;
  head: Accumulator;
  hashes: number[];
  phrase: number[];
  span: WordSpan;
  /** The block the kept vectors of the next articles are carved from (see `keptVectors`). */
  slab: { buffer: ArrayBuffer; used: number };
}

export function createFeatureContext(lexicon: Lexicon, stats: TermStats): FeatureContext {
  return {
    lexicon,
    stats,
    table: createTokenTable(lexicon, (stem) => stats.id(stem)),
    terms: new Accumulator(),
    names: new Accumulator(),
    head: new Accumulator(),
    hashes: [],
    phrase: [],
    span: { start: 0, end: 0, matchEnd: 0 },
    slab: { buffer: new ArrayBuffer(0), used: 0 },
  };
}

/** scanText over the token table: terms (times `weight`); for the body word hashes; with `phrases`, names. */
function scanFast(ctx: FeatureContext, text: string, weight: number, body: boolean, phrases: Map<string, number> | null, terms = ctx.terms): void {
  const { table, names, hashes, span } = ctx;
  const phrase = ctx.phrase;
  phrase.length = 0;
  let phraseStartsSentence = false;
  let prevEnd = 0;
  let first = true;
  const flush = () => {
    let a = 0;
    let b = phrase.length;
    while (a < b && table.stop[phrase[a]!]) {
      a++;
      phraseStartsSentence = false;
    }
    while (b > a && table.stop[phrase[b - 1]!]) b--;
    if (b - a > 1 || (b - a === 1 && !phraseStartsSentence)) {
      let p = table.word[phrase[a]!]!;
      for (let q = a + 1; q < b; q++) p += ' ' + table.word[phrase[q]!]!;
      phrases!.set(p, (phrases!.get(p) ?? 0) + 1);
      for (let q = a; q < b; q++) {
        const id = table.term[phrase[q]!]!;
        if (id >= 0) names.add(id, 1);
      }
    }
    phrase.length = 0;
  };
  let pos = 0;
  while (nextWord(text, pos, span)) {
    const e = table.entry(text, span.start, span.end);
    const id = table.term[e]!;
    if (id >= 0) terms.add(id, weight);
    if (body) hashes.push(table.hash[e]!);
    if (phrases) {
      const brk = first || breaksSentence(text, prevEnd, span.start);
      const gapIsSpace = span.start - prevEnd === 1;
      const upper = table.upper[e]!;
      if (upper && phrase.length > 0 && gapIsSpace && !brk) phrase.push(e);
      else {
        if (phrase.length) flush();
        if (upper) {
          phrase.push(e);
          phraseStartsSentence = brk;
        }
      }
    }
    prevEnd = span.matchEnd;
    first = false;
    pos = span.matchEnd;
  }
  if (phrases && phrase.length) flush();
}

/** TF-IDF weights of an accumulator's terms as a sparse vector (at most `limit` entries). */
function weighed(acc: Accumulator, stats: TermStats, limit: number): SparseVector {
  const n = acc.touched.length;
  const ids = new Int32Array(n);
  const weights = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const id = acc.touched[k]!;
    ids[k] = id;
    weights[k] = (1 + Math.log(acc.values[id]!)) * stats.idf(id);
  }
  return sparseFromArrays(ids, weights, limit);
}

// Separators of the packed phrases: control characters, which the phrases (words and spaces) never hold.
const FIELD = '\u001f';
const ITEM = '\u001e';

export function packPhrases(list: NamePhrase[]): string {
  return list.map((p) => `${p.text.replace(/[\u001e\u001f]/g, ' ')}${FIELD}${p.count}${FIELD}${p.type ?? ''}`).join(ITEM);
}

/** The name phrases of an article's features, most frequent first. */
export function namePhrases(f: Pick<ArticleFeatures, 'phrases'>): NamePhrase[] {
  if (!f.phrases) return [];
  return f.phrases.split(ITEM).map((item) => {
    const [text, count, type] = item.split(FIELD);
    return { text: text!, count: Number(count), type: type || null };
  });
}

/** Bytes of each block the kept vectors are carved from. */
const SLAB_BYTES = 1 << 20;

/** The term and name vectors and the sketch copied into views of a block shared by many articles: a
 * stream keeps them for every article, and a buffer of its own per article cost an object and an
 * allocation outside the heap each (a 1M stream: a million of each, which the collector tracks). */
function keptVectors(ctx: FeatureContext, terms: SparseVector, names: SparseVector, sketch: Sketch): [SparseVector, SparseVector, Sketch] {
  const t = terms.ids.length;
  const n = names.ids.length;
  const k = sketch.mins.length;
  const bytes = (2 * t + 2 * n + k) * 4;
  const slab = ctx.slab;
  if (slab.used + bytes > slab.buffer.byteLength) {
    slab.buffer = new ArrayBuffer(Math.max(SLAB_BYTES, bytes));
    slab.used = 0;
  }
  const buffer = slab.buffer;
  const at = slab.used;
  slab.used += bytes;
  const termIds = new Int32Array(buffer, at, t);
  const nameIds = new Int32Array(buffer, at + 4 * t, n);
  const mins = new Uint32Array(buffer, at + 4 * (t + n), k);
  const termWeights = new Float32Array(buffer, at + 4 * (t + n + k), t);
  const nameWeights = new Float32Array(buffer, at + 4 * (2 * t + n + k), n);
  termIds.set(terms.ids);
  nameIds.set(names.ids);
  mins.set(sketch.mins);
  termWeights.set(terms.weights);
  nameWeights.set(names.weights);
  return [{ ids: termIds, weights: termWeights }, { ids: nameIds, weights: nameWeights }, { mins, count: sketch.count }];
}

/** The first `max` characters of the first line, as a string of its own (not a view of the text). */
function leadOf(text: string, max: number): string {
  let end = 0;
  while (end < text.length && end < max && text.charCodeAt(end) !== 10) end++;
  return end < 13 ? text.slice(0, end) : (JSON.parse(JSON.stringify(text.slice(0, end))) as string);
}

export function extractFeatures(article: Article, ctx: FeatureContext, options: FeatureOptions): ArticleFeatures {
  const { stats, terms, names } = ctx;
  terms.reset();
  names.reset();
  ctx.hashes.length = 0;
  const phrases = new Map<string, number>();
  const hasEntities = (article.layers.entities?.length ?? 0) > 0;
  scanFast(ctx, article.text, 1, true, hasEntities ? null : phrases);
  let types = new Map<string, string>();
  if (hasEntities) {
    const counts: RawCounts = { terms: new Map(), names: new Map(), phrases, hashes: [] };
    types = layerNames(article, ctx.lexicon, counts);
    for (const [stem, n] of counts.names) names.add(stats.id(stem), n);
  }
  if (article.title) scanFast(ctx, article.title, options.titleWeight, false, null);
  stats.addDocument(terms.touched);
  ctx.head.reset();
  if (options.head) {
    if (article.title) scanFast(ctx, article.title, 1, false, null, ctx.head);
    scanFast(ctx, article.text.length > HEAD_CHARS ? article.text.slice(0, HEAD_CHARS) : article.text, 1, false, null, ctx.head);
  }
  const top = packPhrases(
    [...phrases]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12)
      .map(([text, count]) => ({ text, count, type: types.get(text) ?? null })),
  );
  const [termVector, nameVector, sketch] = keptVectors(ctx, weighed(terms, stats, options.maxTerms), weighed(names, stats, options.maxNames), shingleSketch(ctx.hashes));
  return {
    terms: termVector,
    top: topIds(termVector, options.indexTerms),
    names: nameVector,
    day: dayOf(article.published),
    mentioned: resolvedDays(article),
    weekday: firstWeekday(article),
    sketch,
    phrases: top,
    // Labels and explanations fall back on the lead only without a title.
    lead: article.title ? '' : leadOf(article.text, 120),
    head: options.head ? weighed(ctx.head, stats, options.maxNames) : EMPTY_VECTOR,
    signature: eventSignature(article),
  };
}
