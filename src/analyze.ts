import type { Article } from './model/document.js';
import { cleanArticle } from './clean/clean.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import type { Stage, StageContext } from './pipeline/stage.js';
import { tokenStage } from './annotate/tokens.js';
import { sentenceStage } from './annotate/sentences.js';

/** The annotation stages in order. Each declares what it requires and provides; createPipeline checks. */
export function defaultStages(): Stage[] {
  return [tokenStage, sentenceStage];
}

export function createAnalyzer(stages: Stage[] = defaultStages()): { pipeline: Pipeline; analyze(article: Article, ctx?: StageContext): Article } {
  const pipeline = createPipeline(stages);
  return {
    pipeline,
    analyze(article, ctx) {
      return pipeline.run(cleanArticle(article), ctx);
    },
  };
}
