import type { Article, LayerName, Layers } from '../model/document.js';

export interface StageContext {
  /** Lazy tracing: the message is built only when tracing is on. */
  debug(message: () => string): void;
}

/**
 * A stage reads layers and returns new layers; it never rewrites text or another layer.
 * `requires` and `provides` are checked when a pipeline is built; under `node --test` (or with
 * PARALLAX_CHECK_READS=1) every read of a layer a stage does not declare in `requires` or `reads` fails.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  /** Layers read when an earlier stage provides them (claims use entities and quotes when present). */
  readonly reads?: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(article: Article, ctx: StageContext): Partial<Layers>;
}

export const silentContext: StageContext = { debug: () => {} };

export function tracingContext(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): StageContext {
  return { debug: (message) => write(message()) };
}
