// What the figure facts read differently in Russian: a figure that is planned, expected or needed rather than counted
// ("в 11 магазинах будут представлены", "ожидается более 25 см осадков", "14,5 очков, необходимые для победы"). Russian
// puts the verb after the figure as often as before it, so the whole clause is read, not the words before alone.
// Cue words are data (data/ru/claims.json, `status.planned` and `status.figurePlanned`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../model/document.js';
import { foldRu } from '../../annotate/ru/normalize.js';
import { repoRoot } from '../../shared-paths.js';

let cues: { words: ReadonlySet<string>; beginnings: readonly string[] } | null = null;
function planCues() {
  if (cues) return cues;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'ru', 'claims.json'), 'utf8')) as { status: { planned: string[]; figurePlanned: string[] } };
  cues = { words: new Set(raw.status.planned.map(foldRu)), beginnings: raw.status.figurePlanned.map(foldRu) };
  return cues;
}

/** A comma that opens another clause ("..., и в случае успеха", "..., когда", "..., который"). */
const CLAUSE_BREAK = /,\s+(?:и|а|но|или|что|чтобы|где|когда|если|хотя|тогда|котор\p{L}*)\s/iu;
const WORD = /\p{L}+/gu;

/** Whether a Russian figure is a plan, forecast, expectation or need: a cue word in its clause (eight words before, six after). */
export function ruPlannedFigure(text: string, value: Span): boolean {
  const { words, beginnings } = planCues();
  let before = text.slice(Math.max(0, value.start - 160), value.start).split(/[.;:!?]|,\s/).pop() ?? '';
  let after = text.slice(value.end, value.end + 120).split(/[.;:!?]/)[0] ?? '';
  const cut = after.search(CLAUSE_BREAK);
  if (cut >= 0) after = after.slice(0, cut);
  before = (before.match(WORD) ?? []).slice(-8).join(' ');
  after = (after.match(WORD) ?? []).slice(0, 6).join(' ');
  const cue = (w: string) => {
    const f = foldRu(w);
    return words.has(f) || beginnings.some((b) => f.startsWith(b));
  };
  return [...`${before} ${after}`.matchAll(WORD)].some((m) => cue(m[0]));
}
