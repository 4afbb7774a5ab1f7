import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// The import graph of src/ at folder level, read from the TypeScript sources (a regex over import,
// export-from and dynamic import() specifiers: relative ones only, packages are not folders of ours).

export interface ImportEdge {
  from: string;
  to: string;
  /** Source files (relative to the repository) that make this edge. */
  files: string[];
}

/** src/a/b/c.ts -> "a"; src/analyze.ts -> "analyze" (each top-level file is its own node). */
export function folderOf(srcDir: string, file: string): string {
  const parts = relative(srcDir, file).split(sep);
  return parts.length === 1 ? parts[0]!.replace(/\.(ts|js)$/, '') : parts[0]!;
}

const SPECIFIER = /(?:^|[\n;])\s*(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/g;

export function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Folder-to-folder edges of the shipped code under root/src (tests left out: they may import anything). */
export function folderGraph(root: string): ImportEdge[] {
  const srcDir = join(root, 'src');
  const edges = new Map<string, ImportEdge>();
  for (const file of sourceFiles(srcDir)) {
    const from = folderOf(srcDir, file);
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(srcDir + sep)) continue;
      const to = folderOf(srcDir, target);
      if (to === from) continue;
      const key = `${from} -> ${to}`;
      const e = edges.get(key) ?? { from, to, files: [] };
      const rel = relative(root, file).split(sep).join('/');
      if (!e.files.includes(rel)) e.files.push(rel);
      edges.set(key, e);
    }
  }
  return [...edges.values()].sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to));
}

/** Strongly connected components with more than one folder (Tarjan). */
export function cycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
    if (!next.has(e.to)) next.set(e.to, []);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      for (;;) {
        const w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
        if (w === v) break;
      }
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}
