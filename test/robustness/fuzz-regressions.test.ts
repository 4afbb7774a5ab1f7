// Replays fuzz/regressions.json: inputs that once crashed, hung or broke an invariant of a stage (found by
// the fuzzer, scripts/fuzz.mjs, by the property tests, the bad-input suite or the regex bench), through the
// fuzzer's own targets. Each must finish, fast, with valid spans.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/shared-paths.js';
import { canonicalUrl } from '../../src/model/canonical-url.js';
import { createFuzzTargets, FUZZ_TARGETS, type FuzzTarget } from './fuzz-targets.js';

interface Regression {
  target: FuzzTarget | 'url';
  found: string;
  text?: string;
  /** Bytes that are not valid UTF-8 text. */
  base64?: string;
  repeat?: { prefix: string; unit: string; times: number; suffix: string };
}

const cases = JSON.parse(readFileSync(join(repoRoot(), 'fuzz', 'regressions.json'), 'utf8')) as Regression[];
const targets = createFuzzTargets();
after(() => targets.dispose());

test('fuzz regressions name known targets and carry one input each', () => {
  for (const c of cases) {
    assert.ok(c.target === 'url' || FUZZ_TARGETS.includes(c.target), c.target);
    assert.equal([c.text, c.base64, c.repeat].filter((x) => x !== undefined).length, 1, c.found);
  }
});

cases.forEach((c, i) => {
  test(`fuzz regression ${i + 1} (${c.target}): ${c.found}`, () => {
    const bytes = c.base64 !== undefined ? Buffer.from(c.base64, 'base64') : Buffer.from(c.text ?? c.repeat!.prefix + c.repeat!.unit.repeat(c.repeat!.times) + c.repeat!.suffix);
    const t0 = performance.now();
    if (c.target === 'url') assert.ok(canonicalUrl(bytes.toString('utf8')) !== undefined);
    else targets[c.target](bytes);
    // Generous (shared machine): the bugs these guard against took minutes.
    assert.ok(performance.now() - t0 < 20_000, `${Math.round(performance.now() - t0)} ms`);
  });
});
