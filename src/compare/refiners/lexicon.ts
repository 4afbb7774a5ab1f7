import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared-paths.js';

/** What the refiners read from data/lexicons/compare-refine.json (see data/lexicons/README.md). */
export interface RefineLexicon {
  /** Phrases that put a figure over a period ("since", "so far"), as one pattern of whole words. */
  cumulative: RegExp;
  /** Spans of time ("between 2011 and 2014"), as one pattern. */
  span: RegExp;
  /** Nouns that count groups of people, not people ("groups", "companies"). */
  collective: ReadonlySet<string>;
  /** Nouns of an unnamed speaker ("a North Korea official", "an aide"). */
  unnamedSpeakers: ReadonlySet<string>;
}

let cached: RefineLexicon | undefined;

export function refineLexicon(): RefineLexicon {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(join(repoRoot(), 'data', 'lexicons', 'compare-refine.json'), 'utf8')) as { cumulative: string[]; span: string[]; collective: string[]; unnamedSpeakers: string[] };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  cached = {
    cumulative: new RegExp(`\\b(?:${raw.cumulative.map(escape).join('|')})\\b`, 'i'),
    span: new RegExp(`\\b(?:${raw.span.join('|')})`, 'i'),
    collective: new Set(raw.collective),
    unnamedSpeakers: new Set(raw.unnamedSpeakers),
  };
  return cached;
}
