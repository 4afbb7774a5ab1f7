import { makeArticle, type Article } from '../../model/document.js';
import { silentContext } from '../../pipeline/stage.js';
import { sentenceStage } from '../sentences.js';
import { tokenStage } from '../tokens.js';

/** An article with tokens and sentences, for the annotators' unit tests. */
export function preparedArticle(text: string, published: string | null = null): Article {
  const a = makeArticle({ id: 't', source: 'test', format: 'text', outlet: null, title: null, published, url: null, language: 'en' }, text);
  a.layers.tokens = tokenStage.run(a, silentContext).tokens!;
  a.layers.sentences = sentenceStage.run(a, silentContext).sentences!;
  return a;
}
