// Outlet names and titles are one-line labels, shown in terminal reports, search results and tables.
// Whatever names them (a file name, a feed, a manifest, a JSON line), control characters, line breaks
// and bidi controls become a space or go, so a name such as "Daily\nNews.txt" cannot break a line
// of output or reorder what is shown.
// eslint-disable-next-line no-control-regex
const BREAKS = /[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The label on one line with single spaces; null when nothing is left. */
export function singleLineLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const out = value.replace(BIDI, '').replace(BREAKS, ' ').trim();
  return out === '' ? null : out;
}

/** The outlet named by a file: its name without the extension. */
export function outletFromFileName(name: string): string {
  return singleLineLabel(name.replace(/\.[a-z]+$/i, '')) ?? name;
}
