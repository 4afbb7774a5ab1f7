import type { Article, Dateline, RemovedSpan, Segment } from '../model/document.js';
import { classifyParagraph, type ParagraphVerdict } from './boilerplate.js';
import { findDateline, type DatelineMatch } from './dateline.js';
import { splitParagraphs, type Paragraph } from './paragraphs.js';

/** What cleaning decided, in offsets of the text it was given. */
export interface CleanResult {
  text: string;
  segments: Segment[];
  removed: RemovedSpan[];
  dateline: Dateline | null;
}

interface Cut {
  /** Span reported as removed (the paragraph or dateline itself). */
  start: number;
  end: number;
  /** Span taken out of the text (also the whitespace that separated it from what follows). */
  cutStart: number;
  cutEnd: number;
  reason: string;
}

/**
 * Finds the appeal block that runs to the end of the text: walking back from the last paragraph over
 * paragraphs that address the reader or speak as the outlet, it starts at the earliest opener ("Dear
 * readers,", "A message from ...:") or strong paragraph, and must hold at least one strong call (donate,
 * subscribe, newsletter). Returns the index of the first paragraph of the block, or -1.
 */
function trailingBlockStart(verdicts: ParagraphVerdict[]): number {
  let i = verdicts.length - 1;
  let earliest = -1;
  let strongCall = false;
  while (i >= 1) {
    const v = verdicts[i]!;
    if (v.strength === 'none') {
      // One neutral paragraph inside an appeal ("Independent journalism is under threat.") is allowed
      // when an opener or a strong appeal stands right before it.
      const before = verdicts[i - 1];
      if (earliest !== -1 && before && (before.opener || (before.strength === 'strong' && before.kind === 'appeal'))) {
        i--;
        continue;
      }
      break;
    }
    if (v.opener || v.strength === 'strong') earliest = i;
    if (v.strength === 'strong' && (v.kind === 'appeal' || v.kind === 'newsletter')) strongCall = true;
    i--;
  }
  return strongCall && earliest > 0 ? earliest : -1;
}

function blockReason(verdicts: ParagraphVerdict[], from: number): string {
  for (let i = from; i < verdicts.length; i++) if (verdicts[i]!.strength === 'strong' && verdicts[i]!.kind === 'appeal') return 'boilerplate:appeal';
  return 'boilerplate:newsletter';
}

/**
 * Cleans a plain text: boilerplate paragraphs and the opening dateline are cut, the rest kept verbatim.
 * Cleaning is a fixed point: what is cut changes what the rest looks like (paragraph layout, the block an
 * appeal closes, the first paragraph), so the result is cleaned again until nothing more goes, and what
 * the later rounds cut is reported in offsets of `source` like the rest.
 */
export function cleanText(source: string): CleanResult {
  let { cuts, dateline } = cutsOf(source);
  for (let round = 0; round < 4 && cuts.length > 0; round++) {
    const r = assemble(source, [...cuts], dateline);
    const again = cutsOf(r.text);
    if (again.cuts.length === 0) return r;
    cuts = [...cuts, ...again.cuts.map((c) => toSourceCut(c, r.segments))];
    dateline ??= again.dateline;
  }
  return assemble(source, cuts, dateline);
}

/** A position of cleaned text in the source: `atEnd` maps a boundary to the end of the segment before it. */
function toSource(pos: number, segments: Segment[], atEnd: boolean): number {
  for (const s of segments) {
    if (atEnd ? pos > s.textStart && pos <= s.textStart + s.length : pos >= s.textStart && pos < s.textStart + s.length) return s.originalStart + (pos - s.textStart);
  }
  const last = segments[segments.length - 1];
  return last ? last.originalStart + last.length : pos;
}

function toSourceCut(c: Cut, segments: Segment[]): Cut {
  return {
    start: toSource(c.start, segments, false),
    end: toSource(c.end, segments, true),
    cutStart: toSource(c.cutStart, segments, false),
    cutEnd: toSource(c.cutEnd, segments, true),
    reason: c.reason,
  };
}

/** One round of cleaning: the spans to cut, in offsets of `source`. */
function cutsOf(source: string): { cuts: Cut[]; dateline: Dateline | null } {
  const paras = splitParagraphs(source);
  // A paragraph is judged without its opening dateline: the dateline is cut from the text, so judging
  // it with the dateline would judge the same paragraph differently when the text is cleaned again.
  const verdicts = paras.map((p) => classifyParagraph(withoutDateline(p.text)));
  const reasons: (string | null)[] = paras.map(() => null);

  const block = trailingBlockStart(verdicts);
  if (block > 0) {
    const reason = blockReason(verdicts, block);
    for (let i = block; i < paras.length; i++) {
      const v = verdicts[i]!;
      // Share rows or related links inside the block keep their own reason.
      const own = v.strength === 'strong' && v.kind && v.kind !== 'ui' && v.kind !== 'appeal' && v.kind !== 'newsletter';
      reasons[i] = own ? `boilerplate:${v.kind}` : reason;
    }
  }
  verdicts.forEach((v, i) => {
    if (reasons[i] === null && v.strength === 'strong' && v.kind) reasons[i] = `boilerplate:${v.kind}`;
  });
  // Never cut everything: a text that is all "boilerplate" is more likely something we misread.
  if (paras.length > 0 && !reasons.includes(null)) reasons.fill(null);

  const cuts: Cut[] = [];
  paras.forEach((p, i) => {
    const reason = reasons[i];
    if (!reason) return;
    const next = paras[i + 1];
    cuts.push({ start: p.start, end: p.end, cutStart: p.start, cutEnd: next ? next.start : source.length, reason });
  });

  let dateline: Dateline | null = null;
  const first = firstKept(paras, reasons);
  for (const idx of first) {
    const p = paras[idx]!;
    const m = leadingDatelines(p.text);
    if (m && m.end < p.text.length) {
      // Both candidates are cut when both open with a dateline: the first paragraph without its dateline
      // may look like a headline, and cleaning again would then cut the second one's.
      dateline ??= m.dateline;
      const end = p.start + m.start + p.text.slice(m.start, m.end).trimEnd().length;
      cuts.push({ start: p.start + m.start, end, cutStart: p.start + m.start, cutEnd: p.start + m.end, reason: 'dateline' });
    }
  }
  return { cuts, dateline };
}

/**
 * The dateline that opens `text`, stretched over any dateline right after it ("MOSCOW, Nov 25 (Reuters) -
 * BISHKEK (Realist English). ..."): cutting only the first would leave a text that opens with a dateline,
 * and cleaning it again would cut that one too. The first dateline is the one reported.
 */
function leadingDatelines(text: string): DatelineMatch | null {
  const first = findDateline(text);
  if (!first) return null;
  let end = first.end;
  for (let next = findDateline(text.slice(end)); next && end + next.end < text.length; next = findDateline(text.slice(end))) end += next.end;
  return { ...first, end };
}

function withoutDateline(text: string): string {
  const m = leadingDatelines(text);
  return m && m.end < text.length ? text.slice(m.end) : text;
}

/** The first kept paragraph, and the second when the first is a short headline-like line. */
function firstKept(paras: Paragraph[], reasons: (string | null)[]): number[] {
  const kept = paras.map((_, i) => i).filter((i) => reasons[i] === null);
  const out = kept.slice(0, 1);
  // Judged without its dateline, as the text will be once the dateline is cut.
  const head = kept[0] !== undefined ? withoutDateline(paras[kept[0]]!.text) : null;
  if (head !== null && kept[1] !== undefined && head.length <= 150 && !/[.!?]["”’]?$/.test(head)) out.push(kept[1]);
  return out;
}

function assemble(source: string, cuts: Cut[], dateline: Dateline | null): CleanResult {
  cuts.sort((a, b) => a.cutStart - b.cutStart);
  const kept: { start: number; end: number }[] = [];
  let pos = 0;
  for (const c of cuts) {
    if (c.cutStart > pos) kept.push({ start: pos, end: c.cutStart });
    pos = Math.max(pos, c.cutEnd);
  }
  if (pos < source.length) kept.push({ start: pos, end: source.length });
  // Trim whitespace at both ends of the whole text (not reported: it is not content).
  while (kept.length && /^\s*$/.test(source.slice(kept[0]!.start, kept[0]!.end))) kept.shift();
  while (kept.length && /^\s*$/.test(source.slice(kept[kept.length - 1]!.start, kept[kept.length - 1]!.end))) kept.pop();
  if (kept.length) {
    const a = kept[0]!;
    while (a.start < a.end && /\s/.test(source[a.start]!)) a.start++;
    const z = kept[kept.length - 1]!;
    while (z.end > z.start && /\s/.test(source[z.end - 1]!)) z.end--;
  }
  const segments: Segment[] = [];
  let text = '';
  for (const k of kept) {
    segments.push({ textStart: text.length, originalStart: k.start, length: k.end - k.start });
    text += source.slice(k.start, k.end);
  }
  // Adjacent removed paragraphs with one reason are one span ("the appeal"), so merge them.
  const removed: RemovedSpan[] = [];
  for (const c of [...cuts].sort((a, b) => a.start - b.start)) {
    const last = removed[removed.length - 1];
    if (last && last.reason === c.reason && /^\s*$/.test(source.slice(last.end, c.start))) {
      last.end = c.end;
      last.text = source.slice(last.start, last.end);
    } else {
      removed.push({ start: c.start, end: c.end, reason: c.reason, text: source.slice(c.start, c.end) });
    }
  }
  return { text, segments, removed, dateline };
}

/**
 * Cleaning: removes boilerplate and the dateline from `original`, giving `text`, `segments` (text offsets
 * back to `original`), `removed` (spans of `original` with a reason) and `dateline`. Paragraph breaks are
 * kept as they were. It reads only `original`, so cleaning twice gives the same article.
 */
export function cleanArticle(article: Article): Article {
  const r = cleanText(article.original);
  return { ...article, text: r.text, segments: r.segments, removed: r.removed, dateline: r.dateline };
}
