import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossLanguageKey } from './xkey.js';

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
