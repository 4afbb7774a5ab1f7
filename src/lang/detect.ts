// Language of an article, from its letters (with the declared language as a hint), limited to an allow-list.
// Only languages with their own analysis stages are named; anything else is 'und' and gets no
// language-specific rules (a Russian or Ukrainian text never goes through the English rules silently).

export const ANALYSED_LANGUAGES = ['en', 'ru'] as const;
export type AnalysedLanguage = (typeof ANALYSED_LANGUAGES)[number] | 'und';

export interface LanguageGuess {
  language: AnalysedLanguage;
  /** Share of the letters in the script that decided. */
  confidence: number;
  /** What the letters suggest when it is outside the allow-list ('uk', 'bg', ...). */
  detected: string;
}

// Letters that Russian does not use: Ukrainian (і ї є ґ), Belarusian (ў), Serbian/Macedonian (ј љ њ ћ ђ џ ѓ ќ ѕ).
const UKRAINIAN = /[іїєґ]/giu;
const OTHER_CYRILLIC = /[ўјљњћђџѓќѕ]/giu;
// Russian letters that Ukrainian does not use.
const RUSSIAN_ONLY = /[ыэъё]/giu;

/**
 * Decides by script: mostly Cyrillic letters -> Russian unless letters of another Cyrillic language
 * outnumber Russian-only ones; otherwise English as today, except when the input declares another
 * language outside the allow-list.
 */
export function detectLanguage(text: string, declared: string | null = null): LanguageGuess {
  let cyr = 0;
  let lat = 0;
  const n = Math.min(text.length, 20000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) lat++;
    else if (c >= 0x400 && c <= 0x4ff) cyr++;
  }
  const letters = cyr + lat;
  const decl = declared?.toLowerCase().slice(0, 2) ?? null;
  if (letters > 0 && cyr / letters >= 0.5) {
    const sample = text.slice(0, n);
    const uk = sample.match(UKRAINIAN)?.length ?? 0;
    const other = sample.match(OTHER_CYRILLIC)?.length ?? 0;
    const ru = sample.match(RUSSIAN_ONLY)?.length ?? 0;
    if (uk > ru && uk >= 3) return { language: 'und', confidence: cyr / letters, detected: 'uk' };
    if (other > ru && other >= 3) return { language: 'und', confidence: cyr / letters, detected: 'cyrillic' };
    return { language: 'ru', confidence: cyr / letters, detected: 'ru' };
  }
  // Latin script (or no letters): English as before, unless the input says it is another language.
  if (decl !== null && decl !== 'en' && decl !== 'ru' && /^[a-z]{2}$/.test(decl)) return { language: 'und', confidence: letters ? lat / letters : 0, detected: decl };
  return { language: 'en', confidence: letters ? lat / letters : 0, detected: 'en' };
}
