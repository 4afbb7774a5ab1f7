import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readFile } from '../../ingest/read-inputs.js';
import { createStoryClusterer, type PairReport } from '../../cluster/clusterer.js';
import { ParallaxError } from '../../model/errors.js';
import { EXIT, type Command } from '../command.js';
import { printable } from '../../model/printable.js';

export const clusterCommand: Command = {
  name: 'cluster',
  summary: 'Group a stream of articles (JSON Lines) into stories: one {"id","story"} line per article.',
  usage: 'cluster FILE.jsonl [--json] [--out FILE] | cluster FILE.jsonl --explain A B',
  positionals: true,
  options: {
    json: { type: 'boolean', description: 'print one JSON object: assignments (with wire copies) and story labels' },
    out: { type: 'string', valueName: 'FILE', description: 'write the output to FILE instead of standard output' },
    'keep-going': { type: 'boolean', description: 'skip lines that cannot be read, and report them' },
    explain: { type: 'boolean', description: 'with two article ids after FILE: say why they are or are not one story' },
  },
  async run({ values, positionals }, io) {
    if (values.explain && positionals.length !== 3) throw new ParallaxError('E_USAGE', 'give the file and two article ids: cluster FILE.jsonl --explain A B');
    if (!values.explain && positionals.length !== 1) throw new ParallaxError('E_USAGE', 'give one JSON Lines file of articles ({"id","text","title","outlet","published"} per line)');
    const path = resolve(io.cwd, positionals[0]!);
    const failures: { subject: string; message: string }[] = [];
    const articles = readFile(path, { maxBytes: 1024 * 1024 * 1024 }, failures, Boolean(values['keep-going']));
    for (const f of failures) io.stderr.write(`parallax cluster: ${printable(`${f.subject}: ${f.message}`)}\n`);
    const clusterer = createStoryClusterer();
    for (const a of articles) clusterer.add(a);
    if (values.explain) {
      const [, a, b] = positionals as [string, string, string];
      const report = clusterer.explain(a, b);
      if (!report) throw new ParallaxError('E_USAGE', `no article with id ${clusterer.storyOf(a) === undefined ? a : b} in the file`, path);
      io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : explainText(report));
      return failures.length ? EXIT.partial : EXIT.ok;
    }
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

const DAY_MS = 86_400_000;
const isoDay = (d: number | null): string => (d === null ? '-' : new Date(d * DAY_MS).toISOString().slice(0, 10));
const list = (xs: string[]): string => (xs.length ? xs.join('; ') : '-');

/** The two signatures side by side, then the evidence the scorer weighed. */
function explainText(r: PairReport): string {
  const [a, b] = r.articles as [PairReport['articles'][number], PairReport['articles'][number]];
  const rows: Array<[string, string, string]> = [
    ['id', a.id, b.id],
    ['story', a.story, b.story],
    ['title', a.title ?? a.lead, b.title ?? b.lead],
    ['published', a.published ?? '-', b.published ?? '-'],
    ['event day', `${isoDay(a.signature.eventDay)} (${a.signature.eventDayFrom ?? 'unknown'})`, `${isoDay(b.signature.eventDay)} (${b.signature.eventDayFrom ?? 'unknown'})`],
    ['year', String(a.signature.year ?? '-'), String(b.signature.year ?? '-')],
    ['places', list(a.signature.placeNames), list(b.signature.placeNames)],
    ['figures', list(a.signature.figureNames), list(b.signature.figureNames)],
  ];
  const width = Math.max(...rows.map((r) => r[1].length).map((n) => Math.min(n, 50)));
  const cut = (s: string) => printable(s.length > 50 ? s.slice(0, 49) + '…' : s);
  const lines = rows.map(([k, x, y]) => `${k.padEnd(10)} ${cut(x).padEnd(width)} | ${cut(y)}`);
  const p = r.pair;
  const verdict = r.sameStory ? 'ONE STORY' : 'TWO STORIES';
  const evidence = Object.entries(p.features)
    .filter(([, v]) => v !== 0)
    .map(([k, v]) => `${k}=${Math.round(v * 100) / 100}`)
    .join(' ');
  lines.push('');
  lines.push(`${verdict}: pair score ${p.score.toFixed(3)} (joins at ${r.threshold})${p.probability === null ? '' : `, same-event probability ${p.probability.toFixed(3)}`}; text ${p.text.toFixed(3)}, names ${p.names.toFixed(3)}, title+lead ${p.title === null ? '-' : p.title.toFixed(3)}${r.edge ? '' : '; not an edge (not proposed by the index, too far in time, or under the floor)'}`);
  lines.push(`evidence: ${evidence}`);
  if (r.sameStory && p.score < r.threshold) lines.push('(together through other articles of the story, not this pair alone)');
  return lines.join('\n') + '\n';
}
