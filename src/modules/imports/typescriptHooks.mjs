// Module hooks that let a worker thread run this directory's TypeScript sources, as they are under
// vitest: Node 20 runs .js only, and vitest's transform serves its own thread, not a new one.
// validationThread.ts registers them only when it runs from a .ts file; the compiled server in
// dist/server starts the compiled .js worker and never loads this file. The transform is oxc's, as
// vitest's: types stripped, nothing checked; taken from rolldown/utils (Vite's own compiler, loaded in
// ~50 ms) rather than from vite (~300 ms), as each import's worker loads it anew.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'rolldown/utils';

/** A source imports its siblings as .js, the compiled names: read the .ts beside it. */
export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    try {
      return await nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    } catch {
      // Not a TypeScript source: the .js itself.
    }
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const { code, map, errors } = transformSync(path, await readFile(path, 'utf8'), { sourcemap: true });
  if (errors.length > 0) throw new Error(`${path}: ${errors.map((e) => e.message).join('; ')}`);
  const sourceMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
  return { format: 'module', source: `${code}\n${sourceMap}`, shortCircuit: true };
}
