import type { Article, Quantity, Span, TimeExpression } from '../../model/document.js';
import { concept, lexicon, stem } from '../../annotate/lexicon.js';
import { contextOf, FACT_CONTEXT, mentionsIn, sentenceAt, sentenceSpan } from './context.js';
import { dayOf, isStatementDate, sortedMentions } from './events.js';
import { factLexicon } from './lexicon.js';
import { significant } from '../values.js';
import { loadQuantityLexicon, type QuantityLexicon } from '../../annotate/quantities/lexicon.js';

let quantityWords: QuantityLexicon | undefined;
/** The quantity stage's lexicon (hedges, auxiliaries), read once. */
const quantityLexicon = () => (quantityWords ??= loadQuantityLexicon());
import type { FigureFact } from './types.js';
import { plainForms, type WordForms } from './words.js';
import { detectLanguage } from '../../lang/detect.js';
import { ruPlannedFigure } from './figures-ru.js';
import { isCyrillic } from '../../annotate/ru/lexicon.js';

const WORD = /[\p{L}][\p{L}'’-]*/gu;

/** Content-word concepts of a stretch of text (no stop words, no numbers). */
export function conceptsOf(text: string, forms: WordForms = plainForms): string[] {
  const stop = lexicon().stopwords;
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const w = m[0].toLowerCase();
    if (w.length < 3 || stop.has(w)) continue;
    // (A Russian word keeps its capital: "Мексике" is read as the place, "mexico".)
    out.push(forms.concept(isCyrillic(m[0]) ? m[0] : w));
  }
  return out;
}

/** "No. 2", "#3": rank labels, not amounts. */
function isRankLabel(text: string, q: Span): boolean {
  return /(?:\bNo\.|#)\s*$/.test(text.slice(Math.max(0, q.start - 4), q.start));
}

/** An age ("42-year-old", "(42)" after a name, "Harris, 30,"): read by the age facts instead. */
export function looksLikeAge(text: string, q: Span & { unit?: string | null; hedge?: string | null }): boolean {
  const after = text.slice(q.end, q.end + 12);
  if (/^[-\s]?years?[-\s]old/i.test(after) || /^-year/i.test(after)) return true;
  if (text[q.start - 1] === '(' && text[q.end] === ')') return /\p{L}/u.test(text.slice(Math.max(0, q.start - 3), q.start - 1));
  const before = text.slice(Math.max(0, q.start - 24), q.start);
  // "aged 42", "ages 22, 26 and 31", "ages 22 to 31".
  if (/\bage[ds]?\s+(?:[\d,\s]+(?:and|to|or)\s+)?$/i.test(before) || /\bages\s+[\d,\s]*$/i.test(before)) return true;
  // "Harris, 30,", "Homeless woman, 42,": a bare two-digit number between commas after a word is an age.
  return /\p{L}+,\s$/u.test(before) && /^,/.test(after) && q.end - q.start <= 2 && q.unit === null && !q.hedge;
}

function bareYear(q: Quantity): boolean {
  return q.unit === null && Number.isInteger(q.value) && q.value >= 1900 && q.value <= 2100 && q.hedge === null;
}

const DOWN = /^(up to|nearly|almost|less than|under|fewer than|close to|just under|no more than|as many as|as much as|at most)$/;
const UP = /^(more than|over|at least|above|in excess of|upwards of|just over|no fewer than|no less than|as high as)$/;

function directionOf(hedge: string | null): FigureFact['direction'] {
  if (!hedge) return null;
  const h = hedge.toLowerCase();
  if (DOWN.test(h)) return 'down';
  if (UP.test(h)) return 'up';
  return 'around';
}

/** A comma and a word that opens another clause ("..., even as thousands ..."; "..., while police ..."). */
const CLAUSE_BREAK = /,\s+(?:and|but|while|as|even|though|although|whereas|which|who|whom|where|when|after|before|because|since|until|or)\b/giu;
/** The opening of an aside right after a figure's noun phrase ("4,000 people, including residents, ..."). */
const ASIDE = /^[^,.;]{0,40}?,\s+(?:including|such as|among them|mostly|many of them|some of them)\s/iu;

/**
 * The text after a figure without the aside that follows its noun phrase: a list ("including residents,
 * hundreds of tourists, and children, are trapped") ends with the item that has "and" or "or".
 */
function withoutAside(right: string): string {
  const open = ASIDE.exec(right);
  if (!open) return right;
  const head = right.slice(0, open[0].indexOf(','));
  const items = right.slice(open[0].length).split(/,\s+/);
  const last = items.slice(0, 5).findIndex((item, k) => (k > 0 && /^(?:and|or)\s/i.test(item)) || /\s(?:and|or)\s/i.test(item));
  const rest = items.slice((last >= 0 ? last : 0) + 1).join(', ');
  return `${head} ${rest}`;
}

/**
 * The words of the clause around a figure (six words before, nine after, as concepts), not crossing into
 * another clause and skipping an aside after its noun phrase, so that the act of "4,000 people, including
 * tourists, are trapped" is "trap".
 */
function aroundOf(article: Article, value: Span, context: Span, forms: WordForms, headEnd = value.end): Set<string> {
  const text = article.text;
  let left = text.slice(context.start, value.start);
  const breaks = [...left.matchAll(CLAUSE_BREAK)];
  if (breaks.length) left = left.slice(breaks[breaks.length - 1]!.index! + 1);
  let right = text.slice(value.end, context.end);
  right = withoutAside(right);
  const cut = right.search(CLAUSE_BREAK);
  if (cut >= 0) right = right.slice(0, cut);
  const l = left.split(/\s+/).slice(-6).join(' ');
  // The figure's own noun phrase, then nine words after it (the act of "dozens of Iraqi militiamen and their supporters stormed ...").
  const np = Math.max(0, Math.min(headEnd, context.end) - value.end);
  const r = `${right.slice(0, np)} ${right.slice(np).split(/\s+/).slice(0, 10).join(' ')}`;
  return new Set(conceptsOf(`${l} ${r}`, forms));
}

/**
 * The interval of a figure. "About" a figure of three or more significant digits ("roughly $141 million") is
 * as precise as its last digit (one unit either way), not the hedge's five per cent: a writer who rounds less
 * means less room; one of a single significant digit ("about 200,000") means more.
 */
function aroundPrecision(q: Quantity): { low: number; high: number } {
  const low = Math.min(q.low, q.high);
  const high = Math.max(q.low, q.high);
  if (!q.hedge || directionOf(q.hedge) !== 'around') return { low, high };
  const { digits, unit } = significant(q.value);
  // "About 200,000" of one significant digit is rounded to that digit: it covers 212,672 (a quarter of the digit either
  // way), more than the hedge's five per cent.
  if (digits === 1 && unit >= 100) return { low: Math.min(low, q.value - unit / 4), high: Math.max(high, q.value + unit / 4) };
  if (digits < 3) return { low, high };
  return { low: Math.max(low, q.value - unit), high: Math.min(high, q.value + unit) };
}

/** An interval in another unit (a factor to the base unit). */
const scaled = ({ low, high }: { low: number; high: number }, f: number) => ({ low: low * f, high: high * f });

/** The day a figure's clause names (not the day of a statement about it): "On Tuesday, thousands ...". */
function dayAbout(article: Article, context: Span, value: Span): string | null {
  let best: { day: string; distance: number } | null = null;
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' || t.end <= context.start || t.start >= context.end || isStatementDate(article.text, t)) continue;
    // A day without its year ("New Year's Day" in an undated report) still names a month and day.
    const day = dayOf(t).day ?? /^XXXX-\d{2}-\d{2}$/.exec(t.value)?.[0] ?? null;
    if (!day) continue;
    const distance = t.start >= value.end ? t.start - value.end : value.start - t.end;
    if (!best || distance < best.distance) best = { day, distance };
  }
  return best?.day ?? null;
}

/** The Monday of an ISO week ('2020-W01': 2019-12-30), in ms. */
function weekStart(week: string): number {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400e3;
  return monday1 + (w - 1) * 7 * 86400e3;
}

/**
 * Whether two weeks can be one: the same week, or neighbouring weeks both named alike from their reports' days
 * ("last week" in a Saturday report and in the next Wednesday's: the seven days before each).
 */
export function weeksMeet(a: string, aFrom: string | null, b: string, bFrom: string | null): boolean {
  if (a === b) return true;
  return !!aFrom && aFrom === bFrom && Math.abs(weekStart(a) - weekStart(b)) <= 7 * 86400e3;
}

/** The week a figure's clause names nearest to it ("last week's spree of eight attacks": 2019-W51), and whether it is named from the report's day. */
function weekAbout(article: Article, context: Span, value: Span): { week: string | null; weekFrom: string | null } {
  let best: { t: TimeExpression; distance: number } | null = null;
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' || t.end <= context.start || t.start >= context.end || !/^\d{4}-W\d{2}$/.test(t.value) || isStatementDate(article.text, t)) continue;
    const distance = t.start >= value.end ? t.start - value.end : value.start - t.end;
    if (distance >= 0 && (!best || distance < best.distance)) best = { t, distance };
  }
  return best ? { week: best.t.value, weekFrom: /^DCT/.test(best.t.symbolic ?? '') ? best.t.symbolic! : null } : { week: null, weekFrom: null };
}

/** The year, half, quarter or month a figure's clause names nearest to it ("in the fourth quarter, the average was $33": 2019-Q4). */
function periodAbout(article: Article, context: Span, value: Span): string | null {
  let best: { period: string; distance: number } | null = null;
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DATE' || t.end <= context.start || t.start >= context.end || !/^\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}))?$/.test(t.value) || isStatementDate(article.text, t)) continue;
    const distance = t.start >= value.end ? t.start - value.end : value.start - t.end;
    if (distance >= 0 && (!best || distance < best.distance)) best = { period: t.value, distance };
  }
  return best?.period ?? null;
}

function entitiesIn(article: Article, span: Span, toStory: (id: string) => string): Set<string> {
  const out = new Set<string>();
  for (const m of mentionsIn(sortedMentions(article), span)) out.add(toStory(m.entity));
  return out;
}

/** Frequency words that make a figure a habit, not a count of one event ("protests sometimes numbering more than one million"). */
const HABITUAL = /\b(sometimes|often|usually|regularly|frequently|typically|generally|routinely|at times|occasionally)\b/i;

export const PLAN = /\b(goal|target|aim|aims|aiming|plans?|planned|forecasts?|projected|hopes?|intends?)\b/i;
const FUTURE = /\b(will|would|expects?|expected)\b/i;

/** Words before a figure that make it what someone expects or needs, not a count ("analysts were expecting 870,000 jobs"). */
const EXPECTING = /\b(expecting|forecasting|predicting|projecting|anticipating|looking for|needs?|requires?)\b/i;
/**
 * Words right after a figure (its noun phrase at most four words) that make it an expectation or a requirement: "the
 * roughly 700,000 expected by forecasters", "the 10 GOP votes needed to advance", "the 60-vote threshold". ("Five people
 * needed hospital treatment" is a count: "needed" there takes an object.)
 */
const EXPECTED_AFTER = /^\S*(?:\s+\S+){0,4}?\s+(?:(?:expected|forecast|predicted|projected|anticipated)\b|(?:needed|required|necessary)(?:\s+(?:to|for)\b|\s*[,.;:)]|\s*$)|(?:threshold|hurdle|minimum)\b)/i;

/**
 * A figure stated as a goal, forecast, expectation, requirement or habit: a plan word (or a frequency word) in the few
 * words before it in its clause, or an expectation or requirement word right after it.
 */
function isPlanned(article: Article, value: Span): boolean {
  const after = article.text.slice(value.end, value.end + 80).split(/[;:!?]|[.,](?=\s)/)[0]!;
  if (EXPECTED_AFTER.test(after)) return true;
  let before = article.text.slice(Math.max(0, value.start - 120), value.start).split(/[.;:!?]/).pop() ?? '';
  // Not a plan of another clause ("protesters had planned three demonstrations ..., where hundreds have blocked a highway").
  const breaks = [...before.matchAll(CLAUSE_BREAK)];
  if (breaks.length) before = before.slice(breaks[breaks.length - 1]!.index! + 1);
  const words = before.split(/\s+/);
  return PLAN.test(words.slice(-24).join(' ')) || FUTURE.test(words.slice(-6).join(' ')) || EXPECTING.test(words.slice(-6).join(' ')) || HABITUAL.test(words.slice(-4).join(' '));
}

/** A hedge ("more than", "nearly") right before a vague count, from the one hedge list (quantities.json). */
function hedgeBefore(lower: string, start: number): { hedge: string; start: number; factors: readonly [number, number] } | null {
  const from = Math.max(0, start - 40);
  const words = [...lower.slice(from, start).matchAll(/[\p{L}]+/gu)];
  const last = words[words.length - 1];
  if (!last || !/^\s+$/.test(lower.slice(from + last.index! + last[0].length, start))) return null;
  for (const len of [3, 2, 1]) {
    if (words.length < len) continue;
    const run = words.slice(-len);
    const factors = quantityLexicon().hedges.get(run.map((w) => w[0]).join(' '));
    if (factors) return { hedge: run.map((w) => w[0]).join(' '), start: from + run[0]!.index!, factors };
  }
  return null;
}

/**
 * The noun a vague count counts: the first plural noun of the phrase after it ("dozens of Iraqi militiamen
 * and ..." -> militiamen; "a million revellers"; "thousands of anti-government protesters"), within three
 * words and before a function word; else its first word. Null when no noun follows ("thousands were").
 */
function vagueHead(lower: string, from: number): { noun: string; end: number } | null {
  const stop = lexicon().stopwords;
  const q = quantityLexicon();
  const plural = (w: string) => q.irregularPlurals.has(w) || /men$/.test(w) || (/[^s']s$/.test(w) && w.length > 3);
  let first: { noun: string; end: number } | null = null;
  let at = from;
  for (let n = 0; n < 3; n++) {
    const m = /^[\p{L}][\p{L}'’-]*/u.exec(lower.slice(at, at + 40));
    if (!m) break;
    const w = m[0];
    if (stop.has(w) || q.auxiliaries.has(w)) break;
    if (plural(w)) return { noun: w, end: at + w.length };
    first ??= { noun: w, end: at + w.length };
    at += w.length;
    const gap = /^[ \t]+/.exec(lower.slice(at, at + 10));
    if (!gap) break;
    at += gap[0].length;
  }
  return first;
}

/**
 * Who gives a figure, when its clause says so: the speaker of the quote it sits in, a named source that "puts"
 * or "estimates" it ("Iran has put the death toll at 31", "police said 60,000 attended"), or "according to"
 * one. A story entity, or null for the outlet's own figure.
 */
function sourceOf(article: Article, value: Span, context: Span, q: Quantity | null, toStory: (id: string) => string): Pick<FigureFact, 'source' | 'sourceName'> {
  const none = { source: null, sourceName: null };
  const giving = factLexicon().figureSourceVerbs;
  // A quote's speaker when its cue gives figures ("said", "estimated"; not "Ciaz reported a 62.3 per cent drop").
  const cue = q?.quote != null ? article.layers.quotes?.[q.quote]?.cue?.text.toLowerCase().split(/\s+/).pop() : undefined;
  if (q?.speaker && !q.speakerInferred && cue && giving.has(stem(cue))) return { source: toStory(q.speaker), sourceName: q.speakerMention?.text ?? null };
  const text = article.text;
  const mentions = mentionsIn(sortedMentions(article), context);
  // "<source> (has) put/said ... <figure>": the last named source before the figure in its clause.
  let left = text.slice(context.start, value.start);
  const breaks = [...left.matchAll(CLAUSE_BREAK)];
  const from = breaks.length ? context.start + breaks[breaks.length - 1]!.index! + 1 : context.start;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k]!;
    if (m.end > value.start || m.start < from) continue;
    // (Not "Maruti reporting a 3.9 per cent increase": a participle, and a company's own result is no one's estimate.)
    const verb = /^\s+(?:(?:has|have|had|also|now)\s+)*(\p{L}+)/u.exec(text.slice(m.end, value.start));
    if (verb && !/ing$/i.test(verb[1]!) && giving.has(stem(verb[1]!.toLowerCase()))) return { source: toStory(m.entity), sourceName: text.slice(m.start, m.end) };
    break;
  }
  left = text.slice(from, value.start);
  const right = text.slice(value.end, context.end);
  for (const m of mentions) {
    const before = m.start < value.start ? text.slice(from, m.start) : text.slice(value.end, m.start);
    if (/\baccording to\s+(?:the\s+)?$/i.test(before) && (m.start < value.start ? left : right).includes(text.slice(m.start, m.end))) return { source: toStory(m.entity), sourceName: text.slice(m.start, m.end) };
  }
  return none;
}

/**
 * What a figure with no noun after it measures, when the clause names it before a linking word: "put the death
 * toll at 31", "the number of arrests rose to 400", "the tally stood at 12". The measure noun, or null.
 */
function measureBefore(text: string, value: Span): string | null {
  const before = text.slice(Math.max(0, value.start - 80), value.start);
  const nouns = factLexicon().measureNouns.join('|');
  const m = new RegExp(`\\b(${nouns})(?:\\s+of\\s+[\\p{L}\\s'’-]{1,30}?)?\\s+(?:(?:has|have|had)\\s+)?(?:at|to|was|is|were|stood at|stands at|reached|rose to|climbed to|jumped to|hit)\\s+(?:about\\s+|around\\s+|some\\s+)?$`, 'iu').exec(before);
  return m ? concept(m[1]!.toLowerCase()) : null;
}

/** Days in each unit of an ISO 8601 duration ("P2W", "PT36H"); months and years at their mean length. */
const DURATION_DAYS: Record<string, number> = { Y: 365.25, M: 30.44, W: 7, D: 1, h: 1 / 24, m: 1 / 1440, s: 1 / 86400 };

/**
 * A duration's length in days, and its coarsest unit's size: "P17D" -> 17 days (unit 1), "P2W" -> 14 (unit 7).
 * Null for vague ("PXD") or mixed values.
 */
export function durationDays(value: string): { days: number; unit: number } | null {
  const m = /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === 'P' || value === 'PT') return null;
  const units = ['Y', 'M', 'W', 'D', 'h', 'm', 's'];
  let days = 0;
  let unit = 0;
  units.forEach((u, k) => {
    const n = m[k + 1];
    if (n === undefined) return;
    days += Number(n) * DURATION_DAYS[u]!;
    unit ||= DURATION_DAYS[u]!;
  });
  return days > 0 ? { days, unit } : null;
}

/** A duration still running when the report was written: "have been holding a 17-day protest", "have blocked the highway for 18 days". */
function isRunning(text: string, context: Span, value: Span): boolean {
  const left = text.slice(context.start, value.start).split(/[,;:]/).pop() ?? '';
  return /\b(?:has|have|'ve)\s+(?:been\s+)?\p{L}+/iu.test(left) || /^\s*(?:so far|now|and counting)\b/i.test(text.slice(value.end, value.end + 16));
}

/**
 * The plural noun a figure counts when the quantity stage found none: within four words, past capitalised modifiers
 * the stage stops at ("four US service members" -> members; "267 Pakistani civilian prisoners"). Null when no
 * plural noun comes before a function word.
 */
function pluralAfter(text: string, from: number): string | null {
  const stop = lexicon().stopwords;
  const q = quantityLexicon();
  const words = /^\s+((?:[\p{L}][\p{L}'’-]*\s+){0,3}[\p{L}][\p{L}'’-]*)/u.exec(text.slice(from, from + 60))?.[1]?.split(/\s+/) ?? [];
  for (const w of words) {
    const lower = w.toLowerCase();
    if (/^\p{Lu}/u.test(w)) continue;
    if (stop.has(lower) || q.auxiliaries.has(lower)) return null;
    if (q.irregularPlurals.has(lower) || /men$/.test(lower) || (/[^s']s$/.test(lower) && lower.length > 3)) return lower;
  }
  return null;
}

/** Currency units (ISO codes). */
const CURRENCY = /^[A-Z]{3}$/;

/**
 * What a sum of money pays for: the noun it modifies ("a $5,587.75 vacation at", "a $1.2 trillion infrastructure
 * package") or, after a verb of spending, the noun after "on" ("spent $5,150 on fur capes"). Null otherwise ("$750,000
 * in campaign money").
 */
function spentOn(text: string, value: Span): string | null {
  const stop = lexicon().stopwords;
  const after = text.slice(value.end, value.end + 60);
  const spent = /\b(?:spen[dt]|spending|paid|pay|pays|paying)\s+$/i.test(text.slice(Math.max(0, value.start - 20), value.start)) ? /^\s+on\s+/.exec(after) : null;
  const rest = spent ? after.slice(spent[0].length) : after;
  let head: string | null = null;
  // The last word of a run of at most three lower-case words, ended by a function word or punctuation.
  const words = /^\s*((?:\p{Ll}[\p{Ll}'’-]*\s+){0,3})/u.exec(`${rest} `)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
  for (const w of words) {
    // ("$9,587.64 worth of", "$43,350 men's watch": no noun of its own.)
    if (stop.has(w) || /^(?:million|billion|trillion|thousand|worth)$/.test(w) || /['’]/.test(w)) break;
    head = w;
  }
  return head && head.length > 2 ? concept(head.replace(/(?<=[^s])s$/, '')) : null;
}

/**
 * A figure that is the measure's earlier value: the start of a change ("fell to 473,000 from a revised 507,000", "23,883
 * units from 27,649", "from 498,000 to 507,000") or a figure said of the previous period ("the previous week's figure
 * was revised up to 371,000"). It is held only against earlier values.
 */
function isPreviousValue(text: string, value: Span): boolean {
  const before = text.slice(Math.max(0, value.start - 80), value.start).split(/[.;:!?]/).pop()!;
  if (/\bfrom\s+(?:an?\s+)?(?:(?:upwardly|downwardly)\s+)?(?:revised\s+)?(?:about\s+|around\s+|nearly\s+)?$/i.test(before)) return true;
  return /\b(?:previous|prior|preceding)\s+(?:week|month|quarter|year)['’]s\b/i.test(before.split(/,\s+(?:and|but|while|as)\b/).pop()!);
}

/** Figures an article gives: its quantities (minus ages, years, ranks) and vague counts ("dozens of", "thousands of"). */
export function figureFacts(article: Article, toStory: (id: string) => string, forms: WordForms = plainForms): FigureFact[] {
  const text = article.text;
  const out: FigureFact[] = [];
  const dims = factLexicon().dimensions;
  const taken: Span[] = [];
  // (Russian says a plan in its own words, and after the figure as often as before it.)
  const planned = detectLanguage(text, article.language).language === 'ru' ? (v: Span) => ruPlannedFigure(text, v) : (v: Span) => isPlanned(article, v);
  for (const q of article.layers.quantities ?? []) {
    if (!Number.isFinite(q.value) || bareYear(q) || isRankLabel(text, q) || looksLikeAge(text, q)) continue;
    if (q.kind === 'multiple' || q.kind === 'ratio') continue;
    // "one" is as often a pronoun or determiner as a count.
    if (q.unit === null && q.value <= 1 && q.hedge === null) continue;
    const context = contextOf(article, q, FACT_CONTEXT);
    // "a 24-page indictment", "a 17-day protest": the figure counts the noun of the compound (pages, days).
    const compound = /^-([a-z]+)\b(?!-)/i.exec(text.slice(q.end, q.end + 20));
    const noun = compound ? compound[1]!.toLowerCase() : q.countedHead ?? (q.unit === null ? pluralAfter(text, q.end) : null);
    const head = noun ? concept(noun) : (measureBefore(text, q) ?? (q.unit && CURRENCY.test(q.unit) ? spentOn(text, q) : null));
    // Lengths and masses in their base unit: "45 miles" and "72 km" are one figure.
    const f = (q.unit && factLexicon().unitFactors.get(q.unit)) || 1;
    out.push({
      kind: 'figure',
      article,
      value: { start: q.start, end: q.end },
      context,
      sentence: sentenceAt(article, q.start),
      ...scaled(aroundPrecision(q), f),
      central: q.value * f,
      hedge: q.hedge,
      direction: directionOf(q.hedge),
      vague: false,
      unit: q.unit,
      dimension: q.unit ? dims.get(q.unit) ?? q.unit : 'count',
      head,
      around: aroundOf(article, q, context, forms, q.counted?.end),
      entities: entitiesIn(article, context, toStory),
      change: q.kind,
      planned: planned(q),
      day: dayAbout(article, context, q),
      period: periodAbout(article, context, q),
      ...weekAbout(article, context, q),
      ...sourceOf(article, q, context, q, toStory),
      running: false,
      ...(isPreviousValue(text, q) ? { previous: true } : {}),
    });
    taken.push(q);
  }
  // Durations as figures: "a nonstop 17-day protest", "blocked a highway for 18 days" (the time stage reads them).
  for (const t of article.layers.times ?? []) {
    if (t.type !== 'DURATION' || taken.some((q) => q.start < t.end && t.start < q.end)) continue;
    const length = durationDays(t.value);
    const words = text.slice(t.start, t.end);
    // "a day", "one year": as often a manner of speaking as a length; "25-year-old" is an age.
    if (!length || (!/\d/.test(words) && length.days <= length.unit) || looksLikeAge(text, { ...t, unit: null, hedge: null })) continue;
    // ("over the eight years" is a span, not more than one.)
    const hedge = /^the\b/i.test(words) ? null : hedgeBefore(text.toLowerCase(), t.start);
    const value = { start: hedge ? hedge.start : t.start, end: t.end };
    const context = contextOf(article, value, FACT_CONTEXT);
    const compound = /^[-\s]?(?:long\s+)?(\p{L}+(?:-\p{L}+)*)/u.exec(text.slice(t.end, t.end + 24));
    // "a 17-day protest": the noun after the compound is what lasts; "for 18 days" names none.
    const head = /-\p{L}+$/u.test(words) && compound && !lexicon().stopwords.has(compound[1]!.toLowerCase()) ? concept(compound[1]!.toLowerCase()) : null;
    // A coarse unit ("two weeks", "a month") is told to within a quarter of it.
    const slack = length.unit > 1 ? length.unit / 4 : 0;
    out.push({
      kind: 'figure',
      article,
      value,
      context,
      sentence: sentenceAt(article, t.start),
      low: (length.days - slack) * (hedge?.factors[0] ?? 1),
      high: (length.days + slack) * (hedge?.factors[1] ?? 1),
      central: length.days,
      hedge: hedge?.hedge ?? null,
      direction: directionOf(hedge?.hedge ?? null),
      vague: false,
      unit: 'day',
      dimension: 'duration',
      head,
      around: aroundOf(article, value, context, forms),
      // What lasts is often named in the sentence, not the clause ("the women of Shaheen Bagh — who have been holding a 17-day protest").
      entities: entitiesIn(article, sentenceSpan(article, t.start), toStory),
      change: 'level',
      planned: planned(value),
      day: null,
      period: periodAbout(article, context, value),
      ...weekAbout(article, context, value),
      ...sourceOf(article, value, context, null, toStory),
      running: isRunning(text, context, value),
    });
    taken.push(value);
  }
  // Vague counts: "dozens of protesters", "hundreds of thousands of spectators", "more than a million people".
  const lower = text.toLowerCase();
  for (const [phrase, [low, high]] of factLexicon().vagueCounts) {
    const re = new RegExp(`\\b${phrase.replace(/ /g, '\\s+')}(\\s+of)?\\s+`, 'gu');
    for (const m of lower.matchAll(re)) {
      const start = m.index;
      // "a million" must be followed by a noun, not be part of "a million-dollar"; "hundreds" right after a number is a scale.
      if (taken.some((t) => t.start < start + m[0].length && start < t.end)) continue;
      if (/\d\s*$/.test(lower.slice(Math.max(0, start - 3), start))) continue;
      const counted = vagueHead(lower, start + m[0].length);
      if (!counted) continue;
      const hedge = hedgeBefore(lower, start);
      const value = { start: hedge ? hedge.start : start, end: start + phrase.length };
      const context = contextOf(article, value, FACT_CONTEXT);
      taken.push(value);
      out.push({
        kind: 'figure',
        article,
        value,
        context,
        sentence: sentenceAt(article, start),
        low: low * (hedge?.factors[0] ?? 1),
        high: high * (hedge?.factors[1] ?? 1),
        central: (low + high) / 2,
        hedge: hedge ? `${hedge.hedge} ${phrase}` : phrase,
        direction: hedge ? directionOf(hedge.hedge) : 'around',
        vague: low !== high,
        unit: null,
        dimension: 'count',
        head: concept(counted.noun),
        around: aroundOf(article, value, context, forms, counted.end),
        entities: entitiesIn(article, context, toStory),
        change: 'level',
        planned: planned(value),
        day: dayAbout(article, context, value),
        period: periodAbout(article, context, value),
      ...weekAbout(article, context, value),
        ...sourceOf(article, value, context, null, toStory),
        running: false,
      });
    }
  }
  return out;
}
