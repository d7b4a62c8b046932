import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { city, csv, fixture, streamOf, TODAY, validUscc } from '../../../test/fixtures/imports/helpers.js';
import type { FileEntity } from '../../contracts/fileColumns.js';
import type { KnownOrganizations } from './inFileChecks.js';
import { validateImportFile, type ImportInput } from './pipeline.js';
import { tableRowOf } from './tableRows.js';
import { validateInWorker } from './validationThread.js';

/**
 * The worker thread runs the same database-free stage as the caller's thread would: every file
 * below is validated both ways and must give the same batches, problems and summary, the worker's
 * records being the same records prepared for the writer.
 */

const A = validUscc(1);
const B = validUscc(2);
const C = validUscc(3);
const ORG_HEADER = 'uscc,name,kind,district_code,zone,founded_on,address';
const allKnownBut = (...unknown: string[]): KnownOrganizations => async (usccs) => new Map(usccs.filter((u) => !unknown.includes(u)).map((u, i) => [u, i + 1]));

async function bothWays<E extends FileEntity>(entity: E, fileName: string, open: () => ImportInput<E>['stream'], deps: { knownOrganizations?: KnownOrganizations; batchSize?: number } = {}) {
  const options = { city, today: TODAY, knownOrganizations: deps.knownOrganizations ?? allKnownBut(), ...(deps.batchSize ? { batchSize: deps.batchSize } : {}) };
  const here = validateImportFile({ entity, fileName, stream: open() }, options);
  const expected = [];
  for await (const batch of here) {
    const records = batch.records.map(({ line, record }) => ({ line, record: tableRowOf(entity, record, { importDate: TODAY, fileName, line }) }));
    expected.push({ ...batch, records });
  }
  const there = validateInWorker({ entity, fileName, stream: open() }, options);
  const batches = [];
  for await (const batch of there) batches.push(batch);
  expect(batches).toEqual(expected);
  expect(there.summary).toEqual(here.summary);
  return { batches, summary: there.summary, wholeFileRead: there.wholeFileRead };
}

describe('validateInWorker: the same validation as in the caller’s thread', () => {
  it('an institutions file with four-global claims, bad rows, duplicates and a dangling host, in batches of two', async () => {
    const file = csv(
      '\uFEFF依托单位统一社会信用代码,机构名称,机构类别,级别,所在区县代码,功能布局基于全球,功能布局基于全球佐证材料,研发任务源自全球,研发任务源自全球确认日期',
      `${A},星城研究院,企业研发中心,省级,岳麓区,是,,否,`,
      `${C},无主研究院,other,none,430104,,,,`,
      `${A},星城研究院,other,none,430104,,,,`,
      `${B},日期研究院,other,none,430104,,,否,2025-02-30`,
      `${B},确认研究院,other,none,430104,,海外分支,,2025-06-01`,
      `${B.toLowerCase()} ,空白研究院,other,none,430104,,,,`,
      `${B},坏行`,
    );
    const { batches, summary, wholeFileRead } = await bothWays('rd_institutions', '机构.csv', () => streamOf(file, 7), { knownOrganizations: allKnownBut(C), batchSize: 2 });
    expect(batches).toHaveLength(4);
    expect(summary).toMatchObject({ counts: { read: 7, valid: 3, rejected: 4 }, complete: true, done: true });
    expect(batches.flatMap((b) => b.problems.map((p) => p.code))).toEqual(['reference.unknown_organization', 'duplicate_key', 'date.invalid', 'row.too_few_cells']);
    expect(wholeFileRead).toBe(true);
  });

  it('organizations: every kind of bad row at once', async () => {
    const file = csv(ORG_HEADER, `${A},星城科技,enterprise,430104,,2020-01-01,`, `BAD,坏代码,公司,439999,,2025-02-30,`, `${A},重复,enterprise,430104,,,`, `${B},"引号, 逗号",enterprise,430104,,,"两\n行"`);
    const { summary } = await bothWays('organizations', 'o.csv', () => streamOf(file));
    expect(summary.counts).toEqual({ read: 4, valid: 2, rejected: 2 });
  });

  it('XLSX and JSON Lines', async () => {
    await bothWays('organizations', 'o.xlsx', () => createReadStream(fixture('organizations.xlsx')));
    await bothWays('organizations', 'o.jsonl', () => createReadStream(fixture('organizations.jsonl')));
  });

  it('a file that breaks off, an empty file, a refused header', async () => {
    const broken = await bothWays('organizations', 'o.csv', () => streamOf(csv(ORG_HEADER, `${A},x,enterprise,430104,,,`, `${B},"unclosed,enterprise,430104,,,`)));
    expect(broken.summary).toMatchObject({ complete: false, fileProblems: [{ code: 'csv.quote_not_closed' }] });
    const empty = await bothWays('organizations', 'e.csv', () => streamOf(''));
    expect(empty.summary.fileProblems).toMatchObject([{ code: 'file.empty' }]);
    // The reader stops at the header, past its 64 KiB sample but before the end of the file.
    const refused = await bothWays('organizations', 'r.csv', () => streamOf(csv('colour,shape', ...Array.from({ length: 20_000 }, () => 'red,round')), 1024));
    expect(refused.summary.fileProblems.map((p) => p.code)).toContain('header.missing_required');
    expect(refused.wholeFileRead).toBe(false);
  });

  it('streams a file larger than the bytes it sends ahead (6 MB), in order', async () => {
    const rows = 50_000;
    const lines = Array.from({ length: rows }, (_, i) => `${validUscc(i + 1)},长沙星城科技有限公司${i},enterprise,430104,changsha_hitech_zone,2019-05-01,长沙市岳麓区麓谷大道${i}号`);
    const { batches, summary } = await bothWays('organizations', 'big.csv', () => streamOf(csv(ORG_HEADER, ...lines), 64 * 1024));
    expect(batches).toHaveLength(10);
    expect(summary.bytesRead).toBeGreaterThan(6_000_000);
  }, 60_000);
});

describe('validateInWorker: failures and early stops', () => {
  it('hands on the batches read before the stream failed, then throws the stream’s own error', async () => {
    const failure = new Error('disk gone');
    // More than the 64 KiB the reader samples before its first row.
    const rows = Array.from({ length: 3000 }, (_, i) => `${validUscc(i + 1)},星城科技${i},enterprise,430104,,,`);
    async function* failing() {
      yield Buffer.from(csv(ORG_HEADER, ...rows));
      throw failure;
    }
    const options = { city, today: TODAY, knownOrganizations: allKnownBut(), batchSize: 100 };
    const linesBefore = async (run: AsyncIterable<{ records: Array<{ line: number }> }>) => {
      const lines: number[] = [];
      await expect(
        (async () => {
          for await (const batch of run) lines.push(...batch.records.map((r) => r.line));
        })(),
      ).rejects.toBe(failure);
      return lines;
    };
    const here = await linesBefore(validateImportFile({ entity: 'organizations', fileName: 'o.csv', stream: failing() }, options));
    const there = await linesBefore(validateInWorker({ entity: 'organizations', fileName: 'o.csv', stream: failing() }, options));
    expect(there).toHaveLength(3000);
    expect(there).toEqual(here);
  });

  it('stops the worker and the stream when the caller stops early', async () => {
    const stream = Readable.from(
      (function* () {
        yield Buffer.from(`${ORG_HEADER}\n`);
        for (let i = 1; i <= 100_000; i++) yield Buffer.from(`${validUscc(i)},x${i},enterprise,430104,,,\n`);
      })(),
    );
    const run = validateInWorker({ entity: 'organizations', fileName: 'o.csv', stream }, { city, today: TODAY, knownOrganizations: allKnownBut(), batchSize: 100 });
    for await (const batch of run) {
      expect(batch.records).toHaveLength(100);
      break;
    }
    expect(stream.destroyed).toBe(true);
    expect(run.summary.done).toBe(true);
  });
});
