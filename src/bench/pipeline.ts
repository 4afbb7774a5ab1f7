import { loadavg } from 'node:os';
import { createAnalyzer, defaultStages } from '../analyze.js';
import { cleanArticle } from '../clean/clean.js';
import { tokenize } from '../annotate/tokens.js';
import { threadCpuMs } from '../ingest/thread-cpu.js';
import type { Stage } from '../pipeline/stage.js';
import type { BenchSection } from './section.js';
import { benchCorpus } from './corpus.js';

/** Wall and CPU time of one call (CPU: this thread's, NaN where the system does not say). */
function timed<T>(fn: () => T): { wall: number; cpu: number; result: T } {
  const c0 = threadCpuMs();
  const t0 = performance.now();
  const result = fn();
  const wall = performance.now() - t0;
  const c1 = threadCpuMs();
  return { wall, cpu: c0 === null || c1 === null ? NaN : c1 - c0, result };
}

/** The fastest of several runs, by wall time and by CPU time apart (a loaded machine inflates the wall figure). */
class Best {
  wall = Infinity;
  cpu = Infinity;
  add(t: { wall: number; cpu: number }): void {
    this.wall = Math.min(this.wall, t.wall);
    if (!Number.isNaN(t.cpu)) this.cpu = Math.min(this.cpu, t.cpu);
  }
  get cpuKnown(): boolean {
    return Number.isFinite(this.cpu);
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Throughput of the whole analysis and of each stage, with peer libraries on the same texts. Each round
 * runs ours and then each peer, so that a change in the machine's load falls on all of them; the ratios
 * are given by wall time and, on a shared machine the meaningful ones, by CPU time of this thread.
 */
export const pipelineBench: BenchSection = {
  name: 'pipeline',
  description: 'analysis throughput per stage and in total, against compromise and wink-nlp (wall and CPU time)',
  async run({ quick, progress }) {
    const corpus = benchCorpus({ quick });
    const texts = corpus.map((a) => a.original);
    const tokens = texts.reduce((s, t) => s + tokenize(t).length, 0);
    const rounds = quick ? 1 : 5;
    progress(`${corpus.length} articles, ${tokens} tokens`);
    // Each stage timed by wall and CPU; the analyzer (and its loaded resources) is built once, as ingest does.
    const stageBest = new Map<string, Best>();
    const spent = new Map<string, { wall: number; cpu: number }>();
    const stages = defaultStages().map(
      (s): Stage => ({
        ...s,
        run(article, ctx) {
          const t = timed(() => s.run(article, ctx));
          const sum = spent.get(s.name) ?? { wall: 0, cpu: 0 };
          spent.set(s.name, { wall: sum.wall + t.wall, cpu: sum.cpu + t.cpu });
          return t.result;
        },
      }),
    );
    const analyzer = createAnalyzer({ stages });
    // Warm up (lexicons and models load once).
    analyzer.analyze(structuredClone(corpus[0]!));
    const nlp = (await import('compromise')).default;
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const wink = winkNLP(model);
    const whole = new Best();
    const compromise = new Best();
    const winkNlp = new Best();
    let compromiseFound = 0;
    let winkFound = 0;
    for (let r = 0; r < rounds; r++) {
      progress(`round ${r + 1} of ${rounds}`);
      spent.clear();
      let clean = { wall: 0, cpu: 0 };
      whole.add(
        timed(() => {
          for (const a of corpus) {
            const c = timed(() => cleanArticle(a));
            clean = { wall: clean.wall + c.wall, cpu: clean.cpu + c.cpu };
            analyzer.pipeline.run({ ...c.result, layers: {} });
          }
        }),
      );
      spent.set('clean', clean);
      for (const [name, t] of spent) {
        if (!stageBest.has(name)) stageBest.set(name, new Best());
        stageBest.get(name)!.add(t);
      }
      compromise.add(
        timed(() => {
          let found = 0;
          for (const t of texts) {
            const doc = nlp(t);
            found += doc.people().length + doc.places().length + doc.organizations().length;
          }
          compromiseFound = found;
        }),
      );
      winkNlp.add(
        timed(() => {
          let found = 0;
          for (const t of texts) found += wink.readDoc(t).entities().length();
          winkFound = found;
        }),
      );
    }
    const perSecond = (ms: number) => Math.round((tokens / ms) * 1000);
    const cpuFigures = (b: Best) => (b.cpuKnown ? { cpuMs: Math.round(b.cpu), tokensPerCpuSecond: perSecond(b.cpu) } : {});
    const figures = (b: Best) => ({ tokensPerSecond: perSecond(b.wall), ms: Math.round(b.wall), ...cpuFigures(b) });
    const stagesOut: Record<string, ReturnType<typeof figures>> = {};
    for (const name of ['clean', ...stages.map((s) => s.name)]) {
      const b = stageBest.get(name);
      if (b) stagesOut[name] = figures(b);
    }
    const byCpu = whole.cpuKnown && winkNlp.cpuKnown && compromise.cpuKnown;
    return {
      pipeline: {
        ...figures(whole),
        articlesPerSecond: Math.round((corpus.length / whole.wall) * 1000 * 10) / 10,
        articles: corpus.length,
        tokens,
        rounds,
        ratioToCompromise: round2(compromise.wall / whole.wall),
        ratioToWinkNlp: round2(winkNlp.wall / whole.wall),
        ...(byCpu ? { ratioToCompromiseByCpu: round2(compromise.cpu / whole.cpu), ratioToWinkNlpByCpu: round2(winkNlp.cpu / whole.cpu) } : {}),
        loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
      },
      stages: stagesOut,
      peers: {
        compromise: { ...figures(compromise), found: compromiseFound },
        winkNlp: { ...figures(winkNlp), found: winkFound },
      },
    };
  },
};
