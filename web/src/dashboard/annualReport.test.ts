import { describe, expect, it } from 'vitest';
import { annualReportUrl, downloadName } from './annualReport';

describe('the annual report download', () => {
  it('asks the API for the year, language and format', () => {
    expect(annualReportUrl({ year: '2025', lang: 'en', format: 'xlsx' })).toBe('/api/v1/reports/annual/2025?lang=en&format=xlsx');
  });

  it('saves under the reply’s UTF-8 file name, else its plain name, else the fallback', () => {
    const both = `attachment; filename="annual-report-2025-zh.pdf"; filename*=UTF-8''${encodeURIComponent('长沙市2025年度统计报告.pdf')}`;
    expect(downloadName(both, 'x.pdf')).toBe('长沙市2025年度统计报告.pdf');
    expect(downloadName('attachment; filename="annual-report-2025-en.pdf"', 'x.pdf')).toBe('annual-report-2025-en.pdf');
    expect(downloadName("attachment; filename=\"plain.pdf\"; filename*=UTF-8''%E0%A4%A", 'x.pdf')).toBe('plain.pdf');
    expect(downloadName(null, 'x.pdf')).toBe('x.pdf');
  });
});
