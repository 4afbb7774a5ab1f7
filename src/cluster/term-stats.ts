// Term ids and document frequencies. IDF mixes a fixed background corpus (data/cluster/background-df.json,
// built by scripts/build-cluster-background.mjs) with what the stream has shown so far: the background
// makes the first articles of a stream weigh words sensibly (and the result less dependent on arrival
// order); the stream counts keep words the background never saw ("covid") from looking rare forever.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../shared-paths.js';

export interface Background {
  docs: number;
  df: Map<string, number>;
}

export function loadBackground(path = join(repoRoot(), 'data', 'cluster', 'background-df.json')): Background {
  if (!existsSync(path)) return { docs: 0, df: new Map() };
  const data = JSON.parse(readFileSync(path, 'utf8')) as { docs: number; df: Record<string, number> };
  return { docs: data.docs, df: new Map(Object.entries(data.df)) };
}

export interface TermStats {
  id(stem: string): number;
  /** Count one document containing these term ids (each once). */
  addDocument(ids: Iterable<number>): void;
  idf(id: number): number;
  size(): number;
}

export function createTermStats(background: Background, useStream = true): TermStats {
  const ids = new Map<string, number>();
  const bg: number[] = [];
  const df: number[] = [];
  let docs = 0;
  return {
    id(stem) {
      let id = ids.get(stem);
      if (id === undefined) {
        id = bg.length;
        ids.set(stem, id);
        bg.push(background.df.get(stem) ?? 0);
        df.push(0);
      }
      return id;
    },
    addDocument(list) {
      if (!useStream) return;
      docs++;
      for (const id of list) df[id]!++;
    },
    idf(id) {
      // Smoothed IDF (as scikit-learn's smooth_idf).
      return Math.log((1 + background.docs + docs) / (1 + (bg[id] ?? 0) + (df[id] ?? 0))) + 1;
    },
    size: () => bg.length,
  };
}
