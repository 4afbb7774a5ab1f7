export { createApp } from './app.js';
export type { AppDeps, Limits, ServerStore } from './deps.js';
export { createMemoryStore } from './memory-store.js';
export { loadExampleStories } from './examples.js';
export { listen, type RunningServer } from './listen.js';
