// Classifies IP addresses for server-side request forgery protection: which addresses a fetch of
// user-supplied URLs must never reach (loopback, private networks, link-local, cloud metadata...).
// Parsing is done here rather than trusted to string prefixes, so "::ffff:127.0.0.1", "::ffff:7f00:1",
// "0:0:0:0:0:0:0:1" and "fe80::1%eth0" are all seen for what they are.
import { isIPv4, isIPv6 } from 'node:net';

/** Why an address is not public, or null when it is a public unicast address. */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'metadata'
  | 'reserved'
  | 'broadcast'
  | 'documentation';

/** Parses dotted-quad IPv4 ("1.2.3.4") into an unsigned 32-bit number. */
export function parseIPv4(s: string): number | null {
  if (!isIPv4(s)) return null;
  const parts = s.split('.').map(Number);
  return (((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0);
}

/**
 * Parses the loose IPv4 forms that URL parsers and inet_aton accept: "2130706433", "0x7f000001",
 * "0177.0.0.1", "127.1". Returns null when the string is not such a form.
 */
export function parseIPv4Loose(s: string): number | null {
  const parts = s.split('.');
  if (parts.length === 0 || parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p, 8);
    else if (/^(0|[1-9][0-9]*)$/.test(p)) n = parseInt(p, 10);
    else return null;
    if (!Number.isFinite(n)) return null;
    nums.push(n);
  }
  // The last part fills the remaining bytes ("127.1" is 127.0.0.1).
  const last = nums[nums.length - 1]!;
  const lead = nums.slice(0, -1);
  if (lead.some((n) => n > 255)) return null;
  if (last >= 2 ** (8 * (5 - nums.length))) return null;
  let value = 0;
  for (let i = 0; i < lead.length; i++) value += lead[i]! * 2 ** (8 * (3 - i));
  return value + last;
}

/** Parses an IPv6 address (brackets and zone id allowed) into eight 16-bit groups. */
export function parseIPv6(input: string): number[] | null {
  let s = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!isIPv6(s)) return null;
  // An embedded dotted IPv4 tail ("::ffff:1.2.3.4") stands for the last two groups.
  let tail: number[] | null = null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseIPv4(last);
    if (v4 === null) return null;
    tail = [v4 >>> 16, v4 & 0xffff];
    s = s.slice(0, lastColon + 1) + '0:0';
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const toGroups = (h: string | undefined) => (h ? h.split(':').map((g) => parseInt(g, 16)) : []);
  const head = toGroups(halves[0]);
  const rest = toGroups(halves[1]);
  const known = head.length + rest.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = halves.length === 2 ? new Array<number>(8 - known).fill(0) : [];
  const groups = [...head, ...zeros, ...rest];
  if (tail) {
    groups[6] = tail[0]!;
    groups[7] = tail[1]!;
  }
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function inV4(ip: number, base: string, bits: number): boolean {
  const b = parseIPv4(base)!;
  if (bits === 0) return true;
  const mask = bits === 32 ? 0xffffffff : (~0 << (32 - bits)) >>> 0;
  return ((ip & mask) >>> 0) === ((b & mask) >>> 0);
}

// Ranges from the IANA special-purpose registries (RFC 6890 and later). Order: most specific first.
const V4_RANGES: ReadonlyArray<[string, number, AddressClass]> = [
  ['169.254.169.254', 32, 'metadata'], // AWS, GCP, Azure, OpenStack instance metadata
  ['168.63.129.16', 32, 'metadata'], // Azure wire server (a public address, reachable only from inside Azure)
  ['100.100.100.200', 32, 'metadata'], // Alibaba Cloud metadata
  ['255.255.255.255', 32, 'broadcast'],
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments (includes 192.0.0.192, Oracle metadata)
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

/** The class of an IPv4 address given as a 32-bit number; null when public. */
export function classifyIPv4(ip: number): AddressClass | null {
  for (const [base, bits, cls] of V4_RANGES) if (inV4(ip, base, bits)) return cls;
  return null;
}

/** The class of an IPv6 address given as eight groups; null when public. */
export function classifyIPv6(g: number[]): AddressClass | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const v4 = ((g6 << 16) | g7) >>> 0;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d): judged by the IPv4 inside.
  if (firstFiveZero && g5 === 0xffff) return classifyIPv4(v4);
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0xffff && g5 === 0) return classifyIPv4(v4);
  // IPv4-compatible (::a.b.c.d, deprecated): never a real destination.
  if (firstFiveZero && g5 === 0) return 'reserved';
  // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return classifyIPv4(v4);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'; // local-use NAT64 64:ff9b:1::/48
  // 6to4 (2002::/16) embeds an IPv4 address in groups 1-2.
  if (g0 === 0x2002) return classifyIPv4(((g1 << 16) | g2) >>> 0);
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0 && g6 === 0 && g7 === 0x254) return 'metadata'; // AWS IPv6 metadata
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x3fff && (g1 & 0xf000) === 0) return 'documentation'; // 3fff::/20
  if (g0 === 0x2001 && g1 < 0x0200) return 'reserved'; // 2001::/23 IETF assignments, incl. Teredo
  // Everything outside global unicast 2000::/3 is unallocated or special.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  return null;
}

/**
 * The class of an address or host literal: dotted IPv4, the loose IPv4 forms, or IPv6 (with or without
 * brackets). Returns null for public addresses and undefined for strings that are not IP addresses.
 */
export function classifyAddress(address: string): AddressClass | null | undefined {
  const v6 = parseIPv6(address);
  if (v6) return classifyIPv6(v6);
  const v4 = parseIPv4(address) ?? parseIPv4Loose(address);
  if (v4 !== null) return classifyIPv4(v4);
  return undefined;
}
