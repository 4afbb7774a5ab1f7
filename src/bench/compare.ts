import { createAnalyzer } from '../analyze.js';
import { compareArticles } from '../compare/index.js';
import { articleFromContent } from '../ingest/read-inputs.js';
import type { Article } from '../model/document.js';
import type { BenchSection } from './section.js';
import { benchCorpus } from './corpus.js';
import { growthExponent } from './growth.js';

interface SizeFigures {
  articles: number;
  ms: number;
  cpuMs: number;
  findings: number;
}

/** Best of `runs` comparisons of one story: wall and process CPU time (all threads; on a shared machine wall time measures the load). */
function timeStory(story: Article[], runs: number): SizeFigures {
  let ms = Infinity;
  let cpuMs = Infinity;
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    findings = compareArticles(story).findings.length;
    ms = Math.min(ms, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
  }
  return { articles: story.length, ms: Math.round(ms * 10) / 10, cpuMs: Math.round(cpuMs * 10) / 10, findings };
}

/** The growth exponent of one of the times, to two decimals. */
const exponentOf = (points: readonly SizeFigures[], time: (p: SizeFigures) => number): number =>
  Math.round(growthExponent(points.map((p) => ({ articles: p.articles, seconds: time(p) }))) * 100) / 100;

const LONG_SENTENCE =
  'The mayor of Springfield said on Tuesday that 1,200 residents were evacuated after the river flooded, Officials expect the water to recede by Friday, ';

/**
 * Comparison speed (analysis excluded): stories of 2 to 50 articles taken from the fixed corpus, each timed as
 * the best of three runs, with the growth exponent fitted between the sizes. The sizes are run twice: the first
 * pass (`firstPass`, the figures this bench gave before) times code V8 is still compiling (its first runs of
 * each size), the second times compiled code, as a server comparing story after story runs it. Then one long
 * article (250 KB and 1 MB) against a short one: the time and the JSON must grow linearly with the input.
 */
export const compareBench: BenchSection = {
  name: 'compare',
  description: 'story comparison time for 2, 10, 25 and 50 articles (analysis excluded), and a 250 KB / 1 MB article against a short one',
  async run({ quick, progress }) {
    const analyzer = createAnalyzer();
    const sizes = quick ? [2, 10] : [2, 10, 25, 50];
    const runs = quick ? 1 : 3;
    const corpus = benchCorpus({ quick: false }).slice(0, Math.max(...sizes)).map((a) => analyzer.analyze(a));
    const pass = (label: string) => {
      const figures = sizes.map((n) => {
        const f = timeStory(corpus.slice(0, n), runs);
        progress(`${label}${n} articles: ${f.ms.toFixed(1)} ms (CPU ${f.cpuMs.toFixed(1)} ms)`);
        return f;
      });
      return {
        ...Object.fromEntries(figures.map((f) => [`articles${f.articles}`, f])),
        growthExponent: exponentOf(figures, (p) => p.ms),
        cpuGrowthExponent: exponentOf(figures, (p) => p.cpuMs),
      };
    };
    const firstPass = pass('first pass, ');
    const compiled = pass('');
    if (quick) return { compare: { ...compiled, firstPass } };
    const short = analyzer.analyze(
      articleFromContent({ text: 'The mayor of Springfield said on Wednesday that 1,500 residents were evacuated after the river flooded.' }, { source: 'short.txt', outlet: 'Short' }),
    );
    const long: Record<string, { inputChars: number; ms: number; cpuMs: number; jsonBytes: number }> = {};
    for (const chars of [250_000, 1_000_000]) {
      const text = LONG_SENTENCE.repeat(Math.ceil(chars / LONG_SENTENCE.length)).slice(0, chars);
      const article = analyzer.analyze(articleFromContent({ text }, { source: 'long.txt', outlet: 'Long' }));
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const comparison = compareArticles([article, short]);
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const jsonBytes = JSON.stringify(comparison).length;
      long[`chars${chars}`] = { inputChars: chars, ms: Math.round(ms), cpuMs: Math.round((c.user + c.system) / 1000), jsonBytes };
      progress(`a ${chars / 1000} KB article against a short one: ${Math.round(ms)} ms, ${jsonBytes} bytes of JSON`);
    }
    const [quarter, whole] = [long.chars250000!, long.chars1000000!];
    return {
      compare: {
        ...compiled,
        firstPass,
        // Four times the input: about four times the CPU time and the JSON when both grow linearly.
        longArticle: { ...long, cpuRatio: Math.round((whole.cpuMs / quarter.cpuMs) * 100) / 100, jsonRatio: Math.round((whole.jsonBytes / quarter.jsonBytes) * 100) / 100 },
      },
    };
  },
};
