import { benchSections } from '../../bench/index.js';
import { ParallaxError } from '../../model/errors.js';
import { EXIT, type Command } from '../command.js';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure throughput on a fixed corpus, with peer libraries in the same run.',
  usage: 'bench [--json] [--only NAME] [--quick] [--articles N]',
  options: {
    json: { type: 'boolean', description: 'print one JSON object' },
    only: { type: 'string', valueName: 'NAME', description: 'run one section' },
    quick: { type: 'boolean', description: 'smaller corpora (a smoke run)' },
    articles: { type: 'string', valueName: 'N', description: 'stored articles for the load section (default 2000)' },
  },
  async run({ values }, io) {
    const articles = values.articles === undefined ? undefined : Number(values.articles);
    if (articles !== undefined && !(Number.isInteger(articles) && articles > 0)) throw new ParallaxError('E_USAGE', '--articles must be a positive whole number');
    const names = typeof values.only === 'string' ? values.only.split(',') : Object.keys(benchSections);
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const load = benchSections[name];
      if (!load) throw new ParallaxError('E_USAGE', `unknown bench section "${name}"; sections: ${Object.keys(benchSections).join(', ')}`);
      const section = await load();
      const progress = (m: string) => {
        if (io.stderr.isTTY || !values.json) io.stderr.write(`[bench ${name}] ${m}\n`);
      };
      // One level deep, so that sections adding to `stages` (pipeline, annotators) do not replace each other.
      for (const [k, v] of Object.entries(await section.run({ quick: Boolean(values.quick), progress, ...(articles ? { articles } : {}) }))) {
        const prev = out[k];
        out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' && !Array.isArray(v) ? { ...prev, ...v } : v;
      }
    }
    if (values.json) io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else io.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return EXIT.ok;
  },
};
