// Every regular expression in src/ that can see user text, on input made to make it backtrack (the
// regex bench, `parallax bench --only regex`, at its quick size of 2,000 characters). A catastrophic
// (exponential) pattern takes seconds to forever here; a linear or guarded quadratic one takes
// milliseconds. The bench itself reports the figures at 10,000 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regexBench } from '../../src/bench/regex.js';

interface RegexFigures {
  regexes: number;
  timedOut: string[];
  worst: { at: string; regex: string; ms: number | string }[];
}

test('no regular expression in src/ backtracks catastrophically on adversarial input', async () => {
  const { regex } = (await regexBench.run({ quick: true, progress: () => {} })) as { regex: RegexFigures };
  assert.ok(regex.regexes > 100, `found ${regex.regexes} regexes: the collector still sees the source`);
  assert.deepEqual(regex.timedOut, [], 'stopped after 15 s');
  // Generous for a shared machine: the quadratic ones guarded by input limits take ~30 ms here.
  const slow = regex.worst.filter((w) => typeof w.ms !== 'number' || w.ms > 1000);
  assert.deepEqual(slow, [], 'over 1 s on 2,000 characters');
});
