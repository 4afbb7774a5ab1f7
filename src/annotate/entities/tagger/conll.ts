import { LABELS } from './model.js';

/** One CoNLL-2003 document: its token lines (only the word and the gold tag are read). */
export interface ConllDoc {
  words: string[];
  gold: Uint8Array;
  sentences: { start: number; end: number }[];
  /** Original line number of each token, to write predictions back. */
  lines: number[];
}

const LABEL_INDEX = new Map<string, number>(LABELS.map((l, i) => [l, i]));

/** Reads `token POS chunk tag` lines; the POS and chunk columns are never looked at. */
export function parseConll(text: string): { docs: ConllDoc[]; lines: string[] } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const docs: ConllDoc[] = [];
  let doc: ConllDoc | null = null;
  let sentStart = -1;
  const gold: number[] = [];
  const closeSentence = () => {
    if (doc && sentStart >= 0 && doc.words.length > sentStart) doc.sentences.push({ start: sentStart, end: doc.words.length });
    sentStart = -1;
  };
  const closeDoc = () => {
    closeSentence();
    if (doc && doc.words.length > 0) {
      doc.gold = Uint8Array.from(gold);
      docs.push(doc);
    }
    doc = null;
    gold.length = 0;
  };
  lines.forEach((line, n) => {
    const t = line.trim();
    if (t.startsWith('-DOCSTART-')) {
      closeDoc();
      return;
    }
    if (t === '') {
      closeSentence();
      return;
    }
    doc ??= { words: [], gold: new Uint8Array(0), sentences: [], lines: [] };
    const cols = t.split(/\s+/);
    if (sentStart < 0) sentStart = doc.words.length;
    doc.words.push(cols[0]!);
    doc.lines.push(n);
    gold.push(LABEL_INDEX.get(cols[cols.length - 1]!) ?? 0);
  });
  closeDoc();
  return { docs, lines };
}

/** Entity spans [start, end) with type from IOB2 label indexes (an I- without B- starts an entity, as conlleval does). */
export function spansOf(tags: ArrayLike<number>, from = 0, to = tags.length): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let cur: { start: number; end: number; type: string } | null = null;
  for (let i = from; i < to; i++) {
    const l = LABELS[tags[i]!]!;
    if (l === 'O') {
      if (cur) out.push(cur);
      cur = null;
      continue;
    }
    const type = l.slice(2);
    if (l.startsWith('B-') || !cur || cur.type !== type) {
      if (cur) out.push(cur);
      cur = { start: i, end: i + 1, type };
    } else cur.end = i + 1;
  }
  if (cur) out.push(cur);
  return out;
}
