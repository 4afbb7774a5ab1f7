// Named events (wars, revolutions, contests) in Russian text, listed in data/ru/named-events.json (loaded with
// the other Russian name lists, ruNameLists): the Russian tagger's training sets mark only people, places and
// organisations, so these names are matched by their words' stems, in any case ("Великой Отечественной войны" =
// "Великая Отечественная война").
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';

export interface RuEventSpan { start: number; end: number; type: 'MISC' }

const stemOf = (w: string) => w.split('-').map((p) => stemRu(foldRu(p))).join('-');

/** Each listed name as its words' stems, longest first (so the full name wins over its short form). */
export function eventNameStems(names: readonly string[]): string[][] {
  return names.map((n) => n.split(/\s+/).map(stemOf)).sort((a, b) => b.length - a.length);
}

/** Spans of listed event names; the first word must be capitalised as a name is ("гражданская война в Сирии" is not one). */
export function findRuEvents(text: string, names: readonly (readonly string[])[]): RuEventSpan[] {
  const ws = [...text.matchAll(/[\p{L}]+(?:-[\p{L}]+)*/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, word: m[0], stem: stemOf(m[0]) }));
  const out: RuEventSpan[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!/^\p{Lu}/u.test(ws[i]!.word)) continue;
    const hit = names.find((n) => n.every((s, j) => ws[i + j]?.stem === s && (j === 0 || /^\s+$/.test(text.slice(ws[i + j - 1]!.end, ws[i + j]!.start)))));
    if (!hit) continue;
    out.push({ start: ws[i]!.start, end: ws[i + hit.length - 1]!.end, type: 'MISC' });
    i += hit.length - 1;
  }
  return out;
}
