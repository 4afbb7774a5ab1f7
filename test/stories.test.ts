// Real multi-outlet stories from ../shared/eval/stories (BASIL triplets, AllSides roundups), read as a careful
// reader would; the expectations below are what the reports say, checked by hand against the texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StoryComparison } from '../src/compare/types.js';
import { articleId, assertSpansValid, compareStory, findFinding } from './helpers.js';

function story(file: string, prefix: string): StoryComparison | null {
  const c = compareStory(file, prefix);
  if (c) assert.ok(c.articles.length >= 2, `${prefix} has articles`);
  return c;
}

const skip = (c: StoryComparison | null) => (c ? false : 'needs ../shared/eval');

const pelosi = story('basil.jsonl', 'basil-79bf');
test('BASIL Pelosi re-elected: the year she took over differs (2003 vs 2002); Hoyer kept the No. 2 job', { skip: skip(pelosi) }, () => {
  const c = pelosi!;
  assertSpansValid(c, (m) => assert.fail(m));
  const hp = articleId(c, 'Huffington Post');
  const fox = articleId(c, 'Fox News');
  const nyt = articleId(c, 'New York Times');
  assert.ok(findFinding(c, 'conflict', 'date', { [hp]: /^2003$/, [fox]: /^2002/ }), 'since 2003 vs since 2002');
  assert.ok(findFinding(c, 'agreement', null, { [fox]: /Hoyer/, [nyt]: /Hoyer/ }), 'Hoyer re-elected whip');
  assert.ok(!c.findings.some((f) => f.kind === 'conflict' && f.type === 'number'), 'no figure disagrees (134 to 63 in all)');
});

const stone = story('basil.jsonl', 'basil-aab9');
test('BASIL Roger Stone indicted: all three quote "fully and completely vindicated"; the arrest at his Florida home', { skip: skip(stone) }, () => {
  const c = stone!;
  assertSpansValid(c, (m) => assert.fail(m));
  const all = c.articles.map((a) => a.id);
  const f = c.findings.find((x) => x.kind === 'agreement' && all.every((id) => x.evidence.some((e) => e.article === id && /fully and completely vindicated/.test(e.text))));
  assert.ok(f, 'one agreement across the three outlets');
  const fox = articleId(c, 'Fox News');
  const nyt = articleId(c, 'New York Times');
  assert.ok(findFinding(c, 'agreement', null, { [fox]: /arrest/, [nyt]: /arrested/ }), 'the pre-dawn arrest');
});

const shutdown = story('basil.jsonl', 'basil-1e41');
test('BASIL shutdown ends: "workers missed their second paycheck" joins no agreement on back pay', { skip: skip(shutdown) }, () => {
  const c = shutdown!;
  const fox = articleId(c, 'Fox News');
  const hp = articleId(c, 'Huffington Post');
  const wrong = c.findings.filter((f) => f.kind === 'agreement' && f.evidence.some((e) => e.article === fox && /second paycheck/.test(e.text)) && f.evidence.some((e) => e.article === hp && /back pay/.test(e.text)));
  assert.deepEqual(wrong.map((f) => f.summary), []);
  assert.ok(findFinding(c, 'agreement', null, { [hp]: /back pay/ }), 'back pay "as soon as possible" is still agreed');
});

const sayoc = story('basil.jsonl', 'basil-1f99');
test('BASIL mail-bomb suspect arrested: Trump’s words on political violence in two outlets; the press conference only in Fox', { skip: skip(sayoc) }, () => {
  const c = sayoc!;
  assertSpansValid(c, (m) => assert.fail(m));
  const hp = articleId(c, 'Huffington Post');
  const nyt = articleId(c, 'New York Times');
  const fox = articleId(c, 'Fox News');
  assert.ok(findFinding(c, 'agreement', null, { [hp]: /political violence/, [nyt]: /political violence/ }));
  assert.ok(c.findings.some((f) => f.kind === 'exclusive' && f.articles[0] === fox && f.evidence.some((e) => /press conference at 2:30/.test(e.text))));
});

const capitol = story('allsides.jsonl', 'allsides-6027');
test('AllSides Capitol riot commission: the 252-175 vote with 35 Republicans', { skip: skip(capitol) }, () => {
  const c = capitol!;
  assertSpansValid(c, (m) => assert.fail(m));
  const wp = articleId(c, 'Washington Post');
  const dc = articleId(c, 'The Daily Caller');
  assert.ok(findFinding(c, 'agreement', null, { [wp]: /252-to-175/, [dc]: /252 to 175/ }), 'the vote');
  assert.ok(findFinding(c, 'agreement', null, { [wp]: /^35$/, [dc]: /^35$/ }), '35 Republicans');
  assert.ok(!c.findings.some((f) => f.kind === 'conflict'), 'nothing contradicts');
});

const jobs = story('allsides.jsonl', 'allsides-5886');
test('AllSides job openings: 9.21 million and 9.2 million agree (rounding), not a conflict', { skip: skip(jobs) }, () => {
  const c = jobs!;
  assertSpansValid(c, (m) => assert.fail(m));
  const epoch = articleId(c, 'The Epoch Times');
  const aj = articleId(c, 'Al Jazeera');
  assert.ok(findFinding(c, 'agreement', null, { [epoch]: /9\.21 million/, [aj]: /9\.2 million/ }));
  assert.ok(!c.findings.some((f) => f.kind === 'conflict' && f.type === 'number'));
});

const infra = story('allsides.jsonl', 'allsides-6005');
test('AllSides infrastructure counteroffer: unveiled on Thursday; Capito on negotiating in good faith', { skip: skip(infra) }, () => {
  const c = infra!;
  const reuters = articleId(c, 'Reuters');
  const wt = articleId(c, 'Washington Times');
  assert.ok(findFinding(c, 'agreement', null, { [reuters]: /unveiled/, [wt]: /unveiled/ }));
  assert.ok(findFinding(c, 'agreement', null, { [reuters]: /good faith/, [wt]: /good faith/ }));
});

const moderna = story('allsides.jsonl', 'allsides-6066');
test('AllSides Moderna teen trial: 96% effective in 12- to 17-year-olds, in two outlets', { skip: skip(moderna) }, () => {
  const c = moderna!;
  const cbs = articleId(c, 'CBS News (Online)');
  assert.ok(c.findings.some((f) => f.kind === 'agreement' && f.articles.length >= 2 && f.evidence.some((e) => e.article === cbs && /96% effective/.test(e.text)) && f.evidence.some((e) => e.article !== cbs && /96%/.test(e.text))));
});

const evacuation = story('allsides.jsonl', 'allsides-5755');
test('AllSides Americans left in Afghanistan: "about" and "up to" 1,500 agree across all three; nothing contradicts', { skip: skip(evacuation) }, () => {
  const c = evacuation!;
  assertSpansValid(c, (m) => assert.fail(m));
  const all = c.articles.map((a) => a.id);
  // The Post's sentence goes on "— shortly after President Biden joked ...": the figure is its own claim.
  const f = c.findings.find((x) => x.kind === 'agreement' && all.every((id) => x.evidence.some((e) => e.article === id && /1,500/.test(e.text))));
  assert.ok(f, 'one agreement on 1,500 across the three outlets');
  assert.ok(!c.findings.some((x) => x.kind === 'conflict'), 'nothing contradicts');
  const hill = articleId(c, 'The Hill');
  assert.ok(c.findings.some((x) => x.kind === 'exclusive' && x.articles[0] === hill && x.evidence.some((e) => /82,300/.test(e.text))), '82,300 evacuated only in The Hill');
});

const votingBill = story('allsides.jsonl', 'allsides-5930');
test('AllSides voting rights bill blocked: the 60 votes needed agree; the 50-50 tally is no other figure for them', { skip: skip(votingBill) }, () => {
  const c = votingBill!;
  assertSpansValid(c, (m) => assert.fail(m));
  const cnn = articleId(c, 'CNN (Online News)');
  const fox = articleId(c, 'Fox News (Online News)');
  assert.ok(findFinding(c, 'agreement', null, { [cnn]: /60 votes/, [fox]: /60 votes/ }), '60 votes needed');
  assert.ok(!c.findings.some((f) => f.kind === 'conflict' && f.type === 'number'), '50-50 and 60 are two figures, not a contradiction');
});

const jobless = story('allsides.jsonl', 'allsides-5987');
test('AllSides jobless claims: the revised 405,000 of the prior week agrees in all three; 385,000 last week is no other figure for it', { skip: skip(jobless) }, () => {
  const c = jobless!;
  assertSpansValid(c, (m) => assert.fail(m));
  const all = c.articles.map((a) => a.id);
  assert.ok(c.findings.some((x) => x.kind === 'agreement' && all.every((id) => x.evidence.some((e) => e.article === id && /405,000/.test(e.text)))), 'revised to 405,000');
  assert.ok(!c.findings.some((f) => f.kind === 'conflict' && f.type === 'number'), 'two weeks, two figures');
});

const gasoline = story('allsides.jsonl', 'allsides-6053');
test('AllSides pipeline hack: North Carolina stations without gas, 8.5% (CNN) vs more than 6 percent (The Hill)', { skip: skip(gasoline) }, () => {
  const c = gasoline!;
  assertSpansValid(c, (m) => assert.fail(m));
  const cnn = articleId(c, 'CNN (Online News)');
  const hill = articleId(c, 'The Hill');
  assert.ok(findFinding(c, 'conflict', 'number', { [cnn]: /^8\.5%$/, [hill]: /^more than 6 percent$/ }), 'the North Carolina share');
  // Virginia: 7.7% and "nearly 8 percent" agree within the hedge.
  assert.ok(!findFinding(c, 'conflict', 'number', { [cnn]: /^7\.7%$/ }), 'Virginia agrees');
});

// Conflicts read from words that are not the claim's own were false alarms on these stories.
const notTheClaims = [
  ['allsides-5720', 'negation', 'default "if Congress does not take action" vs "if Congress fails to raise"'],
  ['allsides-5793', 'negation', 'Cuomo resigned; "women ... who did not" is a relative clause'],
  ['allsides-5969', 'modality', 'the Senate passed legislation "that would pour" money: the would is the bill’s'],
  ['allsides-6051', 'modality', 'House Republicans voted; Trump’s grip "will tighten" is another act'],
] as const;
for (const [prefix, type, why] of notTheClaims) {
  const c = story('allsides.jsonl', prefix);
  test(`AllSides ${prefix}: no ${type} conflict (${why})`, { skip: skip(c) }, () => {
    assert.deepEqual(c!.findings.filter((f) => f.kind === 'conflict' && f.type === type).map((f) => f.summary), []);
  });
}

const maskOrder = story('allsides.jsonl', 'allsides-5818');
test('AllSides DeSantis mask order: signed (Insider) vs intends to sign (The Post Millennial)', { skip: skip(maskOrder) }, () => {
  const c = maskOrder!;
  const insider = articleId(c, 'Insider');
  const pm = articleId(c, 'The Post Millennial');
  const f = c.findings.find((x) => x.kind === 'conflict' && x.type === 'modality' && x.articles.includes(insider) && x.articles.includes(pm));
  assert.ok(f, 'done vs not yet');
  assert.ok(f.evidence.some((e) => e.article === insider && /signed an executive order/.test(e.text)));
  assert.ok(f.evidence.some((e) => e.article === pm && /intends to sign/.test(e.text)));
});

const walensky = story('allsides.jsonl', 'allsides-6043');
test('AllSides CDC mask guidance: "Dr. Walensky" and "Rochelle Walensky" are one speaker', { skip: skip(walensky) }, () => {
  assert.deepEqual(walensky!.findings.filter((f) => f.kind === 'conflict' && f.type === 'speaker').map((f) => f.summary), []);
});

const kabulMeeting = story('allsides.jsonl', 'allsides-5760');
test('AllSides CIA director in Kabul: the meeting "Monday" and "an official said Tuesday" are two days of two acts', { skip: skip(kabulMeeting) }, () => {
  assert.deepEqual(kabulMeeting!.findings.filter((f) => f.kind === 'conflict' && f.type === 'date').map((f) => f.summary), []);
});

const vaccineGoal = story('allsides.jsonl', 'allsides-6073');
test('AllSides vaccination goal: 160 million as a goal is no other count of the 105 million vaccinated', { skip: skip(vaccineGoal) }, () => {
  assert.deepEqual(vaccineGoal!.findings.filter((f) => f.kind === 'conflict').map((f) => f.summary), []);
});
