/** Text between quotation marks: one span per paragraph of a quote (a quote may run over several paragraphs). */
export interface QuotedSpan {
  /** Content offsets, without the marks. */
  start: number;
  end: number;
  /** Offsets of the opening and closing marks (the closing mark is missing on all but the last paragraph). */
  open: number;
  close: number;
  /** Spans of one quote share a group number. */
  group: number;
}

const CLOSER: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’', '"': '"', '‹': '›', '”': '”' };

function isSpace(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Where a straight or single mark can open a quote: after a space, a bracket or a dash, before a non-space. */
function opensHere(text: string, i: number): boolean {
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  if (isSpace(next)) return false;
  return prev === undefined || isSpace(prev) || prev === '(' || prev === '[' || prev === '—' || prev === '–' || prev === '-' || prev === '/' || prev === '“' || prev === ':';
}

// A transcript turn: a paragraph that opens with a mark and an upper-case speaker label ("WALLACE: ...",
// "SEN. KAINE: ..."). Such a mark opens no quote: each turn is its label's words (labelledParagraph).
const TURN_LABEL = /^[A-Z][A-Z.'’ -]{1,30}:\s/;

function opensTurn(text: string, afterMark: number): boolean {
  return TURN_LABEL.test(text.slice(afterMark, afterMark + 34));
}

/**
 * Finds quoted text in one linear pass: “…”, «…», „…“, "…", ''…'', ‘…’ (an apostrophe inside a word never closes
 * a single quote). A quote that reaches the end of a paragraph continues when the next paragraph opens with
 * the same mark (the news convention for quotes over several paragraphs); otherwise it is dropped as unbalanced.
 * Marks nested inside an open quote are part of its content.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let group = 0;
  let openChar = '';
  let closeChar = '';
  let openAt = -1;
  let spanStart = -1;
  let pending: QuotedSpan[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (openAt < 0) {
      // Two apostrophes stand for a double quotation mark in some newsrooms' text (''I think,'' he said).
      if (c === "'" && text[i + 1] === "'" && opensHere(text, i) && !isSpace(text[i + 2])) {
        openChar = "''";
        closeChar = "''";
        openAt = i;
        spanStart = i + 2;
        pending = [];
        i++;
        continue;
      }
      if ((c === '“' || c === '«' || c === '„' || c === '‹' || ((c === '"' || c === '‘' || c === '”') && opensHere(text, i))) && !opensTurn(text, i + 1)) {
        openChar = c;
        closeChar = CLOSER[c]!;
        openAt = i;
        spanStart = i + 1;
        pending = [];
      }
      continue;
    }
    if (closeChar === "''" && c === "'" && text[i + 1] === "'" && !isLetter(text[i + 2])) {
      pending.push({ start: spanStart, end: i, open: openAt, close: i + 1, group });
      out.push(...pending);
      group++;
      openAt = -1;
      pending = [];
      i++;
      continue;
    }
    if (c === closeChar && !(closeChar === '’' && isLetter(text[i + 1]))) {
      // A straight or curly closer must not be glued to a following letter ("the"quote" typos stay open).
      pending.push({ start: spanStart, end: i, open: openAt, close: i, group });
      out.push(...pending);
      group++;
      openAt = -1;
      pending = [];
      continue;
    }
    if (c === '\n') {
      let j = i + 1;
      while (j < n && isSpace(text[j])) j++;
      if (j < n && text.startsWith(openChar, j) && !opensTurn(text, j + openChar.length)) {
        pending.push({ start: spanStart, end: i, open: openAt, close: -1, group });
        openAt = j;
        spanStart = j + openChar.length;
        i = j + openChar.length - 1;
      } else {
        openAt = -1;
        pending = [];
      }
      continue;
    }
    if (openChar === '“' && c === '“') {
      // A new opener before the closer: the earlier one was never closed.
      openAt = i;
      spanStart = i + 1;
      pending = [];
    }
  }
  return out;
}
