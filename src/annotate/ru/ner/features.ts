// Russian NER features: the English averaged perceptron's design (fixed number of hashed features per
// token, src/annotate/entities/tagger), with Russian atoms: case endings (suffixes of the folded word),
// Snowball stems, capitalisation and position, and name dictionaries (countries from Intl.DisplayNames,
// first names and organisation/place head words from data/ru/names.json).
import { hashString, mix } from '../../entities/tagger/hash.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';
import { orgNameKey } from './org-key.js';

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
  /** Abbreviated country names ("РФ", "США"), as written. */
  countryAbbreviations: ReadonlySet<string>;
  /** Stems of titles that precede persons ("президент", "министр"). */
  personWords: ReadonlySet<string>;
  /** Named events (data/ru/named-events.json) as their words' stems, longest first: see eventNameStems in events.ts. */
  eventNames: readonly (readonly string[])[];
  /** Keys (orgNameKey) of words written mostly inside organisation names ("интерпол", "facebook"): data/ru/org-names.json. */
  orgNames: ReadonlySet<string>;
  /** Stem -> classes of the OpenCorpora dictionary's proper names (g place, n first name, s surname, o organisation): data/ru/opencorpora-names.json. */
  dictionaryNames: ReadonlyMap<string, string>;
}

function shape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    // Latin letters apart from Cyrillic ones: in Russian text a Latin name is most often a company or a medium.
    const latin = /[A-Za-z]/.test(ch);
    const c = /\p{Lu}/u.test(ch) ? (latin ? 'A' : 'X') : /\p{Ll}/u.test(ch) ? (latin ? 'a' : 'x') : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last || out.length < 2) out += c;
    last = c;
  }
  return out.slice(0, 6);
}

/** Feature hashes per token of the Russian tagger (the English tagger's 49 and the organisation-context ones below). */
export const RU_FEATURES_PER_TOKEN = 52;

const TLD = /^(?:ru|com|org|net|info|su|ua|by|kz|kg|uz|am|ge|az|md|lv|lt|ee|de|uk|fr|it|us|io|tv|fm|рф)$/i;

const SURNAME = /(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ову|еву|ину|овым|евым|иным|овой|евой|иной|ский|ская|ского|скому|ским|ской|ских|енко|ук|юк|дзе|швили|ян|янц)$/;

// Atom slots of a word type (hashed once per type; features mix these numbers, no strings per token).
const W = 0, LOW = 1, STEM = 2, SHAPE = 3, FLAGS = 4, S1 = 5, S2 = 6, S3 = 7, S4 = 8, P2 = 9, P3 = 10, P4 = 11, SH2 = 12, SH1 = 13, LEN = 14;
const N_ATOMS = 15;
type Atoms = Uint32Array;

function atomsOf(w: string, lists: NameLists): Atoms {
  const lower = foldRu(w);
  const stem = stemRu(lower);
  const sh = shape(w);
  const flags =
    (lists.firstNames.has(lower) || lists.firstNames.has(stem) ? 'F' : '') +
    (lists.placeStems.has(stem) ? 'P' : '') +
    (lists.orgWords.has(stem) ? 'O' : '') +
    (lists.placeWords.has(stem) ? 'L' : '') +
    (lists.personWords.has(stem) ? 'T' : '') +
    (SURNAME.test(lower) ? 'S' : '') +
    (/^\p{Lu}/u.test(w) && lists.orgNames.has(orgNameKey(w)) ? 'G' : '') +
    (lists.dictionaryNames.get(stem) ?? '');
  const a = new Uint32Array(N_ATOMS);
  const parts = [w, lower, stem, sh, flags, lower.slice(-1), lower.slice(-2), lower.slice(-3), lower.slice(-4), lower.slice(0, 2), lower.slice(0, 3), lower.slice(0, 4), sh.slice(0, 2), sh.slice(0, 1), String(Math.min(w.length, 8))];
  for (let k = 0; k < N_ATOMS; k++) a[k] = hashString(parts[k]!, 0x811c9dc5 + k);
  return a;
}

function special(tag: string): Atoms {
  const a = new Uint32Array(N_ATOMS);
  for (let k = 0; k < N_ATOMS; k++) a[k] = hashString(tag, 0x811c9dc5 + k);
  return a;
}
const BOS_ATOMS = special('<s>');
const EOS_ATOMS = special('</s>');

export class RuFeaturizer {
  private cache = new Map<string, Atoms>();
  constructor(private lists: NameLists) {}

  private stems = new Map<string, string>();
  stemOf(w: string): string {
    let st = this.stems.get(w);
    if (st === undefined) {
      st = stemRu(foldRu(w));
      if (this.stems.size > 100_000) this.stems.clear();
      this.stems.set(w, st);
    }
    return st;
  }

  atoms(w: string): Atoms {
    let a = this.cache.get(w);
    if (a) return a;
    a = atomsOf(w, this.lists);
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(w, a);
    return a;
  }

  /** RU_FEATURES_PER_TOKEN hashes per token of each sentence (`sentences` index `words`). */
  document(words: readonly string[], sentences: readonly { start: number; end: number }[]): Uint32Array {
    const F = RU_FEATURES_PER_TOKEN;
    const out = new Uint32Array(words.length * F);
    // Document feature: the word is written with a capital somewhere not at a sentence start.
    const capsInside = new Set<number>();
    for (const s of sentences) for (let t = s.start + 1; t < s.end; t++) if (/^\p{Lu}/u.test(words[t]!)) capsInside.add(this.atoms(words[t]!)[STEM]!);
    // Inside «...» or "...": names of companies, papers, parties and works are quoted in Russian. The word before the
    // opening mark says what is named ("партии «Путь Грузии»", "газета «Пермский обозреватель»").
    const inQuote = new Uint8Array(words.length);
    const quoteHead = new Uint32Array(words.length);
    // The nearest organisation head word ("Комитета", "министерства", "МИД") within four words before, with nothing
    // but words between: the lower-case words of a long name ("Комитета по иностранным делам") follow one.
    const orgHeadAt = new Int32Array(words.length).fill(-1);
    for (const s of sentences) {
      let open = false;
      let head = 0;
      let lastHead = -1;
      for (let t = s.start; t < s.end; t++) {
        const w = words[t]!;
        if (!/^[\p{L}\p{N}]/u.test(w) || t - lastHead > 4) lastHead = -1;
        orgHeadAt[t] = lastHead;
        if (this.lists.orgWords.has(this.stemOf(w))) lastHead = t;
        if (w === '«' || w === '„' || (w === '"' && !open)) { open = true; head = t > s.start ? this.atoms(words[t - 1]!)[STEM]! : BOS_ATOMS[STEM]!; continue; }
        if (w === '»' || w === '“' || (w === '"' && open)) { open = false; continue; }
        if (open) { inQuote[t] = 1; quoteHead[t] = head; }
      }
    }
    const fs = new Uint32Array(F);
    for (const s of sentences) {
      for (let t = s.start; t < s.end; t++) {
        // A web address ("infox.ru", "baltinfo.ru"): a name that a dot and a top-level domain follow, or that domain.
        const domain = (TLD.test(words[t + 2] ?? '') && words[t + 1] === '.' ? 1 : 0) | (TLD.test(words[t]!) && words[t - 1] === '.' && t - 2 >= s.start ? 2 : 0);
        const at = (k: number): Atoms => (k < s.start ? BOS_ATOMS : k >= s.end ? EOS_ATOMS : this.atoms(words[k]!));
        const a = at(t), p = at(t - 1), n = at(t + 1), p2 = at(t - 2), n2 = at(t + 2);
        const first = t === s.start ? 1 : 0;
        const q = inQuote[t]!;
        const qp = t > s.start ? inQuote[t - 1]! : 0;
        let k = 0;
        const put = (h: number) => { fs[k] = mix(k + 1, h); k++; };
        put(7);
        put(a[W]!); put(a[LOW]!); put(a[STEM]!); put(a[SHAPE]!); put(a[FLAGS]!);
        put(a[S1]!); put(a[S2]!); put(a[S3]!); put(a[S4]!); put(a[P2]!); put(a[P3]!); put(a[P4]!);
        put(mix(first, a[SHAPE]!)); put(mix(capsInside.has(a[STEM]!) ? 1 : 0, a[SH2]!));
        put(p[LOW]!); put(p[STEM]!); put(p[SHAPE]!); put(p[FLAGS]!); put(p[S2]!);
        put(n[LOW]!); put(n[STEM]!); put(n[SHAPE]!); put(n[FLAGS]!); put(n[S2]!);
        put(p2[LOW]!); put(p2[SHAPE]!); put(p2[FLAGS]!);
        put(n2[LOW]!); put(n2[SHAPE]!); put(n2[FLAGS]!);
        put(mix(p[LOW]!, a[LOW]!)); put(mix(a[LOW]!, n[LOW]!));
        put(mix(p[SHAPE]!, a[SHAPE]!)); put(mix(a[SHAPE]!, n[SHAPE]!));
        put(mix(p[STEM]!, a[SHAPE]!)); put(mix(a[SHAPE]!, n[STEM]!));
        put(mix(p[FLAGS]!, a[FLAGS]!)); put(mix(a[FLAGS]!, n[FLAGS]!));
        put(mix(a[S2]!, a[SHAPE]!)); put(mix(p[SHAPE]!, a[S2]!));
        put(mix(a[STEM]!, n[SHAPE]!)); put(mix(mix(p2[LOW]!, p[LOW]!), a[SHAPE]!));
        put(mix(a[LEN]!, a[SH1]!));
        put(mix(q, a[SH2]!)); put(mix(qp, p[LOW]!));
        put(mix(p[LOW]!, a[S2]!)); put(mix(a[STEM]!, n[LOW]!));
        put(mix(domain, a[SH2]!));
        put(mix(quoteHead[t]!, a[SH1]!));
        const h = orgHeadAt[t]!;
        put(h < 0 ? 3 : mix(mix(t - h, at(h)[SH1]!), a[SH1]!));
        put(h < 0 ? 5 : mix(at(h)[STEM]!, a[S2]!));
        while (k < F) put(7);
        out.set(fs, t * F);
      }
    }
    return out;
  }
}

