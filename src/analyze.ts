import type { Article, LayerName } from './model/document.js';
import { cleanArticle } from './clean/clean.js';
import { createPipeline, type Pipeline } from './pipeline/pipeline.js';
import type { Stage, StageContext } from './pipeline/stage.js';
import { tokenStage } from './annotate/tokens.js';
import { sentenceStage } from './annotate/sentences.js';
import { createEntityStage } from './annotate/entities/index.js';
import { createClaimStage } from './annotate/claims.js';
import { createToneStage } from './annotate/tone.js';
import { createQuoteStage } from './annotate/quotes/index.js';
import { createTimeStage } from './annotate/time/index.js';
import { createQuantityStage } from './annotate/quantities/index.js';
import { russianStages, undeterminedStages } from './annotate/ru/stages.js';
import { detectLanguage } from './lang/detect.js';
import { sharedResources, type Resources } from './resources.js';
import { ParallaxError } from './model/errors.js';

/** The annotation stages in order, built on the given resources. Each declares what it requires and provides; createPipeline checks. */
export function defaultStages(resources: Resources = sharedResources()): Stage[] {
  // Claims and tone read the earlier layers (declared: createPipeline checks the order, tests every read): keep them last.
  return [
    tokenStage,
    sentenceStage,
    createEntityStage({ gazetteer: () => resources.gazetteer, proposer: () => resources.entityProposer }),
    createQuoteStage(resources.quotes),
    createTimeStage({ lexicon: resources.time, numbers: resources.quantities, tense: resources.tense }),
    createQuantityStage({ lexicon: resources.quantities, months: resources.monthNames }),
    createToneStage(resources.lexicon),
    createClaimStage(resources.lexicon),
  ];
}

/** Stages per language other than English (detected per article; src/lang/detect.ts). */
export function languageStages(): Record<'ru' | 'und', () => Stage[]> {
  return { ru: russianStages, und: undeterminedStages };
}

export interface AnalyzerOptions {
  /** Loaded once by the caller (loadResources()); the process's shared copy when absent. */
  resources?: Resources;
  /** The English stages; defaultStages(resources) when absent. */
  stages?: Stage[];
}

export interface Analyzer {
  pipeline: Pipeline;
  /** Cleans the article, detects its language and runs that language's stages. */
  analyze(article: Article, ctx?: StageContext): Article;
  /**
   * The same stages up to the one that provides `layer`, for harnesses: `run` annotates an article as it
   * is (not cleaned, so a data set's offsets hold), with exactly the stages that ship.
   */
  until(layer: LayerName): { pipeline: Pipeline; run(article: Article, ctx?: StageContext): Article };
  /** The shipped English stage of that name, for harnesses that run one stage on layers they made. */
  stage(name: string): Stage;
}

export function createAnalyzer(options: Stage[] | AnalyzerOptions = {}): Analyzer {
  const given = Array.isArray(options) ? { stages: options } : options;
  const stages = given.stages ?? defaultStages(given.resources ?? sharedResources());
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
    until(layer) {
      const last = stages.findIndex((s) => s.provides.includes(layer));
      if (last < 0) throw new ParallaxError('E_PIPELINE', `no stage provides layer "${layer}"`);
      const part = createPipeline(stages.slice(0, last + 1));
      return { pipeline: part, run: (article, ctx) => part.run(article, ctx) };
    },
    stage(name) {
      const found = stages.find((s) => s.name === name);
      if (!found) throw new ParallaxError('E_PIPELINE', `no stage named "${name}"`);
      return found;
    },
  };
}
