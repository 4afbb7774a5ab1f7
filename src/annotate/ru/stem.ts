// The Russian Snowball stemmer (snowballstem.org/algorithms/russian), written here from the published
// algorithm (BSD): no dependency and synchronous. "Жапарова", "Жапарову" -> "жапаров".
import { foldRu } from './normalize.js';

const VOWELS = new Set('аеиоуыэюя');

const sortLong = (xs: string[]) => xs.sort((a, b) => b.length - a.length);
const PERF_1 = sortLong(['в', 'вши', 'вшись']);
const PERF_2 = sortLong(['ив', 'ивши', 'ившись', 'ыв', 'ывши', 'ывшись']);
const ADJECTIVE = sortLong('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею'.split(' '));
const PART_1 = sortLong('ем нн вш ющ щ'.split(' '));
const PART_2 = sortLong('ивш ывш ующ'.split(' '));
const REFLEXIVE = ['ся', 'сь'];
const VERB_1 = sortLong('ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно'.split(' '));
const VERB_2 = sortLong('ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю'.split(' '));
const NOUN = sortLong('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я'.split(' '));

/** Longest ending of `list` in w[rv..]; with `after`, the ending must follow one of those letters (kept). */
function ending(w: string, rv: number, list: readonly string[], after?: string): string | null {
  for (const e of list) {
    if (w.length - e.length < rv || !w.endsWith(e)) continue;
    if (after) {
      const i = w.length - e.length - 1;
      if (i < rv || !after.includes(w[i]!)) continue;
    }
    return e;
  }
  return null;
}

function cut(w: string, rv: number, g1: readonly string[], g2: readonly string[]): string | null {
  const a = ending(w, rv, g1, 'ая');
  const b = ending(w, rv, g2);
  const best = a && b ? (a.length >= b.length ? a : b) : (a ?? b);
  return best === null ? null : w.slice(0, w.length - best.length);
}

function regions(w: string): { rv: number; r2: number } {
  let i = 0;
  while (i < w.length && !VOWELS.has(w[i]!)) i++;
  const rv = Math.min(w.length, i + 1);
  const after = (from: number) => {
    let j = from;
    while (j < w.length && !VOWELS.has(w[j]!)) j++;
    while (j < w.length && VOWELS.has(w[j]!)) j++;
    return Math.min(w.length, j + 1);
  };
  const r1 = after(0);
  return { rv, r2: after(r1) };
}

export function stemRu(word: string): string {
  let w = foldRu(word);
  if (!/^[а-я-]+$/.test(w)) return w;
  const { rv, r2 } = regions(w);
  // Step 1
  const perf = cut(w, rv, PERF_1, PERF_2);
  if (perf !== null) w = perf;
  else {
    const refl = ending(w, rv, REFLEXIVE);
    if (refl) w = w.slice(0, w.length - refl.length);
    const adj = ending(w, rv, ADJECTIVE);
    if (adj) {
      w = w.slice(0, w.length - adj.length);
      const part = cut(w, rv, PART_1, PART_2);
      if (part !== null) w = part;
    } else {
      const verb = cut(w, rv, VERB_1, VERB_2);
      if (verb !== null) w = verb;
      else {
        const noun = ending(w, rv, NOUN);
        if (noun) w = w.slice(0, w.length - noun.length);
      }
    }
  }
  // Step 2
  if (w.length > rv && w.endsWith('и')) w = w.slice(0, -1);
  // Step 3
  const der = ending(w, r2, ['ость', 'ост']);
  if (der) w = w.slice(0, w.length - der.length);
  // Step 4
  if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
  else {
    const sup = ending(w, rv, ['ейше', 'ейш']);
    if (sup) {
      w = w.slice(0, w.length - sup.length);
      if (w.length - 2 >= rv && w.endsWith('нн')) w = w.slice(0, -1);
    } else if (w.length > rv && w.endsWith('ь')) w = w.slice(0, -1);
  }
  return w;
}
