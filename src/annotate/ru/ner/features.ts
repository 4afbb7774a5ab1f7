// Russian NER features: the English averaged perceptron's design (fixed number of hashed features per
// token, src/annotate/entities/tagger), with Russian atoms: case endings (suffixes of the folded word),
// Snowball stems, capitalisation and position, and name dictionaries (countries from Intl.DisplayNames,
// first names and organisation/place head words from data/ru/names.json).
import { FEATURES_PER_TOKEN } from '../../entities/tagger/features.js';
import { hashString, mix } from '../../entities/tagger/hash.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';

/** razdel's rule as naeval scores it: word characters with inner hyphens as one token, any other non-space character a token. */
const RAZDEL = /[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*|[^\s]/gu;

export interface RuToken {
  start: number;
  end: number;
}

export function razdelTokens(text: string): RuToken[] {
  const out: RuToken[] = [];
  const re = new RegExp(RAZDEL.source, 'gu');
  for (let m: RegExpExecArray | null; (m = re.exec(text)) !== null; ) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export interface NameLists {
  /** Folded first names ("владимир"). */
  firstNames: ReadonlySet<string>;
  /** Stems of country and place names ("росс", "киргиз"). */
  placeStems: ReadonlySet<string>;
  /** Stems of words that head or precede organisation names ("компан", "министерств"). */
  orgWords: ReadonlySet<string>;
  /** Stems of words that precede place names ("город", "област"). */
  placeWords: ReadonlySet<string>;
  /** Stems of titles that precede persons ("президент", "министр"). */
  personWords: ReadonlySet<string>;
}

function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last || out.length < 2) out += c;
    last = c;
  }
  return out.slice(0, 6);
}

const SURNAME = /(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ову|еву|ину|овым|евым|иным|овой|евой|иной|ский|ская|ского|скому|ским|ской|ских|енко|ук|юк|дзе|швили|ян|янц)$/;

interface Atoms {
  lower: string;
  stem: string;
  shape: string;
  flags: string;
}

export class RuFeaturizer {
  private cache = new Map<string, Atoms>();
  constructor(private lists: NameLists) {}

  atoms(w: string): Atoms {
    let a = this.cache.get(w);
    if (a) return a;
    const lower = foldRu(w);
    const stem = stemRu(lower);
    const l = this.lists;
    const flags =
      (l.firstNames.has(lower) || l.firstNames.has(stem) ? 'F' : '') +
      (l.placeStems.has(stem) ? 'P' : '') +
      (l.orgWords.has(stem) ? 'O' : '') +
      (l.placeWords.has(stem) ? 'L' : '') +
      (l.personWords.has(stem) ? 'T' : '') +
      (SURNAME.test(lower) ? 'S' : '');
    a = { lower, stem, shape: shape(w), flags };
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(w, a);
    return a;
  }

  /** FEATURES_PER_TOKEN hashes per token of each sentence (`sentences` index `words`). */
  document(words: readonly string[], sentences: readonly { start: number; end: number }[]): Uint32Array {
    const F = FEATURES_PER_TOKEN;
    const out = new Uint32Array(words.length * F);
    // Document feature: the word is written with a capital somewhere not at a sentence start.
    const capsInside = new Set<string>();
    for (const s of sentences) for (let t = s.start + 1; t < s.end; t++) if (/^\p{Lu}/u.test(words[t]!)) capsInside.add(stemRu(foldRu(words[t]!)));
    for (const s of sentences) {
      // Inside «...» or "...": names of companies, papers, parties and works are quoted in Russian.
      const inQuote = new Uint8Array(s.end - s.start);
      let open = false;
      for (let t = s.start; t < s.end; t++) {
        const w = words[t]!;
        if (w === '«' || w === '„' || (w === '"' && !open)) { open = true; continue; }
        if (w === '»' || w === '“' || (w === '"' && open)) { open = false; continue; }
        if (open) inQuote[t - s.start] = 1;
      }
      for (let t = s.start; t < s.end; t++) {
        const at = (k: number): Atoms => (k < s.start ? BOS_ATOMS : k >= s.end ? EOS_ATOMS : this.atoms(words[k]!));
        const a = at(t);
        const p = at(t - 1);
        const n = at(t + 1);
        const p2 = at(t - 2);
        const n2 = at(t + 2);
        const w = words[t]!;
        const first = t === s.start;
        const f: string[] = [
          'b', `w=${w}`, `l=${a.lower}`, `st=${a.stem}`, `sh=${a.shape}`, `fl=${a.flags}`,
          `s1=${a.lower.slice(-1)}`, `s2=${a.lower.slice(-2)}`, `s3=${a.lower.slice(-3)}`, `s4=${a.lower.slice(-4)}`,
          `p2=${a.lower.slice(0, 2)}`, `p3=${a.lower.slice(0, 3)}`, `p4=${a.lower.slice(0, 4)}`,
          `first=${first}|${a.shape}`, `capsIn=${capsInside.has(a.stem)}|${a.shape.slice(0, 2)}`,
          `-1l=${p.lower}`, `-1st=${p.stem}`, `-1sh=${p.shape}`, `-1fl=${p.flags}`, `-1s2=${p.lower.slice(-2)}`,
          `+1l=${n.lower}`, `+1st=${n.stem}`, `+1sh=${n.shape}`, `+1fl=${n.flags}`, `+1s2=${n.lower.slice(-2)}`,
          `-2l=${p2.lower}`, `-2sh=${p2.shape}`, `-2fl=${p2.flags}`,
          `+2l=${n2.lower}`, `+2sh=${n2.shape}`, `+2fl=${n2.flags}`,
          `-1l+0l=${p.lower}|${a.lower}`, `0l+1l=${a.lower}|${n.lower}`,
          `-1sh+0sh=${p.shape}|${a.shape}`, `0sh+1sh=${a.shape}|${n.shape}`,
          `-1st+0sh=${p.stem}|${a.shape}`, `0sh+1st=${a.shape}|${n.stem}`,
          `-1fl+0fl=${p.flags}|${a.flags}`, `0fl+1fl=${a.flags}|${n.flags}`,
          `0s2+sh=${a.lower.slice(-2)}|${a.shape}`, `-1sh+0s2=${p.shape}|${a.lower.slice(-2)}`,
          `0st+1sh=${a.stem}|${n.shape}`, `-2l-1l=${p2.lower}|${p.lower}|${a.shape}`,
          `len=${Math.min(w.length, 8)}|${a.shape.slice(0, 1)}`,
          `q=${inQuote[t - s.start]}|${a.shape.slice(0, 2)}`, `q-1=${t > s.start ? inQuote[t - 1 - s.start] : 0}|${p.lower}`,
          `-1l+0s2=${p.lower}|${a.lower.slice(-2)}`, `0st+1l=${a.stem}|${n.lower}`,
        ];
        const base = t * F;
        for (let k = 0; k < F; k++) out[base + k] = k < f.length ? mix(k + 1, hashString(f[k]!)) : mix(k + 1, 7);
      }
    }
    return out;
  }
}

const BOS_ATOMS: Atoms = { lower: '<s>', stem: '<s>', shape: '<s>', flags: '' };
const EOS_ATOMS: Atoms = { lower: '</s>', stem: '</s>', shape: '</s>', flags: '' };
