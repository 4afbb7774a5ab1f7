import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle } from '../../model/document.js';
import { ruStatusFacts } from './status-ru.js';

const { analyze } = createAnalyzer();
const run = (text: string) =>
  analyze(makeArticle({ id: 'a', source: 'a', format: 'text', outlet: 'A', title: null, published: null, url: null, language: 'ru' }, text));

test('Russian acts: an attempt is not done, a negated past verb is denied, a past verb or short participle is done', () => {
  const a = run('Около 400 человек вышли на трассу и попытались перекрыть движение. Подозреваемый не задержан. Граждане Азербайджана перекрыли дорогу.');
  const facts = ruStatusFacts(a, (id) => id).map((f) => [a.text.slice(f.value.start, f.value.end), f.status]);
  assert.deepEqual(facts, [
    ['вышли', 'done'],
    ['попытались', 'done'],
    ['попытались перекрыть', 'planned'],
    ['не задержан', 'negated'],
    ['перекрыли', 'done'],
  ]);
  const acts = ruStatusFacts(a, (id) => id).map((f) => f.act);
  assert.equal(acts[2], acts[4], 'one act across its forms (перекрыть / перекрыли)');
});

test('a pre-investigation check says no criminal case is opened yet', () => {
  const a = run('По данному факту проводится доследственная проверка. Следователи возбудили уголовное дело.');
  const facts = ruStatusFacts(a, (id) => id);
  const check = facts.find((f) => f.status === 'planned')!;
  assert.equal(a.text.slice(check.value.start, check.value.end), 'проводится доследственная проверка');
  const opened = facts.find((f) => a.text.slice(f.value.start, f.value.end) === 'возбудили')!;
  assert.equal(check.act, opened.act);
  assert.ok(check.around.has(opened.around.has('case') ? 'case' : 'уголовн'));
});

test('a person taken to hospital with injuries has not died: the act meets a later report of the death', () => {
  const a = run('В ходе аварии пострадал водитель, его госпитализировали с травмами.');
  const b = run('Водитель, который пострадал при аварии, скончался в больнице.');
  const alive = ruStatusFacts(a, (id) => id).find((f) => f.status === 'negated')!;
  assert.equal(a.text.slice(alive.value.start, alive.value.end), 'госпитализировали с травмами');
  const died = ruStatusFacts(b, (id) => id).find((f) => b.text.slice(f.value.start, f.value.end) === 'скончался')!;
  assert.equal(alive.act, died.act);
  assert.equal(died.status, 'done');
});

test('held "по делу о" something is linked to it, against "не связано с"', () => {
  const a = run('Источник подчеркнул, что задержание не связано с публикацией видео.');
  const b = run('Прокуратура сообщила, что оба задержаны по делу о публикации изображений.');
  const denied = ruStatusFacts(a, (id) => id).find((f) => f.status === 'negated')!;
  const linked = ruStatusFacts(b, (id) => id).find((f) => b.text.slice(f.value.start, f.value.end) === 'по делу о')!;
  assert.equal(a.text.slice(denied.value.start, denied.value.end), 'не связано');
  assert.equal(denied.act, linked.act);
  assert.equal(linked.status, 'done');
});
