import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanArticle, cleanText, type CleanResult } from './clean.js';
import { makeArticle } from '../model/document.js';
import { sharedDir } from '../shared-paths.js';

/** The contract every result must keep, whatever was removed. */
function checkInvariants(source: string, r: CleanResult): void {
  for (const s of r.segments) {
    assert.equal(r.text.slice(s.textStart, s.textStart + s.length), source.slice(s.originalStart, s.originalStart + s.length));
  }
  assert.equal(r.segments.reduce((n, s) => n + s.length, 0), r.text.length, 'segments cover the whole text');
  for (const rm of r.removed) assert.equal(rm.text, source.slice(rm.start, rm.end));
  // Idempotent: the cleaned text has nothing more to remove.
  const again = cleanText(r.text);
  assert.deepEqual(again.removed, [], 'cleaning the cleaned text removes nothing more');
  assert.equal(again.text, r.text);
}

const example = (name: string) => readFileSync(join(sharedDir(), 'examples', 'bishkek', name), 'utf8');

test('moscow-times: the donation appeal is removed as one appeal, nothing of it stays', () => {
  const source = example('moscow-times.txt');
  const r = cleanText(source);
  checkInvariants(source, r);
  const appeal = r.removed.filter((x) => x.reason === 'boilerplate:appeal');
  assert.equal(appeal.length, 1);
  assert.ok(appeal[0]!.text.startsWith('A Message from The Moscow Times:'));
  assert.ok(appeal[0]!.text.endsWith('Remind me later.'));
  for (const bit of ['A Message from', 'Dear readers', 'undesirable', 'support us monthly', 'Remind me later']) {
    assert.ok(!r.text.includes(bit), `"${bit}" must not remain`);
  }
  // The news stays, paragraph breaks and all.
  assert.ok(r.text.startsWith('President Vladimir Putin met with Kyrgyz President Sadyr Japarov on Wednesday'));
  assert.ok(r.text.endsWith('the final day of Putin’s visit.'));
  assert.equal(r.text.split('\n').length, 11);
  assert.equal(r.dateline, null);
});

test('realist-english: the opening dateline gives place and outlet and leaves the text', () => {
  const source = example('realist-english.txt');
  const r = cleanText(source);
  checkInvariants(source, r);
  assert.deepEqual(r.removed.map((x) => [x.reason, x.text]), [['dateline', 'BISHKEK (Realist English).']]);
  assert.deepEqual(r.dateline, { place: 'Bishkek', outlet: 'Realist English' });
  assert.ok(r.text.startsWith('Russian President Vladimir Putin and Kyrgyz President Sadyr Japarov held bilateral talks'));
  assert.equal(r.text.split('\n').length, source.trim().split('\n').length);
});

test('cleanArticle keeps original and raw, and cleaning twice changes nothing', () => {
  const source = example('moscow-times.txt');
  const a = makeArticle({ id: 'mt', source: 'mt.txt', format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, source);
  const once = cleanArticle(a);
  assert.equal(once.original, source);
  assert.equal(once.raw, source);
  assert.deepEqual(cleanArticle(once), once);
});

const WIRE = `LONDON, March 3 (Reuters) - Britain's economy grew by 0.3% in the fourth quarter, official figures showed on Tuesday, beating the forecasts of economists polled by Reuters.
The Office for National Statistics said services output rose for a third month, while manufacturing shrank.
Sign up here for our free daily newsletter and get the top business stories delivered to your inbox.
"We are not out of the woods yet," finance minister Jane Holt told reporters. "Households will feel the squeeze for months, and we know you are worried."
Economists said the figures reduced the chance of a recession this year.
Reporting by Tom Ward; Editing by Ana Lee`;

test('wire story: dateline with date, mid-text newsletter prompt and credits go, quoted "we"/"you" stays', () => {
  const r = cleanText(WIRE);
  checkInvariants(WIRE, r);
  assert.deepEqual(r.dateline, { place: 'London', outlet: 'Reuters' });
  assert.deepEqual(
    r.removed.map((x) => x.reason),
    ['dateline', 'boilerplate:newsletter', 'boilerplate:credit'],
  );
  assert.ok(r.text.includes('"We are not out of the woods yet,"'));
  assert.ok(r.text.endsWith('a recession this year.'));
  assert.equal(r.text.split('\n').length, 4);
});

const APPEAL = `KYIV, Ukraine (AP) — Ukrainian drones struck an oil depot in southern Russia overnight, regional officials said on Sunday.
The governor of the region said firefighters had put out the blaze and no one was hurt.
Russia's Defence Ministry said its air defences had shot down 41 drones.

Before you go

Independent journalism is under threat around the world.
We rely on readers like you. Our reporters are on the ground because people like you chip in.
Make a one-time gift or become a member today. It only takes a minute.
Support us
No thanks`;

test('appeal block after the story goes as a whole, including its neutral sentence and buttons', () => {
  const r = cleanText(APPEAL);
  checkInvariants(APPEAL, r);
  assert.deepEqual(r.dateline, { place: 'Kyiv', outlet: 'AP' });
  const appeal = r.removed.find((x) => x.reason === 'boilerplate:appeal');
  assert.ok(appeal, 'appeal found');
  assert.ok(appeal.text.startsWith('Before you go'));
  assert.ok(appeal.text.endsWith('No thanks'));
  assert.ok(r.text.endsWith('shot down 41 drones.'));
});

const PLAIN_NEWS = `WASHINGTON — The Senate passed a bill on Thursday that would let charities accept donations through text messages.
Supporters said the change would help small groups raise money. "If you give five dollars, we want it to reach the people who need it," said Senator Mary Ortiz.
Critics said subscription fees charged by phone companies could eat into the gifts.
We asked the Federal Communications Commission for comment; it did not respond by publication time.`;

test('ordinary news that talks about donations and subscriptions is not boilerplate', () => {
  const r = cleanText(PLAIN_NEWS);
  checkInvariants(PLAIN_NEWS, r);
  assert.deepEqual(r.removed.map((x) => x.reason), ['dateline']);
  assert.deepEqual(r.dateline, { place: 'Washington', outlet: null });
  assert.ok(r.text.endsWith('by publication time.'));
});

const OPINION = `Our cities are running out of water, and we are running out of time.
The drought of the last three summers has emptied reservoirs across the south of the country.
We can still change course. If you live in a city, you can cut your own use by a third without noticing.
We owe it to our children to start now.`;

test('an opinion piece written as "we" and "you" is not an appeal without a call to give', () => {
  const r = cleanText(OPINION);
  checkInvariants(OPINION, r);
  assert.deepEqual(r.removed, []);
  assert.equal(r.text, OPINION);
});

const PAGE_TEXT = `We use cookies to improve your experience. By continuing to browse you accept our cookie policy.
Accept all

Central bank holds rates

MOSCOW, Nov. 25 /TASS/. The Central Bank kept its key rate at 16.5% on Friday, citing slowing inflation.

Share this article
Facebook | Twitter | Email

The decision was expected by most analysts.

Read more: Rouble weakens past 100 per dollar

Related stories:
Inflation slows for a third month`;

test('page leftovers: cookie banner, share row, related links; dateline after a headline', () => {
  const r = cleanText(PAGE_TEXT);
  checkInvariants(PAGE_TEXT, r);
  const reasons = r.removed.map((x) => x.reason);
  assert.ok(reasons.includes('boilerplate:cookie'));
  assert.ok(reasons.includes('boilerplate:share'));
  assert.ok(reasons.includes('boilerplate:related'));
  assert.deepEqual(r.dateline, { place: 'Moscow', outlet: 'TASS' });
  assert.ok(!/cookie|Facebook|Read more|Accept all/.test(r.text));
  assert.ok(r.text.startsWith('Central bank holds rates\n\nThe Central Bank kept its key rate'));
  assert.ok(r.text.includes('\n\nThe decision was expected by most analysts.'));
});

test('datelines: general shapes are read, headlines and labels are not', () => {
  const cases: [string, { place: string | null; outlet: string | null } | null][] = [
    ['NEW YORK, Jan 5 (Reuters) - Stocks fell.', { place: 'New York', outlet: 'Reuters' }],
    ['Bishkek (Kabar) — Talks began.', { place: 'Bishkek', outlet: 'Kabar' }],
    ['ST. PETERSBURG, Russia — The forum opened.', { place: 'St. Petersburg', outlet: null }],
    ['BREAKING: Parliament dissolved.', null],
    ['Officials (who asked not to be named) said the talks failed.', null],
    ['NATO allies met in Brussels on Monday.', null],
  ];
  for (const [text, want] of cases) {
    assert.deepEqual(cleanText(text).dateline, want, text);
  }
});

test('a text that is only "boilerplate" is left whole rather than emptied', () => {
  const r = cleanText('Subscribe now\nDonate today');
  assert.equal(r.text, 'Subscribe now\nDonate today');
  assert.deepEqual(r.removed, []);
});

test('wordCount counts what /[\\p{L}\\p{N}]+/gu matches', async () => {
  const { wordCount } = await import('./boilerplate.js');
  const samples = ['', 'one', ' two  words ', "don't stop-now 3.5%", 'Бишкек, 2024 год', 'cafe\u0301 x', '𝐀𝐁 c 😀d', '\ud800 lone a\udc00b', '日本語のテキスト', '½ ² ٣'];
  for (const s of samples) assert.equal(wordCount(s), (s.match(/[\p{L}\p{N}]+/gu) ?? []).length, JSON.stringify(s));
});

test('withoutQuotes blanks quoted speech code unit by code unit, as a character-by-character copy does', async () => {
  const { withoutQuotes } = await import('./boilerplate.js');
  // The definition, one code unit at a time.
  const reference = (text: string): string => {
    let out = '';
    let inQuote = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const two = ch === "'" && text[i + 1] === "'";
      const toggle = ch === '“' || ch === '«' || ch === '„' ? 'open' : ch === '”' || ch === '»' ? 'close' : ch === '"' || two ? 'flip' : null;
      if (toggle) {
        inQuote = toggle === 'open' ? true : toggle === 'close' ? false : !inQuote;
        out += two ? '  ' : ' ';
        if (two) i++;
        continue;
      }
      out += inQuote ? (ch === '\n' ? '\n' : ' ') : ch;
    }
    return out;
  };
  const alphabet = ['a', ' ', '\n', '"', "'", '“', '”', '«', '»', '„', 'é', '😀', 'we'];
  let seed = 3;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let k = 0; k < 20000; k++) {
    let text = '';
    const n = Math.floor(random() * 12);
    for (let j = 0; j < n; j++) text += alphabet[Math.floor(random() * alphabet.length)];
    assert.equal(withoutQuotes(text), reference(text), JSON.stringify(text));
  }
});
