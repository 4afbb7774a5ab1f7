// Every BASIL story and the realdev comparison set (../shared/eval), read through the quote and quantity stages:
// what a reader is shown must be trustworthy. No speaker that is a place, a pronoun left unresolved, a
// quantifier or a clause; no figure measure shorter than its noun ("Mr" for "four of Mr. Trump’s trips"); no
// share outside 0-100%. Each check lists the offending items, so a regression names them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createAnalyzer } from '../src/analyze.js';
import { speakerPhraseProblem } from '../src/annotate/quotes/resolve.js';
import { articleFromContent } from '../src/ingest/read-inputs.js';
import type { Article } from '../src/model/document.js';
import { evalPath, repoRoot } from '../src/shared-paths.js';

const files = [evalPath('stories', 'basil.jsonl'), evalPath('comparison', 'realdev.stories.jsonl')];
const missing = files.some((f) => !existsSync(f));

function corpus(): Article[] {
  const stages = createAnalyzer().pipeline.stages.filter((s) => ['tokens', 'sentences', 'entities', 'quotes', 'quantities'].includes(s.name));
  const analyzer = createAnalyzer(stages);
  const out: Article[] = [];
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; outlet?: string; title?: string; published?: string; text: string };
      out.push(analyzer.analyze(articleFromContent({ text: r.text }, { id: r.id, source: r.id, outlet: r.outlet ?? null, title: r.title ?? null, published: r.published ?? null })));
    }
  }
  return out;
}

const articles = missing ? [] : corpus();
const skip = missing ? 'needs ../shared/eval' : false;
const states = new Set((JSON.parse(readFileSync(`${repoRoot()}/data/gazetteers/us-states.json`, 'utf8')) as { states: string[] }).states);

test('BASIL and realdev: every speaker shown is a person, organisation or document', { skip }, () => {
  const bad: string[] = [];
  let shown = 0;
  for (const a of articles) {
    const entities = new Map((a.layers.entityIndex ?? []).map((e) => [e.id, e]));
    for (const q of a.layers.quotes ?? []) {
      const e = q.speaker ? entities.get(q.speaker) : undefined;
      const name = e?.name ?? q.speakerMention?.text ?? null;
      if (name === null) continue;
      shown++;
      const words = q.speakerMention?.text ?? name;
      // A place: a bare place entity, or a US state however the tagger typed it.
      const place = (e?.type === 'LOC' && q.speakerKind !== 'organisation' && q.speakerKind !== 'document' && !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\b/.test(words)) || states.has(name) || states.has(words.replace(/^the\s+/i, ''));
      // A pronoun shown as the speaker: resolved ones show the entity's name.
      const pronoun = !e && /^(?:he|she|they|it|who|which|that|i|we|you|him|her|them)$/i.test(words.trim());
      const problem = e ? null : speakerPhraseProblem(words);
      if (place || pronoun || problem) bad.push(`${a.id}: ${JSON.stringify(name)} (${place ? 'place' : pronoun ? 'pronoun' : problem}) ${q.cue?.text ?? ''}`);
    }
  }
  assert.ok(shown > 1000, `speakers shown: ${shown}`);
  assert.deepEqual(bad, []);
});

test('BASIL and realdev: figure measures are whole noun phrases, shares stay within 0-100%', { skip }, () => {
  const short: string[] = [];
  const shares: string[] = [];
  let measured = 0;
  for (const a of articles) {
    for (const q of a.layers.quantities ?? []) {
      const m = q.measure ?? q.counted;
      if (m) {
        measured++;
        const after = a.text.slice(m.end, m.end + 2);
        const lastWord = /[\p{L}\p{N}]+$/u.exec(m.text)?.[0] ?? '';
        // Cut before its noun: an abbreviation's point follows ("Mr" of "Mr. Trump’s trips"), or it ends on a
        // possessive, a determiner or a preposition.
        const abbreviation = /^\.\s?\p{Lu}/u.test(after) && lastWord.length <= 3 && /^\p{Lu}/u.test(lastWord);
        const dangling = /(?:[’']s?|\b(?:the|a|an|of|in|on|at|to|for|with|by|and|or))$/i.test(m.text.trim());
        // A clause read as the measure ("Bush said", "didn't include").
        const clause = /\b(?:said|says|is|are|was|were|has|have|had|include|includes)\b|n[’']t\b/.test(m.text);
        if (abbreviation || dangling || clause || lastWord === '') short.push(`${a.id}: ${a.text.slice(q.start, q.end)} -> ${JSON.stringify(m.text)}`);
      }
      if (q.unit === '%' && q.kind === 'level' && q.value >= 0 && q.value <= 100 && (q.low < 0 || q.high > 100)) shares.push(`${a.id}: ${a.text.slice(q.start, q.end)} [${q.low}, ${q.high}]`);
    }
  }
  assert.ok(measured > 500, `figures with a measure: ${measured}`);
  assert.deepEqual(short, []);
  assert.deepEqual(shares, []);
});
