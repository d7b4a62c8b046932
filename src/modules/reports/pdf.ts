import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { AppError } from '../shared/errors.js';

/**
 * The report's PDF: its HTML printed by headless Chromium (Debian's package). Without Chromium, or
 * without a Chinese font (Chinese would print as empty boxes), the caller gets a clear problem
 * naming the packages to install instead of a broken file.
 */

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const PDF_PACKAGES = 'apt-get install chromium fonts-wqy-microhei';

const run = promisify(execFile);

/** The font families fontconfig offers for Chinese (none when fontconfig itself is missing). */
export async function chineseFonts(): Promise<string[]> {
  try {
    const { stdout } = await run('fc-list', [':lang=zh', 'family']);
    return stdout.split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

function unavailable(missing: { zh: string; en: string }): AppError {
  return new AppError('unavailable', { zh: '无法生成 PDF 报告', en: 'The PDF report cannot be made' }, [
    {
      field: 'format',
      code: 'report.pdf_unavailable',
      message: {
        zh: `服务器缺少${missing.zh}。请管理员安装：${PDF_PACKAGES}（或改用 html / xlsx 格式）`,
        en: `The server lacks ${missing.en}. An administrator installs it with: ${PDF_PACKAGES} (or ask for html or xlsx)`,
      },
      params: { install: PDF_PACKAGES },
    },
  ]);
}

/** Refuses early, before a browser starts, when the PDF could not come out right. */
export async function checkPdfPrinter(executablePath: string): Promise<void> {
  if (!existsSync(executablePath)) throw unavailable({ zh: ` Chromium 浏览器（${executablePath}）`, en: `Chromium (${executablePath})` });
  if ((await chineseFonts()).length === 0) throw unavailable({ zh: '中文字体', en: 'a Chinese (CJK) font' });
}

/**
 * Prints pages to PDF with one Chromium, started at the first report and kept for the next ones
 * (starting it is most of a report's time); a browser that died is started again. `close` ends it
 * with the app or the command.
 */
export class PdfPrinter {
  private browser: Promise<Browser> | null = null;

  constructor(readonly executablePath: string) {}

  /** Refuses early, before any work, when the PDF could not come out right. */
  check(): Promise<void> {
    return checkPdfPrinter(this.executablePath);
  }

  private started(): Promise<Browser> {
    if (this.browser) return this.browser;
    // playwright-core is loaded at the first PDF, not at every server start (it takes a while).
    const starting = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath: this.executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] }));
    this.browser = starting;
    starting.then(
      (browser) => browser.on('disconnected', () => this.browser === starting && (this.browser = null)),
      () => this.browser === starting && (this.browser = null),
    );
    return starting;
  }

  /** The HTML as an A4 PDF with page numbers in the footer (`footer`: escaped HTML). */
  async print(html: string, footer: string): Promise<Buffer> {
    const page = await (await this.started()).newPage();
    try {
      // The page has no script and loads nothing: the content is there as soon as it is set.
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="width:100%;font-size:8px;color:#777;text-align:center;font-family:sans-serif">${footer} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
        margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
      });
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}
