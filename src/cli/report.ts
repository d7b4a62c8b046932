import { writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import type { ReportFormat, ReportLanguage } from '../contracts/reports.js';
import { PdfPrinter } from '../modules/reports/pdf.js';
import { annualReport } from '../modules/reports/service.js';
import { problemsAsOptions, withEngine } from './indicators.js';
import { cliIo, tell } from './io.js';

/** `starcity report --year 2025 [--lang zh|en] [--format pdf|xlsx|html] [--out FILE]`: the annual report, to stdout or a file. */
export async function reportCommand(config: Config, opts: { year: string; lang: ReportLanguage; format: ReportFormat; out?: string }): Promise<void> {
  if (opts.format !== 'html' && !opts.out && cliIo().stdout.isTTY) {
    throw new Error(`refusing to write ${opts.format.toUpperCase()} (binary) to a terminal; use --out FILE or redirect stdout (> report.${opts.format})`);
  }
  const printer = new PdfPrinter(config.chromium);
  // Before the database opens: a PDF this machine cannot print is refused at once.
  if (opts.format === 'pdf') await problemsAsOptions(() => printer.check());
  try {
    await withEngine(config, async (engine) => {
      const file = await annualReport(engine, opts.year, { lang: opts.lang, format: opts.format }, printer);
      if (!opts.out) return void (await write(file.body));
      await writeFile(opts.out, file.body);
      tell(`Wrote the ${opts.year} report (${opts.format}, ${opts.lang}) to ${opts.out}`);
    });
  } finally {
    await printer.close();
  }
}

/** Standard output, waiting until the bytes are taken (a PDF is larger than a pipe's buffer). */
function write(body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => cliIo().stdout.write(body, (err) => (err ? reject(err) : resolve())));
}
