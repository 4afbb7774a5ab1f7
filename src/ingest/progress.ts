// A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second.
import type { IngestCounts } from './ingest.js';

export interface Progress {
  update(counts: IngestCounts): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, total: number | null = null): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  const t0 = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(c) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const done = c.new + c.duplicates + c.failed;
      const rate = done / Math.max((now - t0) / 1000, 0.001);
      const width = 24;
      const bar = total ? '[' + '#'.repeat(Math.round((width * Math.min(done, total)) / total)).padEnd(width, '.') + '] ' : '';
      const of = total ? `/${total}` : '';
      const line = `${bar}${done}${of}  new ${c.new}  dup ${c.duplicates}  failed ${c.failed}  ${rate.toFixed(0)}/s`;
      stream.write('\r' + line.slice(0, (stream.columns ?? 100) - 1) + '\x1b[K');
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
