// Russian figures into the quantity layer (the same Quantity type as English, so the comparison reads
// them unchanged): digits with spaces or commas ("1 700", "4,1 млрд"), scale words (тыс., млн, млрд),
// number words in every case ("семь", "двадцати пяти"), hedges (около, более, почти, свыше, до, порядка),
// ranges ("от 5 до 10", "5-10"), multiples ("в 3 раза", "втрое"), percentages, currencies and units.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Quantity } from '../../model/document.js';
import { textSpan } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { repoRoot } from '../../shared-paths.js';
import { foldRu, parseRuNumber } from './normalize.js';
import { stemRu } from './stem.js';
import { MONTHS_GENITIVE } from './time.js';
import { englishPhraseFor, englishWordFor } from './lexicon.js';

interface RuQuantityLexicon {
  numberWords: Record<string, number>;
  fuzzyNumbers: string[];
  soloExcluded: string[];
  scales: Record<string, number>;
  currencyStems: Record<string, string>;
  currencySymbols: Record<string, string>;
  percentStems: string[];
  unitStems: Record<string, string>;
  hedges: Record<string, [number, number]>;
  multiples: Record<string, number>;
  increaseStems: string[];
  decreaseStems: string[];
  countStopWords: string[];
  labelWords: string[];
}

let lexicon: RuQuantityLexicon | null = null;
export function ruQuantityLexicon(): RuQuantityLexicon {
  lexicon ??= JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'quantities.json'), 'utf8')) as RuQuantityLexicon;
  return lexicon;
}

interface Tok {
  start: number;
  end: number;
  text: string;
  /** foldRu(text) */
  low: string;
  digits: boolean;
}

const TOKEN = /\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:,\d+)?(?!\d)|\d+(?:[.,]\d+)?|[\p{L}\p{M}]+(?:-[\p{L}]+)*|\S/gu;

export function ruTokens(text: string, from = 0, to = text.length): Tok[] {
  const out: Tok[] = [];
  const re = new RegExp(TOKEN.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < to) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], low: foldRu(m[0]), digits: /^\d/.test(m[0]) });
  }
  return out;
}

const ADJ_END = /(ых|их|ый|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ыми|ими)$/;
// Finite verb and short participle forms: no counted noun there ("176 погибли").
const VERB_END = /(ют|ут|ат|ят|ет|ит|ли|ла|ло|лся|лась|лись|ться|ть)$/;

/** Reads the number at token i: digits or number words (summed: "двадцать пять"). */
function readNumberAt(toks: Tok[], i: number, lex: RuQuantityLexicon): { value: number; next: number; words: boolean } | null {
  const t = toks[i];
  if (!t) return null;
  if (t.digits) {
    const v = parseRuNumber(t.text);
    if (!Number.isFinite(v)) return null;
    return { value: v, next: i + 1, words: false };
  }
  let j = i;
  let total = 0;
  let last = Infinity;
  while (j < toks.length) {
    const v = lex.numberWords[toks[j]!.low];
    if (v === undefined || v >= last || (last < 10 && v < 10)) break;
    total += v;
    last = v;
    j++;
  }
  if (j === i) return null;
  // "один" alone is mostly "one of" / "a": a count only before a noun ("погиб один человек").
  if (j === i + 1 && lex.soloExcluded.includes(toks[i]!.low)) {
    const n = toks[j];
    if (!n || n.digits || !/^\p{Ll}/u.test(n.text) || /^(из|и|раз|только|лишь|же|на|в|с|не|из-за)$/.test(n.low)) return null;
  }
  return { value: total, next: j, words: true };
}

const startsWithAny = (w: string, stems: readonly string[]) => stems.some((s) => w.startsWith(s));

export function extractRuQuantities(article: Article): Quantity[] {
  const lex = ruQuantityLexicon();
  const text = article.text;
  const out: Quantity[] = [];
  const times = article.layers.times ?? [];
  // Times are in text order, as are the numbers: one pointer walks them.
  let timeAt = 0;
  const hedgeKeys = Object.keys(lex.hedges).sort((a, b) => b.split(' ').length - a.split(' ').length);
  for (const sent of article.layers.sentences ?? [{ start: 0, end: text.length, paragraph: 0 }]) {
    const toks = ruTokens(text, sent.start, sent.end);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      // "вдвое", "втрое": a multiple in one word.
      const mult = lex.multiples[t.low];
      if (mult !== undefined) {
        out.push(quantity(text, t.start, t.end, mult, mult, mult, null, null, 'multiple', null, null));
        continue;
      }
      // A scale word alone: "тысячи человек", "миллионов солдат" (at least that many, up to ten times).
      if (lex.scales[t.low] && !toks[i - 1]?.digits && lex.numberWords[toks[i - 1]?.low ?? ''] === undefined && /^(тысячи|тысяч|миллионы|миллионов|миллиарды|миллиардов|тысячами|миллионами)$/.test(t.low)) {
        const v = lex.scales[t.low]!;
        out.push(quantity(text, t.start, t.end, v, v, v * 10, null, t.low, 'level', null, null));
        continue;
      }
      const num = readNumberAt(toks, i, lex);
      if (!num) continue;
      // Digits inside a word or a link ("COVID-19", "SARS-CoV-2", "?v=QorduzqCSy4") and labels ("статьи 104", "№ 30").
      if (t.digits && (/[\p{L}\p{N}_=/?&#.-]/u.test(text[t.start - 1] ?? '') && !/[\s(«"]/.test(text[t.start - 1] ?? ' ') || /\p{L}/u.test(text[toks[num.next - 1]!.end] ?? ''))) {
        if (!(text[t.start - 1] === '-' && /\s/.test(text[t.start - 2] ?? ''))) { i = num.next - 1; continue; }
      }
      const label = toks[i - 1]?.text === '.' ? toks[i - 2] : toks[i - 1];
      if (label && lex.labelWords.includes(label.low)) { i = num.next - 1; continue; }
      // Dates and times are the time layer's.
      while (timeAt < times.length && times[timeAt]!.end <= t.start) timeAt++;
      if (timeAt < times.length && times[timeAt]!.start < toks[num.next - 1]!.end) { i = num.next - 1; continue; }
      let j = num.next;
      let value = num.value;
      // Parts of dates and times are the time layer's: "5 августа", "в 2022 году", "20 часов 30 минут" as a clock.
      const nextLow = toks[j]?.low ?? '';
      if (MONTHS_GENITIVE.has(nextLow)) { i = j - 1; continue; }
      if (toks[i - 1]?.low === 'в' && /^(час|часа|часов|ч)$/.test(nextLow)) { i = j; continue; }
      if (/^(минут|минуты|мин)$/.test(nextLow) && /^(час|часа|часов|ч)$/.test(toks[i - 1]?.low ?? '')) { i = j; continue; }
      if (!num.words && /^(год|году|года|г|гг|годах|годов|годы)$/.test(nextLow) && value >= 1000 && value <= 2100) { i = j; continue; }
      // "15:00", "125-й", "66-летний", "2,5-процентный": clock times, ordinals and compounds are not counts.
      const after = text.slice(toks[j - 1]!.end, toks[j - 1]!.end + 1);
      if (!num.words && (after === ':' || after === '-' || after === '–') && /^\d/.test(text.slice(toks[j - 1]!.end + 1, toks[j - 1]!.end + 2)) === false && toks[j]?.text === after) {
        const w = toks[j + 1];
        if (w && !w.digits) { i = j + 1; continue; }
      }
      if (!num.words && after === ':') { i = j + 1; continue; }
      // Scale: "4,1 млрд", "3 тыс.", "двух миллионов".
      let scale = 1;
      const sc = toks[j] && lex.scales[toks[j]!.low];
      if (sc) {
        scale = sc;
        j++;
        if (toks[j]?.text === '.') j++;
      }
      // A range: "5-10", "от 5 до 10", "5–7 млн".
      let high = value;
      // "от 3 до 5 тысяч рублей": the scale and unit after the second number are the first one's too.
      let rangeFrom = false;
      if (toks[i - 1]?.low === 'от' && toks[j]?.low === 'до') {
        const r = readNumberAt(toks, j + 1, lex);
        if (r && r.value > value) {
          high = r.value;
          j = r.next;
          rangeFrom = true;
          const sc2 = toks[j] && lex.scales[toks[j]!.low];
          if (sc2 && scale === 1) { scale = sc2; j++; if (toks[j]?.text === '.') j++; }
        }
      }
      const dash = toks[j];
      if (dash && (dash.text === '-' || dash.text === '–' || dash.text === '—') && toks[j + 1]?.digits && scale === 1) {
        const r = readNumberAt(toks, j + 1, lex);
        if (r && r.value > value) {
          high = r.value;
          j = r.next;
          const sc2 = toks[j] && lex.scales[toks[j]!.low];
          if (sc2) { scale = sc2; j++; if (toks[j]?.text === '.') j++; }
        }
      }
      value = Number((value * scale).toPrecision(12));
      high = Number((high * scale).toPrecision(12));
      // Unit: currency, percent, measure.
      let unit: string | null = null;
      const prev = toks[i - 1];
      if (prev && lex.currencySymbols[prev.text]) unit = lex.currencySymbols[prev.text]!;
      const u = toks[j];
      let counted: { start: number; end: number } | null = null;
      let countedHead: string | null = null;
      if (u) {
        if (u.text === '%' || startsWithAny(u.low, lex.percentStems)) { unit = '%'; j++; }
        else if (lex.currencySymbols[u.text]) { unit = lex.currencySymbols[u.text]!; j++; }
        else {
          const cur = Object.entries(lex.currencyStems).find(([s]) => u.low === s || (u.low.startsWith(s) && s.length >= 3));
          if (cur) { unit = cur[1]; j++; if (toks[j]?.text === '.' && (u.low === 'руб' || u.low === 'долл')) j++; }
          else {
            const un = lex.unitStems[u.low] ?? (u.low.length > 3 ? Object.entries(lex.unitStems).find(([s]) => s.length >= 4 && u.low.startsWith(s))?.[1] : undefined);
            if (un) { unit = un; j++; if (toks[j]?.text === '.' && u.low.length <= 3) j++; }
            // "135 км/ч": a speed, not a length.
            if (un && toks[j]?.text === '/' && /^ч(?:ас)?$/.test(toks[j + 1]?.low ?? '')) { unit = `${un}/h`; j += 2; }
          }
        }
      }
      // "в 3 раза": a multiple.
      let kind: Quantity['kind'] = 'level';
      if (toks[j] && /^раз(а)?$/.test(toks[j]!.low) && prev?.low === 'в') { kind = 'multiple'; j++; }
      // What is counted: the next words up to the first noun ("семь сотрудников правоохранительных органов" -> сотрудников).
      if (unit === null && kind === 'level') {
        let k = j;
        while (k < toks.length && k < j + 3 && /^\p{Ll}/u.test(toks[k]!.text) && ADJ_END.test(toks[k]!.low) && !lex.countStopWords.includes(toks[k]!.low)) k++;
        const isNoun = (t: Tok | undefined) => t !== undefined && /^\p{L}/u.test(t.text) && !VERB_END.test(t.low) && !lex.countStopWords.includes(t.low) && !lex.scales[t.low] && lex.numberWords[t.low] === undefined;
        // An adjective with no noun after it is the noun itself ("трое полицейских и ...", "двое раненых").
        const head = isNoun(toks[k]) ? toks[k] : k > j && !/^\p{L}/u.test(toks[k]?.text ?? '.') || k > j && lex.countStopWords.includes(toks[k]!.low) ? toks[k - 1] : undefined;
        if (head && isNoun(head)) {
          const at = toks.indexOf(head);
          // A noun with its genitive that English says in one word ("сотрудников полиции": officers).
          const phrase = englishPhraseFor(toks.slice(at, at + 3).map((t) => t.text));
          const last = phrase ? toks[at + phrase.length - 1]! : head;
          counted = { start: toks[j]!.start, end: last.end };
          // The English word when the bilingual lexicon has it: figures of one measure meet across languages.
          countedHead = phrase?.english ?? englishWordFor(head.low) ?? stemRu(head.low);
        }
      }
      // Hedge before the number (longest first), and a change word ("выросло на 15%").
      let first = i;
      let hedge: string | null = null;
      if (kind === 'multiple' && prev?.low === 'в') first = i - 1;
      if (rangeFrom) first = i - 1;
      else if (prev && lex.currencySymbols[prev.text]) first = i - 1;
      for (const h of hedgeKeys) {
        const words = h.split(' ');
        const at = first - words.length;
        if (at < 0) continue;
        if (words.every((w, k) => toks[at + k]!.low === w)) {
          // "выросло до 832", "сократилось до 5%": the level reached, not "up to".
          const verb = toks[at - 1]?.low ?? '';
          if (h === 'до' && (startsWithAny(verb, lex.increaseStems) || startsWithAny(verb, lex.decreaseStems) || verb.startsWith('дост'))) break;
          hedge = h;
          first = at;
          break;
        }
      }
      let low = value;
      if (high !== value) { low = value; }
      else if (hedge) {
        const [a, b] = lex.hedges[hedge]!;
        low = value * a;
        high = value * b;
      }
      if (kind === 'level' && toks[first - 1]?.low === 'на') {
        const verb = toks.slice(Math.max(0, first - 5), first - 1).map((x) => x.low);
        if (verb.some((w) => startsWithAny(w, lex.increaseStems))) kind = 'increase';
        else if (verb.some((w) => startsWithAny(w, lex.decreaseStems))) kind = 'decrease';
      }
      const end = toks[j - 1]!.end;
      if (lex.fuzzyNumbers.includes(t.low) && high === value) high = value * 10;
      // A bare year ("В 1976 —", "в 1990-2000"): not a count.
      if (!num.words && unit === null && scale === 1 && countedHead === null && /^\d{4}$/.test(t.text) && value >= 1800 && value <= 2100) { i = j - 1; continue; }
      const mid = high !== value && !hedge ? (value + high) / 2 : value;
      out.push(quantity(text, toks[first]!.start, end, mid, low, high, unit, hedge, kind, counted ? textSpan(text, counted.start, counted.end) : null, countedHead));
      i = j - 1;
    }
  }
  return out;
}

function quantity(text: string, start: number, end: number, value: number, low: number, high: number, unit: string | null, hedge: string | null, kind: Quantity['kind'], counted: Quantity['counted'], countedHead: string | null): Quantity {
  void text;
  return { start, end, value, low: Math.min(low, high), high: Math.max(low, high), unit, hedge, counted, countedHead, kind };
}

export const ruQuantityStage: Stage = {
  name: 'quantities',
  requires: ['tokens', 'sentences', 'times'],
  provides: ['quantities'],
  run: (article) => ({ quantities: extractRuQuantities(article) }),
};
