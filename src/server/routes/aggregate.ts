import type { StoryFilter, StorySummary } from '../../store/types.js';
import type { ServerStore as Store } from '../deps.js';

/** Every story matching a filter, page by page, up to a cap (entity and outlet lists are built from these). */
export async function collectStories(store: Store, filter: StoryFilter = {}, cap = 5000): Promise<StorySummary[]> {
  const out: StorySummary[] = [];
  const page = 200;
  while (out.length < cap) {
    const batch = await store.listStories({ ...filter, limit: page, offset: out.length });
    out.push(...batch);
    if (batch.length < page) break;
  }
  return out;
}

/** A value recomputed at most once per `ttlMs` (lists over the whole corpus). */
export function cached<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; p: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (!value || now - value.at > ttlMs) {
      const p = load();
      value = { at: now, p };
      p.catch(() => {
        value = null;
      });
    }
    return value.p;
  };
}
