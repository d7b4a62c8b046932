import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer table of docs/architecture.md, checked against every import in src/** and web/src/**
 * (issue 13): the table is read from the document, so the two cannot drift apart. Tests are left
 * out; they may reach anywhere.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Layer {
  /** `src/modules`, `src/config.ts`…: a folder or a file, relative to the repository. */
  path: string;
  allowed: string[];
}

/** The rows of the table under "Layers and dependency directions": each layer and the paths it may import. */
function layerTable(markdown: string): Layer[] {
  const section = markdown.slice(markdown.indexOf('## Layers and dependency directions'), markdown.indexOf("## One request's path"));
  const rows = section.split('\n').filter((line) => /^\| `[^`]+` \|/.test(line));
  const layers: Layer[] = [];
  for (const row of rows) {
    const [, name, mayImport] = row.split('|').map((cell) => cell.trim());
    const path = /^`([^`]+)`$/.exec(name!)![1]!;
    const named = [...mayImport!.matchAll(/`(src\/[^`]+)`/g)].map((m) => m[1]!);
    const above = mayImport!.includes('everything above') ? layers.map((l) => l.path) : [];
    layers.push({ path, allowed: [...above, ...named] });
  }
  return layers;
}

const under = (file: string, path: string) => file === path || file.startsWith(path.endsWith('.ts') ? path : `${path}/`);

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

interface Import {
  target: string;
  names: string[];
}

/** Relative imports and re-exports of a file, resolved to repository paths (`.js` → `.ts`; web/ imports name no extension). */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    const spec = m[2] ?? m[3]!;
    const names = [...(m[1] ?? '').matchAll(/(?:type\s+)?(\w+)(?:\s+as\s+\w+)?/g)].map((n) => n[1]!).filter((n) => n !== 'type');
    found.push({ target: resolveImport(file, spec), names });
  }
  return found;
}

function resolveImport(file: string, spec: string): string {
  const path = relative(root, resolve(root, dirname(file), spec)).replaceAll('\\', '/');
  if (path.endsWith('.js')) return path.replace(/\.js$/, '.ts');
  for (const candidate of [`${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) {
    try {
      if (statSync(join(root, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return path;
}

/** A module may use another module's list specs, never its other SQL. */
function moduleBreach(file: string, imp: Import): string | null {
  const own = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
  const theirs = /^src\/modules\/([^/]+)\/queries\.ts$/.exec(imp.target)?.[1];
  if (!own || !theirs || own === theirs) return null;
  return imp.names.every((n) => n.endsWith('ListSpec')) ? null : `${file} imports SQL of another module: ${imp.names.join(', ')} from ${imp.target}`;
}

function breaches(layers: Layer[]): string[] {
  const layerOf = (file: string) => layers.filter((l) => under(file, l.path)).sort((a, b) => b.path.length - a.path.length)[0];
  const problems: string[] = [];
  for (const file of [...sourceFiles('src'), ...sourceFiles('web/src')]) {
    const layer = layerOf(file);
    if (!layer) continue;
    for (const imp of importsOf(file)) {
      const target = layerOf(imp.target);
      const fine = target === layer || layer.allowed.some((path) => under(imp.target, path));
      if (!fine) problems.push(`${file} (${layer.path}) imports ${imp.target}, which the table does not allow`);
      const sql = layer.path === 'src/modules' ? moduleBreach(file, imp) : null;
      if (sql) problems.push(sql);
    }
  }
  return problems;
}

const table = layerTable(readFileSync(join(root, 'docs/architecture.md'), 'utf8'));

describe('the layers of docs/architecture.md', () => {
  it('are read from the document', () => {
    expect(table.map((l) => l.path)).toEqual(['src/domain', 'src/contracts', 'src/db', 'src/config.ts', 'src/modules', 'src/http', 'src/cli', 'web/src']);
    expect(table.find((l) => l.path === 'src/domain')!.allowed).toEqual([]);
    expect(table.find((l) => l.path === 'web/src')!.allowed).toEqual(['src/contracts', 'src/domain']);
  });

  it('hold for every import in src/ and web/src/', () => {
    expect(breaches(table)).toEqual([]);
  });

  it('name only folders and files that exist', () => {
    const missing = table.flatMap((l) => [l.path, ...l.allowed]).filter((path) => {
      try {
        statSync(join(root, path));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it('the document names no folder or file that does not exist', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const named = [...text.matchAll(/`((?:src|web|config|e2e|test|bench|scripts)\/[^`\s]*)`/g)].map((m) => m[1]!);
    // `a/{b,c}.ts` names two files; patterns (`NNNN_name.sql`, `*.test.ts`) name none.
    const paths = named.filter((p) => !/[*]|NNNN/.test(p)).flatMap((p) => {
      const brace = /^(.*)\{([^}]+)\}(.*)$/.exec(p);
      return brace ? brace[2]!.split(',').map((part) => `${brace[1]}${part}${brace[3]}`) : [p];
    });
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('catch an import the table forbids', () => {
    // The check itself, on a table where the registry may not reach the database.
    const strict = table.map((l) => (l.path === 'src/modules' ? { ...l, allowed: l.allowed.filter((p) => p !== 'src/db') } : l));
    expect(breaches(strict).some((p) => p.startsWith('src/modules/') && p.includes('imports src/db/'))).toBe(true);
  });
});

describe('the one audited write path', () => {
  it('is the only code that appends to the audit log (docs/architecture.md, "One way to write")', () => {
    const appenders = sourceFiles('src').filter((file) => !under(file, 'src/modules/audit') && importsOf(file).some((imp) => imp.names.includes('appendAudit')));
    expect(appenders).toEqual(['src/modules/shared/write.ts']);
  });
});
