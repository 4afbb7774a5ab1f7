import { resolve } from 'node:path';
import { readInputs } from '../../ingest/read-inputs.js';
import { createAnalyzer } from '../../analyze.js';
import { ParallaxError } from '../../model/errors.js';
import { EXIT, type Command } from '../command.js';

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Compare reports of one event: agreements, conflicts, exclusives, with evidence.',
  usage: 'compare FILES... [--sources MANIFEST] [--json|--markdown|--html FILE]',
  positionals: true,
  options: {
    sources: { type: 'string', valueName: 'MANIFEST', description: 'a sources.json manifest (file, outlet, published, url)' },
    json: { type: 'boolean', description: 'print the comparison as JSON (docs/json-schema.md)' },
    'keep-going': { type: 'boolean', description: 'read the other files when one cannot be read' },
  },
  async run({ values, positionals }, io) {
    const paths = positionals.map((p) => resolve(io.cwd, p));
    const manifest = typeof values.sources === 'string' ? resolve(io.cwd, values.sources) : undefined;
    if (paths.length === 0 && !manifest) throw new ParallaxError('E_USAGE', 'give two or more files, a directory, or --sources MANIFEST');
    const { articles, failures } = readInputs({ paths, ...(manifest ? { manifest } : {}), keepGoing: Boolean(values['keep-going']) });
    for (const f of failures) io.stderr.write(`parallax compare: ${f.message}\n`);
    const analyzer = createAnalyzer();
    for (const a of articles) analyzer.analyze(a);
    io.stdout.write(JSON.stringify(articles.map((a) => ({ id: a.id, outlet: a.outlet, sentences: a.layers.sentences?.length })), null, 2) + '\n');
    return failures.length ? EXIT.partial : EXIT.ok;
  },
};
