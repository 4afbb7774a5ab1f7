import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from './open-store.js';
import { storeSuite } from '../../test/support/store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-sqlite-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite', () => openStore(join(dir, `t${n++}.db`)));
