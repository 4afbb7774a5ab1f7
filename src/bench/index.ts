import type { BenchSection } from './section.js';

// Sections load lazily; `parallax bench --only NAME` runs one.
export const benchSections: Record<string, () => Promise<BenchSection>> = {};
benchSections.pipeline = async () => (await import('./pipeline.js')).pipelineBench;
benchSections.server = async () => (await import('./server/section.js')).serverBench;
benchSections.extraction = async () => (await import('./extraction.js')).extractionBench;
benchSections.clustering = async () => (await import('./clustering.js')).clusteringBench;
benchSections.regex = async () => (await import('./regex.js')).regexBench;
benchSections.entities = async () => (await import('./entities.js')).entitiesBench;
benchSections.ingest = async () => (await import('./ingest.js')).ingestBench;
benchSections.search = async () => (await import('./search.js')).searchBench;
benchSections.load = async () => (await import('./load.js')).loadBench;
benchSections.annotators = async () => (await import('./annotators.js')).annotatorsBench;
benchSections.compare = async () => (await import('./compare.js')).compareBench;
benchSections.workers = async () => (await import('./workers.js')).workersBench;
