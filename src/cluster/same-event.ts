// The pairwise same-event scorer: logistic regression over what two articles share, trained on the
// development stories by scripts/train-same-event.mjs (weights in models/same-event.json, under 1 KB of
// weights). Its inputs: the clusterer's own score of the pair (text and names, times the publication-time
// evidence), and the event signatures (signature.ts): event day, year, places, figures, triggers. The
// text, names and title + lead cosines are features too, but the shipped model leaves them out (weight
// 0, `--drop` in the script): fitted beside the clusterer's score they made topic pairs look like one
// event on the AllSides roundups (full-stream F1 0.777 against 0.807 without them).
// Inside the clusterer the log-odds are put on the scale of the score its thresholds were made for:
// score = threshold * exp(logit / w), w the weight of the log score. A pair the model finds even odds
// sits at the threshold; agreeing signatures raise a pair of modest word overlap above it, disagreeing
// ones (another day, another year, other figures) push two events of one kind apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../shared-paths.js';
import { ParallaxError } from '../model/errors.js';
import { sharedCount, type EventSignature } from './signature.js';

export const PAIR_FEATURES = [
  'logText',
  'names',
  'title',
  'pubWithin',
  'pubFar',
  'pubUnknown',
  'eventSame',
  'eventNear',
  'eventFar',
  'yearSame',
  'yearDiff',
  'weekdaySame',
  'weekdayDiff',
  'placeShared',
  'placeDisjoint',
  'figuresShared',
  'figuresDisjoint',
  'triggerShared',
  'triggerDiff',
  'logBase',
  'eventGap',
] as const;
export type PairFeature = (typeof PAIR_FEATURES)[number];

/** Feature groups for the ablation (what each kind of evidence adds). */
export const FEATURE_GROUPS: Record<string, PairFeature[]> = {
  text: ['logText', 'logBase'],
  names: ['names'],
  titleLead: ['title'],
  published: ['pubWithin', 'pubFar', 'pubUnknown'],
  eventDay: ['eventSame', 'eventNear', 'eventFar', 'eventGap', 'weekdaySame', 'weekdayDiff'],
  year: ['yearSame', 'yearDiff'],
  places: ['placeShared', 'placeDisjoint'],
  figures: ['figuresShared', 'figuresDisjoint'],
  triggers: ['triggerShared', 'triggerDiff'],
};

export interface SameEventModel {
  features: string[];
  weights: number[];
  bias: number;
}

export interface PairInputs {
  text: number;
  /** The clusterer's own score of the pair (text and names, times the time evidence). */
  base: number;
  names: number;
  title: number;
  weekdayA: number;
  weekdayB: number;
  a: EventSignature;
  b: EventSignature;
  /** How much a shared place says (1: a place of one event; near 0: a place many reports of the stream
   * name, such as a country in the news all week). Default 1. */
  placeWeight?: (place: number) => number;
}

/** Days within which two publication dates count as one period, and the scale of decay beyond it. */
const PUB_WINDOW = 3;
const PUB_DECAY = 4;

/** The feature vector of a pair (in PAIR_FEATURES order), written into `out`. */
export function pairFeatures(p: PairInputs, out: Float64Array = new Float64Array(PAIR_FEATURES.length)): Float64Array {
  const { a, b } = p;
  const pw = p.placeWeight;
  out.fill(0);
  out[0] = Math.log(Math.max(p.text, 0.01));
  out[1] = p.names;
  out[2] = p.title;
  if (a.published !== null && b.published !== null) {
    const gap = Math.abs(a.published - b.published);
    if (gap <= PUB_WINDOW) out[3] = 1;
    else out[4] = (gap - PUB_WINDOW) / PUB_DECAY;
  } else out[5] = 1;
  if (a.eventDay !== null && b.eventDay !== null) {
    const d = Math.abs(a.eventDay - b.eventDay);
    if (d === 0) out[6] = 1;
    else if (d <= 2) out[7] = 1;
    else {
      // Days apart beyond two: an indicator (two dates known and far apart) and how far, apart, so
      // that the weight of distance is not confused with the weight of having dates at all.
      out[8] = 1;
      out[20] = Math.log1p(d - 2);
    }
  } else if (p.weekdayA && p.weekdayB) {
    if (p.weekdayA === p.weekdayB) out[11] = 1;
    else out[12] = 1;
  }
  if (a.year !== null && b.year !== null) {
    if (a.year === b.year) out[9] = 1;
    else out[10] = 1;
  }
  if (a.places.length && b.places.length) {
    const s = sharedCount(a.places, b.places);
    if (s) {
      let weight = 0;
      for (const place of a.places) if (b.places.includes(place)) weight += pw ? pw(place) : 1;
      out[13] = Math.min(weight, 3) / 3;
    } else out[14] = 1;
  }
  if (a.figures.length && b.figures.length) {
    const s = sharedCount(a.figures, b.figures);
    if (s) out[15] = Math.min(s, 3) / 3;
    else out[16] = 1;
  }
  if (a.triggers.length && b.triggers.length) {
    const s = sharedCount(a.triggers, b.triggers);
    out[17] = s / Math.max(a.triggers.length, b.triggers.length);
    out[18] = (a.triggers.length - s + (b.triggers.length - s)) / (a.triggers.length + b.triggers.length);
  }
  out[19] = Math.log(Math.max(p.base, 0.01));
  return out;
}

/** Streams shorter than this are weighed as if this long (early in a stream every place is rare). */
const PLACE_STREAM_MIN = 1000;

/**
 * How much sharing a place says of one event, from how many of the stream's `articles` name it (`count`):
 * the squared normalised inverse document frequency, 1 for a place of one report, near 0 for one in
 * every report. Two reports of the week's Afghanistan news share 'afghanistan' and 'kabul' whatever
 * their event; two shooting reports sharing 'uniontown' most likely report one shooting. On AllSides,
 * where a topic's stories share their places, counting every shared place alike took B-cubed precision
 * from 0.917 to 0.864.
 */
export function placeSpecificity(count: number, articles: number): number {
  const n = Math.max(articles, PLACE_STREAM_MIN);
  // Normalised by a fixed scale, not by the stream's length: a place named by one report in a hundred
  // weighs the same in a stream of 10k articles and of 1M.
  const idf = Math.min(1, Math.log(n / Math.max(1, count)) / Math.log(PLACE_STREAM_MIN));
  return idf > 0 ? idf * idf : 0;
}

export function logitOf(model: SameEventModel, x: Float64Array): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += model.weights[k]! * x[k]!;
  return z;
}

/** The pair's score on the clusterer's scale: `threshold` at even odds. */
export function eventScore(model: SameEventModel, x: Float64Array, threshold: number): number {
  // The weight of the log similarity (of the text, or of the clusterer's own score) sets the scale.
  const w = model.weights[0]! + model.weights[19]!;
  return threshold * Math.exp(logitOf(model, x) / (w > 0.05 ? w : 1));
}

export const SAME_EVENT_MODEL_PATH = (): string => join(repoRoot(), 'models', 'same-event.json');

let cached: SameEventModel | null | undefined;

/** The shipped model, or null when the file is absent (the clusterer then scores text, names and time). */
export function loadSameEventModel(path = SAME_EVENT_MODEL_PATH()): SameEventModel | null {
  if (path === SAME_EVENT_MODEL_PATH() && cached !== undefined) return cached;
  let model: SameEventModel | null = null;
  if (existsSync(path)) {
    const data = JSON.parse(readFileSync(path, 'utf8')) as SameEventModel;
    if (data.features.join() !== PAIR_FEATURES.join()) throw new ParallaxError('E_PARSE', `the same-event model was trained on other features (${data.features.join(', ')}): retrain it with scripts/train-same-event.mjs`, path);
    model = { features: data.features, weights: data.weights, bias: data.bias };
  }
  if (path === SAME_EVENT_MODEL_PATH()) cached = model;
  return model;
}
