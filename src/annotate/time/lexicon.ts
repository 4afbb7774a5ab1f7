import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';

/** Word lists of the time stage (data/lexicons/time.json). */
export interface TimeLexicon {
  months: Map<string, number>;
  weekdays: Map<string, number>;
  /** Unit word -> TIMEX3 unit code: 'D', 'W', 'MO', 'Y', 'Q', 'H', 'M', 'S', 'DE', 'CE', 'WE', 'HALF'. */
  units: Map<string, string>;
  seasons: Map<string, string>;
  partsOfDay: Map<string, string>;
  ordinals: Map<string, number>;
  references: Map<string, string>;
  sets: Map<string, string>;
  /** Days of a fixed date named by the feast ("new year's eve" -> "12-31"). */
  namedDays: Map<string, string>;
}

export function parseTimeLexicon(raw: Record<string, Record<string, string | number>>): TimeLexicon {
  const m = <T>(k: string) => new Map(Object.entries(raw[k] ?? {}) as [string, T][]);
  return {
    months: m<number>('months'),
    weekdays: m<number>('weekdays'),
    units: m<string>('units'),
    seasons: m<string>('seasons'),
    partsOfDay: m<string>('partsOfDay'),
    ordinals: m<number>('ordinals'),
    references: m<string>('references'),
    sets: m<string>('sets'),
    namedDays: m<string>('namedDays'),
  };
}

export function loadTimeLexicon(dir: string = join(repoRoot(), 'data', 'lexicons')): TimeLexicon {
  return parseTimeLexicon(JSON.parse(readFileSync(join(dir, 'time.json'), 'utf8')) as Record<string, Record<string, string | number>>);
}
