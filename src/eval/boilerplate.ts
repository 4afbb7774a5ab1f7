// `parallax eval boilerplate FILE`: article bodies extracted from real pages, scored against human-made
// bodies (*.gold.jsonl, Zyte metric) or with/without snippets (*.snippets.jsonl). Plain @mozilla/readability
// runs on the same pages in the same process as the baseline.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../extract/html.js';
import { readabilityText } from '../extract/readability.js';
import { decodeBytes } from '../ingest/decode.js';
import { ParallaxError } from '../model/errors.js';
import { round } from './prf.js';
import {
  snippetAggregate,
  snippetDocument,
  zyteAggregate,
  zyteDocument,
  type BoilerplateMetrics,
  type DocCounts,
  type SnippetCounts,
} from './boilerplate-score.js';
import type { EvalTask } from './task.js';

interface Item {
  id: string;
  url: string | null;
  html_file: string;
  gold_text?: string;
  with?: string[];
  without?: string[];
}

function readItems(file: string): Item[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const items: Item[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      throw new ParallaxError('E_PARSE', `line ${i + 1} is not JSON`, file);
    }
    const it = o as Partial<Item>;
    if (typeof it.id !== 'string' || typeof it.html_file !== 'string') {
      throw new ParallaxError('E_PARSE', `line ${i + 1} has no "id" or "html_file"`, file);
    }
    items.push({ ...it, id: it.id, html_file: it.html_file, url: typeof it.url === 'string' ? it.url : null });
  });
  return items;
}

/** The page as a browser would read it: gunzip when gzipped, then BOM / valid UTF-8 / meta charset / detection. */
export function readPage(path: string): string {
  let bytes: Uint8Array = readFileSync(path);
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  try {
    return decodeBytes(bytes, path, { html: true }).text;
  } catch {
    // A page with stray control bytes is still a page: read it as a browser would, as UTF-8.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** CPU milliseconds of this process: the machine is shared, wall time would measure the neighbours. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function summarise(m: BoilerplateMetrics): BoilerplateMetrics {
  return { f1: round(m.f1), precision: round(m.precision), recall: round(m.recall), accuracy: round(m.accuracy), n: m.n };
}

export const boilerplateTask: EvalTask = {
  name: 'boilerplate',
  description: 'Article body extraction from HTML pages (Zyte metric, or with/without snippets)',
  defaultFile: 'boilerplate/zyte.gold.jsonl',
  async run(file, options) {
    let items = readItems(file);
    if (options.limit) items = items.slice(0, options.limit);
    const base = dirname(file);
    const ours: { gold: DocCounts[]; snip: SnippetCounts[] } = { gold: [], snip: [] };
    const theirs: { gold: DocCounts[]; snip: SnippetCounts[] } = { gold: [], snip: [] };
    const predictions: { id: string; text: string }[] = [];
    const methods: Record<string, number> = {};
    let oursMs = 0;
    let theirsMs = 0;
    for (const item of items) {
      const html = readPage(resolve(base, item.html_file));
      let t = cpuMs();
      const ex = extractHtml(html, item.url ? { url: item.url } : {});
      oursMs += cpuMs() - t;
      methods[ex.extraction.method] = (methods[ex.extraction.method] ?? 0) + 1;
      t = cpuMs();
      const baseline = readabilityText(html);
      theirsMs += cpuMs() - t;
      predictions.push({ id: item.id, text: ex.text });
      if (typeof item.gold_text === 'string') {
        ours.gold.push(zyteDocument(item.gold_text, ex.text));
        theirs.gold.push(zyteDocument(item.gold_text, baseline));
      } else {
        ours.snip.push(snippetDocument(ex.text, item.with ?? [], item.without ?? []));
        theirs.snip.push(snippetDocument(baseline, item.with ?? [], item.without ?? []));
      }
    }
    const snippets = ours.snip.length > 0;
    const metric = snippets ? 'snippets (with/without)' : 'zyte shingles (4-token, per-document normalised)';
    const score = (x: { gold: DocCounts[]; snip: SnippetCounts[] }) => summarise(snippets ? snippetAggregate(x.snip) : zyteAggregate(x.gold));
    return {
      summary: {
        metric,
        ...score(ours),
        ...(options.limit ? { limited: options.limit } : {}),
        methods,
        cpuMsPerPage: round(oursMs / Math.max(1, items.length), 2),
        baselines: { readability: { ...score(theirs), cpuMsPerPage: round(theirsMs / Math.max(1, items.length), 2) } },
      },
      predictions,
    };
  },
};
