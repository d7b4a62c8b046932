import { beforeAll, describe, expect, it } from 'vitest';
import { loadCity } from '../../src/config.js';
import { shippedPublication } from '../../src/modules/openData/publication.js';
import { starcity } from '../support/cli.js';
import { templateCopy } from '../support/dataTemplates.js';
import { tempDirs } from '../support/tempDirs.js';

/**
 * `starcity open-data publish` on the demo registry: the first release of the datasets named, then
 * nothing new. Two small datasets: building all of the demo's (90,000 rows) is the leak walk's.
 */
const datasets = ['platforms', 'recruitment_calls'];
const dirs = tempDirs();
let dir: string;
beforeAll(async () => {
  dir = dirs.keep(await templateCopy('demo'));
});

interface Published {
  dataset: string;
  release: number;
  made: boolean;
  row_count: number;
  added: number;
  changed: number;
  removed: number;
}

describe('starcity open-data publish', () => {
  it('builds the first release of each dataset named, then finds nothing changed', async () => {
    expect(shippedPublication(loadCity('changsha')).datasets.map((d) => d.id)).toEqual(expect.arrayContaining(datasets));
    const first = await starcity(['open-data', 'publish', ...datasets, '--json', '--data-dir', dir]);
    expect(first.status, first.stderr).toBe(0);
    const made = JSON.parse(first.stdout) as Published[];
    expect(made.map((p) => p.dataset)).toEqual(datasets);
    for (const p of made) expect(p, p.dataset).toMatchObject({ release: 1, made: true, added: p.row_count, changed: 0, removed: 0 });
    expect(made.find((p) => p.dataset === 'platforms')!.row_count).toBeGreaterThan(0);

    const again = await starcity(['open-data', 'publish', 'platforms', '--data-dir', dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toMatch(/^platforms: release 1 is current \(\d+ rows, nothing changed\)$/);
  });

  it('names an unknown dataset', async () => {
    const run = await starcity(['open-data', 'publish', 'tech_contracts', '--data-dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no published dataset "tech_contracts" \(one of organizations, /);
  });
});
