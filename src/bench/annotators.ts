import * as chrono from 'chrono-node';
import { createAnalyzer } from '../analyze.js';
import type { Article } from '../model/document.js';
import { silentContext, type Stage } from '../pipeline/stage.js';
import type { BenchSection } from './section.js';
import { benchCorpus } from './corpus.js';

function best(runs: number, fn: () => void): number {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return ms;
}

/**
 * Throughput of the quote, time and quantity stages on the fixed corpus (the layers they read are made
 * first, outside the timing), with chrono-node and compromise (numbers and quotations) on the same texts.
 */
export const annotatorsBench: BenchSection = {
  name: 'annotators',
  description: 'quotes, time expressions and quantities: tokens per second on one core, chrono-node and compromise alongside',
  async run({ quick, progress }) {
    const corpus = benchCorpus({ quick });
    // Everything up to the entity stage, once: the annotators read tokens, sentences, entities (and quotes).
    const analyzer = createAnalyzer();
    const upstream = analyzer.until('entities').pipeline.stages;
    const [quoteStage, timeStage, quantityStage] = [analyzer.stage('quotes'), analyzer.stage('times'), analyzer.stage('quantities')];
    const prepared: Article[] = corpus.map((a) => {
      const b = { ...a, layers: {} } as Article;
      for (const s of upstream) Object.assign(b.layers, s.run(b, silentContext));
      return b;
    });
    for (const a of prepared) a.layers.quotes = quoteStage.run(a, silentContext).quotes ?? [];
    const tokens = prepared.reduce((n, a) => n + (a.layers.tokens?.length ?? 0), 0);
    const runs = quick ? 2 : 5;
    progress(`${prepared.length} articles, ${tokens} tokens`);
    const timeOf = (stage: Stage) => best(runs, () => {
      for (const a of prepared) stage.run(a, silentContext);
    });
    const quotesMs = timeOf(quoteStage);
    const timesMs = timeOf(timeStage);
    const quantitiesMs = timeOf(quantityStage);
    const perSecond = (ms: number) => Math.round((tokens / ms) * 1000);
    const texts = prepared.map((a) => a.text);
    const chronoMs = best(runs, () => {
      for (const t of texts) chrono.parse(t, new Date(Date.UTC(2025, 0, 1)));
    });
    const nlp = (await import('compromise')).default;
    const compromiseMs = best(quick ? 1 : 2, () => {
      for (const t of texts) {
        const doc = nlp(t);
        doc.numbers().json();
        doc.quotations().json();
      }
    });
    const combined = quotesMs + timesMs + quantitiesMs;
    return {
      stages: {
        quotes: { tokensPerSecond: perSecond(quotesMs), ms: Math.round(quotesMs) },
        times: { tokensPerSecond: perSecond(timesMs), ms: Math.round(timesMs), ratioToChrono: Math.round((chronoMs / timesMs) * 100) / 100 },
        quantities: { tokensPerSecond: perSecond(quantitiesMs), ms: Math.round(quantitiesMs) },
      },
      annotators: {
        combinedTokensPerSecond: perSecond(combined),
        articles: prepared.length,
        tokens,
        peers: {
          chrono: { tokensPerSecond: perSecond(chronoMs), ms: Math.round(chronoMs) },
          compromiseNumbersAndQuotations: { tokensPerSecond: perSecond(compromiseMs), ms: Math.round(compromiseMs) },
        },
      },
    };
  },
};
