// Russian claims: one per sentence, with the same fields as the English claims so that alignment and
// conflict rules read them unchanged. Keywords are Snowball stems of content words; the predicate is the
// first finite verb that is not a reporting verb ("заявил" counts as 'say', as "said" does in English);
// polarity from "не"/"нет" before the predicate; modality from cue stems (data/ru/claims.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim, Modality, TextSpan } from '../../model/document.js';
import { textSpan } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { repoRoot } from '../../shared-paths.js';
import { foldRu } from './normalize.js';
import { stemRu } from './stem.js';
import { englishWordFor } from './lexicon.js';

interface ClaimLexicon {
  stopwords: string[];
  reporting: string[];
  modality: Record<string, string[]>;
}
let lex: { stop: Set<string>; reporting: string[]; modality: [Modality, string[]][] } | null = null;
function claimLexicon() {
  if (lex) return lex;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'claims.json'), 'utf8')) as ClaimLexicon;
  lex = { stop: new Set(raw.stopwords), reporting: raw.reporting, modality: Object.entries(raw.modality) as [Modality, string[]][] };
  return lex;
}

// Finite verbs: past (-л, -ла, -ло, -ли, reflexive too) and present/future third person (-ет, -ит, -ют, -ят, -ут, -ат).
const FINITE = /^[а-я]{2,}(?:ла|ло|ли|л|лся|лась|лось|лись|ет|ёт|ит|ют|ят|ут|ат|ется|ится|ются|ятся|утся|атся)$/;
const NOT_VERBS = /^(был|была|было|были|стал|стала|стало|стали|зал|пол|стол|тел|ил|мол|сил|дол|вол|посол|орел|котел|угол|ангел|совет|ответ|бюджет|предмет|объект|проект|портрет|пакет|билет|кабинет|интернет|комитет|паритет|авторитет|факт|контракт|кит|визит|кредит|лимит|депозит|месяц|путь|суть|часть|власть|область|новость|часть|мат|дат|брат|штат|результат|депутат|кандидат|аппарат|формат|адвокат|солдат|зарплат|сут|минут|институт|маршрут|абсолют|салют|атрибут)$/;

/** Items (sorted by start) lying inside [from, to), with their indices: a binary search, not a scan per sentence. */
function within<T extends { start: number; end: number }>(xs: readonly T[], from: number, to: number): (readonly [T, number])[] {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: (readonly [T, number])[] = [];
  for (let i = lo; i < xs.length && xs[i]!.start < to; i++) if (xs[i]!.end <= to) out.push([xs[i]!, i] as const);
  return out;
}

export function isRuFiniteVerb(word: string): boolean {
  const w = foldRu(word);
  return FINITE.test(w) && !NOT_VERBS.test(w);
}

export function extractRuClaims(article: import('../../model/document.js').Article): Claim[] {
  const { stop, reporting, modality } = claimLexicon();
  const text = article.text;
  const sentences = article.layers.sentences ?? [];
  const mentions = article.layers.entities ?? [];
  const quantities = article.layers.quantities ?? [];
  const times = article.layers.times ?? [];
  const quotes = article.layers.quotes ?? [];
  const out: Claim[] = [];
  sentences.forEach((s, si) => {
    const words: TextSpan[] = [];
    for (const m of text.slice(s.start, s.end).matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu)) words.push(textSpan(text, s.start + m.index, s.start + m.index + m[0].length));
    if (words.length === 0) return;
    const low = words.map((w) => foldRu(w.text));
    const isReporting = (w: string) => reporting.some((r) => w.startsWith(r));
    let predicate: TextSpan | null = null;
    let predIndex = -1;
    for (let i = 0; i < words.length; i++) {
      if (!/^\p{Ll}/u.test(words[i]!.text) || !isRuFiniteVerb(low[i]!)) continue;
      if (isReporting(low[i]!)) {
        if (predicate === null) { predicate = words[i]!; predIndex = i; }
        continue;
      }
      predicate = words[i]!;
      predIndex = i;
      break;
    }
    const predicateLemma = predicate ? (isReporting(low[predIndex]!) ? 'say' : stemRu(low[predIndex]!)) : null;
    // Negation: "не" or "нет" before the predicate (or anywhere when there is none), "ни" excluded.
    const cues: TextSpan[] = [];
    let polarity: Claim['polarity'] = 'positive';
    for (let i = 0; i < words.length; i++) {
      if ((low[i] === 'не' && (predIndex < 0 || i === predIndex - 1 || i === predIndex - 2)) || (low[i] === 'нет' && i > 0)) {
        // "не только", "не менее", "не более" are not negations of the claim.
        if (/^(только|менее|более|меньше|больше|раз|исключ\p{L}*)$/u.test(low[i + 1] ?? '')) continue;
        polarity = 'negative';
        cues.push(words[i]!);
        break;
      }
    }
    let mod: Modality = predicate && /(л|ла|ло|ли|лся|лась|лось|лись)$/.test(foldRu(predicate.text)) ? 'done' : 'stated';
    const sentLow = low.join(' ');
    for (const [m, stems] of modality) {
      const hit = stems.find((st) => (st.includes(' ') ? sentLow.includes(st) : low.some((w) => w.startsWith(st))));
      if (hit) {
        mod = m;
        const i = low.findIndex((w) => w.startsWith(hit.split(' ')[0]!));
        if (i >= 0) cues.push(words[i]!);
        break;
      }
    }
    const keywords = [...new Set(low.filter((w, i) => !stop.has(w) && !/^\d/.test(w) && w.length > 2 && /^\p{Ll}/u.test(words[i]!.text)).map(stemRu))];
    // English words for the Russian ones the bilingual lexicon knows: claims align across languages.
    for (const w of low) {
      const en = englishWordFor(w);
      if (en && !keywords.includes(en)) keywords.push(en);
    }
    const inside = <T extends { start: number; end: number }>(xs: readonly T[]) => within(xs, s.start, s.end);
    const ents = inside(mentions);
    const actorMention = ents.map(([m]) => m).find((m) => (m.type === 'PER' || m.type === 'ORG') && (!predicate || m.start < predicate.start)) ?? null;
    const q = within(quotes, s.start - 1, s.end).map(([x]) => x).find((x) => x.start <= s.start + 1 && x.end >= s.start && x.speaker);
    out.push({
      start: s.start,
      end: s.end,
      sentence: si,
      actor: actorMention ? textSpan(text, actorMention.start, actorMention.end) : null,
      actorEntity: actorMention?.entity ?? null,
      predicate,
      predicateLemma,
      object: null,
      keywords,
      entities: [...new Set(ents.map(([m]) => m.entity))],
      quantities: inside(quantities).map(([, i]) => i),
      times: inside(times).map(([, i]) => i),
      places: [...new Set(ents.filter(([m]) => m.type === 'LOC').map(([m]) => m.entity))],
      source: q?.speaker ?? null,
      polarity,
      modality: mod,
      salience: Math.max(0.2, 1 - si * 0.05),
      items: [],
      cues,
    });
  });
  return out;
}

export const ruClaimStage: Stage = {
  name: 'claims',
  requires: ['sentences', 'entities', 'quantities', 'times', 'quotes'],
  provides: ['claims'],
  run: (article) => ({ claims: extractRuClaims(article) }),
};
