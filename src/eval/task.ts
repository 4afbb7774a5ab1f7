/** One evaluation task: reads a file of ../shared/eval, predicts, scores. */
export interface EvalOptions {
  /** Only the first N items (for quick runs; the summary says so). */
  limit?: number;
  /** The gold file, for tasks whose input and gold are separate files (real). */
  gold?: string;
}

export interface EvalResult {
  /** The figures printed with --json (f1, precision, recall, ... and baselines). */
  summary: Record<string, unknown>;
  /** What the system predicted, in the task's prediction format (FORMATS.md): JSON Lines rows or raw text. */
  predictions: unknown[] | string;
}

export interface EvalTask {
  name: string;
  description: string;
  /** Default file, relative to ../shared/eval. */
  defaultFile: string;
  run(file: string, options: EvalOptions): Promise<EvalResult>;
  /** The human-readable summary (without --json), when a plain key/value list is not enough. */
  render?(summary: Record<string, unknown>): string;
}
