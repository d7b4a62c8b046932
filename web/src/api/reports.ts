import { annualReportUrl, downloadName, type ReportChoice } from '../dashboard/annualReport';
import { ApiProblem, asProblem, synthesizedProblem } from './problem';

/** A report file as the server made it, with the name to save it under. */
export interface ReportFile {
  blob: Blob;
  name: string;
}

/**
 * Fetches a year's report. A refusal (no Chromium or Chinese font for a PDF: 503; a year out of
 * range: 400) is the server's problem, shown in the dialog, not saved as a file.
 */
export async function fetchAnnualReport(choice: ReportChoice): Promise<ReportFile> {
  let res: Response;
  try {
    res = await fetch(annualReportUrl(choice), { credentials: 'same-origin' });
  } catch (err) {
    throw new ApiProblem(synthesizedProblem(0, { zh: '无法连接服务器', en: 'Cannot reach the server' }, String(err)));
  }
  if (!res.ok) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      // Not JSON: the problem is made from the status.
    }
    throw new ApiProblem(asProblem(body, res.status));
  }
  return { blob: await res.blob(), name: downloadName(res.headers.get('content-disposition'), `annual-report-${choice.year}.${choice.format}`) };
}
