import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureOutput as capture } from '../cli/output-capture.js';
import { runCli } from '../cli/run.js';


// A Markdown report is read in terminals and pasted into pages: words from a hostile article must not
// carry escape sequences or bidi controls, nor break the table or list they are written into.
test('markdown: control, escape and bidi characters of article text, titles and outlets are written as visible escapes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-md-'));
  try {
    const records = [
      { outlet: 'Evil\nNews | x', title: 'Talks\x1b]0;pwned\x07 end\r\n# Heading', published: '2024-05-02', text: 'President Smith said on Tuesday that \x1b[31m 1,800 companies\u202e operate in the country &#x1b; here. The talks were held in Bishkek.' },
      { outlet: 'Calm Wire', title: 'Talks end', published: '2024-05-02', text: 'President Smith said on Wednesday that 1,700 companies operate in the country. The talks were held in Bishkek.' },
    ];
    writeFileSync(join(dir, 'in.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = capture();
    const err = capture();
    const code = await runCli(['compare', join(dir, 'in.jsonl'), '--markdown'], { stdout: out.stream, stderr: err.stream, cwd: dir, env: {} });
    assert.equal(code, 0, err.text());
    const md = out.text();
    assert.doesNotMatch(md, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/, 'no raw control or bidi character');
    assert.match(md, /\\\\x1b\\\[31m 1,800 companies\\\\u202e operate/, 'the words are shown, escaped');
    assert.match(md, /\\&#x1b; here/, 'an entity in the text is not decoded by a Markdown viewer');
    assert.match(md, /^\| Evil News \\\| x \| Talks\\\\x1b\\\]0;pwned\\\\x07 end # Heading \| 2024-05-02 \|/m, 'one table row per article');
    assert.doesNotMatch(md, /^# Heading/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
