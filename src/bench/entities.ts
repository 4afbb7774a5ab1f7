import { cleanArticle } from '../clean/clean.js';
import { benchCorpus } from './corpus.js';
import type { BenchSection } from './section.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { silentContext } from '../pipeline/stage.js';
import { sentenceStage } from '../annotate/sentences.js';
import { tokenStage } from '../annotate/tokens.js';
import { articleView } from '../annotate/entities/doc-view.js';
import { createEntityStage } from '../annotate/entities/entity-stage.js';
import { loadResources } from '../resources.js';
import { repoRoot } from '../shared-paths.js';
import { sentenceRanges } from '../annotate/entities/tagger-proposer.js';
import { loadDefaultTagger } from '../annotate/entities/tagger/load.js';

function best(runs: number, fn: () => number): { ms: number; result: number } {
  let ms = Infinity;
  let result = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

/** Entity stage throughput (tagger alone, and tagger + rules + resolution) against compromise. */
export const entitiesBench: BenchSection = {
  name: 'entities',
  description: 'entity tagging and resolution throughput, against compromise people/places/organizations',
  async run({ quick, progress }) {
    const pre = createPipeline([tokenStage, sentenceStage]);
    const corpus = benchCorpus({ quick }).map((a) => {
      const c = cleanArticle(a);
      return pre.run({ ...c, layers: {} });
    });
    const tokens = corpus.reduce((s, a) => s + (a.layers.tokens?.length ?? 0), 0);
    const runs = quick ? 2 : 5;
    progress(`${corpus.length} articles, ${tokens} tokens`);
    const resources = loadResources();
    const tagger = loadDefaultTagger(resources.gazetteer, repoRoot());
    const views = corpus.map((a) => articleView(a));
    const sentences = views.map((v) => sentenceRanges(v));
    const stage = createEntityStage({ gazetteer: () => resources.gazetteer, proposer: () => resources.entityProposer });
    stage.annotate(corpus[0]!); // loads gazetteers and model
    const perSecond = (ms: number) => Math.round((tokens / ms) * 1000);
    const taggerRun = tagger
      ? best(runs, () => {
          let n = 0;
          views.forEach((v, i) => (n += tagger.tagDocument(v.words, sentences[i]!).length));
          return n;
        })
      : null;
    const stageRun = best(runs, () => {
      let n = 0;
      for (const a of corpus) n += stage.run(a, silentContext).entities?.length ?? 0;
      return n;
    });
    progress('compromise');
    const nlp = (await import('compromise')).default;
    const texts = corpus.map((a) => a.text);
    const peer = best(quick ? 1 : 3, () => {
      let found = 0;
      for (const t of texts) {
        const doc = nlp(t);
        found += doc.people().length + doc.places().length + doc.organizations().length;
      }
      return found;
    });
    const stageTps = perSecond(stageRun.ms);
    return {
      stages: { entities: { tokensPerSecond: stageTps, ms: Math.round(stageRun.ms) } },
      peers: { compromiseEntities: { tokensPerSecond: perSecond(peer.ms), ms: Math.round(peer.ms), found: peer.result } },
      entities: {
        articles: corpus.length,
        tokens,
        mentions: stageRun.result,
        taggerTokensPerSecond: taggerRun ? perSecond(taggerRun.ms) : null,
        stageTokensPerSecond: stageTps,
        ratioToCompromise: Math.round((peer.ms / stageRun.ms) * 100) / 100,
        taggerRatioToCompromise: taggerRun ? Math.round((peer.ms / taggerRun.ms) * 100) / 100 : null,
        model: tagger ? 'models/ner-tagger.bin.gz' : 'none (rules only)',
      },
    };
  },
};
