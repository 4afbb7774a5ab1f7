import type { Candidate } from '../detectors/index.js';
import { actsRefiner } from './acts.js';
import { measuresRefiner } from './measures.js';
import { participantsRefiner } from './participants.js';
import { scopeRefiner } from './scope.js';
import { titlesRefiner } from './titles.js';
import type { RefineInput, Refiner } from './types.js';

export type { RefineInput, Refiner } from './types.js';

/** The refiners, in order: each reads what the previous ones kept. */
export const REFINERS: readonly Refiner[] = [scopeRefiner, measuresRefiner, participantsRefiner, actsRefiner, titlesRefiner];

/** The refiners that read figures: what is counted and over which period (also applied to the figures table's conflicts). */
export const FIGURE_REFINERS: readonly Refiner[] = [scopeRefiner, measuresRefiner];

/** The candidates the refiners keep (debug: PARALLAX_DEBUG_REFINE=1 prints what each drops to stderr). */
export function refineCandidates(candidates: readonly Candidate[], input: RefineInput, refiners: readonly Refiner[] = REFINERS): Candidate[] {
  let out = [...candidates];
  for (const r of refiners) {
    const kept = r.refine(out, input);
    if (process.env.PARALLAX_DEBUG_REFINE) for (const c of out) if (!kept.includes(c)) process.stderr.write(`refine ${r.name} drops: ${c.summary}\n${c.sides.map((x) => `    | ${x.article.text.slice(x.context.start, x.context.end)}\n`).join('')}`);
    out = kept;
  }
  return out;
}
