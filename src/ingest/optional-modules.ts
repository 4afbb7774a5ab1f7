// The story clusterer, loaded only when ingestion assigns stories (it reads its lexicons on load).
import type { StoryClusterer } from '../cluster/types.js';

export async function loadClustererFactory(): Promise<{ create: () => StoryClusterer; name: string }> {
  const m = await import('../cluster/index.js');
  return { create: () => m.createStoryClusterer(), name: 'story clusterer' };
}
