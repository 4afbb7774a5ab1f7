import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAnalyzer } from '../../analyze.js';
import { articleFromContent } from '../../ingest/read-inputs.js';
import { compareArticles } from '../index.js';
import { durationDays, figureFacts } from './figures.js';
import type { FigureFact } from './types.js';

const analyzer = createAnalyzer();
const analysed = (text: string, outlet = 'A') =>
  analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: '2020-01-01T12:00:00Z' }));
const figure = (text: string, words: string): FigureFact => {
  const a = analysed(text);
  const f = figureFacts(a, (id) => id).find((x) => a.text.slice(x.value.start, x.value.end) === words);
  assert.ok(f, `no figure "${words}" in: ${text}`);
  return f;
};

test('vague counts: the hedge before them widens the interval, the head is the plural noun counted', () => {
  const million = figure('More than a million people took to the streets of Hong Kong.', 'More than a million');
  assert.deepEqual([million.low, million.high, million.direction, million.head], [1e6, 1.2e6, 'up', 'person']);
  const dozens = figure('Dozens of Iraqi militiamen and their supporters stormed the embassy.', 'Dozens');
  assert.match(dozens.head ?? '', /^militiam[ae]n$/);
  assert.ok(dozens.around.has('storm'), 'the act after the noun phrase is read');
  // "hundreds of thousands" stops short of a million: nine hundred thousand is its largest reading.
  const crowd = figure('The hundreds of thousands of spectators thronged the city centre.', 'hundreds of thousands');
  assert.ok(crowd.high < 1e6 * 0.995);
});

test('figure clauses: an aside after the noun phrase is skipped, another clause is not read', () => {
  const trapped = figure('More than 4,000 people, including residents, hundreds of tourists, and children, are trapped on a beach.', 'More than 4,000');
  assert.ok(trapped.around.has('trap'));
  const refugees = figure('A million revellers watched the fireworks explode above the city, even as thousands of people sought refuge on beaches.', 'thousands');
  assert.ok(!refugees.around.has('firework') && !refugees.around.has('city'));
});

test('frequency words make a figure a habit, not a count of the event', () => {
  assert.equal(figure('Recent protests have drawn participants, sometimes numbering more than one million.', 'more than one million').planned, true);
});

const numberConflicts = (a: string, b: string) =>
  compareArticles([analysed(a, 'A'), analysed(b, 'B')]).findings.filter((f) => f.kind === 'conflict' && f.type === 'number' && !f.withinArticle);

test('two names for people in one crowd are one count; far-apart magnitudes are different tallies', () => {
  const found = numberConflicts(
    'In Australia, a million revellers thronged Sydney harbour to watch the fireworks.',
    'More than 100,000 fireworks lit up the skyline for the hundreds of thousands of spectators thronging the city centre.',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]!.verdict, 'different-tallies');
});

test('"more than 4,000" and "up to 4,000" trapped are different tallies, an aside notwithstanding', () => {
  const found = numberConflicts(
    'More than 4,000 people, including residents, hundreds of tourists, and children, are trapped on a beach in Mallacoota.',
    'Up to 4,000 people are trapped on the foreshore at Mallacoota, the fire commissioner said.',
  );
  assert.equal(found.length, 1);
});

test('people and things are two counts; two kinds of people without a shared act are two counts', () => {
  assert.equal(numberConflicts('Protesters were outraged over the slaughter of at least 25 Iraqi people.', 'The militias had carried out 11 attacks on Iraqi bases.').length, 0);
  assert.equal(numberConflicts('The indictment of 12 Russian intelligence officers came in July.', 'Twenty-six Russian nationals and three companies have been charged.').length, 0);
});

test('figures of two named days are two counts', () => {
  assert.equal(
    numberConflicts('On Wednesday, US troops fired tear gas at hundreds of militia members at the embassy.', 'On Tuesday, thousands of militia members marched on the embassy.').length,
    0,
  );
});

test('people nouns: a noun whose first sense is a kind of person', async () => {
  const { sharedLexicon } = await import('../relatedness.js');
  const lex = sharedLexicon();
  if (!lex) return;
  for (const w of ['reveller', 'spectator', 'militiamen', 'protester', 'officer']) assert.equal(lex.isKindOf(w, 'person'), true, w);
  // "count" and "page" are people only in rare senses (a nobleman, an attendant).
  for (const w of ['count', 'page', 'attack', 'home']) assert.equal(lex.isKindOf(w, 'person'), false, w);
});

test('opposed kinds of people are two counts ("three women" / "at least two men")', () => {
  assert.equal(
    numberConflicts('A woman was charged with punching three Orthodox women who were attacked in Crown Heights.', 'Police are looking for suspects who attacked at least two Orthodox Jewish men in Crown Heights.').length,
    0,
  );
});

test('"about" a figure of three significant digits is as precise as its last digit; of one or two, five per cent', () => {
  const precise = figure('The Clintons earned roughly $141 million from 2007 to 2014.', 'roughly $141 million');
  assert.deepEqual([precise.low, precise.high], [140e6, 142e6]);
  const round = figure('Some 1,700 enterprises operate in the country.', 'Some 1,700');
  assert.ok(round.low <= 1615 && round.high >= 1785);
});

test('who gives a figure: a source that puts or estimates it, not a company reporting its own result', () => {
  const iran = figure('The airstrikes killed at least two dozen people; Iran has put the death toll at 31.', '31');
  assert.notEqual(iran.source, null);
  assert.equal(iran.head, 'toll', 'the measure named before the linking word');
  assert.equal(figure('The airstrikes killed at least two dozen people.', 'at least two dozen').source, null);
  assert.equal(figure('Maruti Suzuki reported a 3.9 per cent increase in total sales.', '3.9 per cent').source, null);
});

test("a source's tally is held against another report's figure even when its own report agrees beside it", () => {
  const found = numberConflicts(
    'US airstrikes over the weekend killed 25 fighters of the militia.',
    'The airstrikes killed at least two dozen people and wounded twice as many; Iran has put the death toll at 31.',
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]!.verdict, 'different-tallies');
  assert.match(found[0]!.summary, /“31” \(Iran’s figure\)/);
});

test('durations are figures in days: ISO values read, a coarse unit told to within a quarter of it', () => {
  assert.deepEqual(durationDays('P17D'), { days: 17, unit: 1 });
  assert.deepEqual(durationDays('P2W'), { days: 14, unit: 7 });
  assert.equal(durationDays('PXD'), null);
  const weeks = figure('The women have been holding a two-week sit-in at the square.', 'two-week');
  assert.deepEqual([weeks.dimension, weeks.low, weeks.high, weeks.head, weeks.running], ['duration', 12.25, 15.75, 'sit-in', true]);
});

test('a running length of one thing named in both reports differs; other lengths of time do not pair', () => {
  const found = numberConflicts(
    'Women in Shaheen Bagh in New Delhi, who have been holding a nonstop 17-day protest, invited people to join them.',
    'Protesters gathered in Shaheen Bagh in New Delhi, where hundreds of residents have blocked a major highway for 18 days.',
  );
  assert.equal(found.length, 1);
  assert.equal(numberConflicts('Eze sent a cross to Wells nine minutes into the match.', 'Wells headed home a lovely cross from Eze 12 minutes into the second half.').length, 0);
});

test('the plural noun after capitalised modifiers is what a figure counts; a handful of one kind of people is not a crowd of another', () => {
  assert.equal(figure('The group killed an American contractor and wounded four US service members.', 'four').head, 'member');
  assert.equal(
    numberConflicts('Dozens of protesters were hurt, some shot, others suffering from tear gas.', 'The rocket attack wounded four US service members.').length,
    0,
  );
});

test('figures of two periods are two measures', () => {
  const q4 = figure('In 2019, 98 percent of the donations were less than $200, and in the fourth quarter, the average contribution was $33.', '$33');
  assert.match(q4.period ?? '', /-Q4$/);
  assert.equal(
    numberConflicts(
      'In 2019, 98 percent of the donations were less than $200, and in the fourth quarter, the average contribution was $33.',
      'Of the $76 million raised in 2019, 98% of donations were under $200, and the average donation was $38.',
    ).length,
    0,
  );
});

test('a plan word of another clause does not make a figure planned', () => {
  assert.equal(figure('Protesters had planned three demonstrations in the capital, where hundreds of residents have blocked a major highway.', 'hundreds').planned, false);
  assert.equal(figure('The government plans to send hundreds of soldiers to the region.', 'hundreds').planned, true);
});

test('"last week" in reports days apart is one rolling week: its tallies are compared; other weeks are not', () => {
  const at = (text: string, outlet: string, day: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: `${day}T12:00:00Z` }));
  const conflicts = (a: string, aDay: string, b: string, bDay: string) =>
    compareArticles([at(a, 'A', aDay), at(b, 'B', bDay)]).findings.filter((f) => f.kind === 'conflict' && f.type === 'number' && !f.withinArticle);
  const post = 'Suspects arrested in last week’s spree of eight anti-Semitic attacks are being quickly released.';
  const tv = 'There were at least 10 attacks against the Jewish community in New York last week.';
  // A Saturday and the next Wednesday: "last week" is two calendar weeks, one rolling week.
  assert.equal(conflicts(post, '2019-12-28', tv, '2020-01-01').length, 1);
  // "Last week" in one report and "this week" in another of the same day are two weeks.
  assert.equal(conflicts(post, '2020-01-01', tv.replace('last week', 'this week'), '2020-01-01').length, 0);
});

test('running lengths that differ by the days between their reports are one length told on two days', () => {
  const at = (text: string, outlet: string, day: string) => analyzer.analyze(articleFromContent({ text }, { id: outlet, source: outlet, outlet, title: null, published: `${day}T12:00:00Z` }));
  const conflicts = (aDay: string, bDay: string) =>
    compareArticles([
      at('Women in Shaheen Bagh in New Delhi, who have been holding a nonstop 17-day protest, invited people to join them.', 'A', aDay),
      at('Protesters gathered in Shaheen Bagh in New Delhi, where hundreds of residents have blocked a major highway for 18 days.', 'B', bDay),
    ]).findings.filter((f) => f.kind === 'conflict' && f.type === 'number');
  assert.equal(conflicts('2020-01-01', '2020-01-02').length, 0);
  // The same day, or the longer length in the earlier report: the lengths disagree.
  assert.equal(conflicts('2020-01-01', '2020-01-01').length, 1);
  assert.equal(conflicts('2020-01-02', '2020-01-01').length, 1);
});

test('what a sum of money pays for is its head: two sums for two things are two figures', () => {
  assert.equal(figure('Jackson’s wife spent $5,150 on fur capes and parkas, court documents said.', '$5,150').head, 'cape');
  assert.equal(figure('He used the money for a $5,587.75 vacation at a retreat, the document said.', '$5,587.75').head, 'vacation');
  assert.equal(figure('He used $750,000 in campaign money for personal items.', '$750,000').head, null);
  assert.equal(
    numberConflicts('Jackson’s wife spent $5,150 on fur capes and parkas, court documents said.', 'Jackson used the campaign money for a $5,587.75 vacation at a retreat on Martha’s Vineyard, the document said.').length,
    0,
  );
});

test('a figure someone expects or needs is no count of what happened', () => {
  assert.equal(figure('Analysts surveyed by Refinitiv were expecting 870,000 jobs gained.', '870,000').planned, true);
  assert.equal(figure('Economists had been looking for 845,000 new jobs.', '845,000').planned, true);
  assert.equal(figure('Employers added 235,000 jobs, far fewer than the roughly 700,000 expected by forecasters.', 'roughly 700,000').planned, true);
  assert.equal(figure('Senators voted 54-35, falling short of the 10 GOP votes needed to get it over an initial hurdle.', '10').planned, true);
  assert.equal(figure('Republicans deprived the Democrats of the 60-vote threshold to begin debate.', '60').planned, true);
  // Counts of what happened stay counts: "needed" with an object is what the people counted did.
  assert.equal(figure('Five people needed hospital treatment after the blast.', 'Five').planned, false);
  assert.equal(figure('The US economy added 943,000 jobs in July.', '943,000').planned, false);
  assert.equal(figure('The 54-35 vote, with six Republicans breaking ranks, came after a lobbying push.', 'six').planned, false);
});

test('"about" a figure of one significant digit allows for its rounding', () => {
  const about = figure('The Border Patrol made about 200,000 arrests at the southern border in July.', 'about 200,000');
  assert.ok(about.low <= 175000 && about.high >= 225000, `${about.low}-${about.high}`);
  // Figures of more digits keep the hedge's room, or their last digit's.
  const exact = figure('The Border Patrol made about 212,000 arrests in July.', 'about 212,000');
  assert.ok(exact.high <= 213000);
  const small = figure('About 40 people were hurt.', 'About 40');
  assert.ok(small.high <= 42.5);
});
