import type { AppDeps, Limits } from '../deps.js';
import type { ComparisonService } from '../comparisons.js';
import type { MicroCache } from '../micro-cache.js';
import type { StorySummary } from '../../store/types.js';

/** What every route module receives. */
export interface RouteContext {
  deps: AppDeps;
  limits: Limits;
  comparisons: ComparisonService;
  /** Story lists by query, reused for a moment (cleared on ingest). */
  storyLists: MicroCache<StorySummary[]>;
}
