/** A paragraph of a plain text: `text` === source.slice(start, end), trimmed of surrounding whitespace. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits a plain text into paragraphs. Usually one line is one paragraph (texts copied from pages, our own
 * HTML extraction). A hard-wrapped text (blank lines between paragraphs, and most lines followed by another
 * non-blank line) is split at blank lines instead, so a wrapped paragraph stays one unit.
 */
export function splitParagraphs(source: string): Paragraph[] {
  const lines = linesOf(source);
  if (lines.length === 0) return [];
  if (!looksHardWrapped(source, lines)) return lines;
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  for (const line of lines) {
    if (cur && !/\n[ \t\r\f\v]*\n/.test(source.slice(cur.end, line.start))) {
      cur = { start: cur.start, end: line.end, text: source.slice(cur.start, line.end) };
      out[out.length - 1] = cur;
    } else {
      cur = line;
      out.push(cur);
    }
  }
  return out;
}

function linesOf(source: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(source[s]!)) s++;
    while (e > s && /\s/.test(source[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: source.slice(s, e) });
  }
  return out;
}

function looksHardWrapped(source: string, lines: Paragraph[]): boolean {
  if (lines.length < 4) return false;
  let blankGaps = 0;
  let tightGaps = 0;
  for (let i = 1; i < lines.length; i++) {
    const gap = source.slice(lines[i - 1]!.end, lines[i]!.start);
    if (/\n[ \t\r\f\v]*\n/.test(gap)) blankGaps++;
    else tightGaps++;
  }
  // Wrapped prose: blank lines separate paragraphs, most line breaks fall inside one, and no line is
  // longer than a terminal-width column (single-line paragraphs of copied pages run to hundreds of chars).
  const longest = lines.reduce((m, l) => Math.max(m, l.end - l.start), 0);
  return blankGaps >= 1 && tightGaps > blankGaps && tightGaps >= 3 && longest <= 100;
}
