// Dates as pages write them: ISO 8601 in metadata, dates in URLs, dates in visible text.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

/**
 * A metadata date ("2019-11-19T08:30:00-05:00", "2019-11-19", "Tue, 19 Nov 2019 13:30:00 GMT") as ISO 8601:
 * a date-time in UTC when a time is given, a plain date otherwise. Null for anything else.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!validYmd(y, m, d)) return null;
    if (iso[4] === undefined) return `${iso[1]}-${iso[2]}-${iso[3]}`;
    const zone = iso[7] ? (iso[7] === 'Z' ? 'Z' : iso[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
    const t = Date.parse(`${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone}`);
    return Number.isNaN(t) ? `${iso[1]}-${iso[2]}-${iso[3]}` : new Date(t).toISOString();
  }
  if (/^\d{8}$/.test(v)) {
    const [y, m, d] = [Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8))];
    return validYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
  }
  // RFC 2822 and other forms Date.parse knows, when they name a month.
  if (/[A-Za-z]{3}/.test(v) && /\d{4}/.test(v) && v.length <= 60) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) {
      const dt = new Date(t);
      if (dt.getUTCFullYear() >= 1990) return /\d{1,2}:\d{2}/.test(v) ? dt.toISOString() : dt.toISOString().slice(0, 10);
    }
  }
  return fromText(v);
}

/** A date in a URL path: /2019/11/19/, /2019-11-19-, /20191119/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // not absolute: use as given
  }
  const m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$|[_-])/.exec(path);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validYmd(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const TEXT_MDY = new RegExp(`\\b(${MONTH_NAMES})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const TEXT_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_NAMES})\\.?,?\\s+((?:19|20)\\d{2})\\b`, 'i');
const TEXT_ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/;
const TEXT_NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d{2})\b/;

/** A date written in visible text ("Nov. 19, 2019", "19 November 2019", "2019-11-19", "19/11/2019" day first). */
export function fromText(text: string): string | null {
  let m = TEXT_MDY.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[3]), MONTHS[m[1]!.toLowerCase()]!, Number(m[2])];
    if (validYmd(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = TEXT_DMY.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[3]), MONTHS[m[2]!.toLowerCase()]!, Number(m[1])];
    if (validYmd(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = TEXT_ISO.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (validYmd(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = TEXT_NUMERIC.exec(text);
  if (m) {
    // Day first unless that is impossible (most of the world writes 19/11/2019).
    let [d, mo] = [Number(m[1]), Number(m[2])];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    const y = Number(m[3]);
    if (validYmd(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** True when the date is not after the crawl (a date-only value counts as its day's start, with a day of slack). */
export function notAfter(date: string, crawledAt: Date): boolean {
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return !Number.isNaN(t) && t <= crawledAt.getTime() + (date.length === 10 ? 86_400_000 : 0);
}
