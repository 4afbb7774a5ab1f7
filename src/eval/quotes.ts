import { extractQuotes } from '../annotate/quotes/index.js';
import { loadQuoteLexicon, type QuoteLexicon } from '../annotate/quotes/lexicon.js';
import { splitSentences } from '../annotate/sentences.js';
import { tokenize } from '../annotate/tokens.js';
import { makeArticle } from '../model/document.js';
import { createAnalyzer } from '../analyze.js';
import type { Stage } from '../pipeline/stage.js';
import { silentContext } from '../pipeline/stage.js';
import type { EvalTask } from './task.js';
import { emptyQuoteCounts, scoreQuotesDoc, summarizeQuotes, type Attribution } from './quotes-score.js';
import { readJsonRecords } from '../ingest/json-lines.js';

interface QuoteItem {
  id: string;
  publisher?: string;
  text: string;
  attributions: { id: string; source: { start: number; end: number; text: string } | null; cue: { start: number; end: number; text: string } | null; content: { start: number; end: number; text: string }[] }[];
}

function readItems(file: string, limit?: number): QuoteItem[] {
  return readJsonRecords<QuoteItem>(file, limit !== undefined ? { limit } : {});
}

/** The shipped entity stage, made on first use. */
let entityStage: Stage | undefined;

/**
 * Our quote stage on one text, as attributions with the speaker mention as written (PolNeAR's sources are
 * mentions, so the entity stage is not needed here; the text is not cleaned, so offsets stay the item's).
 */
export function predictAttributions(text: string, lex: QuoteLexicon, options: { entities?: boolean } = {}): { source: { start: number; end: number; text: string } | null; cue: { start: number; end: number; text: string } | null; content: { start: number; end: number; text: string }[]; speakerName?: string | null }[] {
  const a = makeArticle({ id: 'x', source: 'eval', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, text);
  a.layers.tokens = tokenize(text);
  a.layers.sentences = splitSentences(text, a.layers.tokens);
  a.layers.entities = [];
  if (options.entities) {
    // The entity stage lets the quote stage resolve speakers ("he" -> Donald Trump): scored as speaker entity accuracy.
    const e = (entityStage ??= createAnalyzer().stage('entities')).run(a, silentContext);
    a.layers.entities = e.entities ?? [];
    a.layers.entityIndex = e.entityIndex ?? [];
  }
  const names = new Map((a.layers.entityIndex ?? []).map((x) => [x.id, x.name]));
  return extractQuotes(a, lex, { attitudes: true }).map((q) => ({ source: q.speakerMention, cue: q.cue, content: q.content, ...(options.entities ? { speakerName: q.speaker ? (names.get(q.speaker) ?? null) : null } : {}) }));
}

export const quotesTask: EvalTask = {
  name: 'quotes',
  description: 'attribution (PolNeAR format): content F1 at 0.3 overlap, exact F1, speaker accuracy on matched contents, speaker entity accuracy where the gold source is a name',
  defaultFile: 'quotes/polnear.dev.jsonl',
  async run(file, options) {
    const items = readItems(file, options.limit);
    const lex = loadQuoteLexicon();
    const counts = emptyQuoteCounts();
    const predictions: unknown[] = [];
    for (const item of items) {
      const pred = predictAttributions(item.text, lex, { entities: true });
      scoreQuotesDoc(item.text, item.attributions as Attribution[], pred, counts);
      predictions.push({ id: item.id, attributions: pred });
    }
    return { summary: { documents: items.length, ...(options.limit ? { limit: options.limit } : {}), ...summarizeQuotes(counts) }, predictions };
  },
};
