// The ingest benchmark corpus: JSON Lines of N articles built deterministically from ../shared/eval
// (stories: BASIL and AllSides; PolNeAR news texts; TimeBank texts). The sources give about 2,800
// distinct articles; beyond that, copy k of an article has its paragraphs rotated by k places and a
// short update line (a distinct text, as a re-edited version would be), so every line is new to the store.
import { writeFileSync } from 'node:fs';
import { evalPath } from '../shared-paths.js';
import { readJsonRecords } from '../ingest/json-lines.js';

interface Row {
  id: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  text: string;
}

const readJsonl = (path: string) => readJsonRecords<Record<string, unknown>>(path);

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

export function sourceArticles(): Row[] {
  const out: Row[] = [];
  for (const f of ['stories/basil.jsonl', 'stories/allsides.jsonl']) {
    for (const o of readJsonl(evalPath(f))) out.push({ id: String(o.id), outlet: str(o.outlet), title: str(o.title), published: str(o.published), text: String(o.text) });
  }
  for (const f of ['quotes/polnear.train.jsonl', 'quotes/polnear.dev.jsonl']) {
    for (const o of readJsonl(evalPath(f))) {
      const text = String(o.text);
      out.push({ id: String(o.id), outlet: str(o.publisher), title: text.split('\n')[0]!.slice(0, 120), published: null, text });
    }
  }
  for (const o of readJsonl(evalPath('timex/timebank.jsonl'))) {
    out.push({ id: String(o.id), outlet: 'TimeBank', title: null, published: str(o.dct), text: String(o.text).trim() });
  }
  return out.filter((r) => r.text.trim().length > 0);
}

/** N articles (deterministic). */
export function benchCorpus(n: number): Row[] {
  const base = sourceArticles();
  const out: Row[] = [];
  for (let i = 0; i < n; i++) {
    const src = base[i % base.length]!;
    const k = Math.floor(i / base.length);
    if (k === 0) {
      out.push(src);
      continue;
    }
    const paras = src.text.split(/\n\s*\n/);
    const r = k % paras.length;
    const rotated = [...paras.slice(r), ...paras.slice(0, r)];
    rotated.push(`Update ${k}: this version of the report was revised.`);
    out.push({ ...src, id: `${src.id}-v${k}`, text: rotated.join('\n\n') });
  }
  return out;
}

export function writeBenchCorpus(path: string, n: number): { articles: number; bytes: number } {
  const rows = benchCorpus(n);
  const text = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  writeFileSync(path, text);
  return { articles: rows.length, bytes: Buffer.byteLength(text) };
}
