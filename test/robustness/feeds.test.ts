// Hostile and broken feeds through the feed parser (src/feeds): entity expansion, external entities,
// Time bounds are generous (the machine is shared): they catch hangs and quadratic blow-ups, the bench measures speed.
// deep nesting, malformed RSS/Atom. Each gives items, an E_PARSE, or nothing, in bounded time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { parseXml } from '../../src/feeds/xml.js';
import { feedItems } from '../../src/ingest/collect.js';
import { isParallaxError } from '../../src/model/errors.js';

const ITEM = '<item><title>Talks in Bishkek</title><link>https://example.org/a</link><description>&lt;p&gt;Officials met on Tuesday.&lt;/p&gt;</description></item>';

function billionLaughs(levels: number): string {
  const decls = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < levels; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${decls.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol${levels - 1};</title>${ITEM.replace('Talks in Bishkek', `&lol${levels - 1};`)}</channel></rss>`;
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

test('billion laughs: entities are not expanded, memory and time stay flat', () => {
  const rss0 = process.memoryUsage().rss;
  const { value: feed, ms } = timed(() => parseFeed(billionLaughs(10), 'laughs.rss'));
  assert.ok(ms < 2000, `${ms} ms`);
  assert.ok(process.memoryUsage().rss - rss0 < 64 * 1024 * 1024);
  assert.equal(feed.items.length, 1);
  // Left as written, never expanded to 10^9 "lol"s.
  assert.ok((feed.title ?? '').length < 100, feed.title ?? '');
  assert.ok(!(feed.items[0]!.title ?? '').includes('lollol'));
});

test('external entities (file, metadata URL, parameter entities) are never resolved', () => {
  const xxe = `<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY file SYSTEM "file:///etc/passwd">
  <!ENTITY meta SYSTEM "http://169.254.169.254/latest/meta-data/">
  <!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;
]>
<rss version="2.0"><channel><title>&file;</title><item><title>&meta;</title><description>&file; Officials met.</description></item></channel></rss>`;
  const feed = parseFeed(xxe, 'xxe.rss');
  const all = JSON.stringify(feed);
  assert.ok(!all.includes('root:'), 'no /etc/passwd content');
  assert.equal(feed.items.length, 1);
  // An external DTD in the DOCTYPE is ignored as well.
  const dtd = parseFeed('<!DOCTYPE rss SYSTEM "http://127.0.0.1:1/x.dtd"><rss><channel><title>t</title></channel></rss>', 'dtd.rss');
  assert.equal(dtd.title, 't');
});

test('deep nesting and huge element counts are bounded', () => {
  const deep = `<rss><channel>${'<x>'.repeat(100_000)}text${'</x>'.repeat(100_000)}${ITEM}</channel></rss>`;
  const { value: feed, ms } = timed(() => parseFeed(deep, 'deep.rss'));
  assert.ok(ms < 20_000, `${ms} ms`);
  assert.ok(feed.items.length <= 1);
  const unclosed = `<rss><channel>${'<item><title>a'.repeat(50_000)}`;
  const r = timed(() => parseXml(unclosed));
  assert.ok(r.ms < 20_000, `${r.ms} ms`);
  const many = `<rss><channel>${ITEM.repeat(20_000)}</channel></rss>`;
  const m = timed(() => parseFeed(many, 'many.rss'));
  assert.ok(m.ms < 20_000, `${m.ms} ms`);
});

test('malformed RSS and Atom: items where they can be read, E_PARSE where there is no feed', () => {
  const cases: Array<[string, string, number | 'E_PARSE']> = [
    ['unclosed.rss', `<rss><channel><title>t</title>${ITEM}<item><title>second`, 2],
    ['stray-end.rss', `<rss><channel></foo>${ITEM}</bar></channel></rss>`, 1],
    ['cdata-unterminated.rss', `<rss><channel><item><title><![CDATA[Talks</title></item>`, 1],
    ['bad-date.atom', '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><updated>the 45th of Nevember</updated><content type="html">&lt;p&gt;Text.&lt;/p&gt;</content></entry></feed>', 1],
    ['no-feed.xml', '<html><body>not a feed</body></html>', 'E_PARSE'],
    ['empty.xml', '', 'E_PARSE'],
    ['text.xml', 'just some words, no markup', 'E_PARSE'],
    ['attrs.atom', `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href='/rel' rel="alternate" x=y z /><link href="javascript:alert(1)"/><title>t</title></entry></feed>`, 1],
  ];
  for (const [name, xml, expected] of cases) {
    try {
      const feed = parseFeed(xml, name, 'https://example.org/feed');
      assert.equal(feed.items.length, expected, name);
      for (const item of feed.items) {
        assert.ok(item.published === null || !Number.isNaN(Date.parse(item.published)), `${name}: published is a date or null`);
        assert.ok(!/^javascript:/i.test(item.url ?? ''), `${name}: no script URL`);
      }
    } catch (e) {
      assert.ok(isParallaxError(e), `${name}: ${String(e)}`);
      assert.equal(expected, 'E_PARSE', `${name}: ${e.message}`);
      assert.equal(e.code, 'E_PARSE');
      assert.ok(e.message.includes(name));
    }
  }
});

test('feed items with no text fail alone; the other items are read', () => {
  const xml = `<rss><channel><title>t</title><item><title>empty</title></item>${ITEM}</channel></rss>`;
  const items = feedItems(xml, 'mixed.rss', null, 'Outlet');
  assert.equal(items.length, 2);
  const failures = items.filter((i) => 'failure' in i);
  assert.equal(failures.length, 1);
  assert.ok(items.some((i) => 'article' in i));
});

test('any tag soup through the XML reader and the feed parser: items or E_PARSE, never a crash', () => {
  const piece = fc.oneof(
    fc.constantFrom('<rss>', '<channel>', '<item>', '</item>', '<title>', '</title>', '<feed>', '<entry>', '<content type="html">', '</content>', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "&a;&a;">]>', '&a;', '&amp;', '&#0;', '&#xD800;', '<?xml?>', '<!--', '-->', '<', '>', '"', "'", '<link href="', '/>'),
    fc.string({ maxLength: 20 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
      const xml = parts.join('');
      try {
        const feed = parseFeed(xml, 'fuzz.xml');
        assert.ok(Array.isArray(feed.items));
      } catch (e) {
        if (!isParallaxError(e)) throw e;
      }
    }),
    { numRuns: 200 },
  );
});
