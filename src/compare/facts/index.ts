import type { Article } from '../../model/document.js';
import { ageFacts } from './ages.js';
import { figureFacts } from './figures.js';
import { datedFacts } from './events.js';
import { statusFacts } from './status.js';
import { personFacts } from './people.js';
import { quoteFacts } from './quotes.js';
import type { Fact } from './types.js';
import { plainForms, type WordForms } from './words.js';

export type { Fact, FigureFact, AgeFact, DatedFact, StatusFact, PersonFact, QuoteFact, Mention } from './types.js';

/**
 * The facts of one article, read from its layers (tokens, sentences, entities, quantities): figures and ages,
 * each mention with its value and context spans. `toStory` maps the article's entity ids to story entities;
 * `forms` gives the stems and concepts of words (one set per story: each word worked out once).
 */
export function articleFacts(article: Article, toStory: (id: string) => string, forms: WordForms = plainForms): Fact[] {
  return [...figureFacts(article, toStory, forms), ...ageFacts(article, toStory, forms), ...datedFacts(article, toStory, forms), ...statusFacts(article, toStory, forms), ...personFacts(article, toStory), ...quoteFacts(article, toStory)];
}
