import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { city, csv, fixture, noOrganizations, streamOf, TODAY, validateAll, validUscc } from '../../../test/fixtures/imports/helpers.js';
import { detectFormat, validateImportFile } from './pipeline.js';
import { ImportFileError } from './problems.js';

const A = validUscc(1);
const B = validUscc(2);
/** The credit codes of the committed fixtures. */
const F1 = '91430100MA4L00001J';
const F2 = '91430100MA4L00002M';
const ORG_HEADER = 'uscc,name,kind,district_code,zone,founded_on,address';
const org = (uscc: string, name = '星城科技', extra = '430104,,2020-01-01,') => `${uscc},${name},enterprise,${extra}`;
const orgs = (...rows: string[]) => validateAll({ entity: 'organizations', fileName: 'orgs.csv', stream: streamOf(csv(ORG_HEADER, ...rows)) });
const codes = (problems: Array<{ code: string }>) => problems.map((p) => p.code);

describe('validateImportFile: each bad input on its own', () => {
  it('accepts a code failing its checksum when the file gives the override reason', async () => {
    const header = `${ORG_HEADER},uscc_override_reason`;
    const { records, problems } = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv(header, `${org('91350100M000100Y4Z')},early pilot code`)) });
    expect(problems).toEqual([]);
    expect(records[0]?.record).toMatchObject({ uscc: '91350100M000100Y4Z', uscc_override_reason: 'early pilot code' });
  });

  it('accepts a clean file and types its records', async () => {
    const { records, problems, summary } = await orgs(org(A), `${B},麓山研究院,科研院所,岳麓区,湘江新区,2020年1月2日,"长沙市, 岳麓区"`);
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ format: 'csv', encoding: 'utf-8', counts: { read: 2, valid: 2, rejected: 0 }, done: true, complete: true, fileProblems: [] });
    expect(records[1]).toEqual({
      line: 3,
      record: { uscc: B, name: '麓山研究院', kind: 'research_institute', district_code: '430104', zone: 'xiangjiang_new_area', founded_on: '2020-01-02', address: '长沙市, 岳麓区' },
    });
  });

  it.each([
    ['bad credit code', org('91430100MA4L00001X'), 'uscc', 'uscc.checksum'],
    ['unknown district', org(A, 'x', '439999,,,'), 'district_code', 'district.unknown'],
    ['district name not in the city', org(A, 'x', '朝阳区,,,'), 'district_code', 'district.unknown'],
    ['retired district', org(A, 'x', '430122,,,'), 'district_code', 'district.retired'],
    ['retired district by name', org(A, 'x', '望城县,,,'), 'district_code', 'district.retired'],
    ['impossible date', org(A, 'x', '430104,,2025-02-30,'), 'founded_on', 'date.invalid'],
    ['future date', org(A, 'x', '430104,,2025-07-01,'), 'founded_on', 'date.future'],
    ['missing required field', org(A, ''), 'name', 'required'],
    ['unknown code value', `${A},x,startup,430104,,,`, 'kind', 'code.unknown'],
    ['unknown zone', org(A, 'x', '430104,月球基地,,'), 'zone', 'zone.unknown'],
  ])('%s', async (_, row, column, code) => {
    const { records, problems, summary } = await orgs(row);
    expect(records).toEqual([]);
    expect(problems).toMatchObject([{ line: 2, column, code }]);
    expect(problems[0]?.message.zh).not.toBe('');
    expect(summary.counts).toEqual({ read: 1, valid: 0, rejected: 1 });
  });

  it('reports a duplicate key at the second occurrence, naming the first line', async () => {
    const { records, problems } = await orgs(org(A), org(B), org(A.toLowerCase()));
    expect(records.map((r) => r.line)).toEqual([2, 3]);
    expect(problems).toMatchObject([{ line: 4, column: 'uscc', code: 'duplicate_key' }]);
    expect(problems[0]?.message.en).toContain('line 2');
  });

  it('refuses a dangling host reference, asking the database once per batch', async () => {
    const asked: string[][] = [];
    const knownOrganizations = async (usccs: string[]) => {
      asked.push(usccs);
      return new Map(usccs.filter((u) => u === A).map((u) => [u, 1]));
    };
    const file = csv('host_uscc,name,type,level,status,district_code', `${A},平台一,pilot_platform,市级,运行,430104`, `${B},平台二,中试平台,municipal,active,430104`, `${A},平台三,other,none,active,430104`);
    const { records, problems } = await validateAll({ entity: 'platforms', fileName: 'p.csv', stream: streamOf(file) }, { knownOrganizations });
    expect(records.map((r) => r.line)).toEqual([2, 4]);
    expect(problems).toMatchObject([{ line: 3, column: 'host_uscc', value: B, code: 'reference.unknown_organization' }]);
    expect(asked).toEqual([[A, B]]);
  });

  it('reports ragged rows as row problems and goes on', async () => {
    const { records, problems } = await orgs(`${A},x,enterprise`, org(B), `${validUscc(3)},x,enterprise,430104,,,,extra`);
    expect(records.map((r) => r.line)).toEqual([3]);
    expect(problems).toMatchObject([
      { line: 2, column: null, code: 'row.too_few_cells' },
      { line: 4, column: null, code: 'row.too_many_cells' },
    ]);
  });

  it('keeps quoted commas and line breaks, numbering rows by their first line', async () => {
    const { records, problems } = await orgs(`${A},"星城, ""科技""",enterprise,430104,,,"第一行\r\n第二行"`, org(B));
    expect(problems).toEqual([]);
    expect(records).toMatchObject([
      { line: 2, record: { name: '星城, "科技"', address: '第一行\r\n第二行' } },
      { line: 4, record: { uscc: B } },
    ]);
  });

  it('reads UTF-8 with a BOM and GB18030 alike', async () => {
    for (const [name, encoding] of [['organizations-utf8-bom.csv', 'utf-8'], ['organizations-gb18030.csv', 'gb18030']] as const) {
      const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: name, stream: createReadStream(fixture(name)) });
      expect(problems).toEqual([]);
      expect(summary.encoding).toBe(encoding);
      expect(records[0]?.record).toMatchObject({ name: '长沙星城科技有限公司', kind: 'enterprise', district_code: '430104', zone: 'xiangjiang_new_area', founded_on: '2018-03-05' });
    }
  });

  it('reports an empty file and a header-only file clearly', async () => {
    const empty = await validateAll({ entity: 'organizations', fileName: 'e.csv', stream: streamOf('') });
    expect(empty.summary).toMatchObject({ complete: false, counts: { read: 0 }, fileProblems: [{ severity: 'error', code: 'file.empty' }] });
    const headerOnly = await orgs();
    expect(headerOnly.batches).toBe(0);
    expect(headerOnly.summary).toMatchObject({ complete: true, counts: { read: 0, valid: 0, rejected: 0 }, fileProblems: [{ severity: 'warning', code: 'file.no_rows' }] });
  });

  it('ignores unknown headers with a warning, and stops on a missing required column', async () => {
    const extra = await validateAll({ entity: 'organizations', fileName: 'x.csv', stream: streamOf(csv(`备注,${ORG_HEADER}`, `hello,${org(A)}`)) });
    expect(extra.records).toHaveLength(1);
    expect(extra.summary.fileProblems).toMatchObject([{ severity: 'warning', code: 'header.unknown', column: '备注' }]);
    const missing = await validateAll({ entity: 'organizations', fileName: 'x.csv', stream: streamOf(csv('uscc,name', `${A},x`)) });
    expect(missing.batches).toBe(0);
    expect(missing.summary).toMatchObject({ complete: false, fileProblems: [{ code: 'header.missing_required', message: { zh: '缺少必填列“主体类型”（kind）' } }] });
  });

  it('refuses a 1 MB field by its length limit, reporting a short value', async () => {
    const big = '长'.repeat(1024 * 1024);
    const { problems } = await orgs(`${A},${big},enterprise,430104,,,`);
    expect(problems).toMatchObject([{ line: 2, column: 'name', code: 'too_long' }]);
    expect(problems[0]?.value?.length).toBe(200);
  });

  it('takes one formula guard apostrophe off a formula-like cell', async () => {
    const { records } = await orgs(`${A},'=星城,enterprise,430104,,,'@home`, `${B},'x,enterprise,430104,,,''+1`);
    expect(records.map((r) => r.record)).toMatchObject([{ name: '=星城', address: '@home' }, { name: "'x", address: "'+1" }]);
  });
});

describe('validateImportFile: everything wrong at once', () => {
  it('reports every bad row with all its problems, and passes the good ones', async () => {
    const file = csv(
      `名称,统一社会信用代码,主体类型,所在区县代码,成立日期,说明`,
      `好企业,${A},企业,岳麓区,2020-01-01,ok`,
      `坏企业,91430100MA4L0000XX,公司,439999,2025-02-30,all bad`,
      `,${B},企业,430122,,missing name`,
      `"多行, 名称\n第二行",${validUscc(3)},企业,430104,,quoted`,
      `重复,${A},企业,430104,,duplicate`,
      `短行,${validUscc(4)}`,
      `公式,${validUscc(5)},企业,430104,'-1,formula`,
    );
    const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: 'mixed.csv', stream: streamOf(file, 7) });
    expect(records.map((r) => r.line)).toEqual([2, 5]);
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, '统一社会信用代码', 'uscc.checksum'],
      [3, '主体类型', 'code.unknown'],
      [3, '所在区县代码', 'district.unknown'],
      [3, '成立日期', 'date.invalid'],
      [4, '名称', 'required'],
      [4, '所在区县代码', 'district.retired'],
      [7, '统一社会信用代码', 'duplicate_key'],
      [8, null, 'row.too_few_cells'],
      [9, '成立日期', 'date.invalid'],
    ]);
    expect(summary.counts).toEqual({ read: 7, valid: 2, rejected: 5 });
    expect(summary.fileProblems).toMatchObject([{ code: 'header.unknown', column: '说明' }]);
    expect(summary.columns?.map((c) => c.key)).toEqual(['name', 'uscc', 'kind', 'district_code', 'founded_on', null]);
  });
});

describe('validateImportFile: an institutions file with a BOM, four-global claims and bad references', () => {
  it('reports each bad row and types the good ones', async () => {
    const C = validUscc(3);
    const file =
      '\uFEFF' +
      csv(
        '依托单位统一社会信用代码,机构名称,机构类别,级别,所在区县代码,功能布局基于全球,功能布局基于全球佐证材料,研发任务源自全球,研发任务源自全球确认日期',
        `${A},星城研究院,企业研发中心,省级,岳麓区,是,,否,`,
        `${C},无主研究院,other,none,430104,,,,`,
        `${A},"长, 名称",other,none,430104,,${'证'.repeat(1024 * 1024)},,`,
        `${A},星城研究院,other,none,430104,,,,`,
        `${B},日期研究院,other,none,430104,,,否,2025-02-30`,
        `${B},确认研究院,other,none,430104,,海外分支,,2025-06-01`,
      );
    const knownOrganizations = async (usccs: string[]) => new Map(usccs.filter((u) => u !== C).map((u, i) => [u, i + 1]));
    const { records, problems, summary } = await validateAll({ entity: 'rd_institutions', fileName: '机构.csv', stream: streamOf(file) }, { knownOrganizations });
    expect(summary).toMatchObject({ encoding: 'utf-8', counts: { read: 6, valid: 2, rejected: 4 }, fileProblems: [] });
    expect(records).toEqual([
      {
        line: 2,
        record: {
          host_uscc: A,
          name: '星城研究院',
          category: 'enterprise_rd_center',
          level: 'provincial',
          district_code: '430104',
          four_global: { global_layout: { status: 'confirmed', evidence: null, confirmed_on: null }, global_tasks: null },
        },
      },
      expect.objectContaining({ line: 7, record: expect.objectContaining({ four_global: { global_layout: { status: 'pending', evidence: '海外分支' }, global_tasks: { status: 'confirmed', evidence: null, confirmed_on: '2025-06-01' } } }) }),
    ]);
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [3, '依托单位统一社会信用代码', 'reference.unknown_organization'],
      [4, '功能布局基于全球佐证材料', 'too_long'],
      [5, '依托单位统一社会信用代码', 'duplicate_key'],
      [6, '研发任务源自全球确认日期', 'date.invalid'],
    ]);
  });
});

describe('validateImportFile: formats', () => {
  it('reads the named sheet of an XLSX with date cells, serials, rich text and formulas', async () => {
    const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: 'o.xlsx', sheet: '主体', stream: createReadStream(fixture('organizations.xlsx')) });
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ format: 'xlsx', sheet: '主体', encoding: null });
    expect(records).toEqual([
      { line: 2, record: { uscc: F1, name: '长沙星城科技有限公司', kind: 'enterprise', district_code: '430104', founded_on: '2018-03-05', address: '麓谷大道 1 号' } },
      { line: 3, record: { uscc: F2, name: '湖南麓山研究院', kind: 'research_institute', district_code: '430104', founded_on: '2020-01-01', address: '长沙市' } },
    ]);
  });

  it('names the sheets when the one asked for is not there', async () => {
    const { summary } = await validateAll({ entity: 'organizations', fileName: 'o.xlsx', sheet: '机构', stream: createReadStream(fixture('organizations.xlsx')) });
    expect(summary.fileProblems).toMatchObject([{ code: 'xlsx.sheet_not_found', message: { zh: '工作簿中没有名为“机构”的工作表；现有：说明、主体' } }]);
  });

  it('reads JSON Lines, a missing key being an empty cell', async () => {
    const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: 'o.jsonl', stream: createReadStream(fixture('organizations.jsonl')) });
    expect(problems).toEqual([]);
    expect(summary.format).toBe('jsonl');
    expect(records[1]).toEqual({ line: 2, record: { uscc: F2, name: '湖南麓山研究院', kind: 'research_institute', industry_code: null, district_code: '430104', zone: null, founded_on: null, address: null, name_en: null, uscc_override_reason: null } });
  });

  it('takes JSON Lines texts verbatim: no formula guard to remove', async () => {
    const line = JSON.stringify({ uscc: A, name: "'=星城", kind: 'enterprise' });
    const { records } = await validateAll({ entity: 'organizations', fileName: 'o.jsonl', stream: streamOf(`${line}\n`) });
    expect(records[0]?.record).toMatchObject({ name: "'=星城" });
  });

  it('detects the format by magic bytes, extension and content', () => {
    expect(detectFormat(Buffer.from('PK\x03\x04'), 'data.csv')).toBe('xlsx');
    expect(detectFormat(Buffer.from('{"a":1}'), 'data')).toBe('jsonl');
    expect(detectFormat(Buffer.from('uscc,name'), 'data')).toBe('csv');
    expect(detectFormat(Buffer.from('uscc'), 'x.jsonl')).toBe('jsonl');
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).toThrow(ImportFileError);
  });
});

describe('validateImportFile: streaming', () => {
  it('streams 100,000 rows in batches of 5,000, the live heap growing only by the key table', async () => {
    const rows = 100_000;
    function* lines() {
      yield Buffer.from(`${ORG_HEADER}\n`);
      let chunk = '';
      for (let i = 1; i <= rows; i++) {
        chunk += `${validUscc(i)},长沙星城科技有限公司${i},enterprise,430104,changsha_hitech_zone,2019-05-0${(i % 9) + 1},长沙市岳麓区麓谷大道${i}号\n`;
        if (i % 500 === 0) {
          yield Buffer.from(chunk);
          chunk = '';
        }
      }
    }
    // Live heap, measured after a full collection so garbage not yet collected does not count.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let valid = 0;
    let batches = 0;
    const run = validateImportFile({ entity: 'organizations', fileName: 'big.csv', stream: Readable.from(lines(), { objectMode: false }) }, { city, today: TODAY, knownOrganizations: noOrganizations });
    for await (const batch of run) {
      batches++;
      valid += batch.records.length;
      if (batches % 5 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(valid).toBe(rows);
    expect(batches).toBe(20);
    expect(run.summary.counts).toEqual({ read: rows, valid: rows, rejected: 0 });
    // The key table (16 bytes a key, 4 MiB at most for 100,000) and one batch of rows in flight.
    expect(peak - before).toBeLessThan(24 * 1024 * 1024);
  }, 60_000);
});

describe('validateImportFile: a file that breaks off', () => {
  it('hands on the rows before an unclosed quote, then reports where the broken record starts', async () => {
    const { records, summary } = await orgs(org(A), org(B), `${validUscc(3)},"unclosed,enterprise,430104,,,`, org(validUscc(4)));
    expect(records.map((r) => r.line)).toEqual([2, 3]);
    expect(summary).toMatchObject({ complete: false, counts: { read: 2, valid: 2 }, fileProblems: [{ severity: 'error', code: 'csv.quote_not_closed', line: 4 }] });
  });
});
