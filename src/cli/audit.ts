import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config.js';
import type { ExportFormat, ExportLanguage } from '../contracts/exports.js';
import { openDatabase } from '../db/open.js';
import { openAppContext } from './context.js';
import { exportAudit, verifyAudit } from '../modules/audit/service.js';
import { AppError } from '../modules/shared/errors.js';
import { say, tell, failWith, cliIo } from './io.js';

/**
 * `starcity audit verify`: recomputes the audit log's hash chain. Exit status 0 when it holds, 1
 * when an entry was changed, inserted or removed (each named on standard error).
 */
export async function auditVerifyCommand(config: Config, opts: { json: boolean }): Promise<void> {
  const { db } = await openDatabase(config, 'audit verify');
  try {
    const result = await verifyAudit(db);
    if (opts.json) say(JSON.stringify(result, null, 2));
    else {
      for (const b of result.breaks) tell(`entry ${b.id}: ${b.message.en} (${b.message.zh})`);
      const head = result.head ? `; head: entry ${result.head.id}, hash ${result.head.hash}` : '';
      say(`${result.ok ? 'The audit chain holds' : 'The audit chain is BROKEN'}: ${result.entries.toLocaleString('en-US')} entries checked${head}.`);
    }
    if (!result.ok) failWith(1);
  } finally {
    await db.close();
  }
}

/** `starcity audit export`: the log (filtered like the list) as a file, to --output or stdout. */
export async function auditExportCommand(config: Config, opts: { format: ExportFormat; lang: ExportLanguage; filter?: string; output?: string }): Promise<void> {
  if (opts.format === 'xlsx' && !opts.output && cliIo().stdout.isTTY) throw new Error('refusing to write XLSX (binary) to a terminal; use --output FILE or redirect stdout (> file.xlsx)');
  const { ctx } = await openAppContext(config, 'audit export');
  const { db } = ctx;
  try {
    let file;
    try {
      file = exportAudit(ctx, { format: opts.format, lang: opts.lang, filter: opts.filter });
    } catch (err) {
      if (err instanceof AppError) throw new Error(err.errors.map((e) => `--${e.field.split('.')[0]}: ${e.message.en}`).join('\n'));
      throw err;
    }
    await pipeline(file.stream, opts.output ? createWriteStream(opts.output) : cliIo().stdout);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPIPE') throw err;
  } finally {
    await db.close();
  }
}
