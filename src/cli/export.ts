import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import type { ExportFormat, ExportLanguage, ExportView } from '../contracts/exports.js';
import type { FileEntity } from '../contracts/fileColumns.js';
import { exportList, type ExportFile } from '../modules/exports/service.js';
import type { ServiceContext } from '../modules/shared/context.js';
import { AppError } from '../modules/shared/errors.js';
import { openAppContext } from './context.js';
import { tell, cliIo } from './io.js';

/** Entity names the command accepts: the URL spelling and the file contract's. */
export const entityNames: Record<string, FileEntity> = {
  organizations: 'organizations',
  qualifications: 'qualifications',
  'rd-institutions': 'rd_institutions',
  rd_institutions: 'rd_institutions',
  platforms: 'platforms',
  'tech-contracts': 'tech_contracts',
  tech_contracts: 'tech_contracts',
  'talent-introductions': 'talent_introductions',
  talent_introductions: 'talent_introductions',
  'recruitment-calls': 'recruitment_calls',
  recruitment_calls: 'recruitment_calls',
  projects: 'projects',
  achievements: 'achievements',
  transfers: 'transfers',
  incubations: 'incubations',
  'ip-loans': 'ip_loans',
  ip_loans: 'ip_loans',
};
export const exportEntityChoices = Object.keys(entityNames);

export interface ExportOptions {
  format: ExportFormat;
  lang: ExportLanguage;
  /** import (the default): the import format; report: names and labels for people (报表格式). */
  view: ExportView;
  filter?: string;
  search?: string;
  sort?: string;
  output?: string;
}

/**
 * `starcity export <entity>`: the list with its filter, search and sort as a file, to --output or
 * stdout. XLSX is binary: written to a terminal it would garble the screen, so it is refused there.
 */
export async function exportCommand(config: Config, entityName: string, opts: ExportOptions): Promise<void> {
  const entity = entityNames[entityName]!;
  if (opts.format === 'xlsx' && !opts.output && cliIo().stdout.isTTY) {
    throw new Error('refusing to write XLSX (binary) to a terminal; use --output FILE or redirect stdout (> file.xlsx)');
  }
  const { ctx } = await openAppContext(config, 'export');
  const db = ctx.db;
  try {
    await exportTo(ctx, entity, opts);
  } finally {
    await db.close();
  }
}

/** Writes the export of `entity` to --output or stdout, on an open database (tests call it in-process). */
export async function exportTo(ctx: ServiceContext, entity: FileEntity, opts: ExportOptions): Promise<void> {
  try {
    const file = start(ctx, entity, opts);
    await pipeline(file.stream, opts.output ? createWriteStream(opts.output) : cliIo().stdout);
    if (opts.output) tell(`Exported ${entity} to ${opts.output}`);
  } catch (err) {
    // The reader of stdout went away (`| head`): what it did not want is not an error.
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  }
}

/** Starts the export; a bad filter or sort is reported field by field, as the API does. */
function start(ctx: ServiceContext, entity: FileEntity, opts: ExportOptions): ExportFile {
  try {
    return exportList(ctx, { entity, format: opts.format, lang: opts.lang, view: opts.view, filter: opts.filter, search: opts.search, sort: opts.sort });
  } catch (err) {
    if (err instanceof AppError) throw new Error(err.errors.map((e) => `--${e.field.split('.')[0]}: ${e.message.en}`).join('\n'));
    throw err;
  }
}
