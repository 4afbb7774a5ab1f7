import type { Article, EntityMention, Quote, Span } from '../../model/document.js';
import { outletName } from '../evidence.js';
import { contextOf, FACT_CONTEXT, sentenceAt } from '../facts/context.js';
import { refineLexicon } from '../refiners/lexicon.js';
import { commonRun, wordsOf } from '../quoted.js';
import type { Candidate, DetectInput, Detector } from './types.js';

/** The verbatim parts of a quote (the words inside quotation marks) with their words. */
function quotedParts(a: Article, q: Quote): QuotedPart[] {
  // Each quote is compared with every quote of every other article: its parts are read once.
  let parts = partsOfQuote.get(q);
  if (!parts) {
    parts = (q.quoted ?? [])
      .filter((p) => !isTerm(a.text, p))
      .map((p) => ({ span: { start: p.start, end: p.end }, words: wordsOf(a.text.slice(p.start, p.end)) }))
      .filter((p) => p.words.length > 0)
      .map((p) => ({ ...p, runs: new Set(p.words.slice(RUN - 1).map((_, k) => p.words.slice(k, k + RUN).join(' '))) }));
    partsOfQuote.set(q, parts);
  }
  return parts;
}
/** The shortest run of shared words that can make two quotes one statement. */
const RUN = 4;
/** A quoted part: its span, its words, and its runs of RUN words (two parts share a run that long only if they share one of these). */
interface QuotedPart {
  span: Span;
  words: string[];
  runs: Set<string>;
}
const partsOfQuote = new WeakMap<Quote, QuotedPart[]>();
const shareRun = (x: QuotedPart, y: QuotedPart) => {
  const [small, large] = x.runs.size <= y.runs.size ? [x.runs, y.runs] : [y.runs, x.runs];
  for (const r of small) if (large.has(r)) return true;
  return false;
};

/**
 * A short quoted name used as a word of the sentence (the "one-country, two-systems" framework): a term
 * anyone may use, not a statement of one speaker.
 */
function isTerm(text: string, p: Span): boolean {
  const inner = text.slice(p.start, p.end).trim();
  if (wordsOf(inner).length > 5 || /[.!?,;:]$/.test(inner)) return false;
  return /^["”’']?\s+\p{Ll}/u.test(text.slice(p.end, p.end + 12));
}

/**
 * Whether two quotes give one statement: one verbatim part of each shares a run of eight words, or of four
 * that are most of both parts ("message has been heard"; a short phrase inside a long quote is no match). Only words in quotation marks count: an indirect
 * report is the outlet's own wording, and a paraphrase is too loose a match to say who said it.
 */
function sameStatement(a: Article, x: Quote, b: Article, y: Quote): [Span, Span] | null {
  for (const px of quotedParts(a, x)) {
    for (const py of quotedParts(b, y)) {
      if (!shareRun(px, py)) continue;
      const run = commonRun(px.words, py.words);
      if (run >= 8 || (run >= RUN && run >= 0.6 * Math.max(px.words.length, py.words.length))) return [px.span, py.span];
    }
  }
  return null;
}

/** The statement's words for a summary: the quoted words, clipped. */
function shortQuote(a: Article, q: Quote): string {
  const t = (q.quoted ?? q.content).map((p) => a.text.slice(p.start, p.end)).join(' … ').replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

/** Who says it: a story entity, or the words of an unresolved mention, with its kind. */
interface Speaker {
  id: string | null;
  words: string[];
  /** How a reader knows the speaker: the mention, or the organisation "the group" refers to. */
  name: string;
  mention: Span;
  /** The words of the mention itself ("the company"). */
  mentionWords: string[];
  kind: Quote['speakerKind'];
  /** "a North Korea official", "an aide": someone not named, and not a named person either. */
  indefinite: boolean;
}

/** "a spokesman, John Smith,", "an official named Tung": the unnamed speaker is named after all. */
const NAMED_AFTER = /^\s*(?:,\s*|\s(?:named|called)\s+)\p{Lu}/u;

const DEFINITE_GROUP = /^the\s+(?:group|organi[sz]ation|movement|militia|coalition|alliance|party|agency|company)$/i;

/**
 * The speaker of a quote. "The group" said ... is read as the organisation named last before it (the usual
 * way a report refers back to it).
 */
function speakerOf(a: Article, q: Quote, part: Span, input: DetectInput): Speaker | null {
  const m = q.speakerMention;
  // Only a speaker named in the attribution itself: one carried over from an earlier sentence is a guess.
  if (!m || m.start < q.start || m.end > q.end) return null;
  // A place read as a speaker (a dateline "Chennai:" before the quote) says nothing about who spoke.
  if ((a.layers.entities ?? []).some((e) => e.type === 'LOC' && e.start <= m.start && e.end >= m.end)) return null;
  // ... and in the sentence of the words matched (a quote's later sentences may be another speaker's).
  if (sentenceAt(a, part.start) !== sentenceAt(a, m.start) && sentenceAt(a, Math.max(part.start, part.end - 1)) !== sentenceAt(a, m.start)) return null;
  const toStory = (id: string) => (input.storyEntity ? input.storyEntity(a, id) : `${a.id}:${id}`);
  const text = a.text.slice(m.start, m.end).trim();
  const last = wordsOf(text).at(-1) ?? '';
  const base = { mention: { start: m.start, end: m.end }, mentionWords: wordsOf(text), kind: q.speakerKind, indefinite: /^an?\s/i.test(text) && refineLexicon().unnamedSpeakers.has(last) && !NAMED_AFTER.test(a.text.slice(m.end, m.end + 40)) };
  if (/^(?:he|she|they|it|we|i|you|who|which)$/i.test(text)) return null;
  if (q.speaker) return { ...base, id: toStory(q.speaker), words: wordsOf(text), name: text };
  if (DEFINITE_GROUP.test(text)) {
    let last: EntityMention | null = null;
    for (const e of a.layers.entities ?? []) if (e.type === 'ORG' && e.end <= m.start && m.start - e.end < 400 && (!last || e.start > last.start)) last = e;
    if (last) {
      const name = a.text.slice(last.start, last.end);
      return { ...base, id: toStory(last.entity), words: wordsOf(name), name: `${text} (${name})`, kind: 'organisation' };
    }
  }
  return { ...base, id: null, words: wordsOf(text), name: text };
}

const FUNCTION = new Set(['the', 'a', 'an', 'of', 'for', 'and', 's', "'s"]);

/**
 * Two speakers that cannot be one: two story entities of one kind (two people, two organisations); a named
 * person and someone unnamed ("Kim" / "a North Korea official"); two organisations whose names share no word
 * or form of one ("the Iraqi government" / "the Popular Mobilization Forces"). A title against a name ("the
 * president" / "Trump") is left alone: entity resolution says whether they are one.
 */
export function differentSpeakers(x: Speaker, y: Speaker, related: (a: string, b: string) => number): boolean {
  // A word of the names in common ("Kim" / "North Korean leader Kim Jong Un"; "Iraq" / "the Iraqi government")
  // may be one speaker named two ways: never a conflict.
  const content = (s: Speaker) => s.words.filter((w) => !FUNCTION.has(w));
  const cx = content(x);
  const cy = content(y);
  if (x.mentionWords.join(' ') === y.mentionWords.join(' ')) return false;
  if (cx.some((w) => cy.some((v) => v === w || related(w, v) >= 0.75))) return false;
  if (x.kind !== y.kind || x.kind === 'unknown' || x.kind === 'document') {
    // Someone unnamed against a named person.
    const person = (s: Speaker) => s.kind === 'person' && s.id !== null && !s.indefinite;
    return (person(x) && y.indefinite && y.id === null) || (person(y) && x.indefinite && x.id === null);
  }
  if (x.id && y.id) return x.id !== y.id && (x.kind === 'organisation' || (!x.indefinite && !y.indefinite));
  return x.kind === 'organisation' && cx.length > 0 && cy.length > 0;
}

/**
 * One statement attributed to different speakers by two outlets: "the Iraqi government said their 'message has
 * been heard'" / "the group [the PMF] said the demonstrators' 'message has been heard'". Neither article may
 * also give the statement to the other's speaker.
 */
export const speakerDetector: Detector = {
  type: 'speaker',
  name: 'speakers',
  detect(input) {
    const { articles, related } = input;
    const out: Candidate[] = [];
    const quotes = articles.map((a) => (a.layers.quotes ?? []).filter((q) => !q.attitude));
    // The quotes each quote shares a run of RUN quoted words with, from one index of the story's runs: only those
    // can give one statement (the pairs below are read in the same order, the others skipped unread).
    const byRun = new Map<string, Quote[]>();
    articles.forEach((a, i) => {
      for (const q of quotes[i]!) {
        for (const p of quotedParts(a, q)) {
          for (const r of p.runs) {
            const list = byRun.get(r);
            if (!list) byRun.set(r, [q]);
            else if (list[list.length - 1] !== q) list.push(q);
          }
        }
      }
    });
    const meets = new Map<Quote, Set<Quote>>();
    for (const list of byRun.values()) {
      if (list.length < 2) continue;
      for (const q of list) {
        let set = meets.get(q);
        if (!set) meets.set(q, (set = new Set()));
        for (const o of list) set.add(o);
      }
    }
    for (let i = 0; i < articles.length; i++) {
      for (let j = i + 1; j < articles.length; j++) {
        const a = articles[i]!;
        const b = articles[j]!;
        const seen = new Set<Quote>();
        for (const x of quotes[i]!) {
          if (seen.has(x)) continue;
          for (const y of quotes[j]!) {
            if (seen.has(y) || (x !== y && !meets.get(x)?.has(y))) continue;
            const parts = sameStatement(a, x, b, y);
            if (!parts) continue;
            const sx = speakerOf(a, x, parts[0], input);
            const sy = speakerOf(b, y, parts[1], input);
            if (!sx || !sy || !differentSpeakers(sx, sy, related)) continue;
            // Another attribution of the statement in either article that agrees with the other side settles it.
            const agrees = (art: Article, own: readonly Quote[], q: Quote, other: Article, oq: Quote, speaker: Speaker) =>
              own.some((z) => {
                const match = z === q ? null : sameStatement(art, z, other, oq);
                if (!match) return false;
                const sz = speakerOf(art, z, match[0], input);
                return !!sz && !differentSpeakers(sz, speaker, related);
              });
            if (agrees(a, quotes[i]!, x, b, y, sy) || agrees(b, quotes[j]!, y, a, x, sx)) continue;
            seen.add(x).add(y);
            out.push({
              type: 'speaker',
              verdict: 'contradiction',
              sides: [
                { article: a, value: sx.mention, context: contextOf(a, x, FACT_CONTEXT) },
                { article: b, value: sy.mention, context: contextOf(b, y, FACT_CONTEXT) },
              ],
              summary: `Who said “${shortQuote(a, x)}”: ${outletName(a)} says ${sx.name}, ${outletName(b)} says ${sy.name}.`,
              salience: 0.8,
              subject: `speaker:${shortQuote(a, x)}`,
            });
            break;
          }
        }
      }
    }
    return out;
  },
};
