// The CSV reader on its own: csv-parse (the reader the scanner replaced, kept here as it was) against
// our scanner, on the same organizations-like file in the same run. Build the server first
// (`node scripts/build-server.mjs`); the readers come from dist/server.
//
//   node bench/import/csvReader.mjs [--rows 1000000] [--runs 5] [--file some.csv] [--no-verify]
//
// --file: a CSV of your own (header first) instead of the generated one.
//
// Without --file, a seeded file of --rows rows is written to the system's temporary directory
// (kept for the next run): 8 columns, Chinese names and addresses, ~138 bytes a row, one row in
// twelve with a quoted address holding a comma and one in fifty with a doubled quote. Each
// reader reads it from disk --runs times, the readers taking turns; the median run is reported.
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse';
import { random } from '../random.mjs';

const dist = new URL('../../dist/server/', import.meta.url);
if (!existsSync(new URL('modules/imports/csvReader.js', dist))) {
  console.error('dist/server is missing: run `node scripts/build-server.mjs` first.');
  process.exit(1);
}
const load = (path) => import(new URL(path, dist).href);
const { readCsv, readCsvBatches, MAX_RECORD_CHARS } = await load('modules/imports/csvReader.js');
const { decodeText } = await load('modules/imports/textDecoding.js');
const { isEmptyCell, isEmptyRow } = await load('modules/imports/rawRows.js');

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '5' },
    file: { type: 'string' },
    'no-verify': { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

// ---------------------------------------------------------------------------------------------
// The file

const PLACES = ['长沙', '湖南', '星城', '麓谷', '湘江', '岳麓山', '橘洲', '浏阳河', '芙蓉', '望城'];
const CORES = ['华创', '博远', '中联', '新锐', '智源', '恒达', '天成', '科睿', '瑞丰', '德润', '云帆', '晟泰', '启明', '英特', '远大'];
const TRADES = ['智能科技', '生物医药', '新材料', '电子信息', '装备制造', '软件', '光电', '环保科技', '数据服务', '汽车零部件'];
const SUFFIXES = ['有限公司', '股份有限公司', '有限责任公司'];
const ROADS = ['麓谷大道', '岳麓大道', '芙蓉中路', '人民东路', '黄兴大道', '金星北路', '东二环', '韶山南路'];
const KINDS = ['enterprise', 'enterprise', 'enterprise', 'enterprise', 'research_institute', 'university', 'hospital'];
const DISTRICTS = ['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181'];
const ZONES = ['', '', '', 'lugu', 'xiangjiang_new_area', 'changsha_economic'];

async function generate(path, count) {
  const next = random(20261127);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const pad = (n) => String(n).padStart(2, '0');
  const partial = `${path}.partial`;
  const out = createWriteStream(partial);
  let chunk = 'uscc,name,name_en,kind,district_code,zone,founded_on,address\n';
  for (let i = 0; i < count; i++) {
    const uscc = `91430100B${String(i).padStart(8, '0')}X`;
    const core = pick(CORES);
    const name = `${pick(PLACES)}${core}${pick(TRADES)}${i}${pick(SUFFIXES)}`;
    const nameEn = next() < 0.02 ? `"${core} ""Tech"" Co."` : next() < 0.3 ? `Changsha Tech ${i}` : '';
    const road = `长沙市${pick(ROADS)}${1 + Math.floor(next() * 999)}号`;
    const address = next() < 1 / 12 ? `"${road},${1 + Math.floor(next() * 30)}栋"` : road;
    const founded = `${1990 + Math.floor(next() * 35)}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    chunk += `${uscc},${name},${nameEn},${pick(KINDS)},${pick(DISTRICTS)},${pick(ZONES)},${founded},${address}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  renameSync(partial, path);
}

const file = args.file ?? join(tmpdir(), `starcity-bench-organizations-${rows}.csv`);
if (!existsSync(file)) {
  process.stdout.write(`Writing ${file} … `);
  await generate(file, rows);
  process.stdout.write('done\n');
}
const bytes = statSync(file).size;

// ---------------------------------------------------------------------------------------------
// The readers

/** readCsv as it was with csv-parse, before the scanner replaced it (a ragged row's problem: its code only). */
async function* recordsThenError(parser, highWater = 1000) {
  const queue = [];
  let failure = null;
  let ended = false;
  let wake = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', (record) => {
    queue.push(record);
    if (queue.length >= highWater) parser.pause();
    notify();
  });
  parser.on('error', (error) => {
    failure = error;
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    const record = queue.shift();
    if (record) {
      if (queue.length === 0 && parser.isPaused()) parser.resume();
      yield record;
      continue;
    }
    if (failure !== null) throw failure;
    if (ended) return;
    await new Promise((resolve) => (wake = resolve));
  }
}

async function* readCsvWithCsvParse(source) {
  let encoding;
  const text = Readable.from(decodeText(source, undefined, (e) => (encoding = e)));
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  let line = 1;
  let width = -1;
  try {
    for await (const record of recordsThenError(parser)) {
      const start = line;
      let count = 1;
      for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
      line += count;
      if (isEmptyRow(record)) continue;
      if (width < 0) {
        width = record.length;
        yield { kind: 'header', line: start, headers: record, ...(encoding ? { encoding } : {}) };
        continue;
      }
      const extra = record.slice(width);
      if (record.length < width || !extra.every(isEmptyCell)) {
        const code = record.length > width ? 'row.too_many_cells' : 'row.too_few_cells';
        yield { kind: 'row', line: start, cells: Array.from({ length: width }, (_, i) => record[i] ?? null), problem: { code } };
      } else {
        yield { kind: 'row', line: start, cells: record.slice(0, width) };
      }
    }
  } finally {
    text.destroy();
    parser.destroy();
  }
}

const source = () => createReadStream(file);

/** Each reader counts the rows it yields and sums their cells' lengths, so nothing is skipped. */
const readers = {
  'csv-parse, records only': async () => {
    let n = 0;
    const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS });
    for await (const record of Readable.from(decodeText(source(), undefined)).pipe(parser)) n += record.length > 0 ? 1 : 0;
    return n - 1;
  },
  'csv-parse readCsv (before)': async () => {
    let n = 0;
    for await (const event of readCsvWithCsvParse(source())) if (event.kind === 'row') n++;
    return n;
  },
  'scanner readCsv': async () => {
    let n = 0;
    for await (const event of readCsv(source())) if (event.kind === 'row') n++;
    return n;
  },
  'scanner readCsvBatches': async () => {
    let n = 0;
    for await (const events of readCsvBatches(source())) for (const event of events) if (event.kind === 'row') n++;
    return n;
  },
};

// ---------------------------------------------------------------------------------------------
// Same events?

if (!args['no-verify']) {
  process.stdout.write('Checking that both readers yield the same events … ');
  const a = readCsvWithCsvParse(source());
  const b = readCsv(source());
  let n = 0;
  for (;;) {
    const [x, y] = await Promise.all([a.next(), b.next()]);
    if (x.done || y.done) {
      if (x.done !== y.done) throw new Error(`One reader ended early, after ${n} events`);
      break;
    }
    // A ragged row's problem is compared by its code (the texts are not rebuilt here).
    const shown = (e) => JSON.stringify(e.problem ? { ...e, problem: e.problem.code } : e);
    const left = shown(x.value);
    const right = shown(y.value);
    if (left !== right) throw new Error(`Event ${n} differs:\n  csv-parse: ${left}\n  scanner:   ${right}`);
    n++;
  }
  process.stdout.write(`yes, ${n} events\n`);
}

// ---------------------------------------------------------------------------------------------
// Timing

const times = Object.fromEntries(Object.keys(readers).map((name) => [name, []]));
const counts = {};
let peakRss = 0;
for (let run = 0; run < runs; run++) {
  for (const [name, read] of Object.entries(readers)) {
    gc();
    const started = performance.now();
    counts[name] = await read();
    times[name].push((performance.now() - started) / 1000);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
}

const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
const mb = bytes / 1e6;
const read = counts['scanner readCsv'];
console.log(`\n${file}: ${read.toLocaleString('en')} rows, ${mb.toFixed(1)} MB (${Math.round(bytes / (read + 1))} bytes/row)`);
console.log(`Node ${process.version}, median of ${runs} runs each, readers taking turns\n`);
console.log(`${'reader'.padEnd(28)}${'rows'.padStart(10)}${'median s'.padStart(10)}${'rows/s'.padStart(11)}${'µs/row'.padStart(8)}${'MB/s'.padStart(8)}   runs (s)`);
for (const [name, list] of Object.entries(times)) {
  const s = median(list);
  console.log(
    `${name.padEnd(28)}${String(counts[name]).padStart(10)}${s.toFixed(2).padStart(10)}${Math.round(counts[name] / s).toLocaleString('en').padStart(11)}${((s / counts[name]) * 1e6).toFixed(2).padStart(8)}${(mb / s).toFixed(1).padStart(8)}   ${list.map((t) => t.toFixed(2)).join(' ')}`,
  );
}
console.log(`\npeak RSS ${Math.round(peakRss / 1024 / 1024)} MB`);
