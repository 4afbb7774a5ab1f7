import type { AppDeps, Limits } from '../deps.js';
import type { ComparisonService } from '../comparisons.js';

/** What every route module receives. */
export interface RouteContext {
  deps: AppDeps;
  limits: Limits;
  comparisons: ComparisonService;
}
