import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Projects by how long their files run: the browser tests' first, the pure unit tests' last. */
const projectRank: Record<string, number> = { e2e: 0, cli: 1, 'api-postgres': 2, 'api-pglite': 2, unit: 3 };

/**
 * Starts the longest files first, so the two workers end together instead of one finishing the
 * browser tests alone at the end: vitest's own order (cached durations, else file size) within a
 * project, the projects by {@link projectRank}.
 */
export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => projectRank[f.project.name] ?? 4;
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
