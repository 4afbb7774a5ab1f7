import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { STORY_CSS } from '../src/report/render/styles.ts';

// The story CSS lives in TypeScript so that the self-contained report can inline it; here it becomes
// a real stylesheet file (the served pages allow no inline style or script).
function storyCss(): Plugin {
  const id = 'virtual:px-story.css';
  return {
    name: 'px-story-css',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load: (resolved) => (resolved === '\0' + id ? STORY_CSS : null),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [storyCss()],
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // No inline scripts: the module preload polyfill would be one.
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', proxy: { '/api': 'http://127.0.0.1:8787', '/openapi.json': 'http://127.0.0.1:8787' } },
});
