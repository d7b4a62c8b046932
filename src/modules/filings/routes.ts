import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contracts/common.js';
import {
  applicationCreate,
  applicationList,
  applicationPatch,
  applicationView,
  drawBody,
  evaluationBody,
  expert,
  expertCandidateList,
  expertCreate,
  expertList,
  expertPatch,
  filingTypeList,
  inboxReply,
  objectionBody,
  publicNoticeList,
  resolutionBody,
  reviewBody,
  transitionBody,
} from '../../contracts/workflows.js';
import { MAX_ATTACHMENT_BYTES } from '../../domain/workflow/documentTypes.js';
import { fileNameProblem } from '../../http/multipart.js';
import { sendProblem } from '../../http/problems.js';
import { listQueryFor } from '../../http/validation.js';
import { requestActor } from '../audit/trail.js';
import { contentDisposition } from '../exports/cells.js';
import { validationFailed } from '../shared/errors.js';
import { expectedVersion } from '../shared/records.js';
import { etag } from '../shared/write.js';
import { addAttachment, readAttachment, removeAttachment } from './attachments.js';
import type { FilingsContext } from './context.js';
import { createExpert, expertCandidates, listExperts, updateExpert } from './experts.js';
import { inbox } from './inbox.js';
import { applicationListSpec, listApplications } from './list.js';
import { createApplication, transition, updateApplication, viewApplication } from './service.js';
import { currentNotices, drawForApplication, evaluate, lodgeObjection, resolveObjection, submitReview } from './steps.js';

const tags = ['filings'];
const errors = { 400: problem, 500: problem } as const;
const writeErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;
const subParams = z.strictObject({ id: idParams.shape.id, sub: idParams.shape.id });

/** /api/v1/filing-types, /applications, /notices, /experts — filing workflows (备案). */
export const filingRoutes = (ctx: FilingsContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The filing rules the city publishes (forms, checklists, criteria, paths): configuration, not registry records.
  r.get('/filing-types', { config: { access: 'public' }, schema: { tags, summary: 'The filing types: form, checklist, review criteria, notice length, path (states and transitions), fields of expertise', response: { 200: filingTypeList, ...errors } } }, async () => ({
    results: [...ctx.workflows.types.values()].map((t) => ({ ...t, path: ctx.workflows.paths.get(t.path)! })),
    expertise_fields: ctx.workflows.expertiseFields,
  }));

  r.get(
    '/applications',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'Applications the caller is party to (an officer: its area’s, districts and zones)', querystring: listQueryFor(applicationListSpec(ctx, 'true')), response: { 200: applicationList, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return listApplications(ctx, req.principal, req.query);
    },
  );

  // Signed in: an applicant starts its own; a registrar also enters a contract's registration for its seller (the service judges which).
  r.post('/applications', { config: { access: 'signed_in' }, schema: { tags, summary: 'Start an application (a draft), pre-filled from the registry unless data is given', body: applicationCreate, response: { 201: applicationView, ...writeErrors } } }, async (req, reply) => {
    const created = await createApplication(ctx, req.principal, requestActor(req), req.body);
    return reply.code(201).headers({ ...etag(created.version), location: `/api/v1/applications/${created.id}` }).send(created);
  });

  r.get('/applications/:id', { config: { access: 'signed_in' }, schema: { tags, summary: 'One application with its timeline and what the caller may do next', params: idParams, response: { 200: applicationView, 404: problem, ...errors } } }, async (req, reply) => {
    const view = await viewApplication(ctx, req.principal, req.params.id);
    return reply.headers(etag(view.version)).header('cache-control', 'no-store').send(view);
  });

  r.patch('/applications/:id', { config: { access: 'applications.write' }, schema: { tags, summary: 'Edit a draft or returned application (If-Match)', params: idParams, body: applicationPatch, response: { 200: applicationView, ...writeErrors } } }, async (req, reply) => {
    const view = await updateApplication(ctx, req.principal, requestActor(req), req.params.id, expectedVersion(req.headers['if-match'], req.body.version), req.body);
    return reply.headers(etag(view.version)).send(view);
  });

  r.post(
    '/applications/:id/transitions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Take an action of the path (submit, start_check, return, pass_check, open_notice, file, reject, withdraw, revoke; a contract registration: register, refuse_registration with reason_code)',
        description: 'An action the state, the caller’s part or an unmet condition does not allow is a 409 problem naming why. With If-Match (or version), an application that moved on meanwhile is a 412 naming its current version.',
        params: idParams,
        body: transitionBody,
        response: { 200: applicationView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const ifMatch = req.headers['if-match'];
      const version = ifMatch !== undefined ? expectedVersion(ifMatch, undefined) : req.body.version;
      const view = await transition(ctx, req.principal, requestActor(req), req.params.id, { ...req.body, version });
      return reply.headers(etag(view.version)).send(view);
    },
  );

  r.post('/applications/:id/expert-draw', { config: { access: 'applications.review' }, schema: { tags, summary: 'Draw the reviewers at random among matching experts without a conflict of interest (recorded, reproducible)', params: idParams, body: drawBody, response: { 200: applicationView, ...writeErrors } } }, async (req) =>
    drawForApplication(ctx, req.principal, requestActor(req), req.params.id, req.body.count),
  );

  r.post('/applications/:id/reviews', { config: { access: 'reviews.write' }, schema: { tags, summary: 'Score an application one was drawn for (again to change the scores, until the review closes)', params: idParams, body: reviewBody, response: { 200: applicationView, ...writeErrors } } }, async (req) =>
    submitReview(ctx, req.principal, requestActor(req), req.params.id, req.body),
  );

  r.post('/applications/:id/objections/:sub/resolution', { config: { access: 'applications.review' }, schema: { tags, summary: 'Resolve an objection: upheld or not, and why', params: subParams, body: resolutionBody, response: { 200: applicationView, ...writeErrors } } }, async (req) =>
    resolveObjection(ctx, req.principal, requestActor(req), req.params.id, req.params.sub, req.body),
  );

  r.post('/applications/:id/evaluations', { config: { access: 'applications.review' }, schema: { tags, summary: 'Record the annual evaluation of a filed application (excellent, qualified, unqualified)', params: idParams, body: evaluationBody, response: { 200: applicationView, ...writeErrors } } }, async (req) =>
    evaluate(ctx, req.principal, requestActor(req), req.params.id, req.body),
  );

  r.get('/inbox', { config: { access: 'signed_in' }, schema: { tags, summary: 'What waits for the caller, and what others changed lately on the caller’s applications', response: { 200: inboxReply, ...errors } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return inbox(ctx, req.principal);
  });

  // What a notice (公示) itself shows: type, organization, subject, period — public by law, as the objection is.
  r.get('/notices', { config: { access: 'public' }, schema: { tags, summary: 'The public notices running now (公示)', response: { 200: publicNoticeList, ...errors } } }, () => currentNotices(ctx));

  r.post('/notices/:id/objections', { config: { access: 'public' }, schema: { tags, summary: 'Lodge an objection to a notice (anyone, while it runs)', params: idParams, body: objectionBody, response: { 201: z.object({ id: z.number().int() }), ...writeErrors } } }, async (req, reply) =>
    reply.code(201).send(await lodgeObjection(ctx, requestActor(req), req.params.id, req.body)),
  );

  r.get('/experts', { config: { access: 'experts.manage' }, schema: { tags, summary: 'The expert pool', response: { 200: expertList, ...errors } } }, () => listExperts(ctx));
  r.get('/experts/candidates', { config: { access: 'experts.manage' }, schema: { tags, summary: 'Accounts that may join the pool: active experts not in it yet', response: { 200: expertCandidateList, ...errors } } }, () =>
    expertCandidates(ctx),
  );
  r.post('/experts', { config: { access: 'experts.manage' }, schema: { tags, summary: 'Add an expert account to the pool', body: expertCreate, response: { 201: expert, ...writeErrors } } }, async (req, reply) => {
    const created = await createExpert(ctx, requestActor(req), req.body);
    return reply.code(201).headers(etag(created.version)).send(created);
  });
  r.patch('/experts/:id', { config: { access: 'experts.manage' }, schema: { tags, summary: 'Change an expert’s fields, organization, declared conflicts or activity (If-Match)', params: idParams, body: expertPatch, response: { 200: expert, ...writeErrors } } }, async (req, reply) => {
    const changed = await updateExpert(ctx, requestActor(req), req.params.id, expectedVersion(req.headers['if-match'], req.body.version), req.body);
    return reply.headers(etag(changed.version)).send(changed);
  });

  await app.register(attachmentRoutes(ctx));
};

/** Documents: multipart upload (`checklist_item`, then `file`), download for the application's parties, removal while editable. */
const attachmentRoutes = (ctx: FilingsContext) => async (app: FastifyInstance) => {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const upload = z.object({ checklist_item: z.string(), file: z.unknown().meta({ type: 'string', format: 'binary' }) }).nullish().meta({ description: 'multipart/form-data' });

  r.post(
    '/applications/:id/attachments',
    { config: { access: 'applications.write' }, schema: { tags, summary: 'Upload a document for a checklist item (PDF, PNG, JPEG, Office; at most 20 MB)', consumes: ['multipart/form-data'], params: idParams, body: upload, response: { 201: z.unknown(), ...writeErrors } } },
    async (req, reply) => {
      if (!req.isMultipart()) return sendProblem(req, reply, 415, 'unsupported-media-type', { zh: '不支持的内容类型', en: 'Unsupported media type' }, [{ field: 'body', code: 'body.media_type', message: { zh: '请求体应为 multipart/form-data（含 file 字段）', en: 'The body must be multipart/form-data with a file part' } }]);
      const part = await req.file();
      if (!part) throw validationFailed([{ field: 'file', code: 'file.missing', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
        return sendProblem(req, reply, 413, 'file-too-large', { zh: '文件过大', en: 'File too large' }, [{ field: 'file', code: 'file.too_large', message: { zh: '文件不能超过 20 MB', en: 'A document is at most 20 MB' }, params: { max: MAX_ATTACHMENT_BYTES } }]);
      }
      const badName = fileNameProblem(part.filename);
      if (badName) throw validationFailed([badName]);
      const item = part.fields.checklist_item;
      const checklistItem = item && 'value' in item && typeof item.value === 'string' ? item.value : '';
      const added = await addAttachment(ctx, req.principal, requestActor(req), req.params.id, { checklistItem, fileName: part.filename || 'document', bytes });
      return reply.code(201).send(added);
    },
  );

  r.get('/applications/:id/attachments/:sub', { config: { access: 'signed_in' }, schema: { tags, summary: 'Download a document (the application’s parties only)', params: subParams, response: { 200: z.unknown().meta({ type: 'string', format: 'binary' }), 404: problem, ...errors } } }, async (req, reply) => {
    const { row, stream } = await readAttachment(ctx, req.principal, req.params.id, req.params.sub);
    const ascii = row.file_name.replace(/[^\w.-]+/g, '_');
    return reply.type(row.content_type).header('content-disposition', contentDisposition({ ascii, utf8: row.file_name })).header('cache-control', 'private, no-store').send(stream);
  });

  r.delete('/applications/:id/attachments/:sub', { config: { access: 'applications.write' }, schema: { tags, summary: 'Remove a document while the application is editable', params: subParams, response: { 204: z.null(), ...writeErrors } } }, async (req, reply) => {
    await removeAttachment(ctx, req.principal, requestActor(req), req.params.id, req.params.sub);
    return reply.code(204).send(null);
  });
};
