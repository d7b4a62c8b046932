import { createWriteStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadCity, type Config } from '../config.js';
import type { FileEntity } from '../contracts/fileColumns.js';
import type { CityConfig } from '../domain/city.js';
import { checkDistrictCode } from '../domain/district.js';
import { checkZone } from '../domain/zone.js';
import { migrate } from '../db/migrate.js';
import { problemCsvLines } from '../modules/imports/problems.js';
import type { ImportRecord } from '../modules/imports/queries.js';
import type { TextEncoding } from '../modules/imports/rawRows.js';
import { cliActor } from '../modules/audit/trail.js';
import { importProblems, openImportFile, runImport, type ImportProgress } from '../modules/imports/service.js';
import type { ImportMode } from '../modules/imports/writer.js';
import { openAppContext } from './context.js';
import { entityNames } from './export.js';
import { say, failWith, cliIo } from './io.js';

export const importEncodings: readonly TextEncoding[] = ['utf-8', 'gb18030', 'gbk'];
export const importModes: readonly ImportMode[] = ['upsert', 'insert'];

export interface ImportOptions {
  mode: ImportMode;
  atomic: boolean;
  dryRun: boolean;
  encoding?: TextEncoding;
  sheet?: string;
  report?: string;
  /** Districts the import is limited to (`--district`, repeatable); with `zones`, its area; both empty: the whole city. */
  districts?: string[];
  /** Zones the import is limited to (`--zone`, repeatable). */
  zones?: string[];
}

/**
 * `starcity import <entity> <file>`: the file validated and written in batches, with progress on
 * stderr and a summary (zh and en) on stdout. Exit status 0 when every row was accepted, 1 when
 * rows were rejected or the file was refused (the main handler maps a busy data directory to 3).
 */
export async function importCommand(config: Config, entityName: string, file: string, opts: ImportOptions): Promise<void> {
  const entity = entityNames[entityName]!;
  const fileSize = statSync(file).size;
  const city = loadCity(config.city);
  const area = { districts: opts.districts ?? [], zones: opts.zones ?? [] };
  checkArea(city, area);
  const { ctx } = await openAppContext(config, 'import');
  const db = ctx.db;
  const progress = new ProgressLine(fileSize);
  try {
    await migrate(db);
    const record = await runImport(
      ctx,
      {
        entity,
        stream: openImportFile(file),
        fileName: basename(file),
        fileSize,
        mode: opts.mode,
        atomic: opts.atomic,
        dryRun: opts.dryRun,
        ...(opts.encoding ? { encoding: opts.encoding } : {}),
        ...(opts.sheet ? { sheet: opts.sheet } : {}),
        area,
        actor: cliActor(),
        onProgress: (p) => progress.update(p),
      },
    );
    progress.end();
    if (opts.report) await pipeline(Readable.from(problemCsvLines(importProblems(db, record.id))), createWriteStream(opts.report));
    say(summary(entity, record, opts.report));
    if (record.status !== 'succeeded') failWith(1);
  } finally {
    progress.end();
    await db.close();
  }
}

/** Refuses `--district` codes that are not districts of the city, before anything is opened or recorded. */
function checkArea(city: CityConfig, area: { districts: readonly string[]; zones: readonly string[] }): void {
  const problems = [
    ...area.districts.map((code) => ['--district', code, checkDistrictCode(city, code)] as const),
    ...area.zones.map((code) => ['--zone', code, checkZone(city, code)] as const),
  ].flatMap(([flag, code, v]) => (v ? [`${flag} ${code}: ${v.message.zh} / ${v.message.en}`] : []));
  if (problems.length) throw new Error(problems.join('\n'));
}

const entityLabels: Record<FileEntity, string> = { organizations: '主体', qualifications: '资质', rd_institutions: '研发机构', platforms: '创新平台', tech_contracts: '技术合同', talent_introductions: '人才引进', recruitment_calls: '招贤令', projects: '攻关项目', achievements: '科技成果', transfers: '成果转化', incubations: '孵化企业', ip_loans: '知识产权质押贷款' };
const statusLabels: Record<ImportRecord['status'], { zh: string; en: string }> = {
  running: { zh: '进行中', en: 'running' },
  succeeded: { zh: '成功', en: 'succeeded' },
  rejected: { zh: '有被拒绝的行或文件被拒', en: 'rows rejected or file refused' },
  failed: { zh: '失败', en: 'failed' },
};

/** The final lines: counts in Chinese and English, what was (not) written, where the report went. */
export function summary(entity: FileEntity, r: ImportRecord, reportPath?: string): string {
  const status = statusLabels[r.status];
  const lines = [
    `导入${entityLabels[entity]}（#${r.id}）：读取 ${r.read} 行，新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}，拒绝 ${r.rejected} — ${status.zh}`,
    `Import #${r.id} of ${entity}: ${r.read} read, ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected — ${status.en}`,
  ];
  const area = [...r.options.districts, ...r.options.zones];
  if (area.length) lines.push(`限定范围 ${area.join('、')}：不在其中的行一律拒绝。`, `Limited to ${area.join(', ')}: rows outside this area are rejected.`);
  if (r.options.dry_run) lines.push('试运行：未写入任何数据。', 'Dry run: nothing was written.');
  else if (!r.committed) lines.push('整体模式：因有被拒绝的行，未写入任何数据。', 'Atomic: rows were rejected, so nothing was written.');
  if (r.problems_total > 0 && !reportPath) lines.push(`共 ${r.problems_total} 个问题；用 --report 文件.csv 导出问题清单。`, `${r.problems_total} problems; write them with --report file.csv.`);
  if (reportPath) lines.push(`问题清单已写入 ${reportPath}（${r.problems_stored} 条）。`, `Problem report written to ${reportPath} (${r.problems_stored} problems).`);
  if (r.problems_total > r.problems_stored) lines.push(`另有 ${r.problems_total - r.problems_stored} 个问题未保存。`, `${r.problems_total - r.problems_stored} more problems were not stored.`);
  return lines.join('\n');
}

const PLAIN_INTERVAL_MS = 5000;
const TTY_INTERVAL_MS = 200;

/** Progress on stderr: one line rewritten in place on a terminal, a plain line every few seconds otherwise. */
class ProgressLine {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;
  private readonly tty = cliIo().stderr.isTTY === true;
  constructor(private readonly fileSize: number) {}

  update(p: ImportProgress): void {
    const now = Date.now();
    if (now - this.last < (this.tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS)) return;
    this.last = now;
    const seconds = (now - this.started) / 1000;
    const rate = p.counts.read / Math.max(seconds, 0.001);
    const share = this.fileSize > 0 ? Math.min(p.bytesRead / this.fileSize, 1) : 0;
    const eta = share > 0 ? (seconds * (1 - share)) / share : null;
    const text = `${p.counts.read.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s · ${Math.floor(share * 100)}%${eta === null ? '' : ` · ETA ${clock(eta)}`}`;
    if (this.tty) cliIo().stderr.write(`\r${text}\x1b[K`);
    else cliIo().stderr.write(`${text}\n`);
    this.shown = true;
  }

  end(): void {
    if (this.tty && this.shown) cliIo().stderr.write('\n');
    this.shown = false;
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
