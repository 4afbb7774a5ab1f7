// Russian acts with a status, for the status detector: "попытались перекрыть" (attempted: not done),
// "не задержан" (denied), "перекрыли", "задержан" (done). Cue words are data (data/ru/claims.json, `status`);
// the act is the verb's concept (its English word or its stem), so one act meets across inflections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Span } from '../../model/document.js';
import { concept, lexicon } from '../../annotate/lexicon.js';
import { foldRu } from '../../annotate/ru/normalize.js';
import { stemRu } from '../../annotate/ru/stem.js';
import { repoRoot } from '../../shared-paths.js';
import { contextOf, FACT_CONTEXT, sentenceAt } from './context.js';
import { entitiesNear, window } from './events.js';
import { conceptsOf } from './figures.js';
import type { StatusFact } from './types.js';

interface StatusCues {
  negation: string[];
  attempt: string[];
  planned: string[];
  light: string[];
  implied: Record<string, [string, StatusFact['status']] | string>;
}
let cues: { negation: string[][]; notDone: Set<string>; light: Set<string>; reporting: string[]; implied: [string[], string, StatusFact['status']][] } | null = null;
function statusCues() {
  if (cues) return cues;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'claims.json'), 'utf8')) as { status: StatusCues; reporting: string[] };
  const implied = Object.entries(raw.status.implied).filter((e): e is [string, [string, StatusFact['status']]] => Array.isArray(e[1]));
  cues = {
    negation: raw.status.negation.map((c) => c.split(' ').map(foldRu)).sort((a, b) => b.length - a.length),
    notDone: new Set([...raw.status.attempt, ...raw.status.planned].map(foldRu)),
    light: new Set(raw.status.light.map(foldRu)),
    reporting: raw.reporting,
    implied: implied.map(([phrase, [act, status]]) => [phrase.split(' ').map((w) => stemRu(foldRu(w))), act, status]),
  };
  return cues;
}

// Past tense (-л, -ла, -ло, -ли, reflexive too) and short passive participles (-ан, -ен, -ён, -ован, -ит, -ыт and their -а/-о/-ы).
export const PAST = /^[а-я]{3,}(?:ла|ло|ли|л|лся|лась|лось|лись)$/;
export const SHORT_PARTICIPLE = /^[а-я]{3,}(?:ован|ирован|ен|ан|ян|ит|ыт)[аоы]?$/;
const INFINITIVE = /^[а-я]{2,}(?:ть|ти|чь|ться|тись)$/;
// Common nouns and adjectives the endings above would take for verbs.
export const NOT_VERBS = /^(?:около|если|тело|дело|село|число|стол|посол|угол|орел|котел|ангел|пол|зал|сил|вол|мол|тел|план|закон|стакан|роман|океан|экран|карман|туман|баран|диван|кран|ран|стран|армян|гражданин|член|рен|мален|время|имен|семен|племен|сколько|весь|кредит|лимит|визит|депозит|аппетит|бюджет|быт|элит|эффект|сайт|объем|район|ресторан|кабан|шрифт|ислам|имам|день|тюлен|колен|олен|министр|член|полен|зелен|уверен|должен|намерен|готов|правил|граждан|горожан|крестьян|отдел|дизель|англичан|славян|мусульман|христиан|сельчан|дворян|россиян|киевлян|армян)[аоы]?$/;

/** The acts of a Russian article with their status (done, negated, or not done: attempted or planned). */
export function ruStatusFacts(article: Article, toStory: (id: string) => string): StatusFact[] {
  const text = article.text;
  const c = statusCues();
  const stop = lexicon().stopwords;
  const out: StatusFact[] = [];
  const words = [...text.matchAll(/\p{L}[\p{L}-]*/gu)];
  const low = words.map((m) => foldRu(m[0]));
  for (let i = 0; i < words.length; i++) {
    const m = words[i]!;
    const w = low[i]!;
    // A phrase that states an act's status without naming it ("проводится доследственная проверка": no case
    // opened yet; "госпитализирован с травмами": has not died).
    const implied = c.implied.find(([stems]) => stems.every((st, n) => low[i + n] !== undefined && stemRu(low[i + n]!) === st));
    if (implied) {
      const [stems, act, impliedStatus] = implied;
      const last = words[i + stems.length - 1]!;
      // With the verb of a procedure before it ("проводится", "ведется"), as the report says it.
      const from = i > 0 && /(?:ся|тся)$/.test(low[i - 1]!) && !/[.;:!?,]/.test(text.slice(words[i - 1]!.index, m.index)) ? i - 1 : i;
      const value = { start: words[from]!.index, end: last.index + last[0].length };
      const [verb, ...object] = act.split(' ');
      const fact = statusFact(article, value, concept(verb!), impliedStatus, toStory);
      // The act it stands for is in the clause too, unsaid ("уголовное дело").
      for (const w of conceptsOf(object.join(' '))) fact.around.add(w);
      out.push(fact);
      continue;
    }
    if (w.length < 5 || stop.has(w) || c.light.has(w) || NOT_VERBS.test(w)) continue;
    // Names are participants, not acts (a capital after a sentence end is a verb that opens the sentence).
    if (/^\p{Lu}/u.test(m[0]) && !/[.!?»"]\s*$/.test(text.slice(Math.max(0, m.index - 3), m.index)) && m.index > 0) continue;
    if (c.reporting.some((r) => w.startsWith(r))) continue;
    const between = (k: number) => text.slice(words[k]!.index + words[k]!.length, m.index);
    // Only words of the same clause count as its cues.
    const sameClause = (k: number) => k >= 0 && !/[.;:!?,—–()«»"]/.test(between(k));
    let status: StatusFact['status'] | null = null;
    let from = i;
    if (INFINITIVE.test(w)) {
      // "попытались перекрыть", "планирует построить": an act not (yet) done.
      for (let k = i - 1; k >= i - 2 && sameClause(k); k--) {
        if (c.notDone.has(low[k]!)) { status = 'planned'; from = k; break; }
      }
    } else if ((PAST.test(w) || SHORT_PARTICIPLE.test(w)) && !/(?:ость|ение|ание|ание)$/.test(w)) {
      status = 'done';
      for (const neg of c.negation) {
        const k = i - neg.length;
        if (k >= 0 && sameClause(k) && neg.every((x, n) => low[k + n] === x)) { status = 'negated'; from = k; break; }
      }
    }
    if (!status) continue;
    out.push(statusFact(article, { start: words[from]!.index, end: m.index + m[0].length }, concept(w), status, toStory, { start: m.index, end: m.index + m[0].length }));
  }
  return out;
}

function statusFact(article: Article, value: Span, act: string, status: StatusFact['status'], toStory: (id: string) => string, word: Span = value): StatusFact {
  return {
    kind: 'status',
    article,
    value,
    context: contextOf(article, value, FACT_CONTEXT),
    sentence: sentenceAt(article, word.start),
    act,
    status,
    around: new Set(conceptsOf(window(article, word, 8, 10))),
    entities: entitiesNear(article, { start: word.start, end: word.start }, toStory),
    // The Russian reader names no subject and does not tell an active past verb from a participle.
    subject: null,
    active: false,
    blanket: false,
    agentOnly: false,
  };
}
