// Finds the regular expressions in the source: every regex literal and every `new RegExp(...)` whose
// pattern is a plain string, per module, using the TypeScript parser (a dev dependency: this runs in
// `parallax bench` from a checkout, not in the shipped CLI).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface FoundRegex {
  /** Module path relative to the repository, e.g. src/annotate/tokens.ts. */
  module: string;
  line: number;
  source: string;
  flags: string;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export async function collectRegexes(root: string, srcDirs: string[] = ['src']): Promise<{ found: FoundRegex[]; dynamic: { module: string; line: number }[] }> {
  const ts = (await import('typescript')).default;
  const found: FoundRegex[] = [];
  const dynamic: { module: string; line: number }[] = [];
  for (const dir of srcDirs) {
    for (const file of sourceFiles(join(root, dir))) {
      const module = relative(root, file);
      if (module.startsWith(join('src', 'bench', 'regex'))) continue;
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
      const lineOf = (n: import('typescript').Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
      const visit = (node: import('typescript').Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const slash = text.lastIndexOf('/');
          found.push({ module, line: lineOf(node), source: text.slice(1, slash), flags: text.slice(slash + 1) });
        } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [pattern, flags] = node.arguments ?? [];
          if (pattern && (ts.isStringLiteral(pattern) || ts.isNoSubstitutionTemplateLiteral(pattern))) {
            found.push({ module, line: lineOf(node), source: pattern.text, flags: flags && ts.isStringLiteral(flags) ? flags.text : '' });
          } else dynamic.push({ module, line: lineOf(node) });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return { found, dynamic };
}
