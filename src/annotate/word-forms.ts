/**
 * The distinct token strings of the texts analysed, each with an id and its lower case's id: a token's word
 * is found by hashing its characters in the text, and the same word has the same id in every article, so a
 * stage keeps what it works out of a word in an array by id (wordMemo: tagger types, claim word facts, tone
 * polarity, time starters) instead of a table keyed by strings. A memo only (no output depends on it);
 * bounded: past MAX_FORMS it starts again, with a new generation.
 */
export interface WordForms {
  /** The id of text[start, end), added when new. */
  idOf(text: string, start: number, end: number): number;
  /** The word of an id (the same string object for every occurrence). */
  form(id: number): string;
  /** String.prototype.toLowerCase of the word alone (the same string object each time). */
  lower(id: number): string;
  /** The id of the word's own lower case (added when new). */
  lowerId(id: number): number;
  /** The word has a capital sigma, whose lower case depends on the letters around it (Final_Sigma). */
  sigma(id: number): boolean;
  /** Bumped each time the table starts again (ids of an earlier generation mean nothing). */
  readonly generation: number;
}

const MAX_FORMS = 1 << 18;

export function createWordForms(maxForms = MAX_FORMS): WordForms {
  let slots = new Int32Array(0);
  let mask = 0;
  let hashes = new Int32Array(0);
  let sigmas = new Uint8Array(0);
  let forms: string[] = [];
  let lowers: (string | undefined)[] = [];
  /** Id of each word's lower case + 1 (0: not looked up yet). */
  let lowerIds = new Int32Array(0);
  let generation = 0;
  const reset = (): void => {
    let n = 1024;
    while (n < maxForms * 2) n <<= 1;
    // Slot i: [id + 1 (0: empty), hash] side by side (one cache line per probe).
    slots = new Int32Array(2 * Math.min(n, 1 << 16));
    mask = (slots.length >> 1) - 1;
    hashes = new Int32Array(Math.min(maxForms, 1 << 15));
    sigmas = new Uint8Array(hashes.length);
    lowerIds = new Int32Array(hashes.length);
    forms = [];
    lowers = [];
    generation++;
  };
  reset();
  /** Twice the slots, every id placed again (kept at most half full). */
  const grow = (): void => {
    const more = new Int32Array(slots.length * 2);
    const m = (more.length >> 1) - 1;
    for (let id = 0; id < forms.length; id++) {
      let i = hashes[id]! & m;
      while (more[2 * i] !== 0) i = (i + 1) & m;
      more[2 * i] = id + 1;
      more[2 * i + 1] = hashes[id]!;
    }
    slots = more;
    mask = m;
  };
  return {
    get generation() {
      return generation;
    },
    idOf(text, start, end) {
      let h = 0x811c9dc5 | 0;
      for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
      const len = end - start;
      let i = h & mask;
      for (let s = slots[2 * i]!; s !== 0; s = slots[2 * i]!) {
        if (slots[2 * i + 1] === h) {
          const id = s - 1;
          const f = forms[id]!;
          if (f.length === len) {
            let k = 0;
            while (k < len && f.charCodeAt(k) === text.charCodeAt(start + k)) k++;
            if (k === len) return id;
          }
        }
        i = (i + 1) & mask;
      }
      if (forms.length >= maxForms) {
        reset();
        return this.idOf(text, start, end);
      }
      const id = forms.length;
      const f = text.slice(start, end);
      forms.push(f);
      lowers.push(undefined);
      if (id >= hashes.length) {
        const more = new Int32Array(hashes.length * 2);
        more.set(hashes);
        hashes = more;
        const moreSigmas = new Uint8Array(more.length);
        moreSigmas.set(sigmas);
        sigmas = moreSigmas;
        const moreLowerIds = new Int32Array(more.length);
        moreLowerIds.set(lowerIds);
        lowerIds = moreLowerIds;
      }
      hashes[id] = h;
      sigmas[id] = f.includes('\u03a3') ? 1 : 0;
      slots[2 * i] = id + 1;
      slots[2 * i + 1] = h;
      if (forms.length * 2 > mask + 1) grow();
      return id;
    },
    form: (id) => forms[id]!,
    sigma: (id) => sigmas[id] === 1,
    lower(id) {
      let l = lowers[id];
      if (l === undefined) lowers[id] = l = forms[id]!.toLowerCase();
      return l;
    },
    lowerId(id) {
      const known = lowerIds[id]!;
      if (known > 0) return known - 1;
      const l = this.lower(id);
      const g = generation;
      const lid = l === forms[id] ? id : this.idOf(l, 0, l.length);
      // (Past the bound the table started again: the id is of the new table, and nothing is kept for `id`.)
      if (g === generation) lowerIds[id] = lid + 1;
      return lid;
    },
  };
}

/**
 * A stage's value for each word of the table, by id: computed once per word (from its string) and kept
 * while the table's generation lasts. `generation` < 0 (a text whose ids are no table's): computed each time.
 */
export function wordMemo<T>(compute: (word: string) => T): (generation: number, id: number, word: string) => T {
  let kept = -1;
  /** Index in `values` + 1 of each id's value (0: not computed). */
  let at = new Int32Array(1024);
  let values: T[] = [];
  return (generation, id, word) => {
    if (generation !== kept) {
      if (generation < 0) return compute(word);
      kept = generation;
      at = new Int32Array(1024);
      values = [];
    }
    if (id >= at.length) {
      let n = at.length;
      while (n <= id) n *= 2;
      const more = new Int32Array(n);
      more.set(at);
      at = more;
    }
    const k = at[id]!;
    if (k > 0) return values[k - 1]!;
    const v = compute(word);
    values.push(v);
    at[id] = values.length;
    return v;
  };
}

/** wordMemo for a number (never -Infinity), kept in a typed array by id: no object to reach per word. */
export function wordNumbers(compute: (word: string) => number): (generation: number, id: number, word: string) => number {
  let kept = -1;
  let values = new Float64Array(0);
  return (generation, id, word) => {
    if (generation !== kept) {
      if (generation < 0) return compute(word);
      kept = generation;
      values = new Float64Array(0);
    }
    if (id >= values.length) {
      let n = Math.max(1024, values.length);
      while (n <= id) n *= 2;
      const more = new Float64Array(n).fill(-Infinity);
      more.set(values);
      values = more;
    }
    let v = values[id]!;
    if (v === -Infinity) values[id] = v = compute(word);
    return v;
  };
}
