import { Writable } from 'node:stream';

/** A writable stream that keeps what is written to it (for running the CLI in tests). */
export function captureOutput(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { stream, text: () => text };
}
