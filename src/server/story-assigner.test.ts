import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStoryAssigner } from './story-assigner.js';
import { testArticle } from '../../test/helpers/articles.js';
import type { Article } from '../model/document.js';

test('articles the clusterer puts together share the stored story of the first one', () => {
  // Test double for the clusterer: the story is the first word of the text.
  const clusterer = { add: (a: Article) => ({ article: a.id, story: `c-${a.text.split(' ')[0]}`, isNewStory: false, score: 1, duplicateOf: null }) };
  const assigner = createStoryAssigner(clusterer);
  assigner.seed(testArticle('e1', 'X', 'Summit in Bishkek.'), 'example-bishkek');
  assert.equal(assigner.assign(testArticle('n1', 'Y', 'Summit talks went on.')), 'example-bishkek');
  assert.equal(assigner.assign(testArticle('n2', 'Y', 'Floods in the valley.')), 'story-n2');
  assert.equal(assigner.assign(testArticle('n3', 'Z', 'Floods again.')), 'story-n2');
});
