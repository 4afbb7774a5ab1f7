import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preparedArticle } from '../quantities/test-helpers.js';
import { extractQuotes } from './index.js';
import { loadQuoteLexicon } from './lexicon.js';
import { findQuotedSpans } from './marks.js';
import { createAnalyzer } from '../../analyze.js';
import { silentContext } from '../../pipeline/stage.js';

const lex = loadQuoteLexicon();
const entityStage = createAnalyzer().stage('entities');
/** Quotes with the entity stage run first: the speaker as the reader sees it (the entity's name, else the words). */
function withEntities(text: string) {
  const a = preparedArticle(text);
  const ents = entityStage.run(a, silentContext);
  a.layers.entities = ents.entities ?? [];
  a.layers.entityIndex = ents.entityIndex ?? [];
  return extractQuotes(a, lex).map((q) => ({
    speaker: q.speaker ? (a.layers.entityIndex!.find((e) => e.id === q.speaker)?.name ?? null) : (q.speakerMention?.text ?? null),
    cue: q.cue?.text ?? null,
    content: q.content.map((c) => c.text).join(' | '),
  }));
}
const quotes = (text: string) =>
  extractQuotes(preparedArticle(text), lex).map((q) => ({
    speaker: q.speakerMention?.text ?? null,
    cue: q.cue?.text ?? null,
    content: q.content.map((c) => c.text).join(' | '),
    direct: q.direct,
    kind: q.speakerKind,
    via: q.via?.text ?? null,
  }));

test('quotation marks of every kind, apostrophes are not quotes, quotes over paragraphs', () => {
  const text = 'He said “one” and "two" and ‘three’ and «four», Kyrgyzstan’s too.\n“First paragraph\n“second paragraph.”';
  const spans = findQuotedSpans(text).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(spans, ['one', 'two', 'three', 'four', 'First paragraph', 'second paragraph.']);
});

// Sentences from PolNeAR (../shared/eval/quotes/polnear.dev.jsonl).
test('a direct quote with the speaker after it: “...,” Figueroa told USA Today.', () => {
  const q = quotes('“We were there under legitimate pretenses,” Figueroa told USA Today.');
  assert.deepEqual(q, [{ speaker: 'Figueroa', cue: 'told', content: 'We were there under legitimate pretenses', direct: true, kind: 'person', via: null }]);
});

test('reported speech with "said" and a second speaker in the same sentence', () => {
  const q = quotes('Figueroa said the campaign planned to bus in supporters to stage a protest, though she acknowledged it was unlikely to work.');
  assert.equal(q.length, 2);
  assert.deepEqual([q[0]!.speaker, q[0]!.cue, q[0]!.content], ['Figueroa', 'said', 'the campaign planned to bus in supporters to stage a protest']);
  // Without an entity layer "she" names no one: not shown as a speaker, kept as the words written.
  assert.deepEqual([q[1]!.speaker, q[1]!.cue, q[1]!.content], [null, 'acknowledged', 'it was unlikely to work']);
  const raw = extractQuotes(preparedArticle('Figueroa said the campaign planned to bus in supporters to stage a protest, though she acknowledged it was unlikely to work.'), lex);
  assert.deepEqual([raw[1]!.speakerProblem, raw[1]!.speakerWords?.text], ['pronoun', 'she']);
  // With entities, "she" is Figueroa.
  const named = withEntities('Maria Figueroa said the campaign planned to bus in supporters to stage a protest, though she acknowledged it was unlikely to work.');
  assert.deepEqual(named.map((x) => x.speaker), ['Maria Figueroa', 'Maria Figueroa']);
});

test('speakers a reader can trust: pronouns resolved, never a place, a quantifier or a clause', () => {
  const he = withEntities('Russian President Vladimir Putin arrived in Bishkek on Tuesday. He said a joint declaration was ready for signing.');
  assert.deepEqual(he.map((x) => [x.speaker, x.content]), [['Vladimir Putin', 'a joint declaration was ready for signing']]);
  // ", who said": the name before the comma.
  const who = withEntities('The deal was backed by Senator Mitch McConnell, who said it would pass easily.');
  assert.equal(who.find((x) => x.cue === 'said')?.speaker, 'Mitch McConnell');
  // "Sen. Susan Collins of Maine said": the senator, not the state.
  const collins = withEntities('Sen. Susan Collins of Maine said she was hopeful for a constructive debate.');
  assert.equal(collins[0]?.speaker, 'Susan Collins');
  // A title resolves to the person named with it: "The senator" is Sen. Susan Collins.
  const title = withEntities('Sen. Susan Collins arrived in the capital on Monday. The senator said the bill would fail.');
  assert.equal(title.find((x) => x.cue === 'said')?.speaker, 'Susan Collins');
  // A place, a quantifier and a clause are never shown as speakers.
  for (const text of ['Kentucky reported that turnout rose sharply in the spring.', 'Many said the bill would fail in the Senate.', 'Thursday afternoon were said to be the busiest hours of the week.']) {
    for (const x of withEntities(text)) assert.ok(x.speaker === null || !/^(Kentucky|Many|Thursday afternoon were)$/.test(x.speaker), `${text}: ${x.speaker}`);
  }
});

test('the speaker after the content: "..., a source said."', () => {
  const q = quotes('But a campaign operative decided to change course to avoid treatment by doctors, a source said.');
  assert.deepEqual([q[0]!.speaker, q[0]!.cue, q[0]!.content], ['a source', 'said', 'But a campaign operative decided to change course to avoid treatment by doctors']);
});

// The Moscow Times and Realist English reports (../shared/examples/bishkek).
test('words that reach us through a document: the speaker is the person, the document is kept as `via`', () => {
  const q = quotes('“We note with satisfaction that under your leadership, [Kyrgyzstan] is a stable and reliable partner,” Putin told Japarov, according to a Kremlin readout of the meeting.');
  assert.equal(q.length, 1);
  assert.equal(q[0]!.speaker, 'Putin');
  assert.equal(q[0]!.via, 'a Kremlin readout of the meeting');
  assert.equal(q[0]!.content, 'We note with satisfaction that under your leadership, [Kyrgyzstan] is a stable and reliable partner');
});

test('partial quotes inside reported speech, and "according to X"', () => {
  const q = quotes('Japarov called Russia a “strategic ally, reliable partner and good friend” and praised Putin’s leadership. According to Japarov, Russian support has expanded sharply.');
  assert.deepEqual([q[0]!.speaker, q[0]!.content, q[0]!.direct], ['Japarov', 'strategic ally, reliable partner and good friend', true]);
  const acc = q.find((x) => x.cue === 'According to');
  assert.deepEqual([acc?.speaker, acc?.content], ['Japarov', 'Russian support has expanded sharply']);
});

test('institutions and documents are kept as such', () => {
  const q = quotes('Kyrgyzstan’s presidential administration said that a summit is scheduled for Thursday.');
  assert.deepEqual([q[0]!.speaker, q[0]!.kind, q[0]!.content], ['Kyrgyzstan’s presidential administration', 'organisation', 'a summit is scheduled for Thursday']);
});

test('a long unpunctuated text with stray quote marks stays linear', () => {
  const text = 'he said that “ the ministry said '.repeat(10000);
  const t0 = performance.now();
  quotes(text);
  assert.ok(performance.now() - t0 < 10000);
});

test('the cue classifier scores the same through hashed parts as through feature strings', async () => {
  const { cueFeatures, scoreCue, scoreCueAt } = await import('./cue-model.js');
  const { tokenView } = await import('../quantities/token-view.js');
  const model = lex.cueModel;
  assert.ok(model, 'models/quote-cues.json is committed');
  const view = tokenView(preparedArticle('“We were there,” Figueroa told USA Today, and the campaign plans to appeal.'));
  const quoted = new Uint8Array(view.tokens.length);
  for (let k = 0; k < view.tokens.length; k++) {
    const a = scoreCue(model, cueFeatures(view, k, 0, view.tokens.length, quoted));
    const b = scoreCueAt(model, view, k, 0, view.tokens.length, quoted);
    assert.ok(Math.abs(a - b) < 1e-9, `token ${view.words[k]}`);
  }
});

// PolNeAR counts intentions as attributions ("plans to ..."); the analysis pipeline keeps them out.
test('an intention is an attitude: kept for the PolNeAR reading, dropped from quotes', () => {
  const text = 'Clinton plans to make her proposal at a campaign stop in Fairfield, Iowa.';
  const all = extractQuotes(preparedArticle(text), lex, { attitudes: true });
  assert.deepEqual(all.map((q) => [q.speakerMention?.text, q.cue?.text, q.content.map((c) => c.text).join(' | '), q.attitude]), [['Clinton', 'plans', 'to make her proposal at a campaign stop in Fairfield, Iowa', true]]);
  assert.deepEqual(extractQuotes(preparedArticle(text), lex), []);
});

// Sentences from PolNeAR train (../shared/eval/quotes/polnear.train.jsonl).
test("two apostrophes are a quotation mark: ''...,'' said X. ''...'' is one quote in two parts", () => {
  const q = quotes("''I think they'll do the right thing,'' said Mr. Rendell. ''And the right thing here is, without question, that the first gentleman have nothing to do with raising money for the foundation.''");
  assert.equal(q.length, 1);
  assert.deepEqual([q[0]!.speaker, q[0]!.cue, q[0]!.direct], ['Mr. Rendell', 'said', true]);
  assert.equal(q[0]!.content, "I think they'll do the right thing | And the right thing here is, without question, that the first gentleman have nothing to do with raising money for the foundation.");
  assert.deepEqual(findQuotedSpans("He isn''t ''quoted'' here").length, 1);
});

test('a quantifier is a speaker ("Many speculated"), and an adverb in -ly sits between a speaker and its cue', () => {
  const many = quotes('Mr. Trump\'s voters also appeared to turn out in large numbers. Many speculated that he might fail to turn out his supporters.');
  // Found as the speaker phrase, shown to no reader as a speaker (a quantifier names no one).
  const m = extractQuotes(preparedArticle('Mr. Trump\'s voters also appeared to turn out in large numbers. Many speculated that he might fail to turn out his supporters.'), lex, { attitudes: true }).find((x) => x.cue?.text === 'speculated');
  assert.deepEqual([m?.speakerMention?.text, m?.cue?.text, m?.content[0]?.text], ['Many', 'speculated', 'he might fail to turn out his supporters']);
  assert.deepEqual([many[0]!.speaker, many[0]!.cue, many[0]!.content], [null, 'speculated', 'he might fail to turn out his supporters']);
  const agreed = quotes('The race was clear from the first exchanges over trade, as the four contenders largely agreed that trade deals were needed to protect American workers.');
  const a = agreed.find((q) => q.cue === 'agreed');
  assert.deepEqual([a?.speaker, a?.content], ['the four contenders', 'trade deals were needed to protect American workers']);
});

// PolNeAR puts the particle and preposition in the cue ("pushed back on"); the content is what they govern.
test('after an attitude or action, the content starts after its particle and preposition', () => {
  const text = 'Clinton also focused on the need to combat the Islamic State on the Internet.';
  const q = extractQuotes(preparedArticle(text), lex, { attitudes: true });
  assert.deepEqual(q.map((x) => [x.speakerMention?.text, x.cue?.text, x.content.map((c) => c.text).join(' | ')]), [['Clinton', 'focused', 'the need to combat the Islamic State on the Internet']]);
  const pushed = extractQuotes(preparedArticle('Priebus has aggressively pushed back on those charges.'), lex, { attitudes: true });
  assert.equal(pushed[0]?.content[0]?.text, 'those charges');
});

test('the cue classifier scores inflections it never saw as cues through their stem', async () => {
  const { stemOf } = await import('./cue-model.js');
  assert.deepEqual(['supporting', 'supported', 'supports', 'support'].map(stemOf), ['support', 'support', 'support', 'support']);
  assert.equal(stemOf('said'), 'said');
});

// Headlines and transcript lines from PolNeAR train: the label before the colon speaks, unless it is a kicker.
test('a paragraph opening with a name and a colon is that speaker’s words; a news kicker is not a speaker', () => {
  const q = quotes('Obama: Families Of Gun Violence Victims Don’t Care About Politics.\n\nTAPPER: Do you think Donald Trump has campaigned as a racial healer?\n\nThe Latest: Sanders wins Minnesota Democratic caucuses.\n\nUPDATE: The listing was removed.');
  assert.deepEqual(q.map((x) => [x.speaker, x.cue, x.content]), [
    ['Obama', ':', 'Families Of Gun Violence Victims Don’t Care About Politics'],
    ['TAPPER', ':', 'Do you think Donald Trump has campaigned as a racial healer'],
  ]);
});

// A partial transcript as Breitbart prints one: every turn opens with a straight mark and its speaker's label,
// only the last closes. Each turn is its speaker's, not one quote running over the whole exchange.
test('transcript turns that open with a quotation mark belong to their labels', () => {
  const q = quotes('Partial transcript as follows:\n\n"WALLACE: Will Gennifer Flowers actually be there tomorrow night?\n\n"PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.”\n\n"WALLACE: Do you really see those two as equivalent?"');
  assert.deepEqual(q.map((x) => [x.speaker, x.content]), [
    ['WALLACE', 'Will Gennifer Flowers actually be there tomorrow night'],
    ['PENCE', 'Well, look, Hillary Clinton apparently thinks this is an episode of “Shark Tank.”'],
    ['WALLACE', 'Do you really see those two as equivalent'],
  ]);
});

// Sentences of PolNeAR dev's kinds (reworded): the subject with an apposition speaks, the clause after the cue is
// the content, a quoted title inside a phrase is no quote of the speaker.
test('a speaker with an apposition before the cue, and a quoted title before the speaker', () => {
  assert.deepEqual(quotes('Aparna Mathur, an economist, said the statement didn’t clarify the matter.').map((x) => [x.speaker, x.content]), [
    ['Aparna Mathur', 'the statement didn’t clarify the matter'],
  ]);
  assert.deepEqual(quotes('On this weekend’s broadcast of “Fox News Sunday,” Gov. Mike Pence said the tweet was only “to mock” Clinton.').map((x) => [x.speaker, x.content]), [
    ['Gov. Mike Pence', 'the tweet was only “to mock” Clinton'],
  ]);
  assert.deepEqual(quotes('“We will win,” Clinton said on Thursday during a speech in Ohio.').map((x) => [x.speaker, x.content]), [['Clinton', 'We will win']]);
});

test('"according to" after a clause, a middle initial in a name, and a dateline before the content', () => {
  assert.deepEqual(quotes('Some Americans would see their taxes go up, according to an analysis by Lily Batchelder, a former tax aide.').map((x) => [x.speaker, x.cue, x.content]), [
    ['an analysis by Lily Batchelder', 'according to', 'Some Americans would see their taxes go up'],
  ]);
  assert.deepEqual(quotes('But according to the ministry, the talks failed.').map((x) => [x.speaker, x.content]), [['the ministry', 'the talks failed']]);
  assert.deepEqual(quotes('Paying taxes is for fools, Donald J. Trump said last week.').map((x) => [x.speaker, x.content]), [['Donald J. Trump', 'Paying taxes is for fools']]);
  assert.deepEqual(quotes('WASHINGTON ― The obsession is an insult, top black lawmakers said Friday.').map((x) => [x.speaker, x.content]), [['top black lawmakers', 'The obsession is an insult']]);
});

// Speakers from PolNeAR train sentences.
test('the speaker after a quote with an apposition, not the adverbial after the cue', () => {
  const q = quotes('“The numbers we’ve seen put our campaign on pace,” Jeff Weaver, Sanders’ campaign manager, said in a statement.');
  assert.deepEqual([q[0]!.speaker, q[0]!.cue, q[0]!.content], ['Jeff Weaver', 'said', 'The numbers we’ve seen put our campaign on pace']);
});

test('a dateline, an adverb or a preposition is not the speaker', () => {
  const saying = quotes('WASHINGTON — Sen. Bernie Sanders (I-Vt.) defended his call to raise the federal minimum wage, saying the positives would outweigh the losses.').find((q) => q.cue === 'saying');
  assert.equal(saying?.speaker, 'Sen. Bernie Sanders');
  const worried = extractQuotes(preparedArticle('American officials have long worried about Saudi Arabia’s role.'), lex, { attitudes: true });
  assert.equal(worried[0]?.speakerMention?.text, 'American officials');
  const mentioning = extractQuotes(preparedArticle('At the final debate, he only hinted at Donald Trump by mentioning the need for a wall on the Mexican border.'), lex, { attitudes: true }).find((q) => q.cue?.text === 'mentioning');
  assert.equal(mentioning?.speakerMention?.text, 'he');
});

test('no one is the source of how things seem, nor is the one asked the asker; "which" and "(D-Mass.)" speakers', () => {
  const seemed = extractQuotes(preparedArticle('Before Mr. Ailes left, Ms. Kelly seemed certain to leave.'), lex, { attitudes: true });
  assert.deepEqual(seemed.map((q) => [q.speakerMention?.text ?? null, q.content.map((c) => c.text)]), [[null, ['Ms. Kelly', 'certain to leave']]]);
  const asked = quotes('Blumenthal was asked, “If you had known, would you have told her?”');
  assert.deepEqual([asked[0]!.speaker, asked[0]!.cue], [null, 'asked']);
  assert.equal(quotes('Governor Mary Fallin (R-OK) said Trump is trying.')[0]!.speaker, 'Governor Mary Fallin');
  const ruled = extractQuotes(preparedArticle('Cruz got a favorable decision from the Illinois Board of Elections, which ruled that he met the criteria.'), lex, { attitudes: true }).find((q) => q.cue?.text === 'ruled');
  assert.equal(ruled?.speakerMention?.text, 'which');
});

test('a reported clause runs over an action inside it, not over a sibling attribution', () => {
  const q = quotes('Prosecutors argued that although Lazar confessed, he showed no remorse and probably will return to hacking.');
  assert.deepEqual([q[0]!.speaker, q[0]!.cue, q[0]!.content], ['Prosecutors', 'argued', 'although Lazar confessed, he showed no remorse and probably will return to hacking']);
  const siblings = quotes('Figueroa said the campaign planned to bus in supporters to stage a protest, though she acknowledged it was unlikely to work.');
  assert.equal(siblings[0]!.content, 'the campaign planned to bus in supporters to stage a protest');
});

test('after "X, apposition," a verb has its object, not an inverted speaker; "..., said X" keeps one', () => {
  const q = extractQuotes(preparedArticle("Dan Backer, the fund's lawyer, treasurer and strategist, has rejected the label, noting that it costs money to raise money."), lex, { attitudes: true });
  assert.deepEqual(q.map((x) => [x.speakerMention?.text, x.cue?.text, x.content.map((c) => c.text).join(' | ')]), [
    ['Dan Backer', 'rejected', 'the label'],
    ['Dan Backer', 'noting', 'it costs money to raise money'],
  ]);
  const urged = quotes('Rahm Emanuel, his chief of staff, urged a strong stand, saying that otherwise Mr. Netanyahu would balk.');
  assert.ok(urged.every((x) => x.content !== 'Rahm Emanuel, his chief of staff'));
  assert.equal(quotes('“It was good,” said Mr. Rubio, the senator.')[0]!.speaker, 'Mr. Rubio');
});

test('who is led to speak, the subject of a later clause, and the hearer after "told" are kept apart', () => {
  const declare = extractQuotes(preparedArticle('The decisive victory led Republican National Committee Chairman Reince Priebus to declare him the presumptive nominee.'), lex, { attitudes: true });
  assert.equal(declare[0]?.speakerMention?.text, 'Republican National Committee Chairman Reince Priebus');
  const proposed = quotes('Louisiana Gov. Bobby Jindal on Monday signed an order, while Mike Huckabee, the former Arkansas governor, proposed we “wake up and smell the falafel.”').find((q) => q.cue === 'proposed');
  assert.equal(proposed?.speaker, 'Mike Huckabee');
  const told = quotes('“It is tapping into something that is very deep inside the Democratic Party,” Simon Rosenberg, a Clinton supporter, told the New Yorker.');
  assert.deepEqual([told[0]!.speaker, told[0]!.cue], ['Simon Rosenberg', 'told']);
});

test('a day between the speaker and the cue is when, not who', () => {
  assert.equal(quotes('The senator on Tuesday said he would run.')[0]!.speaker, 'The senator');
  const described = extractQuotes(preparedArticle('Trump, who has been feuding with Republican leaders this week, on Friday described his intent to lead.'), lex, { attitudes: true });
  assert.equal(described[0]?.speakerMention?.text, 'Trump');
});

// Made-up sentences in the shapes of PolNeAR's (speaker errors of the dev split).
const attributed = (text: string) =>
  extractQuotes(preparedArticle(text), lex, { attitudes: true }).map((q) => [q.speakerMention?.text ?? null, q.cue?.text ?? null, q.content.map((c) => c.text).join(' | ')]);

test('an apposition holding a clause or dashes keeps the subject as the speaker', () => {
  assert.deepEqual(attributed('Anna Berg, president of the teachers union, which represents city educators, said the plan would hurt students.')[0], ['Anna Berg', 'said', 'the plan would hurt students']);
  assert.deepEqual(attributed('John Dickey, the chief executive of Ora Media -- the company that owns the show -- told me that it was fine.')[0], ['John Dickey', 'told', 'it was fine']);
  assert.deepEqual(attributed("''It does not matter,'' Mr. King, 82, told me.")[0]?.[0], 'Mr. King');
});

test('an attitude opening what a speech verb reports is part of it; an impersonal "it" is nobody', () => {
  assert.deepEqual(attributed('Megan Hester, a senior associate at the institute, said parents still want neighborhood schools.'), [['Megan Hester', 'said', 'parents still want neighborhood schools']]);
  const unclear = attributed('It is unclear whether the senator will run again.');
  assert.ok(unclear.every(([speaker]) => speaker === null), JSON.stringify(unclear));
  assert.deepEqual(attributed('Obama seemed to recognize that the victory mattered.')[0]?.[0], 'Obama');
});

test('a quote signed on a line of its own below it: “...”⏎⏎- Bernie Sanders.', () => {
  const text = 'Sanders spoke at a rally in Iowa on Monday.\n\n"Almost all new income and wealth is going to the top 1 percent."\n\n- Bernie Sanders.';
  assert.deepEqual(quotes(text).map((x) => [x.speaker, x.content]), [['Bernie Sanders', 'Almost all new income and wealth is going to the top 1 percent.']]);
  // A dash line that is a heading, not a name ("– An immigrant himself –."), signs nothing.
  const heading = quotes('Trump spoke at a rally on Monday.\n\n"Our country has changed in ways you cannot imagine."\n\n– An immigrant himself –.\n\nHe was born abroad.');
  assert.ok(heading.every((x) => x.speaker !== 'An'));
});

test('a speaker right after the cue opens a nested attribution: the outer content runs over it', () => {
  const got = quotes('Loretta E. Lynch said she was asked to give a presentation to a client about his case.');
  const said = got.find((q) => q.cue === 'said');
  assert.ok(said, JSON.stringify(got));
  assert.match(said.content, /^she was asked to give a presentation/);
});

test('"according to" after an action: the source tells the whole clause; after a speech verb it is the channel', () => {
  assert.deepEqual(quotes('Clinton plans to visit Charlotte on Sunday, according to a campaign aide.').map((x) => [x.speaker, x.content]), [['a campaign aide', 'Clinton plans to visit Charlotte on Sunday']]);
  const told = quotes('Putin told Japarov that the base would stay, according to a Kremlin readout.');
  assert.deepEqual(told.map((x) => [x.speaker, x.via]), [['Putin', 'a Kremlin readout']]);
});

test('a quote goes on past an attribution of the same speaker without quotes', () => {
  const got = quotes('"You make mistakes along the trail," Johnson said in Concord, referring to a CNN town hall where he declined to criticize Clinton. "If I had to do that over again, I would have said: She is beholden."');
  const said = got.find((q) => q.cue === 'said');
  assert.equal(said?.content, 'You make mistakes along the trail | If I had to do that over again, I would have said: She is beholden.');
  assert.equal(got.filter((q) => q.cue === null).length, 0);
});

test('a prepositional phrase between the cue and a quote is no part of the content: said of the episode, “...”', () => {
  assert.deepEqual(quotes('Mr. Obama said of the episode, “I don’t like it.”').map((x) => [x.speaker, x.content]), [['Mr. Obama', 'I don’t like it.']]);
  assert.deepEqual(quotes('Rubio said at one point: “The answer is not simply to yell.”').map((x) => [x.speaker, x.content]), [['Rubio', 'The answer is not simply to yell.']]);
});

test('speakers with a noun in -ly or a plural possessive: “the family’s attorney”, “military veterans’ families”', () => {
  assert.equal(quotes('The family’s attorney, Justin Bamberg, said the videos show Scott leaving his car.')[0]?.speaker, 'The family’s attorney');
  assert.equal(quotes('Rucker Culpepper, who runs the effort for military veterans’ families, said the campaign was ready.')[0]?.speaker, 'Rucker Culpepper');
});

test('after a quote, a speaker with a bracket and an apposition: “...,” Rep. Jim Jordan (R-Ohio), a panel member, said.', () => {
  assert.deepEqual(quotes('“They would just go get them,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said.').map((x) => [x.speaker, x.content]), [['Rep. Jim Jordan', 'They would just go get them']]);
});

test('"Another said", "One said": a quantifier standing alone is the speaker mention (and not shown to a reader)', () => {
  const got = extractQuotes(preparedArticle('Another said he hoped with his whole heart that Trump wins the election.'), lex, { attitudes: true });
  assert.equal(got[0]?.speakerMention?.text, 'Another');
  const shown = quotes('Another said he hoped with his whole heart that Trump wins the election.');
  assert.ok(shown.every((q) => q.speaker === null), JSON.stringify(shown));
});

test('a verb of appearance after an apposition: nobody says it, the subject is part of the content', () => {
  const got = extractQuotes(preparedArticle('The statistics, purported to be gathered by a bureau in San Francisco, appear to be fabricated.'), lex, { attitudes: true });
  const appear = got.find((q) => q.cue?.text === 'appear');
  assert.ok(appear, JSON.stringify(got.map((q) => q.cue?.text)));
  assert.equal(appear.speakerMention, null);
  assert.ok(appear.content.some((c) => c.text === 'The statistics'));
});

test('the object of an attitude or action ends where a comma opens another clause; a reported clause runs on', () => {
  const of = (text: string, cue: string) => extractQuotes(preparedArticle(text), lex, { attitudes: true }).find((q) => q.cue?.text.startsWith(cue))?.content.map((c) => c.text).join(' | ');
  assert.equal(of('Clinton avoided all mention of primary challenger Bernie Sanders, even as both campaigned in California.', 'avoided'), 'all mention of primary challenger Bernie Sanders');
  assert.equal(of('Trump attacked Hillary Clinton, who leads in the polls.', 'attacked'), 'Hillary Clinton');
  assert.equal(of('The senator said the bill, which passed on Monday, was weak.', 'said'), 'the bill, which passed on Monday, was weak');
  assert.equal(of('He distanced himself from the bill and moved to emphasize border security.', 'distanced'), 'himself from the bill');
  assert.equal(of('The aide assured reporters it was done without his knowledge, but Mr. Obama was furious.', 'assured'), 'it was done without his knowledge');
  assert.equal(of('Zimmerman said he had received offers for the gun, but “the offers were to use the gun in a fashion I did not like.”', 'said'), 'he had received offers for the gun, but “the offers were to use the gun in a fashion I did not like.”');
});

test('"was asked by a reporter whether ...": the reporter asks; "X was asked, “...”": nobody named does; "during a Sunday" is when', () => {
  const [q] = extractQuotes(preparedArticle('Trump was asked by a reporter whether the plan differed from the old one.'), lex, { attitudes: true });
  assert.equal(q?.speakerMention?.text, 'a reporter');
  assert.equal(q?.content.map((c) => c.text).join(' | '), 'whether the plan differed from the old one');
  const [p] = extractQuotes(preparedArticle('Trump, asked by a reporter whether this differed from the old plan, said no.'), lex, { attitudes: true });
  assert.equal(p?.speakerMention?.text, 'a reporter');
  const [s] = extractQuotes(preparedArticle('Sanders during a Sunday said the party must change.'), lex, { attitudes: true });
  assert.equal(s?.speakerMention?.text, 'Sanders');
  const [r] = extractQuotes(preparedArticle('Blumenthal was asked, “Will you run again?”'), lex, { attitudes: true });
  assert.equal(r?.speakerMention ?? null, null);
});

test('a title or headline in quotation marks with no cue is no quote for a reader', () => {
  const text = 'The senator spoke on Monday. The magazine ran “Secret Lives of the Super Rich” on its cover.\n\n“We will not back down from this fight,” she said.';
  const q = quotes(text);
  assert.deepEqual(q.map((x) => x.content), ['We will not back down from this fight']);
});

test('quotes with no cue in paragraphs one after another, no attribution between, are one passage', () => {
  const text = 'The candidate spoke only in bromides during the interview.\n\n“We have to do something and it is the only way.”\n\n“We have to be a lot tougher than we are now.”';
  const q = quotes(text).filter((x) => x.direct);
  assert.equal(q.length, 1);
  assert.equal(q[0]!.content, 'We have to do something and it is the only way. | We have to be a lot tougher than we are now.');
});

test('a trailing speaker whose clause an earlier action took tells that clause: "Carter discussed how ..., the Times reported"', () => {
  const q = extractQuotes(preparedArticle('In one such email, Carter discussed how he had mistakenly placed a note card in a burn bag, the Times reported.'), lex, { attitudes: true });
  const times = q.find((x) => x.speakerMention?.text === 'the Times');
  assert.ok(times, 'the Times is a speaker');
  assert.match(times.content.map((c) => c.text).join(' | '), /^Carter discussed how he had mistakenly placed a note card in a burn bag$/);
  // The action is nested in what the Times reported, not an attribution of its own.
  assert.equal(q.filter((x) => x.cue?.text === 'discussed').length, 0);
});

test('a participle opening the sentence is said by the main clause\'s subject: "Noting that ..., Trump said"', () => {
  const q = extractQuotes(preparedArticle('Noting that the policy had failed for years, Trump said the country needed a new plan.'), lex, { attitudes: true });
  const noting = q.find((x) => x.cue?.text === 'Noting');
  assert.deepEqual([noting?.speakerMention?.text, noting?.content.map((c) => c.text).join(' | ')], ['Trump', 'the policy had failed for years']);
  const after = extractQuotes(preparedArticle('After suggesting on Wednesday that he regretted the insults, Mr. Rubio only occasionally disagreed with him.'), lex, { attitudes: true }).find((x) => x.cue?.text === 'suggesting');
  assert.equal(after?.speakerMention?.text, 'Mr. Rubio');
});

test('a scare quote or a title between a subject and its cue is no clause edge', () => {
  const q = extractQuotes(preparedArticle('Kerpen needled the CNN “reporter,” saying that a reporter should not tweet on request.'), lex, { attitudes: true });
  const saying = q.find((x) => x.cue?.text === 'saying');
  assert.deepEqual([saying?.speakerMention?.text, saying?.content.map((c) => c.text).join(' | ')], ['Kerpen', 'a reporter should not tweet on request']);
});

test('after a title in marks, "said" + a clause is no inverted speaker: "Jones, a guest on “Meet the Press,” said the bill would pass"', () => {
  const q = quotes('Senator Jones, a guest on “Meet the Press,” said the bill would pass.');
  assert.deepEqual(q.map((x) => [x.speaker, x.cue, x.content]), [['Senator Jones', 'said', 'the bill would pass']]);
  // A quote of a few words opening the sentence keeps its speaker after "said".
  assert.equal(quotes('“It is over,” said Senator Jones.')[0]?.speaker, 'Senator Jones');
});

test('"yet" between a speaker and its cue: "superdelegates who have not yet announced their preference"', () => {
  // (No speech verb after it: before "say they will wait" the classifier takes "announced" for part of what is said.)
  const q = extractQuotes(preparedArticle('Clinton has won most superdelegates, but many who have not yet announced their choice are waiting.'), lex, { attitudes: true });
  const announced = q.find((x) => x.cue?.text === 'announced');
  assert.equal(announced?.speakerMention?.text, 'who');
});

test('a day before "to" + cue is when, not who: "went on television Sunday to argue"', () => {
  const q = extractQuotes(preparedArticle('The senator went on television Sunday to argue that the bill would fail.'), lex, { attitudes: true });
  const argue = q.find((x) => x.cue?.text === 'argue');
  assert.deepEqual([argue?.speakerMention?.text, argue?.content.map((c) => c.text).join(' | ')], ['The senator', 'the bill would fail']);
});
