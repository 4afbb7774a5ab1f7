import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { statusFacts } from './status.js';

const analyzer = createAnalyzer();

/** The acts of a text with their status, as "status act" strings. */
function acts(text: string): string[] {
  const a = analyzer.analyze(articleFromContent({ text }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-12-31T12:00:00Z' }));
  return statusFacts(a, (id) => id).map((f) => `${f.status} ${f.act}`);
}

test('status facts: a negation negates its own scope, not every word after it', () => {
  // "did not attend a meeting seeking comment": attend is negated, seek is not.
  const r = acts('The minister did not attend a meeting seeking support.');
  assert.ok(r.includes('negated attend'), r.join(', '));
  assert.ok(!r.some((x) => x.endsWith(' seek')), r.join(', '));
  // A noun phrase after "no" and the participle its verb takes.
  const c = acts('Although no formal charges have been filed yet, officials spoke.');
  assert.ok(c.some((x) => x.startsWith('negated ') && x.endsWith(' file')), c.join(', '));
  assert.ok(c.some((x) => x === 'negated accuse' || x === 'negated charge'), c.join(', '));
  // Coordinated participles share the negation.
  const d = acts('He clarified that none were arrested or detained for drawing kolam.');
  assert.ok(d.includes('negated arrest'), d.join(', '));
  assert.equal(d.filter((x) => x.startsWith('negated')).length, 2, d.join(', '));
});

test('status facts: idioms, hypotheses and charges are no negation', () => {
  for (const text of ['The indictment does not charge Stone with conspiring with WikiLeaks.', 'Trump will no doubt continue to play nice.', 'He said he would not sign anything without wall funding.', 'We better not turn it over to her.', 'He will plead not guilty.']) {
    assert.ok(!acts(text).some((x) => x.startsWith('negated')), `${text}: ${acts(text).join(', ')}`);
  }
});

test('status facts: plans from their cue, and acts done from an auxiliary, an agent or a subject', () => {
  assert.ok(acts('About 100 Marines will be sent to the compound.').includes('planned send'));
  assert.ok(acts('Jackson is expected to plead guilty on Wednesday.').includes('planned plead'));
  assert.ok(acts('Kannan was arrested on Wednesday night.').includes('done arrest'));
  assert.ok(acts('Security forces, including reinforcements sent by the Pentagon, fired tear gas.').includes('done send'));
  const active = acts('President Barack Obama unveiled the plan on Wednesday.');
  assert.ok(active.includes('done unveil'), active.join(', '));
  // "the second agent to be fired" is no plan; a budget plan that was approved is an act done.
  assert.ok(!acts('He is the second agent to be fired this month.').some((x) => x.startsWith('planned')));
  assert.ok(acts('Mr. Ryan’s budget plan was approved in March.').some((x) => x.startsWith('done approv')));
});

test('status facts: a light verb names its act by its object; a short denial denies the story\'s act', () => {
  assert.ok(acts('Christians was taken into custody Thursday night.').includes('done arrest'));
  const a = analyzer.analyze(articleFromContent({ text: 'Police said they have made no arrests. It ended without reports of deaths or injuries.' }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-12-31T12:00:00Z' }));
  const facts = statusFacts(a, (id) => id);
  assert.deepEqual(facts.filter((f) => f.blanket).map((f) => f.act), ['arrest', 'kill', 'injure']);
});

test('status facts: the theme is a passive\'s subject or an active verb\'s object', () => {
  const themes = (text: string) => {
    const a = analyzer.analyze(articleFromContent({ text }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-12-31T12:00:00Z' }));
    return statusFacts(a, (id) => id).map((f) => [...(f.theme ?? [])].sort().join(' '));
  };
  assert.deepEqual(themes('The admit card for the main examination will be released on the portal.'), ['admit card']);
  assert.ok(themes('IBPS has released the preliminary exam result today.')[0]!.includes('result'));
  // A denied noun has no theme of its own.
  assert.deepEqual(themes('Police have made no arrests.'), ['']);
});

test('status facts: an event planned ("is scheduled for", "prepares for") and an event told done by what it did', () => {
  assert.ok(acts('This year’s game is scheduled for Thursday night.').includes('planned game'));
  assert.ok(acts('The city prepares for a huge march on New Year’s Day.').includes('planned protest'));
  assert.ok(acts('The annual protest march in Hong Kong drew a huge crowd.').includes('done protest'));
});

test('status facts: a passive act whose cue opens the text has no subject before it, and reading it does not throw', () => {
  // (Found by the property test: the subject scan started one word before the first.)
  const r = acts('will was ready for signing ');
  assert.ok(Array.isArray(r));
  assert.ok(!r.some((x) => x.startsWith('negated')), r.join(', '));
});

test('status facts: a plan inside a contraction, a light verb told done by its subject, a kin noun as subject', () => {
  assert.ok(acts('He’ll make the announcement today at 11am.').includes('planned announcement'));
  assert.ok(acts('Christie made a public announcement Tuesday afternoon.').includes('done announcement'));
  assert.ok(acts('His wife later pleaded guilty Wednesday to a charge.').includes('done plead'));
  // A telling is no act told done ("told reporters").
  assert.ok(!acts('Commissioner Viswanathan told reporters about it.').some((x) => x.startsWith('done ')));
});

test('status facts: an event held has the status of the act that holds it, and is done when something was said at it', () => {
  assert.ok(acts('The Department of Justice will hold a press conference at 2:30 p.m.').some((x) => x === 'planned meet' || x === 'planned conference'));
  assert.ok(acts('FBI Director Chris Wray confirmed at a press conference that he was arrested.').some((x) => x === 'done meet' || x === 'done conference'));
  assert.ok(!acts('Police fired tear gas at the crowd.').some((x) => x.endsWith(' crowd')));
});

test('status facts: a denial towards someone keeps whom it is denied towards', () => {
  const a = analyzer.analyze(articleFromContent({ text: 'Etheridge told reporters that he hasn’t apologized to the young men involved.' }, { id: 'a', source: 'a', outlet: 'A', title: null, published: '2019-12-31T12:00:00Z' }));
  const f = statusFacts(a, (id) => id).find((x) => x.status === 'negated' && x.act === 'apologize');
  assert.ok(f?.towards?.has('young'), JSON.stringify([...(f?.towards ?? [])]));
});
