import type { Article, EntityMention, Quote, TextSpan } from '../../model/document.js';
import { textSpan } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { tokenView, type TokenView } from '../quantities/token-view.js';
import { findAnchors, labelledParagraph, type Anchor } from './attributions.js';
import { loadQuoteLexicon, type QuoteLexicon } from './lexicon.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import { attributionsFromLabels, labelSentence, ruleRoles, seqSentence } from './seq-model.js';
import { resolveSpeakers } from './resolve.js';
import { headOf, mentionFor, speakerKindOf, type TokRange } from './speaker.js';

interface Draft {
  content: { start: number; end: number }[];
  cue: TokRange | null;
  source: TokRange | null;
  /** A source given as characters (a continuation reuses the earlier speaker's words). */
  sourceSpan: TextSpan | null;
  via: TokRange | null;
  quoted: QuotedSpan[];
  paragraph: number;
  sentence: number;
  fromAnchor: boolean;
}

// One run of punctuation, or a run around one small word; written so the two runs cannot trade characters
// (the form with two adjacent optional runs took quadratic time on long runs of dashes or spaces).
/** After a closing mark: a dash, then a name of one to five capitalised words ("” ― Sonya Herridge"). */
const SIGNED = /^([ \t]*)([―—–]|--)([ \t]*)(\p{Lu}[\p{L}\p{M}.’'-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}.’'-]*|de|van|von|da|del|la|bin)){0,4})/u;
/** The same on a line of its own below the quote ("”⏎⏎- Bernie Sanders."): the name ends its line (or a comma follows). */
const SIGNED_LINE = /^([ \t]*\n\s*)([―—–-]|--)([ \t]*)(\p{Lu}[\p{L}\p{M}.’'-]*(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}.’'-]*|de|van|von|da|del|la|bin)){0,4})(?=[ \t]*(?:[.,]?[ \t]*(?:\n|$)|,))/u;
const SEQ_MAX = 200;
const SMALL_LEAD = /^[\s,.:;—–-]*(?:(?:as|that|saying|a|an)[\s,.:;—–-]*)?$/i;

/** /\s/ of one code unit (what the regular expression counts as white space). */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** /[\s,;:]/ of one code unit. */
const isSpaceOrComma = (c: number): boolean => c === 44 || c === 59 || c === 58 || isSpace(c);

function charSpan(view: TokenView, r: TokRange): { start: number; end: number } {
  return { start: view.tokens[r.first]!.start, end: view.tokens[r.end - 1]!.end };
}

function firstTokenAtOrAfter(view: TokenView, offset: number): number {
  let lo = 0;
  let hi = view.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The words of a speaker mention, lower-cased (two mentions of one speaker compare equal). */
function sourceText(view: TokenView, r: TokRange): string {
  return view.lower.slice(r.first, r.end).join(' ');
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function wordCount(text: string, start: number, end: number): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Small words a title leaves in lower case ("Lives of the Super Rich"). */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'vs', 'vs.']);

/**
 * Text that reads as a title or a headline, not words said: every word capitalised (or a small word inside),
 * with no full stop, question or exclamation mark before its end.
 */
function titleLike(text: string, start: number, end: number): boolean {
  const t = text.slice(start, end).replace(/[.!?,;:’'"”\s]+$/u, '');
  if (/[.!?]\s/u.test(t)) return false;
  const words = t.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  return words.every((w, i) => /^[^\p{L}]*\p{Lu}/u.test(w) || (i > 0 && TITLE_SMALL.has(w.toLowerCase())));
}

/** Unions content spans with the spans of a quote (sorted, merged). */
function mergeSpans(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const s = [...spans].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

/**
 * Quotes: quoted text found by its marks, attributions found by cues (reported speech), then the two joined:
 * a quote inside an attribution's content becomes part of it, a quote over several sentences or paragraphs is
 * taken whole, and a quote with no cue continues the previous speaker of its paragraph.
 */
export interface QuoteOptions {
  /**
   * Keep attributions of beliefs, wishes and findings ("Moscow sees potential", "a poll found") as quotes
   * flagged `attitude`. Off in the analysis pipeline (a quote there is words someone said); on in the
   * PolNeAR evaluation, whose attributions include them.
   */
  attitudes?: boolean;
}

/** Tokens inside quoted passages of several words (not scare quotes): 1, else 0. */
export function quotedTokenMask(view: TokenView, quotedSpans: readonly QuotedSpan[]): Uint8Array {
  const mask = new Uint8Array(view.tokens.length);
  for (const q of quotedSpans) {
    if (wordCount(view.text, q.start, q.end) < 4) continue;
    for (let k = firstTokenAtOrAfter(view, q.start); k < view.tokens.length && view.tokens[k]!.start < q.end; k++) mask[k] = 1;
  }
  return mask;
}

export function extractQuotes(article: Article, lex: QuoteLexicon, options: QuoteOptions = {}): Quote[] {
  const view = tokenView(article);
  const text = view.text;
  const quotedSpans = findQuotedSpans(text);
  const groups = new Map<number, QuotedSpan[]>();
  for (const q of quotedSpans) {
    const g = groups.get(q.group);
    if (g) g.push(q);
    else groups.set(q.group, [q]);
  }
  // Tokens inside quoted passages of several words (not scare quotes): no cue is looked for there.
  const quotedTokens = quotedTokenMask(view, quotedSpans);
  const drafts: Draft[] = [];
  for (let s = 0; s < view.sentences.length; s++) {
    const f = view.sentStart[s]!;
    const e = view.sentEnd[s]!;
    if (e <= f) continue;
    const anchors: Anchor[] = findAnchors(view, lex, f, e, quotedTokens);
    // The cascade's second step: the sequence labeller reads the sentence with what the rules made of it, and
    // adds the attributions the rules missed (a content that overlaps none of theirs).
    // (Not on runaway sentences of more than SEQ_MAX tokens: lists and unsplit text, where runs of labels could
    // pair quadratically.)
    if (lex.seqModel && lex.cueModel && e - f <= SEQ_MAX) {
      const ss = seqSentence(view, lex.cueModel, f, e, quotedTokens, ruleRoles(anchors, f, e), lex.seqModel.gate);
      // Only where a cue candidate is left that no rule attribution uses (the labeller adds, never replaces).
      let open = false;
      for (let k = f; k < e && !open; k++) if (ss.score[k - f]! > lex.seqModel.runGate && ss.rule[k - f] !== 2) open = true;
      if (open) {
        const taken = ss.rule;
        const ruled = anchors.length;
        for (const a of attributionsFromLabels(view, labelSentence(lex.seqModel, view, ss, quotedTokens), f)) {
          let inside = 0;
          let all = 0;
          for (const c of a.content) for (let k = c.first; k < c.end; k++, all++) if (taken[k - f] === 3) inside++;
          for (let k = a.cue.first; k < a.cue.end; k++) if (taken[k - f] === 2) inside = all;
          if (inside * 2 > all) continue;
          // No source of its own: the speaker of the rules' attribution before it in the sentence ("Clinton said
          // ..., painting Trump as ...").
          let source = a.source;
          if (!source) for (let i = 0; i < ruled; i++) if (anchors[i]!.source && anchors[i]!.cue.first < a.cue.first) source = anchors[i]!.source;
          // Without one, the labeller's attributions lose more speakers than they add contents (held-out).
          if (!source) continue;
          anchors.push({ cue: a.cue, source, shape: 'sc', inherited: true, content: a.content, via: null });
        }
      }
    }
    const paragraph = view.sentences[s]!.paragraph;
    if (s === 0 || view.sentences[s - 1]!.paragraph !== paragraph) {
      let last = s;
      while (last + 1 < view.sentences.length && view.sentences[last + 1]!.paragraph === paragraph) last++;
      const labelled = labelledParagraph(view, f, e, view.sentEnd[last]!);
      if (labelled) anchors.unshift(labelled);
    }
    for (const a of anchors) {
      drafts.push({
        content: a.content.map((r) => charSpan(view, r)),
        cue: a.cue,
        source: a.source,
        sourceSpan: null,
        via: a.via,
        quoted: [],
        paragraph: view.sentences[s]!.paragraph,
        sentence: s,
        fromAnchor: true,
      });
    }
  }
  // Join quoted text to the attributions whose content it touches. Contents are sorted by start, so a
  // binary search finds the candidates of each quote (linear overall, even on very long texts).
  const contents: { start: number; end: number; d: Draft }[] = [];
  for (const d of drafts) for (const c of d.content) contents.push({ start: c.start, end: c.end, d });
  contents.sort((x, y) => x.start - y.start);
  const groupList = [...groups.entries()].map(([g, spans]) => ({ g, spans, open: spans[0]!.open, close: spans[spans.length - 1]!.close < 0 ? spans[spans.length - 1]!.end : spans[spans.length - 1]!.close + 1 }));
  groupList.sort((x, y) => x.open - y.open);
  const claimed = new Set<number>();
  for (const grp of groupList) {
    let lo = 0;
    let hi = contents.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (contents[mid]!.start < grp.open - 2000) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < contents.length && contents[k]!.start < grp.close; k++) {
      const c = contents[k]!;
      if (grp.spans.some((q) => overlaps(c, { start: q.open, end: q.close < 0 ? q.end : q.close + 1 }))) {
        c.d.quoted.push(...grp.spans);
        claimed.add(grp.g);
        break;
      }
    }
  }
  // "He said:" followed by a quote: the quote is the content.
  for (const d of drafts) {
    if (d.content.length > 0 || !d.cue) continue;
    const cueEnd = view.tokens[d.cue.end - 1]!.end;
    let lo = 0;
    let hi = groupList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (groupList[mid]!.open < cueEnd) lo = mid + 1;
      else hi = mid;
    }
    const grp = groupList[lo];
    if (grp && !claimed.has(grp.g) && /^\s*:\s*$/.test(text.slice(cueEnd, grp.open))) {
      d.quoted.push(...grp.spans);
      claimed.add(grp.g);
      continue;
    }
    // “What if ...?” the actor asked: a quote ending in ? or ! closes its sentence, so the speaker who opens
    // the next one, with nothing of their own to say, said it.
    const first = d.source ? Math.min(d.source.first, d.cue.first) : d.cue.first;
    const before = groupList[lo - 1];
    const startAt = view.tokens[first]!.start;
    if (before && !claimed.has(before.g) && before.close >= 0 && before.close < startAt && startAt - before.close <= 3 && /^\s*$/.test(text.slice(before.close + 1, startAt))) {
      d.quoted.push(...before.spans);
      claimed.add(before.g);
    }
  }
  // Quoted text with no cue of its own: the previous speaker of the paragraph goes on speaking.
  const bySource = drafts.filter((d) => d.source && d.cue).sort((x, y) => view.tokens[x.cue!.first]!.start - view.tokens[y.cue!.first]!.start);
  let ptr = -1;
  for (const grp of groupList) {
    if (claimed.has(grp.g)) continue;
    const spans = grp.spans;
    const first = spans[0]!;
    while (ptr + 1 < bySource.length && view.tokens[bySource[ptr + 1]!.cue!.first]!.start < first.open) ptr++;
    const words = spans.reduce((n, q) => n + wordCount(text, q.start, q.end), 0);
    if (words < 4) continue; // titles and scare quotes: "undesirable", ‘The 411’
    // For a reader, a title or a headline with no cue is no quote (“Secret Lives of the Super Rich”, “DIVISIVE,
    // STUPID AND WRONG”). PolNeAR keeps some as contents (dev: 7 of 12 title-like quotes), so the evaluation does too.
    if (!options.attitudes && spans.every((q) => titleLike(text, q.start, q.end))) continue;
    const tokenAt = firstTokenAtOrAfter(view, first.open);
    const sent = tokenAt < view.tokens.length ? view.sentenceOf[tokenAt]! : view.sentences.length - 1;
    const paragraph = view.sentences[sent]?.paragraph ?? 0;
    // “...” ― Sonya Herridge: a dash and a name after the closing mark sign the quote.
    const last = spans[spans.length - 1]!;
    const tail = last.close >= 0 ? text.slice(last.close + 1, last.close + 120) : '';
    const sameLine = last.close >= 0 ? SIGNED.exec(tail) : null;
    const after = sameLine ?? (last.close >= 0 ? SIGNED_LINE.exec(tail) : null);
    // The full stop that ends the signature line is no part of the name.
    const nameLength = after ? after[4]!.length - (!sameLine && after[4]!.endsWith('.') ? 1 : 0) : 0;
    if (after) {
      const dashAt = last.close + 1 + after[1]!.length;
      const nameAt = dashAt + after[2]!.length + after[3]!.length;
      const dashTok = firstTokenAtOrAfter(view, dashAt);
      const nameTok = firstTokenAtOrAfter(view, nameAt);
      const nameEnd = firstTokenAtOrAfter(view, nameAt + nameLength);
      if (dashTok < nameTok && nameTok < nameEnd) {
        drafts.push({ content: [], cue: { first: dashTok, end: nameTok }, source: { first: nameTok, end: nameEnd }, sourceSpan: null, via: null, quoted: spans, paragraph, sentence: sent, fromAnchor: false });
        claimed.add(grp.g);
        continue;
      }
    }
    const prev = ptr >= 0 && paragraph - bySource[ptr]!.paragraph <= 1 ? bySource[ptr]! : null;
    // The same speaker's quoted attribution just before, past an attribution of theirs without quotes
    // ("“...,” Johnson said, referring to a town hall ... “If I had to ...”"): the quote goes on.
    let quotedPrev = prev;
    if (prev && prev.quoted.length === 0 && prev.source) {
      const who = sourceText(view, prev.source);
      for (let i = ptr - 1; i >= Math.max(0, ptr - 3); i--) {
        const d = bySource[i]!;
        if (d.quoted.length > 0 && sourceText(view, d.source!) === who) {
          quotedPrev = d;
          break;
        }
      }
    }
    if (quotedPrev && quotedPrev.quoted.length > 0 && sent - quotedPrev.sentence <= 2) {
      quotedPrev.quoted.push(...spans);
      claimed.add(grp.g);
      continue;
    }
    // A run of quotes with no cue, paragraph after paragraph, with no attribution between, is one passage (PolNeAR
    // keeps it as one content; held-out F1 0.7168 -> 0.7181, exact F1 0.4051 -> 0.4085).
    const lastDraft = drafts[drafts.length - 1];
    if (lastDraft && !lastDraft.fromAnchor && !lastDraft.cue && paragraph - lastDraft.paragraph <= 1 && (ptr < 0 || bySource[ptr]!.sentence < lastDraft.sentence)) {
      lastDraft.quoted.push(...spans);
      claimed.add(grp.g);
      continue;
    }
    drafts.push({
      content: [],
      cue: null,
      source: null,
      sourceSpan: prev?.source ? textSpan(text, view.tokens[prev.source.first]!.start, view.tokens[prev.source.end - 1]!.end) : null,
      via: null,
      quoted: spans,
      paragraph,
      sentence: sent,
      fromAnchor: false,
    });
    claimed.add(grp.g);
  }
  const mentions: EntityMention[] = [...(article.layers.entities ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Quote[] = [];
  for (const d of drafts) {
    let content = d.content;
    let direct = false;
    const quotedText: TextSpan[] = d.quoted.map((q) => textSpan(text, q.start, q.end));
    if (d.quoted.length > 0) {
      direct = true;
      const withMarks = d.quoted.map((q) => ({ start: q.open, end: q.close < 0 ? q.end : q.close + 1 }));
      // Content that is the quote and little else becomes the quote itself (without the marks).
      const covered = mergeSpans([...content, ...withMarks]);
      // What the content has besides the quotes, segment by segment (the text between two segments, "said
      // Mr. Rendell." between the two parts of a quote, is no part of it).
      let rest = '';
      for (const c of covered) {
        let pos = c.start;
        for (const q of withMarks) {
          if (q.start >= c.start && q.end <= c.end) {
            rest += text.slice(pos, q.start);
            pos = q.end;
          }
        }
        rest += text.slice(pos, c.end);
      }
      if (content.length === 0 || SMALL_LEAD.test(rest)) content = d.quoted.map((q) => ({ start: q.start, end: q.end }));
      else {
        // "Trying to turn their words against them, Pelosi said, “Yes ...”": reported words on the other side
        // of the attribution from every quote are the reporter's, not the speaker's (for a reader; PolNeAR's
        // contents keep them, held-out F1 0.7127 -> 0.7123 and exact F1 0.392 -> 0.389 with the cut).
        if (d.cue && !options.attitudes) {
          const cueAt = view.tokens[d.cue.first]!.start;
          const quotesAfter = withMarks.every((q) => q.start >= cueAt);
          const quotesBefore = withMarks.every((q) => q.end <= cueAt);
          const kept = content.filter((c) => withMarks.some((q) => overlaps(c, q)) || (quotesAfter && c.start >= cueAt) || (quotesBefore && c.end <= cueAt));
          if (kept.length > 0 || quotesAfter || quotesBefore) content = kept;
        }
        content = mergeSpans([...content, ...withMarks]);
      }
    }
    if (content.length === 0) continue;
    // Trim trailing commas and spaces that sat inside the marks ("guest," -> "guest").
    const contentSpans: { start: number; end: number }[] = [];
    for (const c of content) {
      let a = c.start;
      let b = c.end;
      while (b > a && isSpaceOrComma(text.charCodeAt(b - 1))) b--;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      if (b > a) contentSpans.push({ start: a, end: b });
    }
    if (contentSpans.length === 0) continue;
    const speakerMention = d.source ? textSpan(text, view.tokens[d.source.first]!.start, view.tokens[d.source.end - 1]!.end) : d.sourceSpan;
    const headStart = d.source ? view.tokens[headOf(view, d.source)]!.start : speakerMention?.start ?? 0;
    const mention = speakerMention ? mentionFor(mentions, speakerMention.start, speakerMention.end, headStart) : null;
    const kind = d.source ? speakerKindOf(view, lex, d.source, mention) : speakerMention ? (mention?.type === 'ORG' ? 'organisation' : mention?.type === 'PER' ? 'person' : 'unknown') : 'unknown';
    const cue = d.cue ? textSpan(text, view.tokens[d.cue.first]!.start, view.tokens[d.cue.end - 1]!.end) : null;
    const via = d.via ? textSpan(text, view.tokens[d.via.first]!.start, view.tokens[d.via.end - 1]!.end) : null;
    // The quote runs from its first edge to its last: contents, cue, speaker's words and a go-between.
    let first = Infinity;
    let last = -Infinity;
    const edge = (a: number, b: number) => {
      if (a < first) first = a;
      if (b > last) last = b;
    };
    for (const c of contentSpans) edge(c.start, c.end);
    if (cue) edge(cue.start, cue.end);
    if (speakerMention && d.source) edge(speakerMention.start, speakerMention.end);
    if (via) edge(via.start, via.end);
    // A wish or a plan ("Russia seeks to shore up ...", "plans to") is the reporter's narration of an aim, not words.
    const intent = d.cue !== null && !lex.speechVerbs.has(view.lower[d.cue.first]!) && view.lower[d.cue.end] === 'to';
    const attitude = d.cue !== null && !direct && (intent || (!lex.speechCues.has(view.lower[d.cue.first]!) && view.lower[d.cue.first] !== 'according' && view.words[d.cue.first] !== ':'));
    if (attitude && !options.attitudes) continue;
    out.push({
      start: first,
      end: last,
      content: contentSpans.map((c) => textSpan(text, c.start, c.end)),
      cue,
      speakerMention,
      speaker: mention ? (mention.standsFor ?? mention.entity) : null,
      speakerKind: kind,
      direct,
      ...(attitude ? { attitude: true } : {}),
      ...(quotedText.length > 0 ? { quoted: quotedText } : {}),
      ...(via ? { via } : {}),
    });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  const problems = resolveSpeakers(text, out, mentions, article.layers.entityIndex ?? []);
  // For a reader (the analysis pipeline), a speaker that is a place, a quantifier, a clause or an unresolved
  // pronoun is not shown; reported words with a place or a clause for a speaker are narration, not a quote.
  // The evaluation keeps the phrase as written (PolNeAR's sources are mentions).
  if (options.attitudes) return out;
  const shown: Quote[] = [];
  out.forEach((q, i) => {
    const p = problems[i];
    if (!p) return shown.push(q);
    if (!q.direct && (p === 'place' || p === 'clause')) return;
    shown.push({ ...q, speaker: null, speakerMention: null, speakerKind: 'unknown', speakerProblem: p, ...(q.speakerMention ? { speakerWords: q.speakerMention } : {}) });
  });
  return shown;
}

export function createQuoteStage(lex: QuoteLexicon, options: QuoteOptions = {}): Stage {
  return {
    name: 'quotes',
    requires: ['tokens', 'sentences', 'entities', 'entityIndex'],
    provides: ['quotes'],
    run: (article) => ({ quotes: extractQuotes(article, lex, options) }),
  };
}
