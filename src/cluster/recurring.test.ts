// Time as evidence: a follow-up of an event (an updated toll, a funeral, a suspect charged) joins its
// story days later, in every arrival order, and the next report of a series (next week's jobless claims:
// same template, other figures, a week later) starts a story of its own. A small hand-made stream.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newsArticle } from '../../test/helpers/articles.js';
import { createStoryClusterer } from './clusterer.js';
import { seededShuffle } from './random.js';

const art = newsArticle;

// One shooting (2025-06-02, a Monday) and its follow-ups over the next thirteen days.
const shooting = [
  art('fire1', 'Valley Courier', '2025-06-02', 'Two killed in shooting at Millbrook warehouse', 'MILLBROOK, Ohio — Two workers were killed and three wounded on Monday when a former employee opened fire at the Harlan Logistics warehouse on Route 9 in Millbrook, police said. The gunman, identified as Dale Proctor, 41, fled in a pickup truck and was arrested two hours later near Cedar Falls. Police Chief Ana Ruiz said the suspect had been fired last month.'),
  art('fire2', 'Ohio Wire', '2025-06-02', 'Millbrook warehouse shooting leaves two dead', 'A former employee shot five people at the Harlan Logistics warehouse in Millbrook on Monday afternoon, killing two, according to Millbrook police. Dale Proctor, 41, was taken into custody near Cedar Falls after a short chase. Chief Ana Ruiz said officers found a rifle in his truck.'),
  art('fire3', 'Valley Courier', '2025-06-04', 'Death toll in Millbrook warehouse shooting rises to three', 'A third victim of Monday’s shooting at the Harlan Logistics warehouse in Millbrook has died in hospital, police said on Wednesday, raising the death toll to three. Dale Proctor, the former employee accused of opening fire on his co-workers, remains in the Millbrook county jail. Chief Ana Ruiz said two other workers are in stable condition.'),
  art('fire4', 'Ohio Wire', '2025-06-07', 'Millbrook mourns warehouse shooting victims at funeral', 'Hundreds of people attended a funeral in Millbrook on Saturday for two of the three workers killed in Monday’s shooting at the Harlan Logistics warehouse. Colleagues remembered them as devoted parents. Dale Proctor, the former employee charged in the shooting, is due in court next week, Chief Ana Ruiz said.'),
  art('fire5', 'Valley Courier', '2025-06-15', 'Suspect in Millbrook warehouse shooting charged with three counts of murder', 'Dale Proctor, the former Harlan Logistics employee accused of killing three co-workers at the company’s Millbrook warehouse on June 2, was charged on Sunday with three counts of aggravated murder, prosecutors said. Proctor, 41, pleaded not guilty at the Millbrook courthouse. Police Chief Ana Ruiz said the rifle used in the shooting was bought legally.'),
];

// The weekly jobless claims report: one week's figures, then the next week's.
const claims = [
  art('jobs1', 'Market Daily', '2025-06-05', 'Jobless claims rise to 247,000', 'WASHINGTON — The number of Americans filing new claims for unemployment benefits rose by 8,000 to 247,000 last week, the Labor Department said on Thursday. Economists had expected 235,000 claims. Continuing claims, a measure of how many people keep receiving benefits, fell to 1.90 million. The four-week average rose to 235,250.'),
  art('jobs2', 'Finance Wire', '2025-06-05', 'Weekly unemployment claims climb more than expected', 'Initial claims for state unemployment benefits increased 8,000 to a seasonally adjusted 247,000 for the week ended May 31, the Labor Department said on Thursday. Economists polled had forecast 235,000 applications. Continuing claims dropped to 1.90 million, and the four-week moving average climbed to 235,250.'),
  art('jobs3', 'Market Daily', '2025-06-12', 'Jobless claims fall to 238,000', 'WASHINGTON — The number of Americans filing new claims for unemployment benefits fell by 9,000 to 238,000 last week, the Labor Department said on Thursday. Economists had expected 242,000 claims. Continuing claims, a measure of how many people keep receiving benefits, rose to 1.94 million. The four-week average rose to 240,500.'),
  art('jobs4', 'Finance Wire', '2025-06-12', 'Weekly unemployment claims drop as labour market holds', 'Initial claims for state unemployment benefits decreased 9,000 to a seasonally adjusted 238,000 for the week ended June 7, the Labor Department said on Thursday. Economists polled had forecast 242,000 applications. Continuing claims rose to 1.94 million, and the four-week moving average climbed to 240,500.'),
];

const all = [...shooting, ...claims];

function partition(articles: typeof all): string[][] {
  const c = createStoryClusterer();
  for (const a of articles) c.add(a);
  const groups = new Map<string, string[]>();
  for (const a of all) {
    const s = c.storyOf(a.id)!;
    groups.set(s, [...(groups.get(s) ?? []), a.id]);
  }
  return [...groups.values()].map((g) => g.sort()).sort((x, y) => x[0]!.localeCompare(y[0]!));
}

/** The story of the shooting and its follow-ups, and each week's claims reports, each week apart. */
function check(groups: string[][], label: string): void {
  const of = (id: string) => groups.findIndex((g) => g.includes(id));
  assert.deepEqual(groups[of('fire1')], ['fire1', 'fire2', 'fire3', 'fire4', 'fire5'], label);
  assert.deepEqual(groups[of('jobs1')], ['jobs1', 'jobs2'], label);
  assert.deepEqual(groups[of('jobs3')], ['jobs3', 'jobs4'], label);
}

test('follow-ups of a shooting (updated toll two days on, funeral five, charges thirteen) join its story; next week\'s claims do not join this week\'s', () => {
  check(partition(all), 'arrival order');
});

test('the follow-ups are placed alike in every arrival order', () => {
  for (const seed of [1, 2, 3, 4, 5]) check(partition(seededShuffle(all, seed)), `order seed ${seed}`);
});

test('reports of two years ago that share every heavy word do not take the candidate slots of the event\'s own reports', () => {
  // Forty reports worded like fire2, five days apart (none a wire copy of another) two years earlier:
  // each shares all of fire2's index terms, fire1 only some. They can make no edge (too far apart); were
  // they candidates they would fill fire2's candidate slots and fire1 would never be scored against it.
  const day = (k: number) => new Date(Date.UTC(2023, 0, 1 + 5 * k)).toISOString().slice(0, 10);
  const old = Array.from({ length: 40 }, (_, k) => art(`old${k}`, 'Ohio Wire', day(k), shooting[1]!.title!, shooting[1]!.text));
  const stream = [...old, shooting[0]!, shooting[1]!];
  const c = createStoryClusterer();
  for (const a of stream) c.add(a);
  assert.equal(c.storyOf('fire1'), c.storyOf('fire2'));
  assert.notEqual(c.storyOf('old0'), c.storyOf('fire2'));
  const unbounded = createStoryClusterer({ candidateDays: Infinity });
  for (const a of stream) unbounded.add(a);
  assert.notEqual(unbounded.storyOf('fire1'), unbounded.storyOf('fire2'), 'the test stream no longer fills the candidate slots');
});
