import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Claim, TimeExpression } from '../model/document.js';
import type { ClaimView } from './align.js';
import { clauseModality, durationsClash, onlyOnePossible } from './agreement.js';

test('a clause that holds its act as possible is not one that states or plans it', () => {
  assert.equal(clauseModality('given a chance to win $1 million'), 'possible');
  assert.equal(clauseModality('the committee could issue additional subpoenas'), 'possible');
  assert.equal(clauseModality('he hoped the committee would issue the subpoenas'), 'planned');
  assert.equal(clauseModality('A Maine man won $1 million'), 'stated');
  assert.equal(onlyOnePossible('A Maine man won $1 million', 'given a chance to win $1 million'), true);
  assert.equal(onlyOnePossible('could issue subpoenas', 'hoped the committee would issue the subpoenas'), true);
  // Planned against stated is no reason on its own ("will be held fully responsible" / "has blamed").
  assert.equal(onlyOnePossible('Iran will be held fully responsible', 'Trump has blamed Iran'), false);
  assert.equal(onlyOnePossible('may resign', 'might resign'), false);
});

function view(text: string, durations: string[]): ClaimView {
  const times: TimeExpression[] = durations.map((value) => ({ start: 0, end: 1, type: 'DURATION', value, resolved: true }) as TimeExpression);
  const claim = { start: 0, end: text.length, times: times.map((_, i) => i), quantities: [] } as unknown as Claim;
  return { claim, article: { text, layers: { times } } as unknown as Article } as unknown as ClaimView;
}

test('durations that differ, with none in common, are two moments', () => {
  assert.equal(durationsClash(view('nine minutes into the encounter', ['PT9M']), view('On 48 minutes', ['PT48M'])), true);
  assert.equal(durationsClash(view('nine minutes in', ['PT9M']), view('after 9 minutes and again at 48', ['PT9M', 'PT48M'])), false);
  assert.equal(durationsClash(view('nine minutes in', ['PT9M']), view('early on', [])), false);
});
