import type { QuantityLexicon } from './lexicon.js';
import type { TokenView } from './token-view.js';

export interface NumberRead {
  value: number;
  /** Token range [first, end). */
  first: number;
  end: number;
  spelled: boolean;
  /** The digits as written (for year detection): null for spelled-out numbers. */
  digits: string | null;
}

/** "1,700" -> 1700, "13.6" -> 13.6, "2,5" -> 2.5 (a comma not followed by exactly three digits is a decimal mark). */
export function parseDigits(s: string): number {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+,\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(s)) return Number(s.replace(/\./g, ''));
  return Number(s.replace(/,/g, ''));
}

/** Value of one spelled-out word, including hyphenated compounds ("twenty-six"); null when not a number word. */
function wordValue(lex: QuantityLexicon, w: string): number | null {
  const v = lex.numberWords.get(w);
  if (v !== undefined) return v;
  const dash = w.indexOf('-');
  if (dash > 0) {
    const a = lex.numberWords.get(w.slice(0, dash));
    const b = lex.numberWords.get(w.slice(dash + 1));
    if (a !== undefined && b !== undefined && a >= 20 && a % 10 === 0 && b < 10) return a + b;
  }
  return null;
}

/**
 * Reads a number starting at token i: digits ("1,700", "4.1"), or spelled-out words ("nine",
 * "a hundred thirty", "twenty-six"), with a following scale word ("4.1 billion", "1.8bn", "$5m").
 * Returns null when token i does not start a number.
 */
export function readNumber(view: TokenView, lex: QuantityLexicon, i: number, allowShortScale: boolean): NumberRead | null {
  const tok = view.tokens[i];
  if (!tok) return null;
  let value: number;
  let end: number;
  let spelled = false;
  let digits: string | null = null;
  if (tok.kind === 'number') {
    digits = view.words[i]!;
    value = parseDigits(digits);
    end = i + 1;
    // "60 000", "1 200 000": groups of three digits after one space (or a thin or no-break space) are thousands.
    // (Not a day of a month: "May 5 100 people".)
    if (/^\d{1,3}$/.test(digits) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(view.lower[i - 1] ?? '')) {
      while (/^\d{3}$/.test(view.words[end] ?? '') && /^[ \u00a0\u202f\u2009]$/.test(view.text.slice(view.tokens[end - 1]!.end, view.tokens[end]!.start)) && !/^[\d.,]/.test(view.text.slice(view.tokens[end]!.end, view.tokens[end]!.end + 1))) {
        digits += view.words[end]!;
        value = value * 1000 + Number(view.words[end]);
        end++;
      }
    }
    // "2 1/2": a simple fraction after a whole number, or alone.
    if (view.words[end + 1] === '/' && view.tokens[end]?.kind === 'number' && view.tokens[end + 2]?.kind === 'number' && view.tokens[end]!.end === view.tokens[end + 1]!.start) {
      const num = Number(view.words[end]);
      const den = Number(view.words[end + 2]);
      if (den > 0 && num < den) {
        value += num / den;
        end += 3;
      }
    } else if (view.words[end] === '/' && view.tokens[end + 1]?.kind === 'number' && view.tokens[i]!.end === view.tokens[end]!.start) {
      const den = Number(view.words[end + 1]);
      if (den > 0 && value < den) {
        value = value / den;
        end += 2;
        digits = null;
      }
    }
  } else {
    // Spelled out: "nine", "twenty six", "a hundred thirty million", "one and a half".
    let total = 0;
    let current = 0;
    let any = false;
    let k = i;
    for (; k < view.tokens.length; k++) {
      const w = view.lower[k]!;
      const small = wordValue(lex, w);
      if (small !== null) {
        current += small;
        any = true;
        continue;
      }
      if (w === 'a' && !any && (view.lower[k + 1] === 'hundred' || view.lower[k + 1] === 'thousand' || view.lower[k + 1] === 'million' || view.lower[k + 1] === 'billion' || view.lower[k + 1] === 'dozen')) {
        current = 1;
        continue;
      }
      if (w === 'hundred' && (any || current === 1)) {
        current = (current || 1) * 100;
        any = true;
        continue;
      }
      if (w === 'dozen' && (any || current === 1)) {
        current = (current || 1) * 12;
        any = true;
        continue;
      }
      if (w === 'and' && any && current >= 100 && current % 100 === 0 && wordValue(lex, view.lower[k + 1] ?? '') !== null) continue;
      if ((w === 'thousand' || w === 'million' || w === 'billion' || w === 'trillion') && any) {
        total += (current || 1) * lex.scales.get(w)!;
        current = 0;
        continue;
      }
      break;
    }
    if (!any) return null;
    value = total + current;
    end = k;
    spelled = true;
    // "one and a half"
    if (view.lower[end] === 'and' && view.lower[end + 1] === 'a' && view.lower[end + 2] === 'half') {
      value += 0.5;
      end += 3;
    }
  }
  // Scale words: "4.1 billion", "1.8bn", "300k" (short letters only when glued or after a currency); "a 3-crore case".
  const hyphened = !spelled && view.words[end] === '-' && view.tokens[end - 1]!.end === view.tokens[end]!.start && view.tokens[end + 1]?.start === view.tokens[end]!.end && lex.scales.has(view.lower[end + 1] ?? '');
  if (hyphened) end++;
  const sw = view.lower[end];
  if (sw !== undefined && !spelled) {
    const scale = lex.scales.get(sw);
    const glued = view.tokens[end - 1]!.end === view.tokens[end]!.start;
    const short = lex.shortScales.get(sw);
    if (scale !== undefined) {
      value *= scale;
      end++;
    } else if (short !== undefined && (glued || allowShortScale) && !/^\p{L}/u.test(view.text[view.tokens[end]!.end] ?? ' ')) {
      value *= short;
      end++;
    }
  } else if (sw !== undefined && spelled && lex.scales.has(sw) && (sw === 'bn' || sw === 'mln' || sw === 'mn')) {
    value *= lex.scales.get(sw)!;
    end++;
  }
  return { value, first: i, end, spelled, digits };
}
