import { gunzipSync, gzipSync } from 'node:zlib';
import { IntTable } from './hash.js';

/** IOB2 labels, O first. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const L = LABELS.length;

/** A linear-chain tagger: feature weights per label and label-to-label transitions. */
export interface TaggerModel {
  featureVersion: number;
  /** Feature hash -> row. */
  table: IntTable;
  /** rows x L. */
  weights: Float32Array;
  /** (L + 1) x L: row L holds the start-of-sentence scores. */
  trans: Float32Array;
  meta: Record<string, unknown>;
  /** The weights as saved: weights[i] = q[i] * scale (a read model has them; quantise() makes them). */
  quantised?: Quantised;
}

/** Weights as int16 with one scale: how a model is saved, and what the tagger sums (exactly, in integers). */
export interface Quantised {
  q: Int16Array;
  scale: number;
}

export function quantise(weights: Float32Array): Quantised {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max / 32767 || 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(weights[i]! / scale);
  return { q, scale };
}

/** allowed[prev * L + cur]: I-X only after B-X or I-X (IOB2). prev = L means sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let p = 0; p <= L; p++) {
    for (let c = 0; c < L; c++) {
      const cur = LABELS[c]!;
      if (!cur.startsWith('I-')) a[p * L + c] = 1;
      else if (p < L) {
        const prev = LABELS[p]!;
        a[p * L + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
      }
    }
  }
  return a;
})();

const MAGIC = 'PXNER1';

/**
 * Binary format (gzipped): "PXNER1\n", a JSON header line, then row keys (uint32), weights quantised to
 * int16 with one scale (rows x L), transitions (float32).
 */
export function serializeModel(model: TaggerModel, keys: Uint32Array): Buffer {
  const rows = keys.length;
  const { q: all, scale } = quantise(model.weights);
  const q = new Int16Array(rows * L);
  q.set(all.subarray(0, rows * L));
  const header = JSON.stringify({ featureVersion: model.featureVersion, labels: LABELS, rows, scale, meta: model.meta });
  const head = Buffer.from(`${MAGIC}\n${header}\n`, 'utf8');
  // Pad so the binary parts start 4-byte aligned.
  const pad = (4 - (head.length % 4)) % 4;
  return gzipSync(
    Buffer.concat([head, Buffer.alloc(pad, 0x20), Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(q.buffer), Buffer.from(new Float32Array(model.trans).buffer)]),
    { level: 9 },
  );
}

export function deserializeModel(file: Buffer): TaggerModel {
  const buf = gunzipSync(file);
  const nl1 = buf.indexOf(10);
  const nl2 = buf.indexOf(10, nl1 + 1);
  if (buf.subarray(0, nl1).toString('utf8') !== MAGIC) throw new Error('not a Parallax NER model');
  const header = JSON.parse(buf.subarray(nl1 + 1, nl2).toString('utf8')) as { featureVersion: number; labels: string[]; rows: number; scale: number; meta: Record<string, unknown> };
  if (header.labels.join(',') !== LABELS.join(',')) throw new Error('model labels differ from this version');
  let off = nl2 + 1;
  off += (4 - (off % 4)) % 4;
  const copy = (bytes: number) => {
    const ab = new ArrayBuffer(bytes);
    new Uint8Array(ab).set(buf.subarray(off, off + bytes));
    off += bytes;
    return ab;
  };
  const keys = new Uint32Array(copy(header.rows * 4));
  const q = new Int16Array(copy(header.rows * L * 2));
  const trans = new Float32Array(copy((L + 1) * L * 4));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
  const table = new IntTable(header.rows);
  for (let r = 0; r < keys.length; r++) table.add(keys[r]!);
  return { featureVersion: header.featureVersion, table, weights, trans, meta: header.meta, quantised: { q, scale: header.scale } };
}
