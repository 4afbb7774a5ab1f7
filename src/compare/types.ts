// The result of comparing the articles of one story: the JSON contract (schemaVersion 2), documented
// in docs/json-schema.md. Every start/end indexes that article's `text` and every `text` equals that slice.

export const SCHEMA_VERSION = 2;

export interface Evidence {
  /** Article id. */
  article: string;
  start: number;
  end: number;
  text: string;
  /**
   * What this piece of evidence is: 'value' (the exact differing or matching words), 'context' (the clause
   * around them, at most 300 characters), 'claim', 'common-item', 'only-item', 'time'.
   */
  role?: string;
}

export type FindingKind = 'agreement' | 'partial' | 'conflict' | 'exclusive';
export type ConflictType = 'number' | 'date' | 'speaker' | 'negation' | 'modality' | 'entity';
/**
 * How the findings' facts relate: 'contradiction' (cannot both hold), 'different-tallies' (figures that differ
 * but can both hold), 'update' (the later report gives a newer count or the done act), 'agreement', 'partial', 'exclusive'.
 */
export type Verdict = 'contradiction' | 'different-tallies' | 'update' | 'agreement' | 'partial' | 'exclusive';

export interface Finding {
  id: string;
  kind: FindingKind;
  /** For conflicts: what differs. */
  type?: ConflictType;
  /** How the facts relate (schemaVersion 2); conflicts carry contradiction, different-tallies or update. */
  verdict?: Verdict;
  summary: string;
  evidence: Evidence[];
  /** Articles (ids) that report it. For conflicts: each side. */
  articles: string[];
  /** 0..1, for ordering (conflicts first, then by salience). */
  salience: number;
  /** True when both sides come from the same article (one article giving two figures). */
  withinArticle?: boolean;
  /** Independent outlets behind an agreement (wire copies count once). */
  independentOutlets?: number;
  details?: Record<string, unknown>;
}

export interface RemovedOut {
  /** Offsets index `original` (the text before cleaning). */
  start: number;
  end: number;
  reason: string;
  text: string;
}

export interface ArticleOut {
  id: string;
  source: string;
  outlet: string | null;
  title: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  text: string;
  original: string;
  removed: RemovedOut[];
  dateline: { place: string | null; outlet: string | null } | null;
  extraction: { method: string; confidence: number; notes?: string[] };
  /** The original article this one copies (wire copy), when detected. */
  copyOf?: string | null;
}

export interface QuoteOut {
  article: string;
  speaker: string | null;
  /** Entity id of the speaker. */
  speakerEntity: string | null;
  speakerKind: string;
  start: number;
  end: number;
  text: string;
  direct: boolean;
  cue: string | null;
  /** Through whom the words reach us ("according to a Kremlin readout"). */
  via?: string | null;
}

export interface EntityOut {
  id: string;
  name: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  aliases: string[];
  mentions: { article: string; start: number; end: number; text: string; via?: string }[];
  /** Mentions per article id. */
  coverage: Record<string, number>;
}

export interface FigureCell {
  article: string;
  value: number;
  low: number;
  high: number;
  unit: string | null;
  hedge: string | null;
  speaker: string | null;
  start: number;
  end: number;
  text: string;
}

export interface FigureRow {
  /** The measure ("Russian companies operating in Kyrgyzstan"). */
  measure: string;
  cells: FigureCell[];
  /** Whether the figures disagree beyond hedges and rounding. */
  conflict: boolean;
}

export interface QuoteRow {
  speaker: string;
  speakerEntity: string | null;
  /** Quotes of this speaker per article id. */
  byArticle: Record<string, QuoteOut[]>;
}

export interface FramingOut {
  article: string;
  outlet: string | null;
  tone: number;
  /** Tone per sentence (-1..1), in order. */
  sentenceTone: { start: number; end: number; score: number }[];
  evaluativeTerms: { start: number; end: number; text: string }[];
  hedges: { start: number; end: number; text: string }[];
  backgroundShare: number;
  quoteShare: number;
  officialQuoteShare: number;
  /** Speaker entity name -> number of quotes. */
  quoted: Record<string, number>;
  sentences: number;
  figures: number;
}

export interface TimelineEntry {
  value: string;
  label: string;
  evidence: Evidence[];
}

export interface StoryComparison {
  schemaVersion: number;
  generator: string;
  articles: ArticleOut[];
  findings: Finding[];
  quotes: QuoteOut[];
  entities: EntityOut[];
  figures: FigureRow[];
  quoteTable: QuoteRow[];
  framing: FramingOut[];
  timeline: TimelineEntry[];
  /** A few sentences on the common ground and the main differences, each backed by findings. */
  summary: { text: string; findings: string[] }[];
  /** Problems met while reading inputs (with --keep-going). */
  failures: { subject: string; message: string }[];
}
