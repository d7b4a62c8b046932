import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { documentType, MAX_ATTACHMENT_BYTES } from '../../domain/workflow/documentTypes.js';
import { appendAudit, type AuditActor } from '../audit/trail.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import type { FilingsContext } from './context.js';
import { partiesOf } from './parties.js';
import * as q from './queries.js';
import { APPLICATION, filingTypeOf, workflowConflict } from './service.js';

/** An application's documents (申请材料): uploaded by the applicant while it is editable, read by its parties only. */

const ATTACHMENT = { zh: '材料', en: 'Document' };
const EDITABLE = ['draft', 'returned'];

async function partyTo(ctx: FilingsContext, principal: Principal, applicationId: number, forUpdate: boolean) {
  const app = await q.findApplication(ctx.db, applicationId, forUpdate);
  if (!app) throw notFound(APPLICATION, applicationId);
  const parties = await partiesOf(ctx.db, principal, app, await q.latestDraw(ctx.db, applicationId));
  if (parties.length === 1) throw notFound(APPLICATION, applicationId);
  return { app, parties };
}

export async function addAttachment(ctx: FilingsContext, principal: Principal, actor: AuditActor, applicationId: number, file: { checklistItem: string; fileName: string; bytes: Buffer }) {
  const { app, parties } = await partyTo(ctx, principal, applicationId, false);
  if (!parties.includes('applicant')) throw workflowConflict('workflow.party', { zh: '只有申请单位可以上传材料', en: 'Only the applicant uploads documents' });
  if (!EDITABLE.includes(app.state)) throw workflowConflict('application.not_editable', { zh: '只有草稿或退回修改的申请可以上传材料', en: 'Documents are uploaded to a draft or an application returned for revision' });
  const { type } = filingTypeOf(ctx, app.filing_type);
  const problems = [];
  if (!type.checklist.some((c) => c.key === file.checklistItem))
    problems.push({ field: 'checklist_item', code: 'checklist.unknown_item', message: { zh: `材料清单没有“${file.checklistItem}”这一项`, en: `The checklist has no item "${file.checklistItem}"` } });
  if (file.bytes.length === 0) problems.push({ field: 'file', code: 'file.empty', message: { zh: '文件为空', en: 'The file is empty' } });
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) problems.push({ field: 'file', code: 'file.too_large', message: { zh: '文件不能超过 20 MB', en: 'A document is at most 20 MB' }, params: { limit: MAX_ATTACHMENT_BYTES } });
  const contentType = documentType(file.bytes, file.fileName);
  if (file.bytes.length > 0 && !contentType)
    problems.push({ field: 'file', code: 'file.type', message: { zh: '只接受 PDF、PNG、JPEG 图片和 Office 文档（doc/docx/xls/xlsx/ppt/pptx）', en: 'Only PDF, PNG and JPEG images, and Office documents (doc/docx/xls/xlsx/ppt/pptx) are accepted' } });
  if (problems.length) throw validationFailed(problems);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // Stored before the row: a row never points at a missing file (a file without a row is harmless).
  await ctx.attachments.put(sha256, file.bytes);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: number }>(
      'INSERT INTO attachments (application_id, checklist_item, file_name, content_type, size, sha256, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
      [applicationId, file.checklistItem, file.fileName, contentType, file.bytes.length, sha256, principal.userId, now],
    );
    const attachment = { id: rows[0]!.id, checklist_item: file.checklistItem, file_name: file.fileName, content_type: contentType!, size: file.bytes.length, sha256, uploaded_at: now.toISOString() };
    await q.insertEvent(tx, { applicationId, at: now, userId: principal.userId, username: principal.username, kind: 'attachment_added', details: { attachment_id: attachment.id, file_name: file.fileName } });
    await appendAudit(tx, actor, { action: 'attachment_added', entity: 'applications', recordId: applicationId, after: attachment }, now);
    return attachment;
  });
}

export async function readAttachment(ctx: FilingsContext, principal: Principal, applicationId: number, attachmentId: number): Promise<{ row: q.AttachmentRow; stream: Readable }> {
  await partyTo(ctx, principal, applicationId, false);
  const row = (await q.listAttachments(ctx.db, applicationId)).find((a) => a.id === attachmentId);
  if (!row) throw notFound(ATTACHMENT, attachmentId);
  return { row, stream: await ctx.attachments.get(row.sha256) };
}

export async function removeAttachment(ctx: FilingsContext, principal: Principal, actor: AuditActor, applicationId: number, attachmentId: number): Promise<void> {
  const { app, parties } = await partyTo(ctx, principal, applicationId, false);
  if (!parties.includes('applicant')) throw workflowConflict('workflow.party', { zh: '只有申请单位可以删除材料', en: 'Only the applicant removes documents' });
  if (!EDITABLE.includes(app.state)) throw workflowConflict('application.not_editable', { zh: '已提交的申请不能删除材料', en: 'Documents of a submitted application stay' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<q.AttachmentRow>('DELETE FROM attachments WHERE application_id = $1 AND id = $2 RETURNING id, checklist_item, file_name, content_type, size, sha256, uploaded_at', [applicationId, attachmentId]);
    if (!rows[0]) throw notFound(ATTACHMENT, attachmentId);
    await q.insertEvent(tx, { applicationId, at: now, userId: principal.userId, username: principal.username, kind: 'attachment_removed', details: { attachment_id: attachmentId, file_name: rows[0].file_name } });
    await appendAudit(tx, actor, { action: 'attachment_removed', entity: 'applications', recordId: applicationId, before: rows[0] }, now);
  });
}
