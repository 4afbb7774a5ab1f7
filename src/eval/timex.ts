import * as chrono from 'chrono-node';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import { makeArticle } from '../model/document.js';
import type { EvalTask } from './task.js';
import { emptyCounts, scoreTimexDoc, summarizeTimex, type TimexSpan } from './timex-score.js';
import { readJsonRecords } from '../ingest/json-lines.js';

interface TimexItem {
  id: string;
  dct: string | null;
  text: string;
  timexes: { start: number; end: number; text: string; type: string; value: string }[];
}

function readItems(file: string, limit?: number): TimexItem[] {
  return readJsonRecords<TimexItem>(file, limit !== undefined ? { limit } : {});
}

/** The shipped pipeline up to the time stage on one text (not cleaned: the gold offsets are the item's). */
export function predictTimes(untilTimes: ReturnType<Analyzer['until']>, text: string, dct: string | null): TimexSpan[] {
  const a = makeArticle({ id: 'x', source: 'eval', format: 'text', outlet: null, title: null, published: dct, url: null, language: 'en' }, text);
  return (untilTimes.run(a).layers.times ?? []).map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }));
}

/** chrono-node alone, as the baseline: its results as DATE/TIME values at the precision it is certain of. */
export function chronoTimes(text: string, dct: string | null): TimexSpan[] {
  const ref = dct ? new Date(`${dct.slice(0, 10)}T12:00:00Z`) : new Date(0);
  const out: TimexSpan[] = [];
  for (const r of chrono.parse(text, ref)) {
    const s = r.start;
    const y = s.get('year');
    const m = s.get('month');
    const d = s.get('day');
    const p2 = (n: number | null) => String(n ?? 0).padStart(2, '0');
    let value: string;
    if (s.isCertain('day') || s.isCertain('weekday') || !s.isCertain('month')) value = `${y}-${p2(m)}-${p2(d)}`;
    else if (s.isCertain('month')) value = `${y}-${p2(m)}`;
    else value = String(y);
    if (!s.isCertain('day') && !s.isCertain('weekday') && s.isCertain('year') && !s.isCertain('month')) value = String(y);
    const hour = s.isCertain('hour');
    if (hour) value += `T${p2(s.get('hour'))}:${p2(s.get('minute'))}`;
    out.push({ start: r.index, end: r.index + r.text.length, type: hour ? 'TIME' : 'DATE', value });
  }
  return out;
}

export const timexTask: EvalTask = {
  name: 'timex',
  description: 'time expressions (TimeBank / TempEval-3 format): extraction F1 relaxed and strict, value accuracy; chrono-node alone as baseline',
  defaultFile: 'timex/timebank.jsonl',
  async run(file, options) {
    const items = readItems(file, options.limit);
    const untilTimes = createAnalyzer().until('times');
    const ours = emptyCounts();
    const base = emptyCounts();
    const predictions: unknown[] = [];
    for (const item of items) {
      const pred = predictTimes(untilTimes, item.text, item.dct);
      scoreTimexDoc(item.text, item.timexes, pred, ours);
      scoreTimexDoc(item.text, item.timexes, chronoTimes(item.text, item.dct), base);
      predictions.push({ id: item.id, timexes: pred.map((p) => ({ start: p.start, end: p.end, type: p.type, value: p.value })) });
    }
    return {
      summary: { documents: items.length, ...(options.limit ? { limit: options.limit } : {}), ...summarizeTimex(ours), baselines: { chrono: summarizeTimex(base) } },
      predictions,
    };
  },
};
