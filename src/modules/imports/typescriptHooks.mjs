// Module hooks that let a worker thread run this directory's TypeScript sources, as they are under
// vitest: Node 20 runs .js only, and vitest's transform serves its own thread, not a new one.
// validationThread.ts registers them only when it runs from a .ts file; the compiled server in
// dist/server starts the compiled .js worker and never loads this file. The transform is Vite's
// (oxc, as vitest uses): types stripped, nothing checked.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { transformWithOxc } from 'vite';

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
  const { code, map } = await transformWithOxc(await readFile(path, 'utf8'), path, { sourcemap: true });
  const sourceMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString('base64')}`;
  return { format: 'module', source: `${code}\n${sourceMap}`, shortCircuit: true };
}
