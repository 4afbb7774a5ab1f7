export * from './model/document.js';
export * from './model/errors.js';
export { createPipeline, type Pipeline } from './pipeline/pipeline.js';
export type { Stage, StageContext } from './pipeline/stage.js';
export { createAnalyzer, defaultStages } from './analyze.js';
export { readInputs, readFile, articleFromContent, type ReadResult, type SourceHints } from './ingest/read-inputs.js';
export type * from './compare/types.js';
export { safeFetch, type SafeFetchOptions, type SafeResponse } from './net/safe-fetch.js';
