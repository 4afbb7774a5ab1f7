import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsArticle } from '../../test/helpers/articles.js';
import { createStoryClusterer } from './clusterer.js';
import { findNearDuplicates } from './shingles.js';
import { seededShuffle } from './random.js';

const art = newsArticle;

const quakeA = [
  art('a1', 'Daily Post', '2024-03-04', 'Strong earthquake strikes southern Peru', 'A magnitude 6.8 earthquake struck the Arequipa region of southern Peru on Monday, killing at least 12 people and damaging hundreds of adobe homes, officials said. The quake was centred near the town of Chala, according to the Geophysical Institute of Peru. President Dina Boluarte flew to Arequipa to oversee rescue work.'),
  art('a2', 'World Wire', '2024-03-05', 'Peru quake death toll rises to 15', 'The death toll from Monday’s magnitude 6.8 earthquake in Arequipa, Peru, rose to 15 as rescuers searched collapsed adobe houses near Chala. Peru’s Geophysical Institute said more than 40 aftershocks had been recorded. Dina Boluarte declared an emergency in the region.'),
  art('a3', 'Evening Herald', '2024-03-06', 'Peru counts the cost of Arequipa earthquake', 'Two days after the earthquake that hit Arequipa, families in Chala are sleeping outdoors. The government of Dina Boluarte has promised aid for rebuilding adobe homes, and the Geophysical Institute of Peru warned of further aftershocks.'),
];
const quakeB = [
  art('b1', 'Daily Post', '2024-03-07', 'Earthquake hits western Turkey', 'A magnitude 6.1 earthquake shook the province of Izmir in western Turkey on Thursday, injuring 30 people and bringing down several buildings in the town of Bergama, the disaster agency AFAD said. Interior Minister Ali Yerlikaya said search teams were sent to Bergama.'),
  art('b2', 'World Wire', '2024-03-07', 'Quake injures dozens in Izmir province', 'Dozens of people were hurt when a 6.1 magnitude earthquake struck Izmir province in Turkey, with buildings collapsing in Bergama, according to AFAD. Ali Yerlikaya, the interior minister, said rescuers were working through the night.'),
];

test('one event over three days stays one story; a similar event elsewhere in the same week is another', () => {
  const c = createStoryClusterer();
  for (const a of [quakeA[0]!, quakeB[0]!, quakeA[1]!, quakeB[1]!, quakeA[2]!]) c.add(a);
  const s = (id: string) => c.storyOf(id);
  assert.equal(s('a1'), s('a2'));
  assert.equal(s('a2'), s('a3'));
  assert.equal(s('b1'), s('b2'));
  assert.notEqual(s('a1'), s('b1'));
  assert.equal(c.stories().length, 2);
});

test('a story is labelled with a title, names, places and dates', () => {
  const c = createStoryClusterer();
  for (const a of quakeA) c.add(a);
  const [label] = c.stories();
  assert.ok(label);
  assert.ok(label.title.length > 0 && label.title.length <= 100, label.title);
  assert.ok(label.places.includes('Peru'), JSON.stringify(label));
  assert.ok(label.entities.some((e) => /Boluarte|Arequipa|Chala|Geophysical/.test(e)), JSON.stringify(label));
  assert.deepEqual(label.dates, ['2024-03-04', '2024-03-05', '2024-03-06']);
  assert.deepEqual([...label.articles].sort(), ['a1', 'a2', 'a3']);
});

const wire =
  'BRUSSELS (Wire) - European Union ministers agreed on Tuesday to extend sanctions on imports of steel for another two years, after a meeting that ran late into the night. The measure, proposed by the European Commission in May, sets quotas on 26 categories of steel products. Trade ministers from Italy and Poland had pushed for tighter limits, diplomats said. The extension takes effect on July 1 and will be reviewed next spring.';

test('wire copies under several outlets join one story and point to the first copy', () => {
  const c = createStoryClusterer();
  const first = c.add(art('w1', 'Wire', '2024-05-14', 'EU extends steel safeguards', wire));
  const copy = c.add(art('w2', 'City Paper', '2024-05-14', 'EU ministers extend steel quotas', wire + ' Local producers welcomed the decision.'));
  const copy2 = c.add(art('w3', 'Business Daily', '2024-05-15', 'Steel quotas extended', wire.replace('diplomats said', 'according to diplomats')));
  const own = c.add(art('w4', 'Steel Weekly', '2024-05-15', 'What the EU steel quota extension means', 'The European Union decision to extend steel import quotas for two years divides the industry. Italian and Polish mills wanted tighter limits on the 26 product categories; importers in Belgium say prices will rise when the extension starts on July 1.'));
  assert.equal(first.duplicateOf, null);
  assert.equal(copy.duplicateOf, 'w1');
  assert.equal(copy2.duplicateOf, 'w1');
  assert.equal(own.duplicateOf, null);
  assert.equal(c.storyOf('w2'), c.storyOf('w1'));
  assert.equal(c.storyOf('w4'), c.storyOf('w1'));
});

test('findNearDuplicates groups copies and leaves rewrites alone', () => {
  const texts = [wire, 'An unrelated report about rainfall in the Andes this spring, written from scratch by a local reporter who visited three villages.', wire.slice(0, 300), wire + ' Shares of steelmakers rose.'];
  const d = findNearDuplicates(texts);
  assert.deepEqual(
    d.map((x) => x.duplicateOf),
    [null, null, 0, 0],
  );
  assert.deepEqual(
    d.map((x) => x.group),
    [0, 1, 0, 0],
  );
});

test('arrival order does not change the stories of a small stream', () => {
  const all = [...quakeA, ...quakeB];
  const partition = (order: number[]) => {
    const c = createStoryClusterer();
    for (const k of order) c.add(all[k]!);
    const groups = new Map<string, string[]>();
    for (const a of all) {
      const s = c.storyOf(a.id)!;
      groups.set(s, [...(groups.get(s) ?? []), a.id].sort());
    }
    return [...groups.values()].map((g) => g.join(',')).sort();
  };
  const expected = [['a1', 'a2', 'a3'].join(','), ['b1', 'b2'].join(',')].sort();
  for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 4, 0, 3, 1], [3, 1, 4, 0, 2]]) assert.deepEqual(partition(order), expected);
});

const undated = (id: string, title: string, text: string) => newsArticle(id, id, null, title, text);

// Two stories of one topic (boosters, masks) and one article that speaks of both.
const boosters = [
  undated('v1', 'FDA authorizes Pfizer booster for people over 65', 'The Food and Drug Administration authorized a booster dose of the Pfizer vaccine for people over 65 and adults at high risk, after an advisory panel rejected boosters for everyone.'),
  undated('v2', 'Pfizer booster cleared for seniors and high-risk workers', 'Regulators at the Food and Drug Administration cleared a third Pfizer dose for Americans over 65, nursing home residents and high-risk workers, narrowing the booster plan.'),
  undated('v3', 'FDA narrows Pfizer booster to older adults', 'A Pfizer booster dose is now authorized for people over 65 and those at high risk, the Food and Drug Administration said, a narrower plan than the White House wanted.'),
];
const masks = [
  undated('m1', 'CDC says vaccinated people should mask indoors again', 'The Centers for Disease Control and Prevention told vaccinated people to wear masks indoors again in areas of high transmission, citing the delta variant and breakthrough infections.'),
  undated('m2', 'CDC reverses mask guidance for the vaccinated', 'Vaccinated Americans in places with high transmission should return to indoor masks, the Centers for Disease Control and Prevention said, reversing guidance over the delta variant.'),
  undated('m3', 'Masks are back indoors, CDC says', 'Citing the delta variant, the Centers for Disease Control and Prevention now recommends indoor masks for vaccinated people in areas with high transmission and for schools.'),
];
// Speaks of both: boosters for people over 65 and indoor masks over the delta variant.
const bridge = undated('x', 'Pfizer booster for over-65s and indoor masks for the vaccinated', 'The Food and Drug Administration authorized a Pfizer booster for people over 65 and at high risk, and the Centers for Disease Control and Prevention told vaccinated people to wear masks indoors in areas of high transmission because of the delta variant.');

test('one article that spans two stories of a topic does not chain them into one', () => {
  const c = createStoryClusterer();
  for (const a of [...boosters, ...masks, bridge]) c.add(a);
  const story = (id: string) => c.storyOf(id);
  assert.equal(new Set(boosters.map((a) => story(a.id))).size, 1);
  assert.equal(new Set(masks.map((a) => story(a.id))).size, 1);
  assert.notEqual(story('v1'), story('m1'));
});

test('articles published too far apart for any score to reach an edge are not scored at all', () => {
  const c = createStoryClusterer();
  const text = quakeA[0]!.text;
  c.add(art('old', 'Daily Post', '2024-01-01', 'Strong earthquake strikes southern Peru', text));
  c.add(art('near', 'World Wire', '2024-01-02', 'Strong earthquake strikes southern Peru', text + ' Aftershocks followed.'));
  assert.equal(c.stats().candidatesScored, 1);
  // Sixty days later the same words are another event (time decays even a perfect match under the edge floor).
  c.add(art('later', 'Evening Herald', '2024-03-01', 'Strong earthquake strikes southern Peru', text + ' A second quake.'));
  assert.equal(c.stats().candidatesScored, 1);
  assert.notEqual(c.storyOf('later'), c.storyOf('old'));
  assert.equal(c.storyOf('near'), c.storyOf('old'));
});

// Two votes of one Senate in two days (August 2021), told with the same words: Senate, Democrats,
// Republicans, Schumer, trillion, infrastructure, vote. Different events: one story each.
const infrastructureVote = [
  art('i1', 'Capitol Daily', '2021-08-10', 'Senate passes $1 trillion bipartisan infrastructure bill', 'The Senate on Tuesday passed a $1 trillion bipartisan infrastructure bill by a vote of 69 to 30, with 19 Republicans joining Democrats to send money for roads, bridges, broadband and water pipes to the House. Minority Leader Mitch McConnell voted for the package.'),
  art('i2', 'Metro Ledger', '2021-08-10', 'Infrastructure deal clears Senate with 19 Republican votes', 'Nineteen Republicans, including Mitch McConnell, voted with Democrats as the Senate approved the bipartisan infrastructure package 69-30 on Tuesday. The bill funds highways, bridges, rail, broadband and lead pipe replacement and now goes to the House.'),
  art('i3', 'Evening Record', '2021-08-11', 'What is in the infrastructure bill the Senate passed', 'After the 69-30 Senate vote on the bipartisan infrastructure bill, here is where the $1 trillion goes: $110 billion for roads and bridges, $65 billion for broadband, $55 billion for water pipes. McConnell and 18 other Republicans backed it.'),
];
const budgetVote = [
  art('j1', 'Capitol Daily', '2021-08-11', 'Senate Democrats adopt $3.5 trillion budget resolution', 'Senate Democrats adopted a $3.5 trillion budget resolution early Wednesday on a party-line vote of 50 to 49 after an overnight vote-a-rama, clearing the way for Chuck Schumer to write a reconciliation bill on child care, Medicare and climate without Republican votes.'),
  art('j2', 'Metro Ledger', '2021-08-11', 'Budget blueprint passes 50-49 after all-night vote-a-rama', 'After an all-night vote-a-rama, the Senate passed the Democrats’ $3.5 trillion budget blueprint 50-49 along party lines on Wednesday. Schumer said the reconciliation package would expand Medicare and child care and fight climate change.'),
  art('j3', 'Evening Record', '2021-08-12', 'Republicans vow to fight Democrats’ reconciliation plan', 'A day after the 50-49 vote on the $3.5 trillion budget resolution, Republicans vowed to fight the reconciliation bill that Schumer’s Democrats will draft, calling the Medicare, child care and climate spending reckless after the vote-a-rama.'),
];

test('two votes of one Senate in two days, worded alike, stay two stories in any order', () => {
  const all = [...infrastructureVote, ...budgetVote];
  for (const order of [[0, 3, 1, 4, 2, 5], [5, 4, 3, 2, 1, 0], [3, 0, 4, 1, 5, 2], [0, 1, 2, 3, 4, 5]]) {
    const c = createStoryClusterer();
    for (const k of order) c.add(all[k]!);
    const story = (id: string) => c.storyOf(id);
    assert.equal(new Set(infrastructureVote.map((a) => story(a.id))).size, 1, `order ${order}`);
    assert.equal(new Set(budgetVote.map((a) => story(a.id))).size, 1, `order ${order}`);
    assert.notEqual(story('i1'), story('j1'), `order ${order}`);
  }
});

test('explain: two reports of one event are one story, with their signatures side by side', () => {
  const c = createStoryClusterer();
  for (const a of [...quakeA, ...quakeB]) c.add(a);
  const same = c.explain('a1', 'a2')!;
  assert.equal(same.sameStory, true);
  assert.ok(same.articles[0]!.signature.placeNames.length > 0);
  const other = c.explain('a1', 'b1')!;
  assert.equal(other.sameStory, false);
  assert.ok(other.pair.score < same.pair.score);
  assert.equal(c.explain('a1', 'nope'), undefined);
});

test('time as evidence: a follow-up days later (funerals, an updated toll) joins its event; the same kind of event elsewhere does not', () => {
  const c = createStoryClusterer();
  for (const a of [
    ...quakeA,
    ...quakeB,
    art('a4', 'Daily Post', '2024-03-09', 'Funerals held for victims of Arequipa earthquake', 'Families in Chala buried relatives killed in Monday’s magnitude 6.8 earthquake in Arequipa, Peru, as the death toll stood at 15. Dina Boluarte attended a mass for the victims; the Geophysical Institute of Peru recorded more aftershocks near Chala.'),
  ])
    c.add(a);
  const s = (id: string) => c.storyOf(id);
  assert.equal(s('a4'), s('a1'));
  assert.notEqual(s('a4'), s('b1'));
  const why = c.explain('a4', 'a1')!;
  assert.ok(why.pair.features.placeShared! > 0, JSON.stringify(why.pair.features));
});

test('asking for stories after every article (as the server does) gives the stories asked for once at the end', () => {
  const all = [...boosters, ...masks, bridge, ...infrastructureVote, ...budgetVote, ...quakeA, ...quakeB];
  const partition = (articles: typeof all, askEach: boolean) => {
    const c = createStoryClusterer();
    for (const a of articles) {
      c.add(a);
      if (askEach) c.storyOf(a.id);
    }
    const groups = new Map<string, string[]>();
    for (const a of all) groups.set(c.storyOf(a.id)!, [...(groups.get(c.storyOf(a.id)!) ?? []), a.id].sort());
    return [...groups.values()].map((g) => g.join(',')).sort();
  };
  for (const seed of [1, 2, 3, 4, 5]) {
    const order = seededShuffle(all, seed);
    assert.deepEqual(partition(order, true), partition(order, false), `order seed ${seed}`);
  }
});
