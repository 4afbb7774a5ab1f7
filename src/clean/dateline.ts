// Datelines: the place (and often the outlet, sometimes a date) that opens a news report.
//   BISHKEK (Realist English). ...      WASHINGTON (Reuters) - ...      LONDON, March 3 (AP) — ...
//   KYIV, Ukraine — ...                 MOSCOW, Nov 25 /TASS/. ...      Bishkek (Realist English) — ...
// One general pattern family; no list of outlets or places.

import type { Dateline } from '../model/document.js';

export interface DatelineMatch {
  /** Offsets in the text given: the dateline with the separator and the spaces after it. */
  start: number;
  end: number;
  dateline: Dateline;
}

const CAPS_WORD = String.raw`[A-Z][A-Z'’.\-]*[A-Z.]`;
const CAPS_PLACE = String.raw`${CAPS_WORD}(?:[ \-]${CAPS_WORD}){0,3}`;
const TITLE_PLACE = String.raw`[A-Z][a-z'’\-]+\.?(?: [A-Z][a-z'’\-]+){0,2}`;
// After the place: ", Kyrgyzstan" or ", March 3" or ", Nov. 25, 2025" (no brackets, no dashes, no sentence end).
const EXTRA = String.raw`(?:,\s*[^()/\n—–.:;!?]{1,30}?(?:\.\s?\d[^()/\n—–:;!?]{0,12}?)?)?`;
const OUTLET = String.raw`(?:\(([A-Za-z][^()\n]{0,38}[A-Za-z.])\)|/([A-Za-z][^/\n]{0,28}[A-Za-z.])/)`;

/** Place + outlet: "BISHKEK (Realist English)." "Bishkek (Realist English) —" "WASHINGTON (Reuters) -". */
const WITH_OUTLET = new RegExp(
  String.raw`^(${CAPS_PLACE}|${TITLE_PLACE})${EXTRA}\s*${OUTLET}(\s*(?:[—–]|-{1,2}|[.:,])\s*|\s+)(?=["“‘'A-Z0-9])`,
);
/** Place in capitals, no outlet: "KYIV, Ukraine — " "NEW DELHI: ". */
const CAPS_ONLY = new RegExp(String.raw`^(${CAPS_PLACE})${EXTRA}(\s*[—–]\s*|\s+-{1,2}\s+|--\s*|:\s+)(?=["“‘'A-Z0-9])`);

// Labels that open a text in capitals like a place does, but are not places.
const NOT_PLACES = /^(BREAKING|BREAKING NEWS|UPDATE|UPDATED|EXCLUSIVE|WATCH|LISTEN|OPINION|ANALYSIS|EDITORIAL|COMMENT|LIVE|CORRECTION|NOTE|EDITOR'S NOTE|FILE|PHOTO|VIDEO|FACT CHECK|REVIEW|INTERVIEW|SPONSORED|ADVERTISEMENT|Q&A|FAQ)$/i;

function normalisePlace(place: string): string {
  if (/[a-z]/.test(place)) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Reads a dateline at the very start of `text` (after leading whitespace). */
export function findDateline(text: string): DatelineMatch | null {
  const lead = /^\s*/.exec(text)![0].length;
  const head = text.slice(lead, lead + 200);
  const m = WITH_OUTLET.exec(head);
  if (m) {
    const place = m[1]!;
    const outlet = (m[2] ?? m[3] ?? '').trim();
    // A bare space separator after a Title-case place is too weak: "Officials (unnamed) Said" is prose.
    const sep = m[4] ?? '';
    const isCaps = !/[a-z]/.test(place);
    const titleOk = isCaps || /[—–\-.:,]/.test(sep);
    // The place must carry at least three letters, and an outlet has few words.
    if (titleOk && !NOT_PLACES.test(place) && place.replace(/[^A-Za-z]/g, '').length >= 3 && outlet.split(/\s+/).length <= 5) {
      return { start: lead, end: lead + m[0].length, dateline: { place: normalisePlace(place), outlet } };
    }
  }
  const c = CAPS_ONLY.exec(head);
  if (c) {
    const place = c[1]!;
    if (place.replace(/[^A-Z]/g, '').length >= 3 && !NOT_PLACES.test(place)) {
      return { start: lead, end: lead + c[0].length, dateline: { place: normalisePlace(place), outlet: null } };
    }
  }
  return null;
}
