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
import { russianStages, undeterminedStages } from './annotate/ru/stages.js';
import { detectLanguage } from './lang/detect.js';

/** The annotation stages in order. Each declares what it requires and provides; createPipeline checks. */
export function defaultStages(): Stage[] {
  // Claims and tone read every earlier layer (entities, quotes, times, quantities when present): keep them last.
  return [tokenStage, sentenceStage, entityStage, quoteStage, timeStage, quantityStage, toneStage, claimStage];
}

/** Stages per language other than English (detected per article; src/lang/detect.ts). */
export function languageStages(): Record<'ru' | 'und', () => Stage[]> {
  return { ru: russianStages, und: undeterminedStages };
}

export function createAnalyzer(stages: Stage[] = defaultStages()): { pipeline: Pipeline; analyze(article: Article, ctx?: StageContext): Article } {
  const pipeline = createPipeline(stages);
  const others = new Map<string, Pipeline>();
  const stagesFor = languageStages();
  return {
    pipeline,
    analyze(article, ctx) {
      // The input is left as it was: the analysed article is a new object with its own layers.
      const cleaned = cleanArticle(article);
      // English takes the given stages as before; another language its own stages.
      const lang = detectLanguage(cleaned.text, cleaned.language).language;
      let p = pipeline;
      if (lang !== 'en') {
        p = others.get(lang) ?? createPipeline(stagesFor[lang]());
        others.set(lang, p);
      }
      return p.run({ ...cleaned, layers: { ...cleaned.layers } }, ctx);
    },
  };
}
