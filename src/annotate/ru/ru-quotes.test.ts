import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPipeline } from '../../pipeline/pipeline.js';
import { makeArticle } from '../../model/document.js';
import { russianStages } from './stages.js';

const pipeline = createPipeline(russianStages());
const quotes = (text: string) =>
  (pipeline.run(makeArticle({ id: 'x', source: 't', format: 'text', outlet: null, title: null, published: null, url: null, language: 'ru' }, text)).layers.quotes ?? []).map((q) => ({
    content: q.content.map((c) => c.text).join(' | '),
    cue: q.cue?.text ?? null,
    speaker: q.speakerMention?.text ?? null,
    direct: q.direct,
  }));

test('Russian quotes: direct speech with a dash, по словам, как сообщил, передаёт, что-clauses, negated cues', () => {
  assert.deepEqual(quotes('«Мы готовы к диалогу», — заявил Владимир Путин.'), [{ content: 'Мы готовы к диалогу', cue: 'заявил', speaker: 'Владимир Путин', direct: true }]);
  assert.deepEqual(quotes('По словам Дмитрия Пескова, встреча пройдет в Москве.'), [{ content: 'встреча пройдет в Москве.', cue: 'По словам', speaker: 'Дмитрия Пескова', direct: false }]);
  assert.deepEqual(quotes('Стороны подписали соглашение, передает ТАСС.'), [{ content: 'Стороны подписали соглашение', cue: 'передает', speaker: 'ТАСС', direct: false }]);
  assert.deepEqual(quotes('Песков опроверг, что встреча отменена.'), [{ content: 'встреча отменена.', cue: 'опроверг', speaker: 'Песков', direct: false }]);
  assert.deepEqual(quotes('В Москве прошел дождь.'), []);
});
