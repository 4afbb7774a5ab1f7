import type { Article, LayerName, Layers } from '../model/document.js';
import { ParallaxError } from '../model/errors.js';
import { silentContext, type Stage, type StageContext } from './stage.js';

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage in order, appending layers to the article (returned for chaining). */
  run(article: Article, ctx?: StageContext): Article;
  /** Per-stage time of the last runs, for the benchmark. */
  readonly timings: Map<string, number>;
}

/** Whether stages see only the layers they declare: on in tests (node --test sets NODE_TEST_CONTEXT). */
function checkReadsByDefault(): boolean {
  return process.env.PARALLAX_CHECK_READS === '1' || (process.env.NODE_TEST_CONTEXT !== undefined && process.env.PARALLAX_CHECK_READS !== '0');
}

/** The article as one stage sees it: reading a layer it does not declare throws. */
function declaredView(article: Article, stage: Stage): Article {
  const allowed = new Set<string>([...stage.requires, ...(stage.reads ?? [])]);
  const layers = new Proxy(article.layers, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !allowed.has(key)) {
        throw new ParallaxError('E_PIPELINE', `stage "${stage.name}" read layer "${key}", which it does not declare (requires or reads)`);
      }
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...article, layers };
}

/** Builds a pipeline and checks that each stage's inputs are provided by an earlier stage. */
export function createPipeline(stages: readonly Stage[], options: { checkReads?: boolean } = {}): Pipeline {
  const checkReads = options.checkReads ?? checkReadsByDefault();
  const available = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!available.has(need)) {
        throw new ParallaxError('E_PIPELINE', `stage "${stage.name}" requires layer "${need}", which no earlier stage provides`);
      }
    }
    for (const p of stage.provides) available.add(p);
  }
  const timings = new Map<string, number>();
  return {
    stages,
    timings,
    run(article, ctx = silentContext) {
      for (const stage of stages) {
        const t0 = performance.now();
        const added = stage.run(checkReads ? declaredView(article, stage) : article, ctx);
        for (const key of Object.keys(added) as LayerName[]) {
          if (article.layers[key] !== undefined) {
            throw new ParallaxError('E_PIPELINE', `stage "${stage.name}" tried to rewrite layer "${key}"`);
          }
          if (!stage.provides.includes(key)) {
            throw new ParallaxError('E_PIPELINE', `stage "${stage.name}" returned undeclared layer "${key}"`);
          }
          (article.layers as Record<string, unknown>)[key] = (added as Layers)[key];
        }
        timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
      }
      return article;
    },
  };
}
