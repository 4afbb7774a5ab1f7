// Regexes built from variables (`new RegExp(\`...${WORDS}...\`)`) cannot be read from the source: this
// worker wraps the RegExp constructor, imports the modules that build them, and reports what was built
// at load time, in construction order (which is source order for module-level constants).
import { parentPort, workerData } from 'node:worker_threads';

const { modules } = workerData as { modules: { module: string; url: string }[] };
const Original = RegExp;
let current = '';
const built: { module: string; source: string; flags: string }[] = [];
globalThis.RegExp = new Proxy(Original, {
  construct(target, args: [string | RegExp, string?]) {
    const re = new target(...args);
    const stack = new Error().stack ?? '';
    if (current && stack.includes(current)) built.push({ module: current, source: re.source, flags: re.flags });
    return re;
  },
});
for (const m of modules) {
  current = m.url;
  try {
    await import(m.url);
  } catch {
    /* a module that cannot load alone is reported by the static list only */
  }
}
parentPort!.postMessage(built.map((b) => ({ ...b, module: modules.find((m) => m.url === b.module)!.module })));
