export type { Assignment, StoryLabel, StoryClusterer } from './types.js';
export {
  createStoryClusterer,
  pairScore,
  DEFAULT_CLUSTER_OPTIONS,
  type ClusterOptions,
  type ClustererDeps,
  type StoryClustererExt,
  type ClusterStats,
} from './clusterer.js';
export { findNearDuplicates, type NearDuplicate, type DuplicateOptions } from './shingles.js';
