import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from './canonical-url.js';

test('canonicalUrl drops tracking parameters, fragments and case differences in the host', () => {
  assert.equal(
    canonicalUrl('HTTP://Example.COM/news/story-1/?utm_source=x&b=2&a=1#top'),
    'https://example.com/news/story-1?a=1&b=2',
  );
  assert.equal(canonicalUrl('https://example.com/a'), canonicalUrl('https://example.com/a/?fbclid=123'));
  assert.notEqual(canonicalUrl('https://example.com/a'), canonicalUrl('https://example.com/b'));
});

test('canonicalUrl returns null for what is not a web URL', () => {
  assert.equal(canonicalUrl('not a url'), null);
  assert.equal(canonicalUrl('file:///etc/passwd'), null);
  assert.equal(canonicalUrl(null), null);
});
