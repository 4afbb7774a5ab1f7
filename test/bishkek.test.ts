// The acceptance case: everything in ../shared/examples/bishkek/EXPECTED.md, asserted on the JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleId, assertSpansValid, compareExample, evidenceIn, findFinding } from './helpers.js';

const c = compareExample('bishkek');
const RE = articleId(c, 'Realist English');
const MT = articleId(c, 'The Moscow Times');
const article = (id: string) => c.articles.find((a) => a.id === id)!;

test('every span is a slice of its article', () => {
  const checked = assertSpansValid(c, (m) => assert.fail(m));
  assert.ok(checked > 50);
});

test('cleaning: the appeal is removed and reported; the dateline gives place and outlet', () => {
  const mt = article(MT);
  const appeal = mt.removed.find((r) => r.reason === 'boilerplate:appeal');
  assert.ok(appeal, 'the appeal is reported as removed');
  assert.match(appeal.text, /^A Message from The Moscow Times:/);
  assert.match(appeal.text, /Remind me later\.\s*$/);
  for (const phrase of ['Dear readers', 'support us monthly', 'Remind me later', 'undesirable']) assert.ok(!mt.text.includes(phrase), phrase);
  const re = article(RE);
  assert.deepEqual(re.dateline, { place: 'Bishkek', outlet: 'Realist English' });
  assert.ok(re.removed.some((r) => r.reason === 'dateline' && r.text.startsWith('BISHKEK (Realist English)')));
  assert.ok(!re.text.startsWith('BISHKEK'));
});

function entity(name: RegExp) {
  return c.entities.find((e) => name.test(e.name));
}

test('who is who: Putin and Japarov are one entity each across both reports, titles and pronouns included', () => {
  const putin = entity(/Putin/);
  assert.ok(putin, 'Putin');
  assert.equal(putin.type, 'PER');
  const putinTexts = putin.mentions.map((m) => m.text);
  assert.ok(putin.mentions.some((m) => m.article === RE) && putin.mentions.some((m) => m.article === MT));
  assert.ok(putinTexts.some((t) => /^The Russian president$/i.test(t)), 'the Russian president');
  const reText = article(RE).text;
  const heSaid = reText.indexOf('He said a joint program');
  assert.ok(putin.mentions.some((m) => m.article === RE && m.start === heSaid), '"He said ..." is Putin');
  const japarov = entity(/Japarov/);
  assert.ok(japarov, 'Japarov');
  assert.notEqual(japarov.id, putin.id);
  const heEmph = reText.indexOf('He emphasized');
  assert.ok(japarov.mentions.some((m) => m.article === RE && m.start === heEmph), '"He emphasized ..." is Japarov');
  assert.ok(japarov.mentions.some((m) => m.article === MT) && japarov.mentions.some((m) => /President Japarov|Japarov/.test(m.text)));
});

test('who is who: CSTO and the other organisations and places', () => {
  const csto = c.entities.find((e) => e.mentions.some((m) => m.text === 'CSTO') && e.mentions.some((m) => /Collective Security Treaty Organization/.test(m.text)));
  assert.ok(csto, 'CSTO = Collective Security Treaty Organization');
  assert.ok(csto.mentions.some((m) => m.article === RE) && csto.mentions.some((m) => m.article === MT));
  for (const name of [/Tokayev/, /Trump/, /International Criminal Court/, /Kremlin/, /EAEU/, /CIS/, /United Nations/, /Bishkek/, /Kyrgyzstan/, /Russia/, /Washington/, /Kazakhstan/, /Ukraine/, /Yntymak Ordo/]) {
    assert.ok(c.entities.some((e) => name.test(e.name) || e.mentions.some((m) => name.test(m.text))), String(name));
  }
});

test('conflict: the day of the talks (Tuesday vs Wednesday)', () => {
  const f = findFinding(c, 'conflict', 'date', { [RE]: /Tuesday/, [MT]: /Wednesday/ });
  assert.ok(f, 'date conflict with both spans');
});

test('conflict: 1,800 vs around 1,700 companies, across the reports and inside Realist English', () => {
  const across = findFinding(c, 'conflict', 'number', { [RE]: /1,800/, [MT]: /1,700/ });
  assert.ok(across, 'number conflict across reports');
  const within = c.findings.find((f) => f.kind === 'conflict' && f.type === 'number' && f.withinArticle && evidenceIn(f, RE).some((e) => /1,800/.test(e.text)) && evidenceIn(f, RE).some((e) => /1,700/.test(e.text)));
  assert.ok(within, 'number conflict within Realist English');
});

test('conflict: ready for signing vs signed, and the partial agreement on the topics', () => {
  assert.ok(findFinding(c, 'conflict', 'modality', { [RE]: /ready for signing/, [MT]: /signed/ }), 'modality conflict');
  const partial = c.findings.find((f) => f.kind === 'partial');
  assert.ok(partial, 'partial agreement');
  const common = partial.evidence.filter((e) => e.role === 'common-item').map((e) => e.text.toLowerCase());
  const only = partial.evidence.filter((e) => e.role === 'only-item');
  assert.ok(common.includes('trade') && common.includes('migration'));
  assert.ok(only.some((e) => e.article === RE && e.text === 'education'));
  assert.ok(only.some((e) => e.article === MT && e.text === 'energy'));
});

test('agreements: the talks during the visit, investment rising, the military base, the companies', () => {
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /held bilateral talks/, [MT]: /met with Kyrgyz President/ }) ?? findFinding(c, 'conflict', 'date', { [RE]: /held bilateral talks|Tuesday/, [MT]: /met with|Wednesday/ }), 'the talks');
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /investment/, [MT]: /investment/ }), 'investment rising');
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /military base/, [MT]: /military base/ }), 'the military base');
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /1,700/, [MT]: /1,700/ }), 'around 1,700 companies (Putin)');
});

// "on the eve of the ... Security Council session" and "a summit ... is scheduled for Thursday": both say a
// CSTO meeting is coming (the synonyms lexicon groups eve / scheduled / ahead of as 'upcoming').
test('agreements said by one speaker in other words: Russia an ally (Japarov), bilateral trade growing (Putin)', () => {
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /key ally/, [MT]: /strategic ally/ }), 'key ally / strategic ally');
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /record bilateral trade/, [MT]: /growing bilateral trade/ }), 'bilateral trade');
});

// Japarov (Realist English) and Putin (The Moscow Times) each list Russia's part in Kyrgyzstan; the two statements
// already share other points (the threefold increase, bilateral trade, the military base), so their clauses are read.
test('agreement of two statements tied by other shared facts, whoever says them: Russian energy', () => {
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /Russian support for energy/, [MT]: /dependence on Russian energy supplies/ }), 'energy');
});

test('agreement: a CSTO meeting follows the talks', () => {
  assert.ok(findFinding(c, 'agreement', null, { [RE]: /eve of the Collective Security Treaty Organization/, [MT]: /summit of the Moscow-led Collective Security Treaty Organization/ }));
});

test('exclusives: Realist English figures and details, Moscow Times context', () => {
  const only = (id: string, re: RegExp) => c.findings.some((f) => f.kind === 'exclusive' && f.articles[0] === id && f.evidence.some((e) => re.test(e.text)));
  for (const re of [/Yntymak Ordo/, /13\.6%/, /97%/, /nine schools/, /157 teachers/, /EAEU, CSTO, CIS/]) assert.ok(only(RE, re), `only RE: ${re}`);
  for (const re of [/Washington/, /Tokayev/, /International Criminal Court/, /three-day visit/, /Central Asian countries/]) assert.ok(only(MT, re), `only MT: ${re}`);
  // Nothing of the removed appeal becomes an exclusive, a quote, an entity or a figure.
  const appealWords = /Prosecutor General|foreign agent|journalism|Dear readers/;
  assert.ok(!c.findings.some((f) => f.evidence.some((e) => appealWords.test(e.text))));
  assert.ok(!c.quotes.some((q) => appealWords.test(q.text)));
});

test('quotes with their speakers', () => {
  const said = (speaker: RegExp, article: string, words: RegExp) => c.quotes.some((q) => q.article === article && speaker.test(q.speaker ?? '') && words.test(q.text));
  assert.ok(said(/Japarov/, RE, /highly respected and always welcome guest/));
  assert.ok(said(/Putin/, MT, /We note with satisfaction/));
  assert.ok(said(/Japarov/, MT, /strategic ally, reliable partner and good friend/));
  assert.ok(said(/Japarov/, MT, /adaptability and resilience/));
  assert.ok(said(/Putin/, RE, /joint program declaration/), 'reported speech: Putin said a joint program declaration ...');
  assert.ok(said(/Japarov/, RE, /Russia remains Kyrgyzstan’s key ally/), 'reported speech: Japarov emphasized ...');
  // The speaker is the administration (the head of the phrase), not the country named inside it.
  const summit = c.quotes.find((q) => q.article === MT && /Collective Security Treaty Organization/.test(q.text));
  assert.match(summit?.speaker ?? '', /presidential administration/);
  assert.equal(summit?.speakerKind, 'organisation');
  const readout = c.quotes.find((q) => /We note with satisfaction/.test(q.text));
  assert.match(readout?.via ?? '', /Kremlin readout/);
});

test('framing signals: laudatory official terms vs critical context', () => {
  const re = c.framing.find((f) => f.article === RE)!;
  const mt = c.framing.find((f) => f.article === MT)!;
  assert.ok(re.tone > mt.tone, 'Realist English reads more positive');
  assert.ok(mt.backgroundShare > re.backgroundShare, 'The Moscow Times gives more background');
  assert.ok(re.evaluativeTerms.some((t) => /strategic depth|growing momentum/.test(t.text)));
  const reSpeakers = Object.keys(re.quoted).filter((s) => s !== 'unattributed');
  assert.ok(reSpeakers.length > 0 && reSpeakers.every((s) => /Putin|Japarov/.test(s)), 'only the two presidents speak in Realist English');
});
