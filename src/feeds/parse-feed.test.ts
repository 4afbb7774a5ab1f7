import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed, looksLikeFeed } from './parse-feed.js';
import { parseXml, textOf } from './xml.js';
import { htmlFragmentToText } from './html-text.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Putin visits Bishkek &amp; signs deals</title><link>https://news.example/a?utm_source=rss</link>
<guid isPermaLink="false">id-1</guid><pubDate>Tue, 25 Nov 2025 10:00:00 +0300</pubDate><dc:creator>A. Writer</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Russian President Vladimir Putin arrived in Bishkek.</p><p>Trade reached $4.1 billion.</p>]]></content:encoded></item>
<item><title>Second</title><link>/relative/b</link><description>&lt;p&gt;Only a &lt;b&gt;summary&lt;/b&gt; here.&lt;/p&gt;</description></item>
</channel></rss>`;

const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><link href="https://atom.example/"/>
<entry><title type="html">Summit &lt;em&gt;ends&lt;/em&gt;</title><link rel="alternate" href="https://atom.example/s"/><id>tag:atom.example,2025:1</id>
<published>2025-11-26T08:00:00Z</published><author><name>B. Reporter</name></author>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The summit ended with a statement.</p></div></content></entry></feed>`;

test('parses RSS 2.0 items with full content, dates, authors and relative links', () => {
  const feed = parseFeed(RSS, 'rss.xml');
  assert.equal(feed.kind, 'rss');
  assert.equal(feed.title, 'Example News');
  assert.equal(feed.items.length, 2);
  const [a, b] = feed.items;
  assert.equal(a!.title, 'Putin visits Bishkek & signs deals');
  assert.equal(a!.id, 'id-1');
  assert.equal(a!.published, '2025-11-25T07:00:00.000Z');
  assert.equal(a!.author, 'A. Writer');
  assert.equal(htmlFragmentToText(a!.contentHtml!), 'Russian President Vladimir Putin arrived in Bishkek.\n\nTrade reached $4.1 billion.');
  assert.equal(b!.url, 'https://news.example/relative/b');
  assert.equal(b!.contentHtml, null);
  assert.equal(htmlFragmentToText(b!.summaryHtml!), 'Only a summary here.');
});

test('parses Atom entries, xhtml content and RSS 1.0', () => {
  const feed = parseFeed(ATOM, 'atom.xml');
  assert.equal(feed.kind, 'atom');
  const e = feed.items[0]!;
  assert.equal(e.url, 'https://atom.example/s');
  assert.equal(e.author, 'B. Reporter');
  assert.equal(e.published, '2025-11-26T08:00:00.000Z');
  assert.equal(htmlFragmentToText(e.contentHtml!), 'The summit ended with a statement.');
  const rdf = parseFeed(
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel>
     <item><title>One</title><link>https://r.example/1</link><description>Text one.</description></item></rdf:RDF>`,
    'rdf.xml',
  );
  assert.equal(rdf.kind, 'rdf');
  assert.equal(rdf.items[0]!.url, 'https://r.example/1');
  assert.ok(looksLikeFeed(RSS) && looksLikeFeed(ATOM) && !looksLikeFeed('<html><body>x</body></html>'));
});

test('does not expand declared entities: billion laughs stays small, external entities are not read', () => {
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i ? i : ''};`.repeat(10)}">`).join('')}]>
<rss><channel><title>&lol9;</title><item><title>x &lol9; y</title><description>ok</description></item></channel></rss>`;
  const t0 = performance.now();
  const feed = parseFeed(laughs, 'lol.xml');
  assert.ok(performance.now() - t0 < 200);
  assert.equal(feed.items[0]!.title, 'x &lol9; y');
  const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title><description>d</description></item></channel></rss>`;
  assert.equal(parseFeed(xxe, 'xxe.xml').items[0]!.title, '&xxe;');
  // Predefined and numeric references are expanded; invalid code points become U+FFFD.
  assert.equal(textOf(parseXml('<a>&lt;&#65;&#x42;&#0;&#xD800;&bogus;</a>')), '<AB\uFFFD\uFFFD&bogus;');
});

test('survives malformed XML and rejects what is not a feed', () => {
  const broken = '<rss><channel><title>T</title><item><title>Unclosed <b>bold</title><description>d1</description></item><item><title>Two</title></channel>';
  const feed = parseFeed(broken, 'broken.xml');
  assert.equal(feed.items.length, 2);
  assert.equal(feed.items[0]!.title, 'Unclosed bold');
  assert.throws(() => parseFeed('<html><body>no</body></html>', 'page.xml'), /not an RSS or Atom feed/);
  assert.throws(() => parseFeed('just text', 'x.xml'), /not a feed/);
  const deep = '<rss><channel>' + '<x>'.repeat(100_000) + '</channel></rss>';
  assert.equal(parseFeed(deep, 'deep.xml').kind, 'rss');
  for (const junk of ['<', '<<<>>>', '<!DOCTYPE', '<![CDATA[', '<a b="', '</>', '<?xml', '<a/><b', '&#99999999999;']) parseXml(junk);
});
