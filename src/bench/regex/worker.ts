// Times regexes in a worker thread, one message per regex, so the main thread can stop a regex that
// never finishes (catastrophic backtracking) and go on with the next one.
import { parentPort, workerData } from 'node:worker_threads';
import { attack } from './attack.js';
import type { FoundRegex } from './collect.js';

const { regexes, from, length } = workerData as { regexes: FoundRegex[]; from: number; length: number };
for (let i = from; i < regexes.length; i++) {
  const r = regexes[i]!;
  parentPort!.postMessage({ type: 'start', i });
  let re: RegExp;
  try {
    re = new RegExp(r.source, r.flags);
  } catch (e) {
    parentPort!.postMessage({ type: 'done', i, error: (e as Error).message });
    continue;
  }
  parentPort!.postMessage({ type: 'done', i, result: attack(re, length) });
}
parentPort!.postMessage({ type: 'end' });
