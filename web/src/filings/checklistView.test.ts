import { describe, expect, it } from 'vitest';
import { attachmentForm, checklistRows, fileSize, missingCount } from './checklistView';

const l = (zh: string) => ({ zh, en: zh });
const attachment = (id: number, item: string) => ({ id, checklist_item: item, file_name: `${item}.pdf`, content_type: 'application/pdf', size: 100, sha256: 'x', uploaded_at: '2026-11-13T00:00:00Z' });

describe('checklist rows', () => {
  it('puts each document under its item and marks required items without one', () => {
    const rows = checklistRows(
      [
        { key: 'application_form', label: l('申请书'), required: true },
        { key: 'site_proof', label: l('场地证明'), required: true },
        { key: 'staff_list', label: l('人员名单'), required: false },
      ],
      [attachment(1, 'application_form'), attachment(2, 'application_form')],
    );
    expect(rows.map((r) => [r.item.key, r.attachments.map((a) => a.id), r.missing])).toEqual([
      ['application_form', [1, 2], false],
      ['site_proof', [], true],
      ['staff_list', [], false],
    ]);
    expect(missingCount(rows)).toBe(1);
  });
});

describe('the upload body', () => {
  it('sends the checklist item before the file', () => {
    const form = attachmentForm('site_proof', new Blob(['%PDF-']), '场地.pdf');
    expect([...form.keys()]).toEqual(['checklist_item', 'file']);
    expect(form.get('checklist_item')).toBe('site_proof');
    expect((form.get('file') as File).name).toBe('场地.pdf');
  });
});

describe('file sizes', () => {
  it('reads in B, KB and MB', () => {
    expect(fileSize(980)).toBe('980 B');
    expect(fileSize(12_600)).toBe('12.3 KB');
    expect(fileSize(4.5 * 1024 * 1024)).toBe('4.5 MB');
  });
});
