import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFile } from '../../ingest/read-inputs.js';
import { createStoryClusterer } from '../../cluster/clusterer.js';
import { ParallaxError } from '../../model/errors.js';
import { EXIT, type Command } from '../command.js';
import { printable } from '../../model/printable.js';

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'Group a stream of articles (JSON Lines) into stories: one {"id","story"} line per article.',
  usage: 'cluster FILE.jsonl [--json] [--out FILE]',
  positionals: true,
  options: {
    json: { type: 'boolean', description: 'print one JSON object: assignments (with wire copies) and story labels' },
    out: { type: 'string', valueName: 'FILE', description: 'write the output to FILE instead of standard output' },
    'keep-going': { type: 'boolean', description: 'skip lines that cannot be read, and report them' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new ParallaxError('E_USAGE', 'give one JSON Lines file of articles ({"id","text","title","outlet","published"} per line)');
    const path = resolve(io.cwd, positionals[0]!);
    const failures: { subject: string; message: string }[] = [];
    const articles = readFile(path, { maxBytes: 1024 * 1024 * 1024 }, failures, Boolean(values['keep-going']));
    for (const f of failures) io.stderr.write(`parallax cluster: ${printable(`${f.subject}: ${f.message}`)}\n`);
    const clusterer = createStoryClusterer();
    for (const a of articles) clusterer.add(a);
    const assignments = clusterer.assignments();
    let body: string;
    if (values.json) {
      body =
        JSON.stringify(
          {
            articles: assignments.length,
            stories: clusterer.stories(),
            assignments: assignments.map((a) => ({ id: a.article, story: a.story, score: Math.round(a.score * 1000) / 1000, duplicateOf: a.duplicateOf })),
          },
          null,
          2,
        ) + '\n';
    } else body = assignments.map((a) => JSON.stringify({ id: a.article, story: a.story })).join('\n') + '\n';
    if (typeof values.out === 'string') writeFileSync(resolve(io.cwd, values.out), body);
    else io.stdout.write(body);
    return failures.length ? EXIT.partial : EXIT.ok;
  },
};
