// `parallax eval ner-ru FILE`: Russian named entities (FORMATS.md, ner-ru), scored as natasha/naeval does
// (razdel tokens tagged I-TYPE or O, precision/recall/F1 per type over tokens) to compare with slovnet's
// table, and by entity-level exact match.
import { razdelTokens } from '../annotate/ru/ner/features.js';
import { loadRuTagger } from '../annotate/ru/ner/tagger.js';
import { ParallaxError } from '../model/errors.js';
import { prf, round } from './prf.js';
import type { EvalTask } from './task.js';
import { readJsonRecords } from '../ingest/json-lines.js';

export interface NerRuEntity {
  start: number;
  end: number;
  type: string;
  text?: string;
  coarse?: string;
}
export interface NerRuItem {
  id: string;
  text: string;
  entities: NerRuEntity[];
}

const TYPES = ['PER', 'ORG', 'LOC'] as const;

/**
 * NEREL items (their entities carry `coarse`) as flat PER/ORG/LOC: the coarse type, capitalised spans only,
 * innermost first ("МВД Киргизии" -> ORG "МВД", LOC "Киргизии"), which is factRuEval's convention.
 */
export function flatGold(item: NerRuItem): NerRuItem {
  if (!item.entities.some((e) => e.coarse !== undefined)) return item;
  const spans = item.entities
    .filter((e) => e.coarse && /^[\p{Lu}\p{N}]/u.test(item.text.slice(e.start, e.end)))
    .map((e) => ({ start: e.start, end: e.end, type: e.coarse! }))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
  const kept: NerRuEntity[] = [];
  for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return { ...item, entities: kept.sort((a, b) => a.start - b.start) };
}

function tokenTags(text: string, entities: readonly NerRuEntity[]): string[] {
  return razdelTokens(text).map((t) => entities.find((e) => t.start >= e.start && t.end <= e.end)?.type ?? 'O');
}

export interface NerRuScore {
  f1: number;
  precision: number;
  recall: number;
  perType: Record<string, { precision: number; recall: number; f1: number; tokens: number }>;
}

export function scoreNerRu(gold: readonly NerRuItem[], predicted: readonly { id: string; entities: readonly NerRuEntity[] }[]): NerRuScore {
  const byId = new Map(predicted.map((p) => [p.id, p.entities]));
  const tok: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of TYPES) tok[t] = { tp: 0, fp: 0, fn: 0 };
  let tp = 0, np = 0, ng = 0;
  for (const raw of gold) {
    const item = flatGold(raw);
    const gEnts = item.entities.filter((e) => (TYPES as readonly string[]).includes(e.type));
    const pEnts = (byId.get(item.id) ?? []).filter((e) => (TYPES as readonly string[]).includes(e.type));
    const g = tokenTags(item.text, gEnts);
    const p = tokenTags(item.text, pEnts);
    for (let i = 0; i < g.length; i++) {
      for (const t of TYPES) {
        if (g[i] === t && p[i] === t) tok[t]!.tp++;
        else if (p[i] === t) tok[t]!.fp++;
        else if (g[i] === t) tok[t]!.fn++;
      }
    }
    const keys = new Set(gEnts.map((e) => `${e.type}:${e.start}:${e.end}`));
    for (const e of pEnts) if (keys.has(`${e.type}:${e.start}:${e.end}`)) tp++;
    np += pEnts.length;
    ng += gEnts.length;
  }
  const perType: NerRuScore['perType'] = {};
  for (const t of TYPES) {
    const c = tok[t]!;
    const r = prf(c.tp, c.fp, c.fn);
    perType[t] = { precision: round(r.precision), recall: round(r.recall), f1: round(r.f1), tokens: c.tp + c.fn };
  }
  const e = prf(tp, np - tp, ng - tp);
  return { f1: round(e.f1), precision: round(e.precision), recall: round(e.recall), perType };
}

export const nerRuTask: EvalTask = {
  name: 'ner-ru',
  description: 'Russian named entities (factRuEval / NEREL, FORMATS.md ner-ru): naeval token F1 per PER/LOC/ORG and entity-level exact F1',
  defaultFile: 'ru/ner/factrueval.dev.jsonl',
  async run(file, options) {
    const tagger = loadRuTagger();
    if (!tagger) throw new ParallaxError('E_READ', 'the Russian entity model models/ner-ru.bin.gz is missing: run node scripts/train-ner-ru.mjs', file);
    const items = readJsonRecords<NerRuItem>(file, options.limit !== undefined ? { limit: options.limit } : {});
    const predictions = items.map((it) => ({ id: it.id, entities: tagger.tag(it.text).map((e) => ({ start: e.start, end: e.end, type: e.type })) }));
    // Files with a `split` per item (NEREL: train, dev) are also scored per split: the model trains on NEREL train.
    const splits = [...new Set(items.map((it) => (it as NerRuItem & { split?: string }).split).filter((x): x is string => !!x))];
    const bySplit = Object.fromEntries(splits.map((sp) => [sp, scoreNerRu(items.filter((it) => (it as { split?: string }).split === sp), predictions)]));
    return { summary: { documents: items.length, ...(options.limit ? { limit: options.limit } : {}), ...scoreNerRu(items, predictions), ...(splits.length ? { bySplit } : {}) }, predictions };
  },
};
