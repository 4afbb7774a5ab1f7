import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes } from './decode.js';

test('a page declared Latin-1 is read as Windows-1252, as browsers do (curly quotes survive)', () => {
  const bytes = iconv.encode('<meta charset="iso-8859-1"><p>\u201cQuoted\u201d caf\u00e9</p>', 'windows-1252');
  const d = decodeBytes(bytes, 'page.html', { html: true });
  assert.equal(d.encoding, 'windows-1252');
  assert.ok(d.text.includes('\u201cQuoted\u201d café'));
});

test('an undeclared Shift_JIS page is detected; a wrongly declared Cyrillic page is still read', () => {
  const jp = iconv.encode('<html><body><p>東京都は月曜日、新しい橋の工事が完了したと発表しました。多くの住民が喜んでいます。</p></body></html>', 'shift_jis');
  assert.ok(decodeBytes(jp, 'jp.html', { html: true }).text.includes('東京都は月曜日'));
  const ru = iconv.encode('<meta charset="utf-8"><p>Президент России прибыл в Бишкек с государственным визитом.</p>', 'windows-1251');
  const d = decodeBytes(ru, 'ru.html', { html: true });
  assert.equal(d.encoding, 'windows-1251');
  assert.ok(d.text.includes('Президент России'));
});
