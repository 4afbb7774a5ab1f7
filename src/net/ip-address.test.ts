import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress, parseIPv4Loose, parseIPv6 } from './ip-address.js';

test('internal IPv4 addresses are classified', () => {
  const cases: Array<[string, string]> = [
    ['127.0.0.1', 'loopback'],
    ['127.255.1.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
  ];
  for (const [ip, cls] of cases) assert.equal(classifyAddress(ip), cls, ip);
});

test('public IPv4 addresses pass', () => {
  for (const ip of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '1.1.1.1', '11.0.0.1', '192.169.0.1']) {
    assert.equal(classifyAddress(ip), null, ip);
  }
});

test('decimal, octal, hex and short IPv4 forms are parsed like inet_aton', () => {
  assert.equal(parseIPv4Loose('2130706433'), 0x7f000001);
  assert.equal(parseIPv4Loose('0x7f000001'), 0x7f000001);
  assert.equal(parseIPv4Loose('0177.0.0.1'), 0x7f000001);
  assert.equal(parseIPv4Loose('127.1'), 0x7f000001);
  assert.equal(parseIPv4Loose('0x7f.1'), 0x7f000001);
  assert.equal(parseIPv4Loose('10.0.258'), 0x0a000102);
  assert.equal(parseIPv4Loose('256.0.0.1'), null);
  assert.equal(parseIPv4Loose('example'), null);
  for (const s of ['2130706433', '0x7f000001', '0177.0.0.1', '127.1', '017700000001']) assert.equal(classifyAddress(s), 'loopback', s);
  assert.equal(classifyAddress('0xa9fea9fe'), 'metadata');
});

test('IPv6 parsing expands :: and embedded IPv4', () => {
  assert.deepEqual(parseIPv6('::1'), [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIPv6('[::ffff:127.0.0.1]'), [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
  assert.deepEqual(parseIPv6('fe80::1%eth0'), [0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(parseIPv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(parseIPv6('1:2:3'), null);
  assert.equal(parseIPv6('127.0.0.1'), null);
});

test('internal IPv6 addresses are classified, including IPv4 inside IPv6', () => {
  const cases: Array<[string, string]> = [
    ['::1', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::127.0.0.1', 'reserved'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:7f00:1::', 'loopback'],
    ['fd00:ec2::254', 'metadata'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%lo', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved'],
    ['100::1', 'reserved'],
  ];
  for (const [ip, cls] of cases) assert.equal(classifyAddress(ip), cls, ip);
});

test('public IPv6 addresses pass; non-addresses are undefined', () => {
  for (const ip of ['2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '64:ff9b::808:808']) {
    assert.equal(classifyAddress(ip), null, ip);
  }
  for (const s of ['example.com', 'localhost', '', '1.2.3.4.5', '::g']) assert.equal(classifyAddress(s), undefined, s);
});
