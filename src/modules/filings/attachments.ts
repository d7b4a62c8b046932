import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { documentType, MAX_ATTACHMENT_BYTES } from '../../domain/workflow/documentTypes.js';
import type { FieldProblem } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { Message } from '../../domain/message.js';
import type { AuditActor } from '../audit/trail.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { write } from '../shared/write.js';
import type { FilingsContext } from './context.js';
import { partiesOf } from './parties.js';
import * as q from './queries.js';
import { APPLICATION, applicationRecord, filingTypeOf, workflowConflict } from './service.js';

/** An application's documents (申请材料): uploaded by the applicant while it is editable, read by its parties only. */

const ATTACHMENT = { zh: '材料', en: 'Document' };
const EDITABLE = ['draft', 'returned'];

async function partyTo(ctx: FilingsContext, principal: Principal, applicationId: number) {
  const app = await q.findApplication(ctx.db, applicationId);
  if (!app) throw notFound(APPLICATION, applicationId);
  const parties = await partiesOf(ctx.db, principal, app, await q.latestDraw(ctx.db, applicationId));
  if (parties.length === 1) throw notFound(APPLICATION, applicationId);
  return { app, parties };
}

/** The applicant, while the application is editable: checked on the locked application. */
const editableBy = (principal: Principal, refusals: { party: Message; state: Message }) => async (app: q.ApplicationRow, db: Queryable) => {
  const parties = await partiesOf(db, principal, app, await q.latestDraw(db, app.id));
  if (parties.length === 1) throw notFound(APPLICATION, app.id);
  if (!parties.includes('applicant')) throw workflowConflict('workflow.party', refusals.party);
  if (!EDITABLE.includes(app.state)) throw workflowConflict('application.not_editable', refusals.state);
};

function fileProblems(ctx: FilingsContext, app: q.ApplicationRow, file: { checklistItem: string; fileName: string; bytes: Buffer }, contentType: string | null): FieldProblem[] {
  const { type } = filingTypeOf(ctx, app.filing_type);
  const problems: FieldProblem[] = [];
  if (!type.checklist.some((c) => c.key === file.checklistItem))
    problems.push({ field: 'checklist_item', code: 'checklist.unknown_item', message: { zh: `材料清单没有“${file.checklistItem}”这一项`, en: `The checklist has no item "${file.checklistItem}"` } });
  if (file.bytes.length === 0) problems.push({ field: 'file', code: 'file.empty', message: { zh: '文件为空', en: 'The file is empty' } });
  if (file.bytes.length > MAX_ATTACHMENT_BYTES) problems.push({ field: 'file', code: 'file.too_large', message: { zh: '文件不能超过 20 MB', en: 'A document is at most 20 MB' }, params: { limit: MAX_ATTACHMENT_BYTES } });
  if (file.bytes.length > 0 && !contentType)
    problems.push({ field: 'file', code: 'file.type', message: { zh: '只接受 PDF、PNG、JPEG 图片和 Office 文档（doc/docx/xls/xlsx/ppt/pptx）', en: 'Only PDF, PNG and JPEG images, and Office documents (doc/docx/xls/xlsx/ppt/pptx) are accepted' } });
  return problems;
}

export async function addAttachment(ctx: FilingsContext, principal: Principal, actor: AuditActor, applicationId: number, file: { checklistItem: string; fileName: string; bytes: Buffer }) {
  const guard = editableBy(principal, {
    party: { zh: '只有申请单位可以上传材料', en: 'Only the applicant uploads documents' },
    state: { zh: '只有草稿或退回修改的申请可以上传材料', en: 'Documents are uploaded to a draft or an application returned for revision' },
  });
  const now = ctx.clock.now();
  return write(ctx, actor, { action: 'attachment_added', entity: 'applications', record: applicationRecord(applicationId, guard) }, async ({ db }, app: q.ApplicationRow) => {
    const contentType = documentType(file.bytes, file.fileName);
    const problems = fileProblems(ctx, app, file, contentType);
    if (problems.length) throw validationFailed(problems);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    // Stored before the row: a row never points at a missing file (a file without a row is harmless).
    await ctx.attachments.put(sha256, file.bytes);
    const id = await q.insertAttachment(db, { applicationId, checklistItem: file.checklistItem, fileName: file.fileName, contentType: contentType!, size: file.bytes.length, sha256, by: principal.userId, at: now });
    const attachment = { id, checklist_item: file.checklistItem, file_name: file.fileName, content_type: contentType!, size: file.bytes.length, sha256, uploaded_at: now.toISOString() };
    await q.insertEvent(db, { applicationId, at: now, userId: principal.userId, username: principal.username, kind: 'attachment_added', details: { attachment_id: attachment.id, file_name: file.fileName } });
    return { result: attachment, after: attachment };
  });
}

export async function readAttachment(ctx: FilingsContext, principal: Principal, applicationId: number, attachmentId: number): Promise<{ row: q.AttachmentRow; stream: Readable }> {
  await partyTo(ctx, principal, applicationId);
  const row = (await q.listAttachments(ctx.db, applicationId)).find((a) => a.id === attachmentId);
  if (!row) throw notFound(ATTACHMENT, attachmentId);
  return { row, stream: await ctx.attachments.get(row.sha256) };
}

export async function removeAttachment(ctx: FilingsContext, principal: Principal, actor: AuditActor, applicationId: number, attachmentId: number): Promise<void> {
  const guard = editableBy(principal, {
    party: { zh: '只有申请单位可以删除材料', en: 'Only the applicant removes documents' },
    state: { zh: '已提交的申请不能删除材料', en: 'Documents of a submitted application stay' },
  });
  const now = ctx.clock.now();
  await write(ctx, actor, { action: 'attachment_removed', entity: 'applications', record: applicationRecord(applicationId, guard) }, async ({ db }) => {
    const removed = await q.deleteAttachment(db, applicationId, attachmentId);
    if (!removed) throw notFound(ATTACHMENT, attachmentId);
    await q.insertEvent(db, { applicationId, at: now, userId: principal.userId, username: principal.username, kind: 'attachment_removed', details: { attachment_id: attachmentId, file_name: removed.file_name } });
    return { result: null, before: removed };
  });
}
