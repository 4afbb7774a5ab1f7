// The one document model every stage reads and appends to.
//
// An Article keeps what was read (`original`: the decoded input, or the text extracted from HTML)
// and one cleaned `text` that never changes after cleaning. Every annotation is a span over `text`
// (`start`, `end`: JavaScript string indices, end exclusive). What cleaning removed stays visible as
// spans over `original` with a reason. `segments` map cleaned offsets back to `original`.

export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers (text === article.text.slice(start, end)). */
export interface TextSpan extends Span {
  text: string;
}

/** The name of the input format read (src/ingest/formats.ts): 'text', 'html', 'jsonl', 'rss', ... */
export type InputFormat = string;

export interface RemovedSpan extends Span {
  /** Offsets index `original`, since the removed text is by definition not in `text`. */
  reason: string; // e.g. 'boilerplate:appeal', 'dateline', 'navigation'
  text: string;
}

/** A piece of `text` copied verbatim from `original`: text[textStart, textStart+length) === original[originalStart, ...). */
export interface Segment {
  textStart: number;
  originalStart: number;
  length: number;
}

export interface Dateline {
  place: string | null;
  outlet: string | null;
}

export interface ExtractionInfo {
  /** Which extractor produced the body ('plain', 'readability', 'dom-density', ...). */
  method: string;
  /** 0..1: how sure we are that the whole article body was read. */
  confidence: number;
  notes?: string[];
}

export interface ArticleMeta {
  id: string;
  /** Where the article came from: a file path, a URL, or `file.jsonl:LINE`. */
  source: string;
  format: InputFormat;
  outlet: string | null;
  title: string | null;
  /** Publication date, ISO 8601 (date or date-time), when known. */
  published: string | null;
  url: string | null;
  language: string | null;
  authors?: string[];
  /** Story label given with the input (JSON Lines "story"), if any. */
  story?: string;
}

export interface Article extends ArticleMeta {
  /** For HTML: the page source as decoded; kept untouched. */
  raw: string;
  /** The body before cleaning (for plain text: `raw` itself). */
  original: string;
  /** The cleaned body. Never changes after cleaning. */
  text: string;
  segments: Segment[];
  removed: RemovedSpan[];
  dateline: Dateline | null;
  extraction: ExtractionInfo;
  layers: Layers;
}

// ---- annotation layers --------------------------------------------------------------------

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  kind: TokenKind;
}

export interface Sentence extends Span {
  /** Index of the paragraph the sentence belongs to (0-based). */
  paragraph: number;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface EntityMention extends Span {
  type: EntityType;
  /** Id of the entity inside this article (cross-article ids are assigned by resolution). */
  entity: string;
  /** How the mention was found/resolved: 'tagger', 'gazetteer', 'surname', 'title', 'pronoun', 'acronym'... */
  via: string;
  /** Role/title words attached to a person ("Kyrgyz President"), if any. */
  role?: string;
  /** For metonymy ("Moscow" as the Russian state): the entity it stands for. */
  standsFor?: string;
}

export interface ArticleEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Country/nationality the role names, e.g. 'Russia' for "Russian President". */
  affiliation?: string;
  role?: string;
}

export interface Quantity extends Span {
  /** Central value (after scale words): 4.1e9 for "$4.1 billion". */
  value: number;
  /** Interval the hedge allows: "around 1,700" -> [1615, 1785]. */
  low: number;
  high: number;
  unit: string | null; // 'USD', '%', 'km', null for counts
  hedge: string | null; // 'around', 'nearly', 'some', 'almost', ...
  /** What is counted or measured ("enterprises with Russian participation", "turnover"). */
  counted: TextSpan | null;
  /** Head noun of what is counted, lower-case lemma ("enterprise"). */
  countedHead: string | null;
  /** 'level' | 'increase' | 'decrease' | 'multiple' ("almost triple"). */
  kind: 'level' | 'increase' | 'decrease' | 'multiple' | 'ratio';
  /** Entity id of who states the figure, when attributed. */
  speaker?: string | null;
  /** The words naming who states the figure (set even when no entity is resolved). */
  speakerMention?: TextSpan | null;
  /** Index into layers.quotes of the attribution the figure belongs to. */
  quote?: number | null;
  /** True when the attribution is carried over from an earlier sentence of the paragraph. */
  speakerInferred?: boolean;
  /** What the figure measures as a reader reads it: the whole noun phrase ("Mr. Trump’s trips"), when found. */
  measure?: TextSpan | null;
  /** A vote tally or score ("234-193"): both sides; `value`, `low` and `high` are the first. */
  tally?: { for: number; against: number };
  /** A multiplicative change ("almost triple", "threefold", "doubled"): the factor and what it multiplies. */
  multiplier?: { factor: number; base: TextSpan | null };
}

export interface TimeExpression extends Span {
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3-style value: '2025-11-25', '2025-W48', 'P3Y', 'PRESENT_REF', or symbolic 'XXXX-WXX-2' (a Tuesday). */
  value: string;
  /** True when `value` was resolved against an anchor (publication date or an estimate). */
  resolved: boolean;
  /** For weekdays and similar: the symbolic form, independent of the anchor. */
  symbolic?: string;
  /** What `value` was resolved against: the publication date, or a date estimated from the text. */
  anchor?: 'published' | 'estimated';
}

export interface Quote extends Span {
  /** Content spans (several when the quote is interrupted). `start/end` covers the whole attribution. */
  content: TextSpan[];
  cue: TextSpan | null;
  speakerMention: TextSpan | null;
  /** Entity id of the speaker, when resolved. */
  speaker: string | null;
  /** A document or institution speaking ("a Kremlin readout"), kept as such. */
  speakerKind: 'person' | 'organisation' | 'document' | 'unknown';
  direct: boolean;
  /** The cue reports a belief, wish or finding rather than words ("Moscow sees potential", "a poll found"). */
  attitude?: boolean;
  /** The verbatim parts of `content` (the words inside quotation marks, without the marks). */
  quoted?: TextSpan[];
  /** The document the words reach us through ("according to a Kremlin readout"), when named. */
  via?: TextSpan | null;
  /**
   * Set when the words before the cue cannot be shown as a speaker: a place, a quantifier ("Many"), a
   * clause, or a pronoun the article names no one for. `speakerMention` and `speaker` are null then, and
   * the words are kept in `speakerWords`.
   */
  speakerProblem?: 'place' | 'quantifier' | 'clause' | 'pronoun';
  speakerWords?: TextSpan;
}

export interface SentenceTone extends Span {
  /** -1..1 */
  score: number;
  evaluative: TextSpan[];
  hedges: TextSpan[];
  /** Background/context sentence (history, comparisons), not the event itself. */
  background: boolean;
}

export type Polarity = 'positive' | 'negative';
export type Modality = 'done' | 'planned' | 'ready' | 'alleged' | 'denied' | 'possible' | 'ongoing' | 'stated';

export interface Claim extends Span {
  sentence: number;
  actor: TextSpan | null;
  actorEntity: string | null;
  predicate: TextSpan | null;
  /** Lemma of the main predicate ("meet", "sign"). */
  predicateLemma: string | null;
  object: TextSpan | null;
  /** Content words of the claim (lower-case lemmas), used for alignment. */
  keywords: string[];
  entities: string[];
  quantities: number[]; // indexes into layers.quantities
  times: number[]; // indexes into layers.times
  places: string[];
  /** Who says it (entity id), for reported speech. */
  source: string | null;
  polarity: Polarity;
  modality: Modality;
  /** 0..1: how central the claim is to the article. */
  salience: number;
  /** Items of a coordinated list in the claim ("trade, education and migration"), as concepts. */
  items: TextSpan[];
  /** Cue words that set polarity and modality, as evidence. */
  cues: TextSpan[];
}

export interface Layers {
  tokens?: Token[];
  sentences?: Sentence[];
  entities?: EntityMention[];
  entityIndex?: ArticleEntity[];
  quantities?: Quantity[];
  times?: TimeExpression[];
  quotes?: Quote[];
  tone?: SentenceTone[];
  claims?: Claim[];
}

export type LayerName = keyof Layers;

// ---- helpers ------------------------------------------------------------------------------

export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/** Map an offset in `text` back to `original`, through the segments. */
export function toOriginalOffset(article: Pick<Article, 'segments'>, offset: number): number {
  const segs = article.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segs[mid]!;
    if (offset < s.textStart) hi = mid - 1;
    else if (offset > s.textStart + s.length) lo = mid + 1;
    else return s.originalStart + (offset - s.textStart);
  }
  return offset;
}

/** An article whose text is its original (no cleaning yet). */
export function makeArticle(meta: ArticleMeta, raw: string, original: string = raw, extraction?: ExtractionInfo): Article {
  return {
    ...meta,
    raw,
    original,
    text: original,
    segments: [{ textStart: 0, originalStart: 0, length: original.length }],
    removed: [],
    dateline: null,
    extraction: extraction ?? { method: 'plain', confidence: 1 },
    layers: {},
  };
}
