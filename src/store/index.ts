export { openStore, defaultDbPath, isPostgresUrl } from './open-store.js';
export { contentHash } from './content-hash.js';
export type * from './types.js';
