// The story renderers and CONTRACT.md: verdicts named, 'value' evidence painted and 'context' only
// underlined, one order of findings, a timeline in words, facts over time; older results still render.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { Finding, StoryComparison } from '../../compare/types.js';
import { fakeCompare } from '../../../test/helpers/fake-compare.js';
import { testArticle } from '../../../test/helpers/articles.js';
import { renderMarkdown } from '../markdown.js';
import { renderTerminal } from '../terminal.js';
import { timeInWords, timeSortKey } from './dates.js';
import { renderDevelopment, renderFindings, renderTimeline } from './sections.js';
import { renderStoryBody } from './story.js';
import { hasDevelopment, plural, storyDevelopment } from './development.js';

const early = testArticle('e1', 'Wire One', 'At least 12 people died in the floods, officials said.', { published: '2025-06-01T08:00:00Z' });
const late = testArticle('l1', 'Wire Two', 'The death toll from the floods rose to 20, officials said.', { published: '2025-06-02T18:30:00Z' });

function withFinding(extra: Partial<Finding> & Record<string, unknown>): StoryComparison {
  const c = fakeCompare([early, late]);
  const at = (a: typeof early, w: string, role: string) => ({ article: a.id, start: a.text.indexOf(w), end: a.text.indexOf(w) + w.length, text: w, role });
  c.findings = [
    ...c.findings.filter((f) => f.kind !== 'conflict'),
    {
      id: 'f-toll',
      kind: 'conflict',
      type: 'number',
      summary: 'Death toll: Wire One gives 12, Wire Two gives 20',
      evidence: [at(early, '12', 'value'), at(early, 'At least 12 people died in the floods', 'context'), at(late, '20', 'value'), at(late, 'The death toll from the floods rose to 20', 'context')],
      articles: ['e1', 'l1'],
      salience: 1,
      ...extra,
    } as Finding,
  ];
  return c;
}

test('time values in words and in reading order', () => {
  assert.equal(timeInWords('PAST_REF'), 'in the past');
  assert.equal(timeInWords('XXXX-WXX-2'), 'a Tuesday (no date given)');
  assert.equal(timeInWords('200'), 'the 2000s');
  assert.equal(timeInWords('2025-11-25'), '25 November 2025');
  assert.equal(timeInWords('2023-10'), 'October 2023');
  const sorted = ['FUTURE_REF', 'XXXX-WXX-2', '2026', 'PRESENT_REF', '200', '2022-05', 'PAST_REF'].sort((a, b) => timeSortKey(a).localeCompare(timeSortKey(b)));
  assert.deepEqual(sorted, ['PAST_REF', '200', '2022-05', '2026', 'XXXX-WXX-2', 'PRESENT_REF', 'FUTURE_REF']);
  const c = fakeCompare([early, late]);
  c.timeline = [
    { value: 'XXXX-WXX-2', label: 'Tuesday', evidence: [] },
    { value: '2026', label: '2026', evidence: [] },
    { value: 'PAST_REF', label: 'several years ago', evidence: [] },
  ];
  const html = renderTimeline(c);
  assert.doesNotMatch(html, /XXXX|PAST_REF/);
  assert.ok(html.indexOf('several years ago') < html.indexOf('2026') && html.indexOf('2026') < html.indexOf('Tuesday'));
});

test("verdicts: an 'update' is named and builds the story's facts over time, in publication order", () => {
  const c = withFinding({ verdict: 'update', details: { values: [{ article: 'l1', value: '20', published: late.published }, { article: 'e1', value: '12', published: early.published }] } });
  const { document } = parseHTML(`<div>${renderDevelopment(c)}${renderFindings(c)}</div>`);
  const steps = [...document.querySelectorAll('.px-steps li')].map((l) => l.textContent);
  assert.deepEqual(steps, ['1 Jun 2025, 08:00 UTC Wire One: 12', '2 Jun 2025, 18:30 UTC Wire Two: 20']);
  assert.equal(document.querySelector('.px-findings .px-verdict')?.textContent, 'later report updates it');
  // Value evidence first and plain, the context after it, marked as such.
  const ev = [...document.querySelectorAll('.px-evidence q')].map((q) => `${q.getAttribute('class')}:${q.textContent}`);
  assert.deepEqual(ev.slice(0, 2), ['px-ev-value:“12”'.replace(/[“”]/g, ''), 'px-ev-value:20']);
  assert.equal(document.querySelector('.px-development .px-verdict')?.textContent, 'updated in a later report');
  assert.equal(document.querySelector('.px-dev-summary')?.textContent, '2 reports from 1 Jun 2025, 08:00 UTC to 2 Jun 2025, 18:30 UTC: 1 fact updated in a later report.');
  // A contradiction between reports of different times is shown as one, never as a change.
  const contra = parseHTML(`<div>${renderDevelopment(withFinding({ verdict: 'contradiction' }))}</div>`).document;
  assert.equal(contra.querySelector('.px-development .px-verdict')?.textContent, 'contradiction between reports of different times');
  assert.match(contra.querySelector('.px-dev-summary')?.textContent ?? '', /: 1 contradiction\.$/);
});

test('facts over time: reports ordered by publication instant across time zones; counts in singular and plural; JSON form', () => {
  // 02:00+05:00 on 2 June is 21:00 UTC on 1 June: between 20:00Z and 22:00Z, though its text sorts after both.
  const a = testArticle('a', 'Alpha', 'At least 12 people died in the floods, officials said.', { published: '2025-06-01T22:00:00Z' });
  const b = testArticle('b', 'Beta', 'The death toll from the floods rose to 20, officials said.', { published: '2025-06-02T02:00:00+05:00' });
  const d = testArticle('d', 'Delta', 'The floods killed 25 people, officials said.', { published: '2025-06-01T20:00:00Z' });
  const u = testArticle('u', 'Undated', 'Floods hit the valley.', {});
  const c = fakeCompare([a, b, d, u]);
  const at = (x: typeof a, w: string) => ({ article: x.id, start: x.text.indexOf(w), end: x.text.indexOf(w) + w.length, text: w, role: 'value' });
  const conflict = (id: string, verdict: string, x: typeof a, wx: string, y: typeof a, wy: string) =>
    ({ id, kind: 'conflict', type: 'number', verdict, summary: id, evidence: [at(x, wx), at(y, wy)], articles: [x.id, y.id], salience: 1 }) as Finding;
  c.findings = [conflict('f-c', 'contradiction', a, '12', d, '25'), conflict('f-u1', 'update', a, '12', b, '20'), conflict('f-u2', 'update', d, '25', b, '20')];
  const dev = storyDevelopment(c);
  assert.deepEqual(dev.reports.map((r) => r.outlet), ['Delta', 'Beta', 'Alpha', 'Undated']);
  assert.deepEqual(dev.facts.map((f) => f.finding), ['f-u1', 'f-u2', 'f-c'], 'updates first, then contradictions');
  assert.deepEqual(dev.facts[0]!.steps.map((s) => s.outlet), ['Beta', 'Alpha'], 'steps in publication order, not text order');
  assert.equal(dev.summary, '4 reports from 1 Jun 2025, 20:00 UTC to 1 Jun 2025, 22:00 UTC: 2 facts updated in a later report, 1 contradiction');
  assert.equal(plural(1, 'report'), '1 report');
  assert.equal(plural(2, 'report'), '2 reports');
  // Reports of one instant and no changed fact: nothing to show.
  const same = fakeCompare([testArticle('s1', 'One', 'Floods hit.', { published: '2025-06-01' }), testArticle('s2', 'Two', 'Floods came.', { published: '2025-06-01' })]);
  same.findings = [];
  assert.equal(hasDevelopment(storyDevelopment(same)), false);
  assert.equal(renderDevelopment(same), '');
  assert.doesNotMatch(renderTerminal(same, { colour: false }), /How the story developed/);
  const term = renderTerminal(c, { colour: false });
  assert.match(term, /How the story developed\n {2}4 reports from/);
  // The header's date column lines up however long an outlet's name is.
  const long = fakeCompare([testArticle('l', 'bdnews24.com (The New York Times) and partners', 'Floods hit.', { published: '2025-06-01' }), testArticle('s', 'AP', 'Floods came.', { published: '2025-06-02' })]);
  const header = renderTerminal(long, { colour: false }).split('\n').slice(1, 3);
  assert.equal(header[0]!.indexOf('2025-06-01'), header[1]!.indexOf('2025-06-02'), header.join('\n'));
  assert.match(renderMarkdown(c), /## How the story developed/);
});

test('without verdicts (results before CONTRACT.md), a number conflict between dated reports still shows as facts over time', () => {
  const c = withFinding({});
  const { document } = parseHTML(`<div>${renderDevelopment(c)}</div>`);
  assert.deepEqual([...document.querySelectorAll('.px-steps li')].map((l) => l.textContent), ['1 Jun 2025, 08:00 UTC Wire One: 12', '2 Jun 2025, 18:30 UTC Wire Two: 20']);
});

test("the story page paints 'value' words and only underlines 'context'; counts are in words", () => {
  const c = withFinding({ verdict: 'update' });
  const { document } = parseHTML(`<div>${renderStoryBody(c)}</div>`);
  const marks = [...document.querySelectorAll('[data-article="e1"] mark[data-f~="f-toll"]')];
  const painted = marks.filter((m) => (m.getAttribute('data-k') ?? '').split(' ').includes('f-toll')).map((m) => m.textContent);
  assert.deepEqual(painted, ['12'], 'only the value is the key of the conflict');
  assert.ok(marks.some((m) => m.textContent === '12' && m.classList.contains('px-value')));
  const c2 = withFinding({ verdict: 'update' });
  c2.findings = c2.findings.filter((f) => f.id === 'f-toll');
  const only = parseHTML(`<div>${renderStoryBody(c2)}</div>`).document;
  assert.deepEqual([...only.querySelectorAll('[data-article="e1"] mark.px-value')].map((m) => m.textContent), ['12']);
  assert.deepEqual([...only.querySelectorAll('[data-article="e1"] mark.px-context')].map((m) => m.textContent), ['At least ', ' people died in the floods'], 'the sentence is marked lightly');
  assert.match(document.querySelector('.px-counts')?.textContent ?? '', /^1 conflict, 0 partial matches, \d+ agreements?, \d+ exclusives?\./);
});

test('terminal and Markdown: the verdict is named, a conflict shows its differing words, findings in one order', () => {
  const c = withFinding({ verdict: 'update' });
  const term = renderTerminal(c, { colour: false });
  assert.match(term, /Death toll: Wire One gives 12, Wire Two gives 20 \(later report updates it\)/);
  assert.match(term, /Wire One \d+-\d+: “12”/);
  assert.doesNotMatch(term, /“At least 12 people died in the floods”/);
  const md = renderMarkdown(c);
  assert.match(md, /_\(later report updates it\)_/);
  const order = ['## Conflicts', '## Agreements', '## Only in one report'].map((h) => md.indexOf(h)).filter((i) => i >= 0);
  assert.ok(order.length >= 2 && order.every((i, k) => k === 0 || i > order[k - 1]!), JSON.stringify(order));
});
