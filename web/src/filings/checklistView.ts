import type { ChecklistItem } from '../../../src/domain/workflow/definition';
import type { Attachment } from '../api/filings';

/** The checklist (材料清单) with the documents uploaded for each item. */

export interface ChecklistRow {
  item: ChecklistItem;
  attachments: Attachment[];
  /** Required and nothing uploaded yet: submitting is refused. */
  missing: boolean;
}

export function checklistRows(checklist: readonly ChecklistItem[], attachments: readonly Attachment[]): ChecklistRow[] {
  return checklist.map((item) => {
    const mine = attachments.filter((a) => a.checklist_item === item.key);
    return { item, attachments: mine, missing: item.required && mine.length === 0 };
  });
}

export const missingCount = (rows: readonly ChecklistRow[]): number => rows.filter((r) => r.missing).length;

/** The multipart body: the checklist item first, then the file (the server reads the item before the bytes). */
export function attachmentForm(checklistItem: string, file: Blob, fileName: string): FormData {
  const form = new FormData();
  form.append('checklist_item', checklistItem);
  form.append('file', file, fileName);
  return form;
}

/** The file extensions the server accepts (it checks the first bytes too). */
export const ACCEPTED_DOCUMENTS = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,.ppt,.pptx';

/** 20 MB, as the server enforces. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A size for people: 980 B, 12.3 KB, 4.5 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
