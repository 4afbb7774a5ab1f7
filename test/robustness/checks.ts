// Invariants every analysed article keeps, shared by the property tests and the fuzzer (scripts/fuzz.mjs).
import assert from 'node:assert/strict';
import type { Article } from '../../src/model/document.js';

/** Every object with numeric start/end under `value` lies inside `text`; a `text` field equals its slice. */
export function checkSpans(value: unknown, text: string, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkSpans(v, text, `${path}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    const { start, end } = o;
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${path}: [${start}, ${end}) outside 0..${text.length}`);
    if (typeof o.text === 'string') assert.equal(o.text, text.slice(start, end), `${path}.text`);
  }
  for (const [k, v] of Object.entries(o)) checkSpans(v, text, `${path}.${k}`);
}

export function checkSorted(spans: { start: number; end: number }[] | undefined, name: string, nonEmpty = true): void {
  let last = 0;
  for (const s of spans ?? []) {
    assert.ok(s.start >= last, `${name} out of order or overlapping at ${s.start}`);
    if (nonEmpty) assert.ok(s.end > s.start, `${name} empty at ${s.start}`);
    last = s.end;
  }
}

export function checkArticle(a: Article): void {
  checkSpans(a.layers, a.text, 'layers');
  // Cleaning: text is pieced from original; removed spans index original.
  let pos = 0;
  for (const seg of a.segments) {
    assert.ok(seg.textStart >= pos, 'segments in order');
    assert.equal(a.text.slice(seg.textStart, seg.textStart + seg.length), a.original.slice(seg.originalStart, seg.originalStart + seg.length));
    pos = seg.textStart + seg.length;
  }
  checkSpans(a.removed, a.original, 'removed');
  checkSorted(a.layers.tokens, 'tokens');
  checkSorted(a.layers.sentences, 'sentences');
}

