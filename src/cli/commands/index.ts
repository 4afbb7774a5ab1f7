import type { Command } from '../command.js';

// Commands are imported lazily so that `parallax compare` does not load the server or the database.
export const commands: Record<string, () => Promise<Command>> = {
  compare: async () => (await import('./compare.js')).compareCommand,
  eval: async () => (await import('./eval.js')).evalCommand,
  bench: async () => (await import('./bench.js')).benchCommand,
  cluster: async () => (await import('./cluster.js')).clusterCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  ingest: async () => (await import('./ingest.js')).ingestCommand,
  search: async () => (await import('./search.js')).searchCommand,
  watch: async () => (await import('./watch.js')).watchCommand,
  export: async () => (await import('./export.js')).exportCommand,
  worker: async () => (await import('./worker.js')).workerCommand,
};
