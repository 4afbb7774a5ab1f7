// 32-bit hashing of feature parts, so that features are integers and no feature string is built
// while tagging.

/** FNV-1a over UTF-16 code units. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values (murmur3 finaliser on a mix). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + b) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Open-addressing map from 32-bit keys to dense row numbers, keys and rows side by side in one array
 * (one cache line a probe). Key 0 is reserved (remapped to 1).
 */
export class IntTable {
  /** [key, row] pairs; key 0 = empty. */
  slots: Int32Array;
  mask: number;
  size = 0;
  constructor(capacity = 1 << 16) {
    let n = 1;
    while (n < capacity * 2) n <<= 1;
    this.slots = new Int32Array(n * 2);
    this.mask = n - 1;
  }
  get(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    let i = k & this.mask;
    for (;;) {
      const x = slots[i << 1]!;
      if (x === k) return slots[(i << 1) + 1]!;
      if (x === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }
  /** The row of key, adding it (as row `size`) when absent. */
  add(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    let i = k & this.mask;
    for (;;) {
      const x = this.slots[i << 1]!;
      if (x === k) return this.slots[(i << 1) + 1]!;
      if (x === 0) break;
      i = (i + 1) & this.mask;
    }
    this.slots[i << 1] = k;
    this.slots[(i << 1) + 1] = this.size;
    this.size++;
    if (this.size * 2 > this.mask + 1) this.grow();
    return this.size - 1;
  }
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j]!;
      if (k === 0) continue;
      let i = k & this.mask;
      while (this.slots[i << 1] !== 0) i = (i + 1) & this.mask;
      this.slots[i << 1] = k;
      this.slots[(i << 1) + 1] = old[j + 1]!;
    }
  }
}
