import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, Quantity, Quote, Span } from '../../model/document.js';
import { textSpan } from '../../model/document.js';
import type { Stage } from '../../pipeline/stage.js';
import { repoRoot } from '../../shared-paths.js';
import { attachCounted, type Counted } from './counted.js';
import { findFigures } from './figures.js';
import { loadQuantityLexicon, type QuantityLexicon } from './lexicon.js';
import { tokenView } from './token-view.js';
import { spanIndex, type SpanIndex } from '../span-index.js';

export interface QuantityStageOptions {
  lexicon: QuantityLexicon;
  months: ReadonlySet<string>;
}

/** Month names from data/lexicons/time.json (numbers next to them are dates). */
export function loadMonthNames(dir: string = join(repoRoot(), 'data', 'lexicons')): Set<string> {
  const raw = JSON.parse(readFileSync(join(dir, 'time.json'), 'utf8')) as { months: Record<string, number> };
  return new Set(Object.keys(raw.months));
}

/** Where each quote's content and attribution lie, for lookups by position (not a pass over every quote). */
interface QuoteSpans {
  contents: Span[];
  quoteOf: number[];
  contentIndex: SpanIndex;
  /** Each quote's start, as an empty span. */
  startIndex: SpanIndex;
}

function quoteSpans(quotes: readonly Quote[]): QuoteSpans {
  const contents: Span[] = [];
  const quoteOf: number[] = [];
  quotes.forEach((q, i) => {
    for (const c of q.content) {
      contents.push(c);
      quoteOf.push(i);
    }
  });
  return { contents, quoteOf, contentIndex: spanIndex(contents), startIndex: spanIndex(quotes.map((q) => ({ start: q.start, end: q.start }))) };
}

/** The quote a position belongs to: the first whose content holds it. */
function quoteAt(spans: QuoteSpans, start: number, end: number): number {
  let first = -1;
  for (const k of spans.contentIndex.overlapping({ start, end: Math.max(end, start + 1) })) {
    const c = spans.contents[k]!;
    const q = spans.quoteOf[k]!;
    if (start >= c.start && end <= c.end && (first < 0 || q < first)) first = q;
  }
  return first;
}

/**
 * Quantities: candidates (figures with currency, scale, unit, hedge, range, change), then what each
 * counts, then who states it (the quote it sits in, or the last attribution of its paragraph).
 */
export function extractQuantities(article: Article, o: QuantityStageOptions): Quantity[] {
  const view = tokenView(article);
  const quotes = article.layers.quotes ?? [];
  const spans = quoteSpans(quotes);
  const out: Quantity[] = [];
  let previous: Counted | null = null;
  let paragraphQuote = -1;
  let paragraph = -1;
  for (let s = 0; s < view.sentences.length; s++) {
    const sent = view.sentences[s]!;
    if (sent.paragraph !== paragraph) {
      paragraph = sent.paragraph;
      paragraphQuote = -1;
      previous = null;
    }
    const first = view.sentStart[s]!;
    const end = view.sentEnd[s]!;
    // The last attribution that starts in this sentence carries to later sentences of the paragraph.
    let sentenceQuote = -1;
    for (const q of spans.startIndex.inside(sent)) {
      const qq = quotes[q]!;
      if (qq.start < sent.end && qq.speakerMention && !qq.attitude) sentenceQuote = q;
    }
    const figs = findFigures(view, { lex: o.lexicon, months: o.months }, first, end);
    if (figs.length > 0) {
      const counted = attachCounted(view, o.lexicon, figs, first, end, previous);
      for (let k = 0; k < figs.length; k++) {
        const f = figs[k]!;
        const c = counted[k] ?? null;
        const start = view.tokens[f.first]!.start;
        const stop = view.tokens[f.end - 1]!.end;
        let q = quoteAt(spans, start, stop);
        const inferred = q < 0 && paragraphQuote >= 0;
        if (inferred) q = paragraphQuote;
        const quote = q >= 0 ? quotes[q]! : null;
        // A share is between 0 and 100%: "around 97%" allows 92-100, not 101.85.
        const share = f.unit === '%' && f.kind === 'level' && f.value >= 0 && f.value <= 100;
        const countedSpan = c ? textSpan(view.text, view.tokens[c.first]!.start, view.tokens[c.end - 1]!.end) : null;
        out.push({
          start,
          end: stop,
          value: f.value,
          low: share ? Math.max(0, f.low) : f.low,
          high: share ? Math.min(100, f.high) : f.high,
          unit: f.unit,
          hedge: f.hedge,
          counted: countedSpan,
          countedHead: c ? c.head : f.tally ? 'vote' : null,
          kind: f.kind,
          speaker: quote ? quote.speaker : null,
          speakerMention: quote ? quote.speakerMention : null,
          quote: q >= 0 ? q : null,
          speakerInferred: inferred,
          measure: countedSpan,
          ...(f.tally ? { tally: f.tally } : {}),
          ...(f.kind === 'multiple' ? { multiplier: { factor: f.value, base: countedSpan } } : {}),
        });
        if (c) previous = c;
      }
    }
    if (sentenceQuote >= 0) paragraphQuote = sentenceQuote;
  }
  return out;
}

export function createQuantityStage(options: QuantityStageOptions): Stage {
  return {
    name: 'quantities',
    requires: ['tokens', 'sentences', 'quotes'],
    provides: ['quantities'],
    run: (article) => ({ quantities: extractQuantities(article, options) }),
  };
}
