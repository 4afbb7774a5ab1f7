import type { Article } from './model/document.js';
import { cleanArticle } from './clean/clean.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import type { Stage, StageContext } from './pipeline/stage.js';
import { tokenStage } from './annotate/tokens.js';
import { sentenceStage } from './annotate/sentences.js';
import { entityStage } from './annotate/entities/index.js';
import { claimStage } from './annotate/claims.js';
import { toneStage } from './annotate/tone.js';
import { quoteStage } from './annotate/quotes/index.js';
import { timeStage } from './annotate/time/index.js';
import { quantityStage } from './annotate/quantities/index.js';

/** The annotation stages in order. Each declares what it requires and provides; createPipeline checks. */
export function defaultStages(): Stage[] {
  // Claims and tone read every earlier layer (entities, quotes, times, quantities when present): keep them last.
  return [tokenStage, sentenceStage, entityStage, quoteStage, timeStage, quantityStage, toneStage, claimStage];
}

export function createAnalyzer(stages: Stage[] = defaultStages()): { pipeline: Pipeline; analyze(article: Article, ctx?: StageContext): Article } {
  const pipeline = createPipeline(stages);
  return {
    pipeline,
    analyze(article, ctx) {
      // The input is left as it was: the analysed article is a new object with its own layers.
      const cleaned = cleanArticle(article);
      return pipeline.run({ ...cleaned, layers: { ...cleaned.layers } }, ctx);
    },
  };
}
