import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvScanError, CsvScanner } from './csvScanner.js';

interface Scanned {
  records: Array<{ line: number; fields: string[] }>;
  error?: { code: string; line: number };
}

/** Scans `text` fed in the given chunks. */
function scanChunks(chunks: readonly string[], max?: number): Scanned {
  const records: Scanned['records'] = [];
  const scanner = new CsvScanner((fields, line) => records.push({ line, fields }), max);
  try {
    for (const chunk of chunks) scanner.write(chunk);
    scanner.end();
    return { records };
  } catch (error) {
    if (!(error instanceof CsvScanError)) throw error;
    return { records, error: { code: error.code, line: error.line } };
  }
}

const scan = (text: string, max?: number) => scanChunks([text], max);

/**
 * Scans `text` whole, then split at every position into two chunks, then at every pair of
 * positions into three (short texts), then one character at a time: every way must agree.
 */
function scanEverySplit(text: string, max?: number): Scanned {
  const whole = scan(text, max);
  for (let i = 0; i <= text.length; i++) {
    expect(scanChunks([text.slice(0, i), text.slice(i)], max), `split at ${i}`).toEqual(whole);
  }
  if (text.length <= 40) {
    for (let i = 1; i < text.length; i++) {
      for (let j = i + 1; j < text.length; j++) {
        expect(scanChunks([text.slice(0, i), text.slice(i, j), text.slice(j)], max), `split at ${i}, ${j}`).toEqual(whole);
      }
    }
  }
  expect(scanChunks([...text], max), 'one character at a time').toEqual(whole);
  return whole;
}

const rows = (s: Scanned) => s.records.map((r) => r.fields);
const lines = (s: Scanned) => s.records.map((r) => r.line);

describe('CsvScanner', () => {
  it('splits plain records on commas, with or without a final line break', () => {
    for (const eol of ['\n', '\r\n']) {
      expect(scanEverySplit(`a,b,c${eol}1,2,3${eol}`)).toEqual({
        records: [
          { line: 1, fields: ['a', 'b', 'c'] },
          { line: 2, fields: ['1', '2', '3'] },
        ],
      });
      expect(rows(scanEverySplit(`a,b,c${eol}1,2,3`))).toEqual([
        ['a', 'b', 'c'],
        ['1', '2', '3'],
      ]);
      expect(rows(scanEverySplit(`,${eol},,${eol}x`))).toEqual([['', ''], ['', '', ''], ['x']]);
    }
  });

  it('gives nothing for empty text, and a one-empty-field record for each blank line but the last', () => {
    expect(scanEverySplit('')).toEqual({ records: [] });
    expect(scanEverySplit('\n')).toEqual({ records: [{ line: 1, fields: [''] }] });
    expect(scanEverySplit('\r\n\r\na\r\n\r\n')).toEqual({
      records: [
        { line: 1, fields: [''] },
        { line: 2, fields: [''] },
        { line: 3, fields: ['a'] },
        { line: 4, fields: [''] },
      ],
    });
  });

  it('reads quoted fields holding commas, line breaks and doubled quotes', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `h1,h2${eol}"a,b","say ""hi"""${eol}"multi${eol}line${eol}cell",x${eol}"",""""${eol}last,"${eol}"`;
      expect(scanEverySplit(text)).toEqual({
        records: [
          { line: 1, fields: ['h1', 'h2'] },
          { line: 2, fields: ['a,b', 'say "hi"'] },
          { line: 3, fields: [`multi${eol}line${eol}cell`, 'x'] },
          { line: 6, fields: ['', '"'] },
          { line: 7, fields: ['last', eol] },
        ],
      });
    }
  });

  it('keeps a quote inside an unquoted field as it is (relax_quotes)', () => {
    expect(rows(scanEverySplit('专精特新"小巨人",x\na""b,"c"""\n "a",b\n'))).toEqual([
      ['专精特新"小巨人"', 'x'],
      ['a""b', 'c"'],
      [' "a"', 'b'],
    ]);
  });

  it('goes on unquoted after a closing quote followed by other text, keeping the quotes (as csv-parse)', () => {
    expect(rows(scanEverySplit('"a"b,c\n"a""b"c,d\n"a" ,b\n"a"x"y",z\n'))).toEqual([
      ['"a"b', 'c'],
      ['"a"b"c', 'd'],
      ['"a" ', 'b'],
      ['"a"x"y"', 'z'],
    ]);
  });

  it('learns the record delimiter from the first line break: LF, CRLF or CR', () => {
    expect(rows(scanEverySplit('a,b\r\nc,d\r\n'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(rows(scanEverySplit('a,b\rc,d\r"e\rf",g'))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e\rf', 'g'],
    ]);
    // Another line break outside quotes is kept in the field, as csv-parse keeps it.
    expect(rows(scanEverySplit('a\r\nb\nc\r\nd'))).toEqual([['a'], ['b\nc'], ['d']]);
    expect(rows(scanEverySplit('a\nb\r\nc\n'))).toEqual([['a'], ['b\r'], ['c']]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['', 'a,b', '1,"x', 'y"', '', ',', '2,"3', '', '"', '"q,w",e'].join(eol) + eol;
      expect(lines(scanEverySplit(text))).toEqual([1, 2, 3, 5, 6, 7, 10]);
    }
    // Inside quotes, every kind of line break counts once.
    expect(lines(scanEverySplit('"a\nb\r\nc\rd"\ne\n'))).toEqual([1, 5]);
  });

  it('stops on an unclosed quote with the line where its record starts', () => {
    expect(scanEverySplit('a,b\n1,2\n3,"open\n4,5\n')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
      ],
      error: { code: 'quote_not_closed', line: 3 },
    });
    // The quote closed early goes on unquoted; the record ends at the next LF, and the quote
    // opened on line 4 never closes.
    expect(scanEverySplit('"\n\n"x\n"').error).toEqual({ code: 'quote_not_closed', line: 4 });
    expect(scanEverySplit('a\n"b""').error).toEqual({ code: 'quote_not_closed', line: 2 });
  });

  it('stops on a record longer than the limit with the line where it starts', () => {
    const max = 10;
    expect(scanEverySplit('a\n0123456789\n"0123\n567"\n', max)).toEqual({
      records: [
        { line: 1, fields: ['a'] },
        { line: 2, fields: ['0123456789'] },
        { line: 3, fields: ['0123\n567'] },
      ],
    });
    for (const text of ['a\n\n01234567890\nb\n', 'a\n\n01234,67890', 'a\n\n"0123\n45678"\n', 'a\n\n"0123456789']) {
      expect(scanEverySplit(text, max), text).toEqual({ records: [{ line: 1, fields: ['a'] }, { line: 2, fields: [''] }], error: { code: 'record_too_large', line: 3 } });
    }
    // A runaway quote in a long text stops at the limit, long before the end.
    const records: string[][] = [];
    const scanner = new CsvScanner((fields) => records.push(fields), 1000);
    scanner.write('a,"b\n');
    expect(() => {
      for (let i = 0; i < 100; i++) scanner.write('x'.repeat(100));
    }).toThrow(expect.objectContaining({ code: 'record_too_large', line: 1 }));
  });

  it('keeps only the record in progress between chunks', () => {
    const scanner = new CsvScanner(() => {});
    for (let i = 0; i < 10; i++) scanner.write(`${'long text,'.repeat(1000)}\n`);
    scanner.write('a,"b');
    const kept = scanner as unknown as { rest: string; field: string; fields: string[] };
    expect(kept.rest).toBe('');
    expect(kept.fields).toEqual(['a']);
    expect(kept.field).toBe('b');
  });

  it('cuts fields that do not keep their chunk alive', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const kept: string[] = [];
    // Keeps a credit code (fast path) and a quoted name (state machine) of each chunk's first row.
    let first = true;
    const scanner = new CsvScanner((fields) => {
      if (first) kept.push(...fields);
      first = false;
    });
    const chunks = 200;
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < chunks; k++) {
      let chunk = '';
      for (let row = 0; chunk.length < 64 * 1024; row++) chunk += `91430100B${String(k * 10000 + row).padStart(8, '0')}X,"长沙华创智能科技${row}有限公司"\n`;
      first = true;
      scanner.write(chunk);
    }
    scanner.end();
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(2 * chunks);
    expect(kept[1]).toBe('长沙华创智能科技0有限公司');
    // Pinned chunks would be 200 × 64 Ki characters × 2 bytes = 25 MiB.
    expect(growth).toBeLessThan(5 * 1024 * 1024);
  });
});

/** csv-parse's records and, as readCsv numbered them with it, the line each starts on. */
function csvParse(text: string): Scanned {
  const records: Scanned['records'] = [];
  // on_record sees each record as it is made: the sync parser drops them when it throws.
  const parsed: string[][] = [];
  let error: Scanned['error'];
  try {
    parse(text, { relax_column_count: true, relax_quotes: true, on_record: (r: string[]) => (parsed.push(r), r) });
  } catch (e) {
    if ((e as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw e;
    error = { code: 'quote_not_closed', line: 0 };
  }
  let line = 1;
  for (const fields of parsed) {
    records.push({ line, fields });
    for (const f of fields) line += f.split('\n').length - 1;
    line++;
  }
  if (error) error.line = line;
  return error ? { records, error } : { records };
}

describe('CsvScanner against csv-parse', () => {
  const tricky = [
    'uscc,name,kind\n91430100B00000011X,"长沙华创智能科技有限公司",enterprise\n',
    'a,b\r\n"x\r\ny",z\r\n\r\n,\r\n"q,w",e',
    '"a"b,c\n"a""b"c,d\n',
    'a,b\r\n"x"\n,y\r\n',
    'a\n"x"\r\ny\n',
    'a\rb\r"c\r\nd"\r',
    'a\r\nb\nc\r\n',
    'x "y" z,"q"\n',
    '"a" ,b\n',
    '\n\na\n',
    '"a"',
    'a,',
    ',\n',
    ' "a",b\n',
    'a""b,"c"""\n',
    '"a"x"y",z\n',
    '"""",x\n',
    '"ab"\r\n\r\ncd',
    '"a"\r',
    '"a"\rb\r\n',
    '"",\n""',
    '专精特新"小巨人",x\n"长沙,湖南","他说""好"""\n',
  ];

  it('gives the same records for tricky inputs', () => {
    for (const text of tricky) {
      const theirs = csvParse(text);
      const ours = scanEverySplit(text);
      expect(rows(ours), JSON.stringify(text)).toEqual(rows(theirs));
    }
  });

  it('gives the same records, lines and unclosed quotes for random texts', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    const pieces = ['a', 'b', '中', ' ', ',', ',', '"', '"', '""', '\n', '\r\n', '\r'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const size = Math.floor(random() * 16);
      // Mostly one kind of line break per text, as real files have; sometimes mixed.
      const mixed = random() < 0.2;
      const eol = ['\n', '\r\n', '\r'][Math.floor(random() * 3)] as string;
      for (let k = 0; k < size; k++) {
        const piece = pieces[Math.floor(random() * pieces.length)] as string;
        text += !mixed && (piece === '\n' || piece === '\r\n' || piece === '\r') ? eol : piece;
      }
      const theirs = csvParse(text);
      const ours = scan(text);
      expect(rows(ours), JSON.stringify(text)).toEqual(rows(theirs));
      expect(ours.error?.code, JSON.stringify(text)).toEqual(theirs.error?.code);
      // readCsv counted LFs inside fields; a lone CR in a field now counts as an editor shows it.
      if (!/\r(?!\n)/.test(text)) {
        expect(lines(ours), JSON.stringify(text)).toEqual(lines(theirs));
        expect(ours.error, JSON.stringify(text)).toEqual(theirs.error);
      }
      if (n % 10 === 0) scanEverySplit(text);
    }
  });
});
