import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRu, ruNameKey } from './stage.js';
import { scoreNerRu } from '../../../eval/ner-ru.js';
import { loadRuTagger } from './tagger.js';
import { findRuEvents } from './events.js';
import { RU_FEATURES_PER_TOKEN, RuFeaturizer, razdelTokens, type NameLists } from './features.js';
import { orgNameKey, ruNameLists } from './lists.js';
import { foldRu } from '../normalize.js';
import { stemRu } from '../stem.js';

test('name keys: case forms of a surname share one key', () => {
  assert.equal(ruNameKey('Путина'), ruNameKey('Путин'));
  assert.equal(ruNameKey('Путину'), 'путин');
  assert.equal(ruNameKey('Жапарова'), 'жапаров');
  assert.equal(ruNameKey('Зеленского'), 'зеленский');
  assert.equal(ruNameKey('Ивановой'), 'иванов');
});

test('resolution: Путин, Путина and В. В. Путин are one person', () => {
  const text = 'В. В. Путин прибыл. Визит Путина начался. Путину показали город.';
  const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type: 'PER' as const });
  const spans = [at('В. В. Путин'), at('Путина'), at('Путину')];
  const r = resolveRu(text, spans);
  assert.equal(r.entities.length, 1);
  assert.deepEqual(new Set(r.mentions.map((m) => m.entity)), new Set(['e1']));
});

test('naeval scoring: token F1 per type and exact entity F1', () => {
  const gold = [{ id: 'a', text: 'Владимир Путин прибыл в Бишкек', entities: [{ start: 0, end: 14, type: 'PER' }, { start: 24, end: 30, type: 'LOC' }] }];
  const s = scoreNerRu(gold, [{ id: 'a', entities: [{ start: 9, end: 14, type: 'PER' }, { start: 24, end: 30, type: 'ORG' }] }]);
  assert.equal(s.perType.PER!.precision, 1);
  assert.equal(s.perType.PER!.recall, 0.5);
  assert.equal(s.perType.LOC!.recall, 0);
  assert.equal(s.f1, 0);
});

test('the committed model tags a plain sentence', () => {
  const tagger = loadRuTagger();
  assert.ok(tagger, 'models/ner-ru.bin.gz is committed');
  const text = 'Президент России Владимир Путин встретился в Бишкеке с Садыром Жапаровым.';
  const got = tagger.tag(text).map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
  assert.ok(got.includes('PER:Владимир Путин'), got.join(' '));
  assert.ok(got.includes('LOC:Бишкеке'), got.join(' '));
  assert.ok(got.includes('LOC:России'), got.join(' '));
});

test('features: an organisation-gazetteer word, a Latin name and a web address each change the features', () => {
  const lists = ruNameLists();
  const feats = (l: NameLists, text: string, at: number) => {
    const tokens = razdelTokens(text);
    const words = tokens.map((t) => text.slice(t.start, t.end));
    const f = new RuFeaturizer(l).document(words, [{ start: 0, end: words.length }]);
    return [...f.slice(at * RU_FEATURES_PER_TOKEN, (at + 1) * RU_FEATURES_PER_TOKEN)].join(',');
  };
  assert.equal(orgNameKey('Интерполу'), orgNameKey('Интерпол'));
  const withName = { ...lists, orgNames: new Set([orgNameKey('Интерпол')]) };
  const without = { ...lists, orgNames: new Set<string>() };
  assert.notEqual(feats(withName, 'Запрос направлен в Интерпол', 3), feats(without, 'Запрос направлен в Интерпол', 3));
  assert.notEqual(feats(lists, 'сообщает infox.ru', 1), feats(lists, 'сообщает infox ru', 1));
});

test('features: the OpenCorpora dictionary knows places, first names, surnames and organisations in every case', () => {
  const { dictionaryNames } = ruNameLists();
  const classes = (w: string) => dictionaryNames.get(stemRu(foldRu(w))) ?? '';
  assert.match(classes('Мехико'), /g/);
  assert.match(classes('Кишинёва'), /g/);
  assert.match(classes('Путину'), /s/);
  assert.match(classes('Александром'), /n/);
  assert.match(classes('Интерполу'), /o/);
  assert.equal(classes('заявил'), '');
});

test('resolution: an acronym joins the name its initials spell; a person named in full keeps the type of the surname alone', () => {
  const text = 'В Следственном комитете сообщили о проверке. СК начал работу. Пётр Павленский задержан. Адвокат Павленского молчит.';
  const at = (w: string, type: 'PER' | 'ORG' | 'LOC') => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, type });
  const r = resolveRu(text, [at('Следственном комитете', 'ORG'), at('СК', 'ORG'), at('Пётр Павленский', 'PER'), at('Павленского', 'LOC')]);
  const [sk1, sk2, p1, p2] = r.mentions;
  assert.equal(sk1!.entity, sk2!.entity, 'СК = Следственный комитет');
  assert.equal(p2!.type, 'PER');
  assert.equal(p1!.entity, p2!.entity, 'Павленского is Пётр Павленский');
});

test('resolution: an organisation that a country ends is the organisation named without it ("СК РФ" = "СК" = "Следственный комитет")', () => {
  const text = 'Следственный комитет возбудил дело. СК РФ проводит проверку. В СК сообщили. МИД России и МИД заявили.';
  const at = (w: string, from = 0) => ({ start: text.indexOf(w, from), end: text.indexOf(w, from) + w.length, type: 'ORG' as const });
  const r = resolveRu(text, [at('Следственный комитет'), at('СК РФ'), at('СК', text.indexOf('В СК')), at('МИД России'), at('МИД', text.indexOf('и МИД'))]);
  const [full, withCountry, short, mid1, mid2] = r.mentions;
  assert.equal(withCountry!.entity, short!.entity, 'СК РФ = СК');
  assert.equal(short!.entity, full!.entity, 'СК = Следственный комитет');
  assert.equal(mid1!.entity, mid2!.entity, 'МИД России = МИД');
  assert.notEqual(mid1!.entity, full!.entity);
});

test('listed event names are MISC names in any case, and win over tagger spans inside them', () => {
  const text = 'Ветеран Великой Отечественной войны умер. Он прошел всю Великую Отечественную войну. Говорили о гражданской войне в Сирии.';
  const events = findRuEvents(text, ruNameLists().eventNames);
  assert.deepEqual(events.map((e) => text.slice(e.start, e.end)), ['Великой Отечественной войны', 'Великую Отечественную войну']);
  const inner = text.indexOf('Великой Отечественной');
  const r = resolveRu(text, [{ start: inner, end: inner + 'Великой Отечественной'.length, type: 'ORG' }], ruNameLists(), events);
  assert.deepEqual(r.mentions.map((m) => m.type), ['MISC', 'MISC']);
  assert.equal(r.entities.length, 1);
});
