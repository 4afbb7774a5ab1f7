// Time values (TimeML/TIMEX3: "2025-11-25", "2023-10", "XXXX-WXX-2", "PAST_REF", "200") in plain words
// and in an order a reader expects.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SEASONS: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' };

/** A time value in words; null when it is not one we can say plainly. */
export function timeInWords(value: string): string | null {
  const v = value.trim();
  if (v === 'PAST_REF') return 'in the past';
  if (v === 'PRESENT_REF') return 'now';
  if (v === 'FUTURE_REF') return 'in the future';
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/))) {
    const month = MONTHS[Number(m[2]) - 1];
    if (!month) return null;
    return `${Number(m[3])} ${month} ${m[1]}${m[4] ? `, ${m[4]}:${m[5]}` : ''}`;
  }
  if ((m = v.match(/^(\d{4})-(\d{2})$/))) return MONTHS[Number(m[2]) - 1] ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : null;
  if ((m = v.match(/^(\d{4})-Q([1-4])$/))) return `quarter ${m[2]} of ${m[1]}`;
  if ((m = v.match(/^(\d{4})-(SP|SU|FA|AU|WI)$/))) return `${SEASONS[m[2]!]} ${m[1]}`;
  if ((m = v.match(/^(\d{4})-W(\d{2})$/))) return `week ${Number(m[2])} of ${m[1]}`;
  if ((m = v.match(/^(\d{4})$/))) return m[1]!;
  if ((m = v.match(/^(\d{3})$/))) return `the ${m[1]}0s`;
  if ((m = v.match(/^(\d{2})$/))) return `the ${m[1]}00s`;
  if ((m = v.match(/^XXXX-WXX-([1-7])$/))) return `a ${DAYS[Number(m[1]) - 1]} (no date given)`;
  if ((m = v.match(/^XXXX-(\d{2})-(\d{2})$/))) return MONTHS[Number(m[1]) - 1] ? `${Number(m[2])} ${MONTHS[Number(m[1]) - 1]} (no year given)` : null;
  if ((m = v.match(/^XXXX-(\d{2})$/))) return MONTHS[Number(m[1]) - 1] ? `${MONTHS[Number(m[1]) - 1]} (no year given)` : null;
  if (/^X{4}/.test(v)) return 'a time the report does not date';
  return null;
}

/**
 * A key that sorts time values in reading order: the past in general first, then real dates in
 * chronological order (a decade before its years), then days and months without a year, "now", and the future.
 */
export function timeSortKey(value: string): string {
  const v = value.trim();
  if (v === 'PAST_REF') return '0';
  if (v === 'PRESENT_REF') return '3';
  if (v === 'FUTURE_REF') return '4';
  let m: RegExpMatchArray | null;
  if ((m = v.match(/^(\d{2,4})(.*)$/))) return `1${m[1]!.padEnd(4, '0')}${m[2]}`;
  if (/^X{4}/.test(v)) return `2${v}`;
  return `5${v}`;
}

/** Whether a value names a date on the calendar (so that it can be placed on a timeline). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.test(value.trim());
}
