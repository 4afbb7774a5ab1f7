// Russian dates into the time layer (the same TimeExpression type as English): chrono-node's `ru` locale,
// then refiners where it is wrong or silent for news: a bare weekday is the last one on or before
// publication unless the sentence speaks of the future; "накануне" is the day before; "в 2022 году" is a
// year; New Year's night is 31 December; "в начале декабря" keeps the month (a range, not its first day); clock times without a date are TIME.
import * as chrono from 'chrono-node';
import type { Article, TimeExpression } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { foldRu } from './normalize.js';

export const MONTHS_GENITIVE: ReadonlySet<string> = new Set([
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
]);

const FUTURE = /(?:^|[^\p{L}])(будет|будут|состоится|состоятся|пройдет|пройдёт|пройдут|планиру\p{L}*|намерен\p{L}*|собира\p{L}*|предстоит|ожидается|начнется|начнётся)(?=[^\p{L}]|$)/iu;
const DURATION_NUMBER_WORDS = 'двух|двум|двое|два|две|трех|трёх|три|трое|четырех|четыре|пяти|пять|шести|шесть|семи|семь|восьми|восемь|девяти|девять|десяти|десять|нескольких|несколько|многих|много|полтора|полутора|одиннадцати|двенадцати|пятнадцати|двадцати|двадцать|тридцати|тридцать|сорока|сорок|пятидесяти|пятьдесят|ста|сто';
const WORD_VALUES: Record<string, number> = { двух: 2, двум: 2, двое: 2, два: 2, две: 2, трех: 3, три: 3, трое: 3, четырех: 4, четыре: 4, пяти: 5, пять: 5, шести: 6, шесть: 6, семи: 7, семь: 7, восьми: 8, восемь: 8, девяти: 9, девять: 9, десяти: 10, десять: 10, полтора: 1.5, полутора: 1.5, одиннадцати: 11, двенадцати: 12, пятнадцати: 15, двадцати: 20, двадцать: 20, тридцати: 30, тридцать: 30, сорока: 40, сорок: 40, пятидесяти: 50, пятьдесят: 50, ста: 100, сто: 100 };
function durationNumber(s: string): number | 'X' {
  let total = 0;
  for (const w of s.split(/\s+/)) {
    const v = /^\d/.test(w) ? Number(w.replace(',', '.')) : WORD_VALUES[w];
    if (v === undefined) return 'X';
    total += v;
  }
  return total;
}
type Component = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'minute';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function anchorDate(published: string | null): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : null;
}

function sentenceAt(article: Article, offset: number): { start: number; end: number } {
  const ss = article.layers.sentences ?? [];
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = ss[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return { start: 0, end: article.text.length };
}

export function extractRuTimes(article: Article): TimeExpression[] {
  const text = article.text;
  const anchor = anchorDate(article.published);
  const ref = anchor ?? new Date(Date.UTC(2000, 0, 1, 12));
  // Candidates from the refiners and chrono; where they overlap the longest wins.
  const candidates: TimeExpression[] = [];
  const push = (t: TimeExpression) => {
    // A preposition right before belongs to the expression ("на 30 июня", "до 12 апреля").
    const before = /(?:^|[^\p{L}])((?:в|во|на|до|с|со|к|ко|по|от|за)\s+)$/iu.exec(text.slice(Math.max(0, t.start - 4), t.start));
    if (before) t = { ...t, start: t.start - before[1]!.length };
    candidates.push(t);
  };
  // Refiners first: they claim their words before chrono reads them.
  const re = /(?<![\p{L}\p{N}])(?:(?:в|во|с|со|до|к|на|по)\s+)?(?:(начале|середине|конце)\s+)?(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*(?:году|года|год|годах|годы|гг?\.)(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = re.exec(text)) !== null; ) {
    const y = Number(m[2]);
    if (y < 1000 || y > 2100) continue;
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: m[3] ? `${m[2]}/${m[3]}` : String(y), resolved: false });
  }
  // Decades: "в 1980-е", "в начале 2000-х".
  const decade = /(?<![\p{L}\p{N}])(?:(?:в|во|с|до|к)\s+)?(?:(?:начале|середине|конце)\s+)?((?:1[89]|20)\d0)-(?:е|х|ых|ые|ми)(?:\s+(?:годах|годы|годов|гг\.))?(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = decade.exec(text)) !== null; ) {
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: m[1]!.slice(0, 3), resolved: false });
  }
  // A capitalised preposition and a bare year opening a sentence: "В 1976 — поступил".
  const bareYear = /(?<![\p{L}\p{N}])(?:В|С|До|К|На)\s+(1[89]\d\d|20\d\d)(?![\p{N}\p{L}]|\s*(?:год|г\.|-))/gu;
  for (let m: RegExpExecArray | null; (m = bareYear.exec(text)) !== null; ) {
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: m[1]!, resolved: false });
  }
  // Clock times: "в 20 часов 30 минут", "в 8 утра".
  const clock = /(?<![\p{L}\p{N}])(?:(?:примерно|около)\s+)?в\s+(\d{1,2})\s+(?:час(?:а|ов)?|ч\.)(?:\s+(\d{1,2})\s+минут\p{L}*)?/giu;
  for (let m: RegExpExecArray | null; (m = clock.exec(text)) !== null; ) {
    push({ start: m.index, end: m.index + m[0].length, type: 'TIME', value: `T${pad(Number(m[1]))}:${pad(Number(m[2] ?? 0))}`, resolved: false });
  }
  // Durations: "два года", "трёх лет", "21 месяц", "около 30 лет", "за неделю", "полвека".
  const NUM = '(?:\\d+(?:,\\d+)?|' + DURATION_NUMBER_WORDS + ')';
  const dur = new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:в течение|на протяжении|около|почти|более|менее|свыше|не более|не менее|до|на|за|ещё|еще)\\s+)?(?:(${NUM}(?:\\s+${NUM})?)\\s+)?(год|года|лет|году|годам|годами|месяц|месяца|месяцев|месяцу|месяцы|недел[яиюь]|недель|неделю|день|дня|дней|сутки|суток|час|часа|часов|минут|минуты|минуту|десятилети[ейя]|десятилетий|век|века|веков|полвека|полгода|полтора года|полторы недели)(?![\\p{L}])`, 'giu');
  for (let m: RegExpExecArray | null; (m = dur.exec(text)) !== null; ) {
    const unit = foldRu(m[2]!);
    const hasNumber = m[1] !== undefined || /^пол/.test(unit);
    const lead = foldRu(m[0]).split(/\s+/)[0]!;
    // Without a number only "за неделю", "на год", "в течение дня" are durations.
    if (!hasNumber && !/^(за|на|в|до)$/.test(lead)) continue;
    if (!hasNumber && /^(году|годам|годами)$/.test(unit)) continue;
    const n = m[1] ? durationNumber(foldRu(m[1])) : 1;
    const code = /^(год|лет|полгода|полтора)/.test(unit) ? 'Y' : /^месяц/.test(unit) ? 'M' : /^недел/.test(unit) ? 'W' : /^(день|дн|сут)/.test(unit) ? 'D' : /^час/.test(unit) ? 'H' : /^минут/.test(unit) ? 'MIN' : /^десятилет/.test(unit) ? 'DE' : 'CE';
    const amount = /^полвека/.test(unit) ? 50 : /^полгода/.test(unit) ? 0.5 : /^полтор/.test(unit) ? 1.5 : n;
    const times = (k: number) => (amount === 'X' ? 'X' : amount * k);
    const value = code === 'H' || code === 'MIN' ? `PT${amount}${code === 'H' ? 'H' : 'M'}` : code === 'DE' ? `P${times(10)}Y` : code === 'CE' ? `P${times(100)}Y` : `P${amount}${code}`;
    push({ start: m.index, end: m.index + m[0].length, type: 'DURATION', value, resolved: false });
  }
  const eve = /(?<![\p{L}])накануне(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = eve.exec(text)) !== null; ) {
    // "накануне выборов" names another event; alone (or before a comma/verb) it is the day before.
    const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(m.index + m[0].length))?.[1] ?? '';
    if (/(?:а|я|ов|ей|ий|ия|ых|ии)$/u.test(foldRu(nextWord)) && !/^(вечером|утром|днем|днём|ночью|заявил\p{L}*|сообщил\p{L}*)$/u.test(foldRu(nextWord))) continue;
    if (!anchor) continue;
    const d = new Date(anchor.getTime() - 86400000);
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: iso(d), resolved: true, anchor: 'published' });
  }
  // New Year's night and eve ("в новогоднюю ночь", "в канун Нового года"): 31 December, the last one before
  // publication (a report tells of it afterwards; one in the future says "будет").
  const newYear = /(?<![\p{L}])(?:(?:в|во)\s+)?(?:новогодн(?:юю|яя|ей)\s+ноч[ьи]|канун\p{L}*\s+нового\s+года)(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = newYear.exec(text)) !== null; ) {
    if (!anchor) continue;
    const y = anchor.getUTCMonth() === 11 && anchor.getUTCDate() === 31 ? anchor.getUTCFullYear() : anchor.getUTCFullYear() - 1;
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: `${y}-12-31`, resolved: true, anchor: 'published' });
  }
  const part = /(?<![\p{L}])(?:в\s+)?(начале|середине|конце)\s+(январ[ея]|феврал[ея]|марта?|апрел[ея]|ма[яй]|июн[ея]|июл[ея]|августа?|сентябр[ея]|октябр[ея]|ноябр[ея]|декабр[ея])(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?/giu;
  const MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
  for (let m: RegExpExecArray | null; (m = part.exec(text)) !== null; ) {
    const mw = foldRu(m[2]!);
    const month = MONTH_STEMS.findIndex((s) => mw.startsWith(s) && !(s === 'ма' && mw.startsWith('мар'))) + 1;
    const year = m[3] ? Number(m[3]) : anchor?.getUTCFullYear();
    if (!month) continue;
    // Without a year or a publication date the month is still a date: 'XXXX-MM'.
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: `${year ?? 'XXXX'}-${pad(month)}`, resolved: !m[3] && !!year, ...(m[3] || !year ? {} : { anchor: 'published' as const }) });
  }
  // A day of a month ("3 мая", "3-го мая", "утром 3 мая 2020 года"), which chrono misses after a part of the day
  // or with "-го": the year given, else the publication's (the year before when that lands months after publication).
  const dayMonth = /(?<![\p{L}\p{N}])(?:(?:утром|днем|днём|вечером|ночью)\s+)?(\d{1,2})(?:-?го)?\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = dayMonth.exec(text)) !== null; ) {
    const day = Number(m[1]);
    const month = MONTH_STEMS.findIndex((st) => foldRu(m![2]!).startsWith(st) && !(st === 'ма' && foldRu(m![2]!).startsWith('мар'))) + 1;
    if (day < 1 || day > 31 || !month) continue;
    // (Without a publication date, the reference year chrono is given, as for the dates it reads.)
    let year = m[3] ? Number(m[3]) : ref.getUTCFullYear();
    if (!m[3] && anchor) {
      // A report tells of the past (up to half a year ahead is still this year); a sentence about the future
      // names a day on or after publication.
      const s = sentenceAt(article, m.index);
      const future = FUTURE.test(text.slice(s.start, s.end));
      const ahead = Date.UTC(year, month - 1, day, 12) - anchor.getTime();
      if (!future && ahead > 183 * 86400000) year--;
      else if (future && ahead < 0) year++;
    }
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value: `${year}-${pad(month)}-${pad(day)}`, resolved: !m[3], ...(!m[3] && anchor ? { anchor: 'published' as const } : {}) });
  }
  // A month in the prepositional case ("в январе", "в ноябре-декабре", "в мае 2019 года"), which chrono's ru
  // locale does not read: without a year, the last such month on or before publication (the next one when
  // the sentence speaks of the future).
  const inMonth = /(?<![\p{L}])(?:в|во)\s+(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?:\s*[-–]\s*(январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре))?(?:\s+(\d{4})(?:\s*(?:года|г\.))?)?(?![\p{L}])/giu;
  for (let m: RegExpExecArray | null; (m = inMonth.exec(text)) !== null; ) {
    const monthOf = (w: string) => MONTH_STEMS.findIndex((st) => foldRu(w).startsWith(st) && !(st === 'ма' && foldRu(w).startsWith('мар'))) + 1;
    const month = monthOf(m[1]!);
    const last = m[2] ? monthOf(m[2]) : month;
    let year: number | null = m[3] ? Number(m[3]) : null;
    if (year === null && anchor) {
      const s = sentenceAt(article, m.index);
      const future = FUTURE.test(text.slice(s.start, s.end));
      const pm = anchor.getUTCMonth() + 1;
      year = anchor.getUTCFullYear() + (future ? (month < pm ? 1 : 0) : month > pm ? -1 : 0);
    }
    const value = `${year ?? 'XXXX'}-${pad(month)}${last !== month ? `/${year ?? 'XXXX'}-${pad(last)}` : ''}`;
    push({ start: m.index, end: m.index + m[0].length, type: 'DATE', value, resolved: !m[3] && year !== null, ...(!m[3] && year !== null ? { anchor: 'published' as const } : {}) });
  }
  for (const r of chrono.ru.parse(text, ref)) {
    // chrono's word boundaries are Latin ones: "Май" of "Майло" is no month.
    if (/[\p{L}\p{N}]/u.test(text[r.index - 1] ?? '') || /[\p{L}]/u.test(text[r.index + r.text.length] ?? '')) continue;
    // "окружающей среды": the weekday's genitive without a preposition is the word "environment".
    if (/^сред[аы]$/iu.test(r.text.trim())) continue;
    // chrono's match may open with the whitespace before the date ("\n\n12 февраля").
    const start = r.index + (r.text.length - r.text.trimStart().length);
    const end = r.index + r.text.trimEnd().replace(/[,\s]+$/u, '').length;
    // "сейчас" (now) anchors nothing a report could disagree about.
    if (/^(сейчас|теперь)$/iu.test(r.text.trim())) continue;
    const c = r.start;
    const has = (k: Component) => c.isCertain(k);
    const known: Partial<Record<Component, number>> = {};
    const implied: Partial<Record<Component, number>> = {};
    for (const k of ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const) {
      const v = c.get(k);
      if (v === null) continue;
      if (c.isCertain(k)) known[k] = v;
      else implied[k] = v;
    }
    let value: string;
    let type: TimeExpression['type'] = 'DATE';
    let resolved = false;
    let symbolic: string | undefined;
    if (has('weekday') && !has('day')) {
      // A bare weekday: the last one on or before publication, the next one when the sentence is about the future.
      const s = sentenceAt(article, start);
      const future = FUTURE.test(text.slice(s.start, s.end));
      const wd = known['weekday']!;
      symbolic = `XXXX-WXX-${wd === 0 ? 7 : wd}`;
      if (!anchor) { value = symbolic; }
      else {
        const d = new Date(anchor);
        let diff = (anchor.getUTCDay() - wd + 7) % 7;
        if (future) diff = -(((wd - anchor.getUTCDay() + 7) % 7) || 7);
        d.setUTCDate(d.getUTCDate() - diff);
        value = iso(d);
        resolved = true;
      }
    } else if (has('day') && (has('month') || implied['month'] !== undefined)) {
      const y = known['year'] ?? implied['year'];
      const mo = known['month'] ?? implied['month'];
      value = `${y}-${pad(mo!)}-${pad(known['day']!)}`;
      resolved = !has('year') || !has('month');
    } else if (has('month')) {
      const y = known['year'] ?? implied['year'];
      value = `${y}-${pad(known['month']!)}`;
      resolved = !has('year');
    } else if (has('year')) {
      value = String(known['year']);
      resolved = true;
    } else if (has('hour') && /\d/.test(r.text) && /час|:/u.test(text.slice(start, end + 8))) {
      type = 'TIME';
      value = `T${pad(known['hour']!)}:${pad(known['minute'] ?? 0)}`;
    } else continue;
    push({ start, end, type, value, resolved, ...(resolved && anchor ? { anchor: 'published' as const } : {}), ...(symbolic ? { symbolic } : {}) });
  }
  // Clusters of overlapping candidates (in text order); inside each, the longest first.
  const out: TimeExpression[] = [];
  candidates.sort((a, b) => a.start - b.start);
  for (let i = 0; i < candidates.length; ) {
    let j = i + 1;
    let end = candidates[i]!.end;
    while (j < candidates.length && candidates[j]!.start < end) end = Math.max(end, candidates[j++]!.end);
    const cluster = candidates.slice(i, j).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: TimeExpression[] = [];
    for (const c of cluster) if (!kept.some((o) => c.start < o.end && o.start < c.end)) kept.push(c);
    out.push(...kept.sort((a, b) => a.start - b.start));
    i = j;
  }
  return out;
}

export const ruTimeStage: Stage = {
  name: 'times',
  requires: ['tokens', 'sentences'],
  provides: ['times'],
  run: (article) => ({ times: extractRuTimes(article) }),
};
