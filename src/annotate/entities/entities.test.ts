import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createAnalyzer } from '../../analyze.js';
import { makeArticle, type Article, type EntityMention } from '../../model/document.js';
import { sharedDir } from '../../shared-paths.js';
import { resolveStoryEntities } from './index.js';
import { phoneticKey, sameSurname } from './phonetic.js';

const { analyze } = createAnalyzer();

function article(id: string, text: string): Article {
  return analyze(makeArticle({ id, source: id, format: 'text', outlet: null, title: null, published: null, url: null, language: 'en' }, text));
}

const mentionsOf = (a: Article, text: string): EntityMention[] => (a.layers.entities ?? []).filter((m) => a.text.slice(m.start, m.end) === text);
const entityOf = (a: Article, id: string) => (a.layers.entityIndex ?? []).find((e) => e.id === id)!;
const nameOf = (a: Article, text: string, nth = 0) => {
  const m = mentionsOf(a, text)[nth];
  assert.ok(m, `no mention "${text}"`);
  return entityOf(a, m.entity).name;
};

test('roles, surnames, titles and pronouns resolve to one person', () => {
  const a = article(
    't1',
    'German Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw on Monday. Scholz said the talks went well. ' +
      'He added that Berlin wants closer ties. The German chancellor later flew home. President Duda thanked him.',
  );
  assert.equal(nameOf(a, 'Scholz'), 'Olaf Scholz');
  assert.equal(mentionsOf(a, 'Scholz')[0]!.via, 'surname');
  assert.equal(nameOf(a, 'He'), 'Olaf Scholz');
  assert.equal(mentionsOf(a, 'He')[0]!.via, 'pronoun');
  assert.equal(nameOf(a, 'The German chancellor'), 'Olaf Scholz');
  assert.equal(nameOf(a, 'Duda'), 'Andrzej Duda');
  const scholz = entityOf(a, mentionsOf(a, 'Olaf Scholz')[0]!.entity);
  assert.equal(scholz.affiliation, 'Germany');
  assert.equal(scholz.role, 'German Chancellor');
  assert.equal(mentionsOf(a, 'Warsaw')[0]!.type, 'LOC');
  // "Berlin wants": the capital acting for the state, kept a place mention.
  const berlin = mentionsOf(a, 'Berlin')[0]!;
  assert.equal(berlin.type, 'LOC');
  assert.equal(entityOf(a, berlin.standsFor!).name, 'Germany');
});

test('abbreviated titles and initials: "Mr. Okafor", "John F. Reed"', () => {
  const a = article('t4', 'Defense Secretary Daniel Okafor met John F. Reed in Ottawa. Mr. Okafor said the meeting was useful. He left on Friday.');
  assert.equal(nameOf(a, 'Okafor', 0), 'Daniel Okafor');
  const mr = mentionsOf(a, 'Okafor')[0]!;
  assert.equal(mr.role, 'Mr.');
  assert.equal(mentionsOf(a, 'John F. Reed').length, 1);
  assert.ok(!(a.layers.entities ?? []).some((m) => /^Mr\.?$/.test(a.text.slice(m.start, m.end))), 'a title is not a name');
  assert.equal(nameOf(a, 'He'), 'Daniel Okafor');
});

test('a title alone is not linked when two people could be meant', () => {
  const a = article('t2', 'French President Emmanuel Macron met French President-elect Jean Dupont. The French president spoke first.');
  assert.equal(mentionsOf(a, 'The French president').length, 0);
});

test('acronyms and expansions are one organisation', () => {
  const a = article(
    't3',
    'Delegates of the Shanghai Cooperation Organisation (SCO) met in Astana. The SCO said its members agreed. ' +
      'Officials of the Northern Grain Exchange Board (NGEB) attended; the NGEB will report in May.',
  );
  const sco = mentionsOf(a, 'SCO');
  assert.equal(sco.length, 2);
  assert.equal(entityOf(a, sco[1]!.entity).name, 'Shanghai Cooperation Organisation');
  assert.equal(sco[1]!.via, 'acronym');
  const ngeb = mentionsOf(a, 'NGEB');
  assert.equal(ngeb.length, 2);
  assert.equal(entityOf(a, ngeb[1]!.entity).name, 'Northern Grain Exchange Board');
});

test('transliteration variants meet, different given names do not', () => {
  assert.ok(sameSurname('Japarov', 'Zhaparov'));
  assert.ok(sameSurname('Japarov', 'Dzhaparov'));
  assert.ok(sameSurname('Tokayev', 'Tokaev'));
  assert.equal(phoneticKey('Dmitry'), phoneticKey('Dmitriy'));
  assert.ok(!sameSurname('Putin', 'Pashinyan'));
  const a = article('a', 'Kazakh President Kassym-Jomart Tokayev met Kyrgyz President Sadyr Zhaparov. Tokayev said trade grew.');
  const b = article('b', 'Kassym-Jomart Tokaev and Sadyr Dzhaparov signed a deal. Dzhaparov praised it.');
  const c = article('c', 'John Smith and Mary Smith testified. Smith left early.');
  const d = article('d', 'Anna Smith spoke in London.');
  const story = resolveStoryEntities([a, b, c, d]);
  const tokayev = story.find((s) => s.name.includes('Tokayev') || s.name.includes('Tokaev'))!;
  assert.deepEqual(tokayev.members.map((m) => m.article).sort(), ['a', 'b']);
  const japarov = story.find((s) => s.aliases.includes('Dzhaparov') || s.name.includes('Dzhaparov'))!;
  assert.deepEqual(japarov.members.map((m) => m.article).sort(), ['a', 'b']);
  const smiths = story.filter((s) => s.type === 'PER' && /Smith$/.test(s.name));
  assert.equal(smiths.length, 3, 'John, Mary and Anna Smith stay apart');
});

// The acceptance example: who is who across both reports (EXPECTED.md).
test('bishkek example: who is who', () => {
  const dir = join(sharedDir(), 'examples', 'bishkek');
  const re = article('realist-english', readFileSync(join(dir, 'realist-english.txt'), 'utf8'));
  const mt = article('moscow-times', readFileSync(join(dir, 'moscow-times.txt'), 'utf8'));
  for (const [text, name] of [
    ['Vladimir Putin', 'Vladimir Putin'],
    ['Putin', 'Vladimir Putin'],
    ['The Russian president', 'Vladimir Putin'],
    ['Sadyr Japarov', 'Sadyr Japarov'],
    ['Japarov', 'Sadyr Japarov'],
    ['CSTO', 'Collective Security Treaty Organization'],
    ['Collective Security Treaty Organization', 'Collective Security Treaty Organization'],
  ] as const) {
    assert.equal(nameOf(re, text), name, text);
  }
  const heSaid = re.text.indexOf('He said a joint');
  const heEmph = re.text.indexOf('He emphasized');
  const he = (at: number) => (re.layers.entities ?? []).find((m) => m.start === at)!;
  assert.equal(entityOf(re, he(heSaid).entity).name, 'Vladimir Putin');
  assert.equal(entityOf(re, he(heEmph).entity).name, 'Sadyr Japarov');
  assert.equal(he(heEmph).via, 'pronoun');
  const pj = re.text.indexOf('President Japarov');
  const presJ = (re.layers.entities ?? []).find((m) => m.end === pj + 'President Japarov'.length)!;
  assert.equal(entityOf(re, presJ.entity).name, 'Sadyr Japarov');
  assert.equal(presJ.role, 'President');
  const putin = entityOf(re, mentionsOf(re, 'Vladimir Putin')[0]!.entity);
  assert.equal(putin.affiliation, 'Russia');
  assert.equal(mentionsOf(re, 'Vladimir Putin')[0]!.role, 'Russian President');
  const moscow = mentionsOf(re, 'Moscow')[0]!;
  assert.equal(moscow.type, 'LOC');
  assert.equal(entityOf(re, moscow.standsFor!).name, 'Russia');
  for (const [text, type] of [
    ['Kassym-Jomart Tokayev', 'PER'],
    ['Donald Trump', 'PER'],
    ['International Criminal Court', 'ORG'],
    ['Kremlin', 'ORG'],
    ['Bishkek', 'LOC'],
    ['Kyrgyzstan', 'LOC'],
    ['Russia', 'LOC'],
    ['Washington', 'LOC'],
    ['Kazakhstan', 'LOC'],
    ['Ukraine', 'LOC'],
    ['CSTO', 'ORG'],
  ] as const) {
    assert.equal(mentionsOf(mt, text)[0]?.type, type, text);
  }
  const mtMoscowLed = (mt.layers.entities ?? []).find((m) => mt.text.slice(m.start, m.end + 4) === 'Moscow-led')!;
  assert.equal(entityOf(mt, mtMoscowLed.standsFor!).name, 'Russia');
  for (const [text, type] of [['EAEU', 'ORG'], ['CIS', 'ORG'], ['United Nations', 'ORG'], ['Yntymak Ordo', 'LOC']] as const) {
    assert.equal(mentionsOf(re, text)[0]?.type, type, text);
  }
  const story = resolveStoryEntities([re, mt]);
  const find = (name: string) => story.filter((s) => s.name === name);
  for (const name of ['Vladimir Putin', 'Sadyr Japarov', 'Collective Security Treaty Organization', 'Bishkek', 'Kyrgyzstan', 'Russia', 'Moscow']) {
    const hits = find(name);
    assert.equal(hits.length, 1, name);
    assert.deepEqual(hits[0]!.members.map((m) => m.article).sort(), ['moscow-times', 'realist-english'], name);
  }
  // Every mention points at an entity of the index, with offsets into the text.
  for (const a of [re, mt]) {
    const ids = new Set((a.layers.entityIndex ?? []).map((e) => e.id));
    for (const m of a.layers.entities ?? []) {
      assert.ok(ids.has(m.entity));
      assert.ok(m.start < m.end && m.end <= a.text.length);
    }
  }
});
