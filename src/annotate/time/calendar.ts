/** A calendar day (no time zone: news dates are dates). */
export interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p4 = (n: number) => String(n).padStart(4, '0');

export function parseDay(iso: string | null | undefined): Day | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) {
    const t = Date.parse(iso);
    if (Number.isNaN(t)) return null;
    const dt = new Date(t);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function toUtc(day: Day): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d));
}

function fromUtc(dt: Date): Day {
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  const dt = toUtc(day);
  dt.setUTCDate(dt.getUTCDate() + n);
  return fromUtc(dt);
}

export function addMonths(day: Day, n: number): Day {
  const total = day.y * 12 + (day.m - 1) + n;
  return { y: Math.floor(total / 12), m: (total % 12) + 1, d: 1 };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function weekday(day: Day): number {
  const w = toUtc(day).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week: { year, week }. */
export function isoWeek(day: Day): { year: number; week: number } {
  const dt = toUtc(day);
  const wd = weekday(day);
  dt.setUTCDate(dt.getUTCDate() + 4 - wd); // Thursday of this week
  const year = dt.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((dt.getTime() - jan1) / 86400000 / 7) + 1;
  return { year, week };
}

export const fmtDay = (day: Day) => `${p4(day.y)}-${p2(day.m)}-${p2(day.d)}`;
export const fmtMonth = (y: number, m: number) => `${p4(y)}-${p2(m)}`;
export const fmtYear = (y: number) => p4(y);
export function fmtWeek(day: Day): string {
  const w = isoWeek(day);
  return `${p4(w.year)}-W${p2(w.week)}`;
}
export const quarterOf = (day: Day) => Math.floor((day.m - 1) / 3) + 1;
export { p2 };
