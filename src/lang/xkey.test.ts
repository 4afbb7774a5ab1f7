import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossLanguageKey, englishDemonym } from './xkey.js';
import { concept } from '../annotate/lexicon.js';

test('cross-language keys: transliterations, case forms, countries and exonyms meet', () => {
  const same = (...names: string[]) => assert.equal(new Set(names.map((n) => crossLanguageKey(n, 'PER'))).size, 1, names.map((n) => `${n}=${crossLanguageKey(n, 'PER')}`).join(' '));
  same('Жапаров', 'Жапарова', 'Japarov', 'Zhaparov', 'Садыр Жапаров', 'Sadyr Japarov');
  same('Токаев', 'Tokayev', 'Tokaev');
  same('Путину', 'Putin');
  const loc = (...names: string[]) => assert.equal(new Set(names.map((n) => crossLanguageKey(n, 'LOC'))).size, 1, names.map((n) => `${n}=${crossLanguageKey(n, 'LOC')}`).join(' '));
  loc('Бишкек', 'Бишкеке', 'Bishkek');
  loc('Россия', 'России', 'Russia');
  loc('Киргизия', 'Киргизии', 'Kyrgyzstan');
  loc('Москва', 'Москве', 'Moscow');
  assert.notEqual(crossLanguageKey('Путин', 'PER'), crossLanguageKey('Песков', 'PER'));
});

test('story entities: a Russian and an English report name one person and one place (resolveStoryEntities)', async () => {
  const { resolveStoryEntities } = await import('../annotate/entities/resolve-story.js');
  const { makeArticle } = await import('../model/document.js');
  const art = (id: string, entities: { id: string; name: string; type: 'PER' | 'LOC' }[]) => {
    const a = makeArticle({ id, source: id, format: 'text', outlet: null, title: null, published: null, url: null, language: null }, 'x');
    a.layers.entityIndex = entities.map((e) => ({ ...e, aliases: [] }));
    return a;
  };
  const story = resolveStoryEntities([
    art('ru', [{ id: 'e1', name: 'Садыра Жапарова', type: 'PER' }, { id: 'e2', name: 'Бишкеке', type: 'LOC' }]),
    art('en', [{ id: 'e1', name: 'Sadyr Japarov', type: 'PER' }, { id: 'e2', name: 'Bishkek', type: 'LOC' }, { id: 'e3', name: 'Moscow', type: 'LOC' }]),
  ]);
  assert.equal(story.length, 3);
  assert.ok(story.some((e) => e.members.length === 2 && e.type === 'PER'));
  assert.ok(story.some((e) => e.members.length === 2 && e.type === 'LOC'));
});

test('a country adjective in any case reads as its English adjective; other adjectives do not', () => {
  assert.equal(englishDemonym('индонезийском'), 'indonesian');
  assert.equal(englishDemonym('Японского'), 'japanese');
  assert.equal(englishDemonym('российских'), 'russian');
  assert.equal(englishDemonym('американских'), 'american');
  assert.equal(englishDemonym('немецкие'), 'german');
  assert.equal(englishDemonym('президентский'), null);
  assert.equal(englishDemonym('городских'), null);
  // So the words around a figure meet across languages: 'на индонезийском острове' / 'the Indonesian island'.
  assert.equal(concept('индонезийском'), concept('Indonesian'));
  assert.equal(concept('острове'), concept('island'));
});
