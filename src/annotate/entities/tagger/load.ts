import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gazetteer } from '../gazetteer.js';
import { deserializeModel } from './model.js';
import { createTagger, gazetteerResources, type Tagger } from './tagger.js';
import { loadWordClusters } from './word-clusters.js';

export const MODEL_FILE = join('models', 'ner-tagger.bin.gz');
export const CLUSTERS_FILE = join('data', 'ner', 'word-clusters.txt');

/** The committed tagger of the repository at `root`, or null when the model file is absent. */
export function loadDefaultTagger(gaz: Gazetteer, root: string): Tagger | null {
  const file = join(root, MODEL_FILE);
  if (!existsSync(file)) return null;
  const clusters = loadWordClusters(join(root, CLUSTERS_FILE));
  return createTagger(deserializeModel(readFileSync(file)), gazetteerResources(gaz, clusters));
}
