import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Claim, Quantity, TimeExpression } from '../model/document.js';
import type { ClaimView } from './align.js';
import { actHolds, clauseModality, datesClash, durationsClash, factMatch, heldApart, onlyOnePossible, predicateFound, statesOneFact, valuesClash } from './agreement.js';
import { sharedLexicon } from './relatedness.js';

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

test('two statements whose acts are each missing from the other state two facts, whatever place they share', () => {
  const lex = sharedLexicon()!;
  const isVerbForm = (w: string) => !w.includes(' ') && lex.lemmas(w, 'v').some((l) => l !== w);
  const facts = (a: string, b: string, predicates: [string | null, string | null]) => {
    const al = lex.alignPhrases(a, b);
    const m = factMatch(al, a, b, new Set(['uttar', 'pradesh', 'aligarh', 'muslim', 'university']), new Set(['uttar', 'pradesh']), (u) => lex.isKindOf(u, 'person'));
    return statesOneFact(m) && predicateFound(al, m, predicates, isVerbForm);
  };
  const crackdown = 'A few hours later, police in Uttar Pradesh, India’s most populous state, cracked down on the Aligarh Muslim University';
  const violence = 'But some protests have turned violent, particularly in the populous northern state of Uttar Pradesh';
  assert.equal(facts(crackdown, violence, ['cracked', 'turned']), false);
  // The same act in other words is one fact ("released" / "announced").
  const unclear = "So far, though, it's unclear how Buttigieg's numbers may compare to other top 2020 contenders, as they haven't released their totals.";
  const unclear2 = "It's still unclear how Buttigieg's final-quarter haul stacks up to the other 2020 frontrunners — they have not yet announced their fundraising totals.";
  assert.equal(facts(unclear, unclear2, ['released', 'announced']), true);
});

function figures(text: string, quantities: Partial<Quantity>[]): ClaimView {
  const qs = quantities.map((q) => ({ kind: 'level', unit: null, countedHead: null, low: q.value, high: q.value, ...q }) as Quantity);
  const claim = { start: 0, end: text.length, times: [], quantities: qs.map((_, i) => i) } as unknown as Claim;
  return { claim, article: { text, layers: { quantities: qs } } as unknown as Article } as unknown as ClaimView;
}

test('percentages of one thing clash even when only one has its thing counted read', () => {
  const y2014 = figures('The effective federal tax rate for 2014 was 35.7 percent', [{ value: 35.7, unit: '%', countedHead: 'rate' }]);
  const y2007 = figures('from 2007 through 2014 ... for an effective tax rate of 31.55 percent', [{ value: 31.55, unit: '%' }]);
  assert.equal(valuesClash(y2014, y2007), true);
  assert.equal(valuesClash(y2014, figures('a rate of 35.7 percent', [{ value: 35.7, unit: '%' }])), false);
  // Counts without a unit keep to their thing counted ("12 people" / "5").
  assert.equal(valuesClash(figures('12 people', [{ value: 12, countedHead: 'people' }]), figures('5', [{ value: 5 }])), false);
});

test('an act one statement holds as possible or planned and the other tells done is no shared fact', () => {
  const hedged = 'He repeatedly has said it was “a possibility” that he would be indicted in the investigation.';
  const done = 'Stone was taken into custody early Friday after being indicted by a federal grand jury.';
  assert.deepEqual([...actHolds(hedged).get('indict')!], ['planned']);
  assert.deepEqual([...actHolds(done).get('indict')!], ['done']);
  assert.equal(heldApart(hedged, done), true);
  assert.equal(heldApart('The Marines will be sent to Baghdad.', 'The Marines were sent to Baghdad.'), true);
  // Held alike on both sides: one plan ("plans to plead" / "will plead"); an infinitive is no act told done.
  assert.equal(heldApart('Stone said he plans to plead not guilty', 'Mr. Stone said he will plead not guilty'), false);
  assert.equal(heldApart('The pair is due to be arraigned on Thursday.', 'The Hunters are scheduled to be arraigned Thursday.'), false);
  // "May" the month is no possibility; a light verb names no act; a negation may be another participant's.
  assert.equal(heldApart('applications for the week ended May 1 fell to 498,000', 'Initial claims fell by 92,000 to 498,000'), false);
  assert.equal(heldApart('Biden did not take questions from US reporters', 'Johnson took questions from reporters'), false);
  assert.equal(heldApart('including staffers and others who did not work for him', 'including some who worked in his office'), false);
  // An act held both ways within one statement decides nothing.
  assert.equal(heldApart('He was expected to resign and resigned on Friday.', 'He resigned on Friday.'), false);
});

/** A statement with its DATE expressions, each given by its words (found in the text) and resolved value. */
function dated(text: string, dates: [string, string][]): ClaimView {
  const times = dates.map(([said, value]) => ({ start: text.indexOf(said), end: text.indexOf(said) + said.length, type: 'DATE', value, resolved: true }) as TimeExpression);
  const claim = { start: 0, end: text.length, times: times.map((_, i) => i), quantities: [] } as unknown as Claim;
  return { claim, article: { text, layers: { times } } as unknown as Article } as unknown as ClaimView;
}

test('statements that place their fact at dates that do not meet do not agree on it', () => {
  const repaid = dated('He repaid his campaign more than $60,000 earlier this year for expenses dating back to 2015', [['earlier this year', '2018'], ['2015', '2015']]);
  const said2017 = dated('The lawyers said in 2017 that he repaid the campaign about $60,000.', [['2017', '2017']]);
  assert.equal(datesClash(repaid, said2017), true);
  assert.equal(datesClash(dated('Trump tweeted Tuesday that he had accepted', [['Tuesday', '2016-08-30']]), dated('On Wednesday, Fox expressed disbelief', [['Wednesday', '2016-08-31']])), true);
  // A day against a month: the dates of two facts of one sentence, more often than not.
  assert.equal(datesClash(dated('Earlier Friday, Cheney revealed her position, since declaring her candidacy in July', [['Friday', '2013-11-15']]), dated('Cheney declared in July she plans to challenge Enzi', [['July', '2013-07']])), false);
  // A date within the other meets it; a statement without a date says nothing against one.
  assert.equal(datesClash(dated('He resigned in March 2017.', [['March 2017', '2017-03']]), dated('He resigned in 2017.', [['2017', '2017']])), false);
  assert.equal(datesClash(dated('He resigned in March 2017.', [['March 2017', '2017-03']]), dated('He resigned.', [])), false);
  // A year naming a thing, the bound of a span, and a day whose year was only guessed are no date of the fact.
  assert.equal(datesClash(dated('The bureau will release data from the 2020 census.', [['2020', '2020']]), dated('The release of data kicks off on Thursday.', [['Thursday', '2021-08-12']])), false);
  assert.equal(datesClash(dated('the lowest number of births since 1979', [['1979', '1979']]), dated('births fell in 2020', [['2020', '2020']])), false);
  assert.equal(datesClash(dated('Biden signing the act—the first since Martin Luther King Jr. Day was added in 1983—', [['1983', '1983']]), dated('On Thursday, Biden signed the act.', [['Thursday', '2021-06-17']])), false);
  assert.equal(datesClash(dated('The judge set the sentencing for June 28.', [['June 28', '2012-06-28']]), dated('Sentencing has been set for June 28.', [['June 28', '2013-06-28']])), false);
});
