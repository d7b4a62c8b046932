import type { Config } from '../config.js';
import { publicDatasets } from '../modules/openData/datasets.js';
import { publishReleases } from '../modules/openData/releases.js';
import { openAppContext } from './context.js';
import { say } from './io.js';

/**
 * `starcity open-data publish [dataset…]`: builds the bulk-download files of the datasets whose
 * data changed since their last release, ahead of the first download (after an import, say).
 * One line per dataset: its current release, rows, and what changed, or that nothing did.
 */
export async function openDataPublishCommand(config: Config, datasetIds: readonly string[], opts: { json: boolean }): Promise<void> {
  const { ctx } = await openAppContext(config, 'open-data publish');
  try {
    const known = publicDatasets(ctx).map((d) => d.id);
    const unknown = datasetIds.filter((id) => !known.includes(id));
    if (unknown.length) throw new Error(`no published dataset ${unknown.map((id) => `"${id}"`).join(', ')} (one of ${known.join(', ')})`);
    const results = await publishReleases(ctx, datasetIds);
    if (opts.json) return void say(JSON.stringify(results.map(({ release: r, made }) => ({ dataset: r.datasetId, release: r.number, made, row_count: r.rowCount, added: r.added, changed: r.changed, removed: r.removed })), null, 2));
    for (const { release: r, made } of results) {
      const what = made ? `release ${r.number}: ${r.rowCount} rows, ${r.added} added, ${r.changed} changed, ${r.removed} removed` : `release ${r.number} is current (${r.rowCount} rows, nothing changed)`;
      say(`${r.datasetId}: ${what}`);
    }
  } finally {
    await ctx.db.close();
  }
}
