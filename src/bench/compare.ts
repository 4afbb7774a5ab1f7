import { createAnalyzer } from '../analyze.js';
import { compareArticles } from '../compare/index.js';
import type { BenchSection } from './section.js';
import { benchCorpus } from './corpus.js';

/**
 * Comparison speed (analysis excluded): stories of 2 to 50 articles taken from the fixed corpus, timed as the
 * best of a few runs, with the growth exponent fitted between the sizes.
 */
export const compareBench: BenchSection = {
  name: 'compare',
  description: 'story comparison time for 2, 10, 25 and 50 articles (analysis excluded)',
  async run({ quick, progress }) {
    const analyzer = createAnalyzer();
    const sizes = quick ? [2, 10] : [2, 10, 25, 50];
    const corpus = benchCorpus({ quick: false }).slice(0, Math.max(...sizes)).map((a) => analyzer.analyze(a));
    const out: Record<string, { articles: number; ms: number; cpuMs: number; findings: number }> = {};
    const points: { n: number; ms: number; cpuMs: number }[] = [];
    for (const n of sizes) {
      const story = corpus.slice(0, n);
      let ms = Infinity;
      // CPU time of the process (all its threads) in the same runs: on a shared machine wall time measures the load.
      let cpuMs = Infinity;
      let findings = 0;
      for (let r = 0; r < (quick ? 1 : 3); r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        findings = compareArticles(story).findings.length;
        ms = Math.min(ms, performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
      }
      progress(`${n} articles: ${ms.toFixed(1)} ms (CPU ${cpuMs.toFixed(1)} ms)`);
      out[`articles${n}`] = { articles: n, ms: Math.round(ms * 10) / 10, cpuMs: Math.round(cpuMs * 10) / 10, findings };
      points.push({ n, ms, cpuMs });
    }
    // Least-squares slope of log(time) on log(articles).
    const slope = (time: (p: (typeof points)[number]) => number) => {
      const xs = points.map((p) => Math.log(p.n));
      const ys = points.map((p) => Math.log(time(p)));
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, y) => s + y, 0) / ys.length;
      return Math.round((xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0)) * 100) / 100;
    };
    return { compare: { ...out, growthExponent: slope((p) => p.ms), cpuGrowthExponent: slope((p) => p.cpuMs) } };
  },
};
