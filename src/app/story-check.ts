// Do the reports given to compare look like one event? The story clusterer that groups a corpus into
// stories answers it for unlabelled files: reports it would put in different stories are compared anyway
// (a reader may know better), but never silently. Both `parallax compare` and POST /api/compare ask it.
import { createStoryClusterer } from '../cluster/index.js';
import type { Article } from '../model/document.js';
import { printable } from '../model/printable.js';

const plural = (n: number, word: string, many = `${word}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

/** The input's articles grouped as the story clusterer groups them, largest group first. */
export function storyGroups(articles: Article[]): Article[][] {
  const clusterer = createStoryClusterer();
  for (const a of articles) clusterer.add(a);
  const byStory = new Map<string, Article[]>();
  for (const a of articles) {
    const story = clusterer.storyOf(a.id) ?? a.id;
    byStory.set(story, [...(byStory.get(story) ?? []), a]);
  }
  return [...byStory.values()].sort((a, b) => b.length - a.length);
}

/** A warning when the articles fall into several stories, naming the groups; null when they look like one event. */
export function storyWarning(groups: Article[][], maxShown = 5): string | null {
  if (groups.length < 2) return null;
  const name = (a: Article) => printable(a.outlet || a.source.split('/').pop() || a.id);
  const title = (g: Article[]) => printable((g.find((a) => a.title)?.title ?? '').slice(0, 60));
  const lines = groups.slice(0, maxShown).map((g, i) => `  ${i + 1}. ${g.map(name).join(', ')}${title(g) ? `  "${title(g)}"` : ''}`);
  if (groups.length > maxShown) lines.push(`  ... and ${plural(groups.length - maxShown, 'more group')}`);
  return (
    `warning: these reports do not look like one event; the story clusterer puts them in ${plural(groups.length, 'story', 'stories')}:\n` +
    `${lines.join('\n')}\n` +
    '  Compared anyway: conflicts between reports of different events are not contradictions.'
  );
}

/**
 * The one-event check for articles about to be compared: a warning naming the groups when unlabelled
 * articles fall into several stories, else null. Labelled input (every article with a story) is the
 * caller's to check: one story, or refused.
 */
export function oneEventWarning(articles: Article[]): string | null {
  if (articles.every((a) => a.story)) return null;
  return storyWarning(storyGroups(articles));
}
