// fast-check generators of text that looks enough like news to reach deep into every stage (names with
// titles, figures with hedges and units, dates, quotes, datelines, appeals), mixed with hostile pieces
// (control characters, lone surrogates, combining marks, odd quotes and dashes, very long words).
import fc from 'fast-check';

const NEWS_PIECES = [
  'President', 'Sadyr', 'Japarov', 'Kyrgyz', 'Russian', 'Vladimir', 'Putin', 'Mr.', 'Dr.', 'U.S.', 'CSTO', 'the', 'Collective',
  'Security', 'Treaty', 'Organization', '(CSTO)', 'said', 'told', 'stressed', 'according to', 'a Kremlin readout', 'he', 'she', 'they',
  'met', 'signed', 'did not sign', 'was ready for signing', 'will', 'may', 'denied', 'about', 'around', 'nearly', 'almost', 'some',
  'more than', '1,700', '13.6%', '13.6 percent', '$4.1 billion', 'nine', '9', '2,000.5', '-3', '0', '1e9', '½', '٣', 'enterprises',
  'on Tuesday', 'last year', 'January to September this year', 'yesterday', 'in 2024', '25 November 2025', '2025-11-25', '10:30',
  'BISHKEK (Realist English).', 'MOSCOW —', 'Bishkek', 'Moscow', 'Kyrgyzstan’s', "Kyrgyzstan's", 'trade', 'turnover', 'grew',
  '"', '“', '”', '‘', '’', "'", '«', '»', '(', ')', '[', ']', '—', '–', '-', '…', '.', ',', ';', ':', '!', '?', '...', '&amp;',
  'Dear readers,', 'Support independent journalism: donate today.', 'Subscribe to our newsletter.', 'Read more:', 'Share this',
  '\n', '\n\n', '\t', '\r\n', '\u00a0', '\u200b', '\ufeff', '\u0000', '\u0007', '\u001b[31m', '\ud800', '\udfff', 'e\u0301',
  '👍🏽', '🇰🇬', 'Президент', 'Жапаров', 'São', 'İstanbul', 'ß', 'ﬁ', 'Ǆ',
];

/** One piece of news-like or hostile text. */
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...NEWS_PIECES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1e7, max: 1e9 }).map((n) => n.toLocaleString('en-US')) },
);

const separator = fc.constantFrom(' ', ' ', ' ', ' ', '', '\n', '\n\n', ', ', '. ', '  ');

/** News-like text of up to about `maxPieces` pieces. */
export function newsText(maxPieces = 120): fc.Arbitrary<string> {
  return fc.array(fc.tuple(piece, separator), { maxLength: maxPieces }).map((parts) => parts.map(([p, s]) => p + s).join(''));
}

/** Any string at all, including lone surrogates and control characters. */
export const anyText: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), newsText(60));
