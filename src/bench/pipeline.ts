import { createAnalyzer } from '../analyze.js';
import { cleanArticle } from '../clean/clean.js';
import { tokenize } from '../annotate/tokens.js';
import type { BenchSection } from './section.js';
import { benchCorpus } from './corpus.js';

function best<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

/** Throughput of the whole analysis and of each stage, with peer libraries on the same texts. */
export const pipelineBench: BenchSection = {
  name: 'pipeline',
  description: 'analysis throughput per stage and in total, against compromise and wink-nlp',
  async run({ quick, progress }) {
    const corpus = benchCorpus({ quick });
    const texts = corpus.map((a) => a.original);
    const tokens = texts.reduce((s, t) => s + tokenize(t).length, 0);
    const runs = quick ? 1 : 3;
    progress(`${corpus.length} articles, ${tokens} tokens`);
    // Warm up (lexicons and models load once).
    createAnalyzer().analyze(structuredClone(corpus[0]!));
    let stageMs = new Map<string, number>();
    let cleanMs = Infinity;
    const whole = best(runs, () => {
      const analyzer = createAnalyzer();
      let clean = 0;
      for (const a of corpus) {
        const t0 = performance.now();
        const cleaned = cleanArticle(a);
        clean += performance.now() - t0;
        analyzer.pipeline.run({ ...cleaned, layers: {} });
      }
      if (clean < cleanMs) cleanMs = clean;
      const total = [...analyzer.pipeline.timings.values()].reduce((s, v) => s + v, 0);
      if (stageMs.size === 0 || total < [...stageMs.values()].reduce((s, v) => s + v, 0)) stageMs = new Map(analyzer.pipeline.timings);
      return null;
    });
    const perSecond = (ms: number) => Math.round((tokens / ms) * 1000);
    const stages: Record<string, { tokensPerSecond: number; ms: number }> = { clean: { tokensPerSecond: perSecond(cleanMs), ms: Math.round(cleanMs) } };
    for (const [name, ms] of stageMs) stages[name] = { tokensPerSecond: perSecond(ms), ms: Math.round(ms) };
    progress('peers');
    const peers: Record<string, { tokensPerSecond: number; ms: number; found?: number }> = {};
    const nlp = (await import('compromise')).default;
    const compromise = best(runs, () => {
      let found = 0;
      for (const t of texts) {
        const doc = nlp(t);
        found += doc.people().length + doc.places().length + doc.organizations().length;
      }
      return found;
    });
    peers.compromise = { tokensPerSecond: perSecond(compromise.ms), ms: Math.round(compromise.ms), found: compromise.result };
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const wink = winkNLP(model);
    const winkRun = best(runs, () => {
      let found = 0;
      for (const t of texts) found += wink.readDoc(t).entities().length();
      return found;
    });
    peers.winkNlp = { tokensPerSecond: perSecond(winkRun.ms), ms: Math.round(winkRun.ms), found: winkRun.result };
    return {
      pipeline: {
        tokensPerSecond: perSecond(whole.ms),
        articlesPerSecond: Math.round((corpus.length / whole.ms) * 1000 * 10) / 10,
        articles: corpus.length,
        tokens,
        ms: Math.round(whole.ms),
        ratioToCompromise: Math.round((compromise.ms / whole.ms) * 100) / 100,
        ratioToWinkNlp: Math.round((winkRun.ms / whole.ms) * 100) / 100,
      },
      stages,
      peers,
    };
  },
};
