// `parallax bench --only extraction`: HTML extraction with metadata, pages per second on one core, against
// plain @mozilla/readability (linkedom DOM) on the same pages in the same run; and the worst cases on
// hostile pages (10 MB, 10,000 nested levels, unclosed tags, script soup, a wrong declared charset).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { readPage } from '../eval/boilerplate.js';
import { extractHtml } from '../extract/html.js';
import { readabilityText } from '../extract/readability.js';
import { decodeBytes } from '../ingest/decode.js';
import { evalPath } from '../shared-paths.js';
import type { BenchSection } from './section.js';

function pages(limit: number): string[] {
  const file = evalPath('boilerplate', 'zyte.gold.jsonl');
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(0, limit);
  return rows.map((line) => readPage(resolve(dirname(file), (JSON.parse(line) as { html_file: string }).html_file)));
}

// CPU time of this process (user + system), not wall time: the machine is shared, and "one core" is
// what the figure claims. The work is single-threaded.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timeAll(htmls: string[], fn: (html: string) => unknown): number {
  const t0 = cpuMs();
  for (const h of htmls) fn(h);
  return cpuMs() - t0;
}

function timed<T>(fn: () => T): { ms: number; result: T } {
  const t0 = cpuMs();
  const result = fn();
  return { ms: Math.round((cpuMs() - t0) * 10) / 10, result };
}

const PARA = '<p>The council said on Monday that repairs to the harbour bridge, which carries 30,000 vehicles a day, would finish in spring.</p>';

/** Hostile pages, built here so the bench needs no files. */
function hostile(): Record<string, () => string> {
  return {
    tenMegabytes: () => {
      const block = `<div class="story"><h2>Section</h2>${PARA.repeat(6)}<ul><li><a href="/x">Related link</a></li></ul></div>`;
      return `<html><body>${block.repeat(Math.ceil((10 * 1024 * 1024) / block.length))}</body></html>`;
    },
    nested10k: () => `<html><body>${'<div>'.repeat(10_000)}${PARA}${'</div>'.repeat(10_000)}</body></html>`,
    unclosed10k: () => `<html><body>${'<div><span><b>'.repeat(10_000)}${PARA.repeat(3)}`,
    inlineNested10k: () => `<html><body><p>${'<b><i>'.repeat(5_000)}Deep inline text of the article, long enough to be read as prose by the extractor.</p>`,
    scriptSoup: () =>
      `<html><body>${`<script>document.write("</p><p>SCRIPT TEXT</p>")</script><p onclick="alert('x')">Article text that stays, with a handler on its tag, repeated many times.</p><img src=x onerror="alert(1)">`.repeat(20_000)}</body></html>`,
  };
}

export const extractionBench: BenchSection = {
  name: 'extraction',
  description: 'HTML extraction with metadata (pages/s, one core) against plain readability; worst cases on hostile pages',
  async run({ quick, progress }) {
    const htmls = pages(quick ? 40 : 181);
    progress(`${htmls.length} pages of the Zyte benchmark`);
    // Warm-up, then the best of a few rounds for each (JIT and GC settle).
    timeAll(htmls.slice(0, 10), (h) => extractHtml(h));
    timeAll(htmls.slice(0, 10), (h) => readabilityText(h));
    const rounds = quick ? 1 : 3;
    let ours = Infinity;
    let theirs = Infinity;
    for (let r = 0; r < rounds; r++) {
      ours = Math.min(ours, timeAll(htmls, (h) => extractHtml(h)));
      theirs = Math.min(theirs, timeAll(htmls, (h) => readabilityText(h)));
    }
    const pagesPerSecond = Math.round((htmls.length / ours) * 1000 * 10) / 10;
    const readabilityPagesPerSecond = Math.round((htmls.length / theirs) * 1000 * 10) / 10;

    progress('hostile pages');
    const worstCaseMs: Record<string, number> = {};
    const leaks: string[] = [];
    for (const [name, make] of Object.entries(hostile())) {
      const html = make();
      const { ms, result } = timed(() => extractHtml(html));
      worstCaseMs[name] = ms;
      if (/SCRIPT TEXT|alert\(/.test(result.text)) leaks.push(name);
    }
    // A Windows-1251 page that declares UTF-8, and a UTF-8 page that declares Latin-1: decoded, then extracted.
    const russian = '<html><head><meta charset="utf-8"></head><body><p>Президент России Владимир Путин прибыл в Бишкек с государственным визитом, сообщили в Кремле.</p></body></html>';
    const wrong = iconv.encode(russian.repeat(2000), 'windows-1251');
    const w = timed(() => extractHtml(decodeBytes(wrong, 'bench', { html: true }).text));
    worstCaseMs.wrongCharset = w.ms;
    const cyrillicOk = w.result.text.includes('Президент России');

    return {
      extraction: {
        pages: htmls.length,
        pagesPerSecond,
        readabilityPagesPerSecond,
        ratio: Math.round((pagesPerSecond / readabilityPagesPerSecond) * 100) / 100,
        worstCaseMs,
        worstMs: Math.max(...Object.values(worstCaseMs)),
        scriptTextInBody: leaks,
        wrongCharsetDecoded: cyrillicOk,
      },
    };
  },
};
