// V8's optimiser, tuned for analysis (in the analysis threads, or in the calling thread without a pool).
// Each analysis thread is a V8 isolate that optimises the analysis code on its own, and the analysis code
// is large: over its first few thousand articles an isolate spent about as much CPU compiling (TurboFan, in
// V8's helper threads) as analysing, mostly re-optimising big functions after their type feedback changed.
// A larger interrupt budget lets a function run longer before it is optimised, with more settled feedback,
// so fewer compilations are thrown away.
// V8 flags belong to the whole process (a worker's execArgv may not carry them): the main thread's code is
// optimised later too, which costs little in a process that runs for minutes.
import { setFlagsFromString } from 'node:v8';

/** Bytecode units a function runs before V8 considers optimising it (V8 11's default: 66 KB). */
export const ANALYSIS_INTERRUPT_BUDGET = 8 * 67_584;

let tuned = false;

/** Sets the flags once per process; later calls do nothing. */
export function tuneOptimiserForAnalysis(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--interrupt-budget=${ANALYSIS_INTERRUPT_BUDGET}`);
}
