// Serves the built web UI from one directory. A path is decoded once, must not contain '..', NUL or
// backslashes, and must resolve (after symlinks) inside the root; anything else is a plain 404.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFiles {
  /** The response for a GET path, or null when no file matches. */
  serve(c: Context, path: string): Promise<Response | null>;
}

export function createStaticFiles(root: string): StaticFiles {
  const base = resolve(root);
  let realBase: string | null = null;
  const inside = async (p: string): Promise<string | null> => {
    let real: string;
    try {
      // A root that does not exist (the UI was never built) holds no file: a 404, not an internal error.
      realBase ??= await realpath(base);
      real = await realpath(p);
    } catch {
      return null;
    }
    if (real !== realBase && !real.startsWith(realBase + sep)) return null;
    const s = await stat(real);
    return s.isFile() ? real : null;
  };
  const send = async (c: Context, file: string, immutable: boolean) => {
    const body = await readFile(file);
    c.header('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(body);
  };
  const sendIndex = async (c: Context, file: string, preload: string) => {
    // encodeURIComponent leaves no quote, angle bracket or ampersand: the URL is safe inside the attribute.
    const link = `<link rel="preload" href="${preload}" as="fetch" crossorigin="anonymous">`;
    const html = (await readFile(file, 'utf8')).replace('</head>', `${link}</head>`);
    c.header('Content-Type', TYPES['.html']!);
    c.header('Cache-Control', 'no-cache');
    return c.body(html);
  };
  return {
    async serve(c, rawPath) {
      let path: string;
      try {
        path = decodeURIComponent(rawPath);
      } catch {
        return null;
      }
      if (path.includes('\0') || path.includes('\\') || path.split('/').some((seg) => seg === '..')) return null;
      const rel = path.replace(/^\/+/, '');
      if (rel !== '') {
        const file = await inside(join(base, rel));
        if (file) return send(c, file, rel.startsWith('assets/'));
        // Missing assets are 404s; other paths are routes of the single-page UI.
        if (rel.startsWith('assets/') || extname(rel) !== '') return null;
      }
      const index = await inside(join(base, 'index.html'));
      if (!index) return null;
      // A story page needs its comparison: the browser fetches it while the script loads.
      const story = /^stories\/([^/]+)$/.exec(rel);
      return story ? sendIndex(c, index, `/api/stories/${encodeURIComponent(story[1]!)}/comparison`) : send(c, index, false);
    },
  };
}
