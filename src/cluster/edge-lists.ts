// The article graph's edge lists (per article: neighbour and score), packed in typed-array pages rather
// than one growing JavaScript array per article. A 1M stream kept a million arrays and re-allocated them
// as edges came in: the heap neared Node's 4 GB default and garbage collection slowed arrivals by half
// past 700k articles. Here each list is a segment of a page, of a power-of-two capacity; a full list moves
// to a segment twice as big, and the segment it leaves is reused by the next list of that size.
// Scores stay 64-bit: decisions are the same as with plain arrays.
// With the shared vector blocks of features.ts, a 1M synthetic stream went from 629 to 579 s CPU and
// from 3.3 to 2.2 GB of heap, the last 100k arrivals costing what the 500k before them did.

/** Slots per page (a segment never crosses a page). */
const PAGE_BITS = 20;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;
/** Smallest segment: 2^MIN_CLASS slots. */
const MIN_CLASS = 2;

export class EdgeLists {
  private readonly targetPages: Int32Array[] = [];
  private readonly scorePages: Float64Array[] = [];
  /** Per list: first slot (page * PAGE + offset), length, and capacity class (log2 of the capacity). */
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private sizeClass = new Int8Array(1024);
  private lists = 0;
  /** Next free slot at the end of the last page. */
  private top = 0;
  /** Per capacity class: first slots of segments left by lists that grew. */
  private readonly free: number[][] = [];

  /** Number of lists. */
  get size(): number {
    return this.lists;
  }

  /** A new list (index `size` before the call) holding the pairs [j, score, j, score, ...]. */
  append(pairs: readonly number[]): number {
    const x = this.lists++;
    if (x >= this.start.length) {
      const n = this.start.length * 2;
      this.start = grown(this.start, new Int32Array(n));
      this.length = grown(this.length, new Int32Array(n));
      this.sizeClass = grown(this.sizeClass, new Int8Array(n));
    }
    const count = pairs.length / 2;
    const c = classFor(count);
    const slot = this.allocate(c);
    this.start[x] = slot;
    this.length[x] = count;
    this.sizeClass[x] = c;
    const targets = this.targetPages[slot >>> PAGE_BITS]!;
    const scores = this.scorePages[slot >>> PAGE_BITS]!;
    const at = slot & MASK;
    for (let k = 0; k < count; k++) {
      targets[at + k] = pairs[2 * k]!;
      scores[at + k] = pairs[2 * k + 1]!;
    }
    return x;
  }

  /** Adds the edge (j, score) at the end of list `x`. */
  push(x: number, j: number, score: number): void {
    const n = this.length[x]!;
    let c = this.sizeClass[x]!;
    if (n === 1 << c) {
      // Full: the list moves to a segment twice as big.
      const old = this.start[x]!;
      c++;
      const slot = this.allocate(c);
      const from = old & MASK;
      const to = slot & MASK;
      this.targetPages[slot >>> PAGE_BITS]!.set(this.targetPages[old >>> PAGE_BITS]!.subarray(from, from + n), to);
      this.scorePages[slot >>> PAGE_BITS]!.set(this.scorePages[old >>> PAGE_BITS]!.subarray(from, from + n), to);
      (this.free[c - 1] ??= []).push(old);
      this.start[x] = slot;
      this.sizeClass[x] = c;
    }
    const slot = this.start[x]! + n;
    this.targetPages[slot >>> PAGE_BITS]![slot & MASK] = j;
    this.scorePages[slot >>> PAGE_BITS]![slot & MASK] = score;
    this.length[x] = n + 1;
  }

  /** First slot of list `x`; its edges are the slots begin(x) ... begin(x) + count(x) - 1. */
  begin(x: number): number {
    return this.start[x]!;
  }

  count(x: number): number {
    return this.length[x]!;
  }

  /** The neighbour at a slot. */
  target(slot: number): number {
    return this.targetPages[slot >>> PAGE_BITS]![slot & MASK]!;
  }

  /** The score at a slot. */
  score(slot: number): number {
    return this.scorePages[slot >>> PAGE_BITS]![slot & MASK]!;
  }

  /** Bytes held by the pages. */
  bytes(): number {
    return this.targetPages.length * PAGE * 12;
  }

  private allocate(c: number): number {
    const reused = this.free[c]?.pop();
    if (reused !== undefined) return reused;
    if (c > PAGE_BITS) throw new RangeError(`an edge list longer than ${PAGE} edges`);
    const size = 1 << c;
    if (this.targetPages.length === 0 || (this.top & MASK) + size > PAGE || this.top >>> PAGE_BITS >= this.targetPages.length) {
      // The rest of the page is too short: a new page (the rest is left unused).
      this.targetPages.push(new Int32Array(PAGE));
      this.scorePages.push(new Float64Array(PAGE));
      this.top = (this.targetPages.length - 1) * PAGE;
    }
    const slot = this.top;
    this.top += size;
    return slot;
  }
}

function classFor(count: number): number {
  let c = MIN_CLASS;
  while (1 << c < count) c++;
  return c;
}

function grown<T extends Int32Array | Int8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
