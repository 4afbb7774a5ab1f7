import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRobots } from './robots.js';

const TXT = `
User-agent: *
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$

User-agent: Parallax
User-agent: OtherBot
Disallow: /no-parallax
Crawl-delay: 2
`;

test('robots.txt: our own group wins over *, longest match decides', () => {
  const ours = parseRobots(TXT, 'Parallax/0.1 (+news comparison)');
  assert.equal(ours.allowed('/no-parallax/x'), false);
  assert.equal(ours.allowed('/private/x'), true, 'the * group does not apply when a group names us');
  assert.equal(ours.crawlDelay, 2);
  const other = parseRobots(TXT, 'SomeCrawler');
  assert.equal(other.allowed('/private/x'), false);
  assert.equal(other.allowed('/private/open/page'), true);
  assert.equal(other.allowed('/file.pdf'), false);
  assert.equal(other.allowed('/file.pdf?x=1'), true);
  assert.equal(other.allowed('/news/1'), true);
});

test('robots.txt: empty or junk allows everything', () => {
  assert.equal(parseRobots('', 'Parallax').allowed('/x'), true);
  assert.equal(parseRobots('<html>not robots</html>', 'Parallax').allowed('/x'), true);
});
