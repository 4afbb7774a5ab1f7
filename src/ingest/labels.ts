// Outlet names and titles are one-line labels, shown in terminal reports, search results and tables.
// Whatever names them (a file name, a feed, a manifest, a JSON line), line breaks and runs of white space
// become one space, so a name such as "Daily\nNews.txt" cannot break a line of output. Other control
// and bidi characters are kept: every output escapes them visibly (model/printable.ts), which shows
// what the name really holds.

/** The label on one line with single spaces; null when nothing is left. */
export function singleLineLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const out = value.replace(/[\s\u0085]+/g, ' ').trim();
  return out === '' ? null : out;
}

/** The outlet named by a file: its name without the extension. */
export function outletFromFileName(name: string): string {
  return singleLineLabel(name.replace(/\.[a-z]+$/i, '')) ?? name;
}
