// Russian attributions into the quote layer (the same Quote type as English):
//   «...», — сказал X.   «...» — заявил X.   X заявил: «...».   X: «...».            (direct)
//   X заявил(а), что ...   По словам X, ...   Как сообщил X, ...   ..., — передаёт ТАСС.  ... со ссылкой на X.   (reported)
// Negated and hedged cues (опроверг, не исключил) are cues too; beliefs (считает, не исключает) are attitudes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, EntityMention, Quote, TextSpan } from '../../model/document.js';
import { textSpan } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { repoRoot } from '../../shared-paths.js';
import { foldRu } from './normalize.js';
import { stemRu } from './stem.js';
import { ruNameLists } from './ner/lists.js';

interface QuoteLex {
  cueVerbs: string[];
  attitudeVerbs: string[];
  accordingTo: string[];
  documents: string[];
}
let lex: QuoteLex | null = null;
function quoteLexicon(): QuoteLex {
  lex ??= JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'quotes.json'), 'utf8')) as QuoteLex;
  return lex;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const OPEN = '[«„“"]';
const CLOSE = '[»“”"]';

function trimSpan(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /[\s,.:;—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,:;—–-]/.test(text[end - 1]!)) end--;
  return end > start ? textSpan(text, start, end) : null;
}

/** The speaker's words after a cue: up to the end of the clause (a comma, a full stop, a dash). */
function speakerAfter(text: string, from: number, limit: number): TextSpan | null {
  const rest = text.slice(from, limit);
  const m = /^\s*((?:[«"][^»"]{1,60}[»"])|[^.,;:!?«»"()]+?)(?=\s*(?:[.,;:!?()«"]|\s[—–]\s|$))/u.exec(rest);
  return m ? trimSpan(text, from + m.index + m[0].length - m[1]!.length, from + m.index + m[0].length) : null;
}

/** The speaker's words before a cue: from the clause start (sentence start, comma, dash) to the cue. */
function speakerBefore(text: string, sentStart: number, cueStart: number): TextSpan | null {
  const before = text.slice(sentStart, cueStart);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf('—'), before.lastIndexOf('»'), before.lastIndexOf(':'), before.lastIndexOf('.'));
  let s = trimSpan(text, sentStart + cut + 1, cueStart);
  // "Министр Х, заразившийся ..., также во вторник заявил": the clause before the cue names no one; the subject opens the sentence.
  if (s && !/\p{Lu}|^(он|она|они|оно|мы|я)(?:\s|$)/u.test(s.text) && cut > 0) {
    const firstComma = before.indexOf(',');
    const head = trimSpan(text, sentStart, sentStart + firstComma);
    if (head && /\p{Lu}/u.test(head.text)) {
      // From the first capitalised word of the opening clause ("именно Тимур Шаймиев" -> "Тимур Шаймиев").
      const cap = /\p{Lu}/u.exec(head.text)!.index;
      s = trimSpan(text, head.start + cap, head.end);
    }
  }
  // A speaker is a few words (more is a clause, not a name).
  return s && s.text.split(/\s+/).length <= 8 ? s : null;
}

function mentionIn(mentions: readonly EntityMention[], span: TextSpan | null): EntityMention | null {
  if (!span) return null;
  return mentions.find((m) => m.start >= span.start && m.end <= span.end && (m.type === 'PER' || m.type === 'ORG')) ?? mentions.find((m) => m.start >= span.start && m.end <= span.end) ?? null;
}

interface Patterns {
  directAfter: RegExp;
  tail: RegExp;
  about: RegExp;
  directBefore: RegExp;
  acc: RegExp;
  after: RegExp;
  aboutWhat: RegExp;
  that: RegExp;
}
let patterns: Patterns | null = null;
/** The patterns, built once from the lexicon (a cue-verb alternation is long). */
function quotePatterns(L: QuoteLex): Patterns {
  if (patterns) return patterns;
  const verbs = [...L.cueVerbs].sort((a, b) => b.length - a.length).map(esc).join('|');
  const according = [...L.accordingTo].sort((a, b) => b.length - a.length).map(esc).join('|');
  patterns = {
    // «...», — сказал X.
    directAfter: new RegExp(`${OPEN}([^«»"“”]{3,}?)${CLOSE}\\s*,?\\s*[—–-]\\s*(${verbs})(?![\\p{L}])`, 'giu'),
    // ...», — добавила она.  (the quotation opened in an earlier sentence)
    tail: new RegExp(`^([^«»"“”]{3,}?)${CLOSE}\\s*,?\\s*[—–-]\\s*(${verbs})(?![\\p{L}])`, 'iu'),
    // Об этом сообщил X.  (what is said is the previous sentence, named by "об этом")
    about: new RegExp(`^(Об этом|Это|Такие данные|Эти данные|Данные)\\s+(${verbs})\\s+`, 'u'),
    // X заявил: «...» / X: «...»
    directBefore: new RegExp(`(?:(${verbs})\\s*)?:\\s*${OPEN}([^«»"“”]{3,}?)${CLOSE}`, 'giu'),
    // По словам X, ... / Как сообщил X, ...
    acc: new RegExp(`(?<![\\p{L}])(${according})\\s+([^,]{2,80}?),\\s*(.+)$`, 'isu'),
    // ..., — передаёт ТАСС. / ..., сообщил X.
    after: new RegExp(`^(.{10,}?),?\\s*[—–-]?\\s*(?<![\\p{L}])(${verbs})\\s+([^,.;:!?«»]{2,60}?)\\s*\\.?$`, 'su'),
    // X заявил(а) о намерении ...
    aboutWhat: new RegExp(`^([^,]{2,80}?)\\s+(${verbs})\\s+(об?\\s.+)$`, 'su'),
    // X заявил(а), что ...
    that: new RegExp(`(?<![\\p{L}])(${verbs})(?:[^,.]{0,60}?)?,\\s*(?:что|будто|чтобы)\\s+(.+)$`, 'isu'),
  };
  return patterns;
}

export function extractRuQuotes(article: Article): Quote[] {
  const L = quoteLexicon();
  const P = quotePatterns(L);
  const text = article.text;
  const mentions = article.layers.entities ?? [];
  const out: Quote[] = [];
  let sentenceFirst = 0;
  const make = (start: number, end: number, content: (TextSpan | null)[], cue: TextSpan | null, speakerMention: TextSpan | null, direct: boolean, quoted: TextSpan[] = []): void => {
    const c = content.filter((x): x is TextSpan => x !== null);
    if (c.length === 0) return;
    // Attributions of one sentence may overlap; earlier sentences' end before this one starts.
    for (let k = out.length - 1; k >= 0 && k >= sentenceFirst; k--) if (out[k]!.start < end && start < out[k]!.end) return;
    const mention = mentionIn(mentions, speakerMention);
    const cueLow = cue ? foldRu(cue.text) : '';
    const docWord = speakerMention && L.documents.some((d) => foldRu(speakerMention.text).includes(d));
    // A title before the name ("Глава МИД", "Министр") is a person even when only the organisation is tagged.
    const titled = speakerMention && ruNameLists().personWords.has(stemRu(speakerMention.text.split(/\s+/)[0]!));
    const kind: Quote['speakerKind'] = docWord ? 'document' : mention?.type === 'PER' || titled ? 'person' : mention?.type === 'ORG' ? 'organisation' : 'unknown';
    out.push({
      start, end, content: c, cue, speakerMention, speaker: mention?.entity ?? null, speakerKind: kind, direct,
      ...(L.attitudeVerbs.some((v) => cueLow === foldRu(v)) ? { attitude: true } : {}),
      ...(quoted.length ? { quoted } : {}),
    });
  };
  for (const s of article.layers.sentences ?? [{ start: 0, end: text.length, paragraph: 0 }]) {
    const sent = text.slice(s.start, s.end);
    sentenceFirst = out.length;
    const at = (i: number) => s.start + i;
    let m: RegExpExecArray | null;
    // «...», — сказал X.
    const directAfter = P.directAfter;
    directAfter.lastIndex = 0;
    while ((m = directAfter.exec(sent)) !== null) {
      const qStart = at(m.index + 1);
      const qEnd = qStart + m[1]!.length;
      const cueStart = at(m.index + m[0].length - m[2]!.length);
      const cue = textSpan(text, cueStart, cueStart + m[2]!.length);
      const speaker = speakerAfter(text, cue.end, s.end);
      make(at(m.index), speaker?.end ?? cue.end, [textSpan(text, qStart, qEnd)], cue, speaker, true, [textSpan(text, qStart, qEnd)]);
    }
    // ...», — добавила она.  (the quotation opened in an earlier sentence)
    const tail = P.tail;
    if ((m = tail.exec(sent)) !== null) {
      const qEnd = at(m[1]!.length);
      const cueStart = at(m[0].length - m[2]!.length);
      const cue = textSpan(text, cueStart, cueStart + m[2]!.length);
      const speaker = speakerAfter(text, cue.end, s.end);
      make(s.start, speaker?.end ?? cue.end, [textSpan(text, s.start, qEnd)], cue, speaker, true, [textSpan(text, s.start, qEnd)]);
    }
    // Об этом сообщил X.  (what is said is the previous sentence, named by "об этом")
    const about = P.about;
    if ((m = about.exec(sent)) !== null) {
      const cueStart = at(m[1]!.length + m[0].slice(m[1]!.length).indexOf(m[2]!));
      const cue = textSpan(text, cueStart, cueStart + m[2]!.length);
      const speaker = speakerAfter(text, cue.end, s.end);
      make(s.start, s.end, [textSpan(text, s.start, s.start + m[1]!.length)], cue, speaker, false);
      continue;
    }
    // X заявил: «...» / X: «...»
    const directBefore = P.directBefore;
    directBefore.lastIndex = 0;
    while ((m = directBefore.exec(sent)) !== null) {
      const qStart = at(m.index + m[0].length - m[2]!.length - 1);
      const qEnd = qStart + m[2]!.length;
      const cue = m[1] ? textSpan(text, at(m.index), at(m.index) + m[1].length) : null;
      const speaker = speakerBefore(text, s.start, cue ? cue.start : at(m.index));
      if (!cue && !speaker) continue;
      make(speaker?.start ?? at(m.index), qEnd + 1, [textSpan(text, qStart, qEnd)], cue, speaker, true, [textSpan(text, qStart, qEnd)]);
    }
    // По словам X, ... / Как сообщил X, ...
    const acc = P.acc;
    if ((m = acc.exec(sent)) !== null) {
      const cue = textSpan(text, at(m.index), at(m.index) + m[1]!.length);
      const spStart = at(m.index + m[0].indexOf(m[2]!, m[1]!.length));
      const speaker = trimSpan(text, spStart, spStart + m[2]!.length);
      const cStart = s.start + m.index + m[0].length - m[3]!.length;
      make(m.index === 0 ? s.start : cue.start, s.end, [trimSpan(text, cStart, s.end), ...(m.index > 0 ? [trimSpan(text, s.start, cue.start)] : [])], cue, speaker, false);
      continue;
    }
    // ..., — передаёт ТАСС. / ..., сообщил X. / ... со ссылкой на X.
    const after = P.after;
    if ((m = after.exec(sent)) !== null && /[,—–]\s*$/.test(m[1]! + sent.slice(m[1]!.length, m.index + m[0].indexOf(m[2]!, m[1]!.length)))) {
      const cueStart = at(m.index + m[0].indexOf(m[2]!, m[1]!.length));
      const cue = textSpan(text, cueStart, cueStart + m[2]!.length);
      const speaker = speakerAfter(text, cue.end, s.end);
      make(s.start, s.end, [trimSpan(text, s.start, at(m[1]!.length))], cue, speaker, false);
      continue;
    }
    // X заявил(а) о намерении ...
    const aboutWhat = P.aboutWhat;
    if ((m = aboutWhat.exec(sent)) !== null && /\p{Lu}/u.test(m[1]!)) {
      const cueStart = at(m[1]!.length + m[0].slice(m[1]!.length).indexOf(m[2]!));
      const cue = textSpan(text, cueStart, cueStart + m[2]!.length);
      const cStart = s.start + m[0].length - m[3]!.length;
      make(s.start, s.end, [trimSpan(text, cStart, s.end)], cue, trimSpan(text, s.start, s.start + m[1]!.length), false);
      continue;
    }
    // X заявил(а), что ...
    const that = P.that;
    if ((m = that.exec(sent)) !== null) {
      const cueStart = at(m.index);
      const cue = textSpan(text, cueStart, cueStart + m[1]!.length);
      const speaker = speakerBefore(text, s.start, cue.start) ?? speakerAfter(text, cue.end, s.end);
      const cStart = s.start + m.index + m[0].length - m[2]!.length;
      make(speaker && speaker.start < cue.start ? speaker.start : cue.start, s.end, [trimSpan(text, cStart, s.end)], cue, speaker, false);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const ruQuoteStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'entities'],
  provides: ['quotes'],
  run: (article) => ({ quotes: extractRuQuotes(article) }),
};
