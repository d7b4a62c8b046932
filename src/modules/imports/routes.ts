import { PassThrough, Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem, type FieldProblem } from '../../contracts/common.js';
import { exportContentTypes, exportLanguages } from '../../contracts/exports.js';
import { fileColumns, fileEntityWrite, type FileEntity } from '../../contracts/fileColumns.js';
import {
  fileEntity,
  importList,
  importPreview,
  importPreviewFields,
  importProblemPage as importProblemPageSchema,
  importProblemQuery,
  importRecord,
  importUploadFields,
  type ImportPreview,
  type ImportUploadFields,
} from '../../contracts/imports.js';
import { parseListQuery } from '../../db/list/parse.js';
import { runList } from '../../db/list/sql.js';
import { sendProblem } from '../../http/problems.js';
import { listQueryFor, RequestValidationError } from '../../http/validation.js';
import { requestActor, type AuditActor } from '../audit/trail.js';
import { contentDisposition, sheetName } from '../exports/cells.js';
import { writeExport } from '../exports/writers.js';
import type { AppContext } from '../shared/context.js';
import { AppError, notFound, validationFailed } from '../shared/errors.js';
import { authorize } from '../shared/principal.js';
import { seesPersonalData } from '../../domain/talent.js';
import type { Principal } from '../shared/principal.js';
import { importArea, type ImportArea } from './areaScope.js';
import { previewImportFile } from './preview.js';
import { holdsPersonalData, maskedProblem } from './personalCells.js';
import { problemCsvLines, type ReportedProblem } from './problems.js';
import { getImportRecord, importListSpec, importProblemPage, importProblems, type ImportRecord } from './queries.js';
import { openImportFile, runImport } from './service.js';
import { drain, fileMissing, MAX_UPLOAD_BYTES, multipartLimits, parseFields, readUpload, removeSpooled, spool, uploadName, type SpooledFile } from './uploads.js';

/**
 * The import API (导入): preview a file, upload it to run in the background of this process
 * (202 + Location, then poll), list and read import records, their problems as JSON pages or as
 * the CSV report, and an empty template per entity.
 */

const IMPORT = { zh: '导入记录', en: 'Import' };
const tags = ['imports'];
const errors = { 400: problem, 500: problem } as const;
const uploadErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;
/**
 * Who may import (officers and administrators; an officer limited to districts or zones imports
 * rows of that area only, each row checked) and read import records (officers and administrators).
 */
const importWrite = { access: 'imports.write' } as const;

/**
 * A file of talent introductions is personal data (names, contacts, ID numbers), and so is its
 * preview: only a caller who may see personal data imports or previews one. Its problem report
 * echoes rejected cells: a reader without the permission gets it as the talent lists show
 * records, a name masked and contacts left out (`maskedProblem`).
 */
const personalFile = holdsPersonalData;
const personalDataRefused: FieldProblem = {
  field: 'entity',
  code: 'permission.personal_data',
  message: { zh: '人才引进文件含个人信息，仅有权查看个人信息的用户可以导入或预览', en: 'A talent file holds personal information: only a user who may see it imports or previews one' },
};
function assertMayHandle(principal: Principal, entity: FileEntity): void {
  if (personalFile(entity) && !seesPersonalData(principal)) throw new AppError('forbidden', { zh: '无权执行此操作', en: 'Forbidden' }, [personalDataRefused]);
}
/** The report's problems as this reader may see them. */
const reportFor = (principal: Principal, entity: FileEntity) => (problem: ReportedProblem) =>
  personalFile(entity) && !seesPersonalData(principal) ? maskedProblem(entity, problem) : problem;
async function* mapProblems(problems: AsyncIterable<ReportedProblem>, shown: (p: ReportedProblem) => ReportedProblem): AsyncGenerator<ReportedProblem> {
  for await (const p of problems) yield shown(p);
}
const importRead = { access: 'imports.read' } as const;
const binary = z.unknown().meta({ type: 'string', format: 'binary' });

/** The multipart bodies, documented for OpenAPI; the fields are checked by the handler as they stream in. */
const multipartBody = (fields: z.ZodObject) =>
  z
    .object({ ...fields.shape, file: binary.describe('The CSV, XLSX or JSON Lines file; send the text fields before it') })
    .nullish()
    .meta({ description: 'multipart/form-data' });

const templateParams = z.strictObject({ entity: fileEntity, format: z.enum(['csv', 'xlsx']) });
const templateQuery = z.strictObject({ lang: z.enum(exportLanguages).default('zh').describe('zh: Chinese headers; en: the canonical snake_case keys') });

/** Problems of an upload the multipart parser refuses, each naming the part concerned. */
/** A 400 whose one problem names the upload's `field`. */
const invalidUpload = (field: string, code: string, zh: string, en: string) => ({
  status: 400,
  slug: 'validation',
  title: { zh: '请求未通过校验', en: 'The request is not valid' },
  error: { field, code, message: { zh, en } },
});

const uploadFailures: Record<string, { status: number; slug: string; title: { zh: string; en: string }; error: FieldProblem }> = {
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    slug: 'file-too-large',
    title: { zh: '文件过大', en: 'File too large' },
    error: { field: 'file', code: 'file.too_large', message: { zh: `文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB 上限`, en: `The file exceeds the ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB limit` }, params: { max: MAX_UPLOAD_BYTES } },
  },
  FST_FILES_LIMIT: invalidUpload('file', 'file.too_many', '一次只能上传一个文件', 'Upload one file at a time'),
  FST_FIELDS_LIMIT: invalidUpload('body', 'body.too_many_fields', `字段过多（最多 ${multipartLimits.fields} 个）`, `Too many fields (at most ${multipartLimits.fields})`),
  FST_PARTS_LIMIT: invalidUpload('body', 'body.too_many_parts', '表单部分过多', 'Too many form parts'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    slug: 'unsupported-media-type',
    title: { zh: '不支持的内容类型', en: 'Unsupported media type' },
    error: { field: 'body', code: 'body.media_type', message: { zh: '请求体应为 multipart/form-data（含 file 字段）', en: 'The body must be multipart/form-data with a file part' } },
  },
};

/** Any body that is not multipart: refused by the parser, before a byte of it is read. */
class NotMultipart extends Error {
  readonly code = 'FST_INVALID_MULTIPART_CONTENT_TYPE';
}

function uploadErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const known = err.code ? uploadFailures[err.code] : undefined;
  // Everything else is the application's error handler's.
  if (!known) throw err;
  return sendProblem(req, reply, known.status, known.slug, known.title, [known.error], err.message);
}

const presentRecord = (r: ImportRecord) => r;

const toPreview = (p: Awaited<ReturnType<typeof previewImportFile>>): ImportPreview => ({
  format: p.format,
  encoding: p.encoding,
  sheet: p.sheet,
  columns: p.columns,
  rows: p.rows,
  file_problems: p.fileProblems,
});

const asciiName = (name: string) => name.replace(/[^\w.-]+/g, '_');

/** `导入文件-report.csv` for `导入文件.xlsx`: the report is named after the file it is about. */
function reportFileName(record: ImportRecord): { ascii: string; utf8: string } {
  const stem = record.file_name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || `import-${record.id}`;
  return { ascii: `import-${record.id}-report.csv`, utf8: `${stem}-report.csv` };
}

const templateNames: Record<FileEntity, string> = { organizations: '主体', qualifications: '资质', rd_institutions: '研发机构', platforms: '创新平台', tech_contracts: '技术合同', talent_introductions: '人才引进', recruitment_calls: '招贤令', projects: '攻关项目', achievements: '科技成果', transfers: '成果转化', incubations: '孵化企业', ip_loans: '知识产权质押贷款' };

async function* noRows(): AsyncGenerator<never> {}

export const importRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  await app.register(fastifyMultipart, { limits: multipartLimits });
  // Other bodies are refused at once rather than buffered (JSON and text ones reach the handler's check).
  app.addContentTypeParser('*', (_req, _payload, done) => done(new NotMultipart('the request is not multipart'), undefined));
  app.setErrorHandler(uploadErrorHandler);

  // Imports running in the background of this process; the server waits for them when it closes.
  const running = new Set<Promise<unknown>>();
  app.addHook('onClose', async () => void (await Promise.allSettled(running)));

  const r = app.withTypeProvider<ZodTypeProvider>();

  // Before the body schema, which only documents the parts: a JSON body must meet 415, not field problems.
  const requireMultipart = async (req: FastifyRequest) => {
    if (!req.isMultipart()) throw new NotMultipart('the request is not multipart');
  };

  r.post(
    '/imports/preview',
    {
      schema: {
        tags,
        summary: 'Preview a file: its column mapping and first rows, nothing written',
        consumes: ['multipart/form-data'],
        body: multipartBody(importPreviewFields),
        response: { 200: importPreview, ...uploadErrors },
      },
      preValidation: requireMultipart,
      config: importWrite,
    },
    async (req) => {
      const problems: FieldProblem[] = [];
      const upload = await readUpload(req, async (part, before) => {
        const fields = parseFields(importPreviewFields, before);
        if (!fields.ok) {
          problems.push(...fields.problems);
          await drain(part.file);
          return null;
        }
        const { entity, encoding, sheet } = fields.value;
        if (personalFile(entity) && !seesPersonalData(req.principal)) {
          problems.push(personalDataRefused);
          await drain(part.file);
          return null;
        }
        // The preview stops after its first rows. It reads through a pipe so that, once it stops,
        // the part can be unpiped and drained: an async iterator left on the part itself would keep
        // its 'readable' listener and hold the upload paused, and the request would never end.
        const head = new PassThrough();
        part.file.pipe(head);
        const preview = await previewImportFile({ entity, stream: head, fileName: uploadName(part), ...(encoding ? { encoding } : {}), ...(sheet ? { sheet } : {}) });
        part.file.unpipe(head);
        head.destroy();
        await drain(part.file);
        return toPreview(preview);
      });
      // Fields after the file, or no file at all: judged as a whole, so every problem is named.
      if (upload.file === null && problems.length === 0) {
        const fields = parseFields(importPreviewFields, upload.fields);
        if (!fields.ok) problems.push(...fields.problems);
        problems.push(...fileMissing(upload.problems));
      }
      problems.push(...upload.problems);
      if (problems.length || !upload.file) throw new RequestValidationError(problems);
      return upload.file;
    },
  );

  r.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a file and import it in the background (202; poll the Location)',
        consumes: ['multipart/form-data'],
        body: multipartBody(importUploadFields),
        response: { 202: importRecord, ...uploadErrors },
      },
      preValidation: requireMultipart,
      config: importWrite,
    },
    async (req, reply) => {
      const upload = await readUpload(req, spool, (f) => removeSpooled(f.path));
      const fields = parseFields(importUploadFields, upload.fields);
      const problems = [...(fields.ok ? [] : fields.problems), ...(upload.file ? [] : fileMissing(upload.problems)), ...upload.problems];
      if (!fields.ok || !upload.file || problems.length) {
        if (upload.file) await removeSpooled(upload.file.path);
        throw new RequestValidationError(problems);
      }
      try {
        authorize(req.principal, fileEntityWrite[fields.value.entity]);
        assertMayHandle(req.principal, fields.value.entity);
      } catch (err) {
        await removeSpooled(upload.file.path);
        throw err;
      }
      const id = await startImport(upload.file, fields.value, requestActor(req), importArea(req.principal));
      const record = (await getImportRecord(ctx.db, id))!;
      return reply.code(202).header('location', `/api/v1/imports/${id}`).send(record);
    },
  );

  /** Starts the import of a spooled file for the signed-in account, within its area; resolves with its id once it is recorded. */
  function startImport(file: SpooledFile, f: ImportUploadFields, actor: AuditActor, area: ImportArea): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const run = runImport(ctx, {
        entity: f.entity,
        stream: openImportFile(file.path),
        fileName: file.fileName,
        fileSize: file.size,
        sha256: file.sha256,
        mode: f.mode,
        atomic: f.atomic === 'true',
        dryRun: f.dry_run === 'true',
        ...(f.encoding ? { encoding: f.encoding } : {}),
        ...(f.sheet ? { sheet: f.sheet } : {}),
        area,
        actor,
        onCreated: resolve,
      })
        // Once recorded, a failure is in the record (status failed, error); before, the request fails.
        .catch((err: unknown) => {
          reject(err instanceof Error ? err : new Error(String(err)));
          app.log.error({ err }, 'import failed');
        })
        .finally(async () => {
          await removeSpooled(file.path);
          running.delete(run);
        });
      running.add(run);
    });
  }

  r.get('/imports', { config: importRead, schema: { tags, summary: 'List imports, newest first', querystring: listQueryFor(importListSpec), response: { 200: importList, ...errors } } }, async (req) => {
    const parsed = parseListQuery(importListSpec, req.query);
    if (!parsed.ok) throw validationFailed(parsed.problems);
    return runList(ctx.db, importListSpec, parsed.value, presentRecord);
  });

  const recordOf = async (id: number) => {
    const record = await getImportRecord(ctx.db, id);
    if (!record) throw notFound(IMPORT, id);
    return record;
  };

  r.get('/imports/:id', { config: importRead, schema: { tags, summary: 'Get an import: status, counts and progress', params: idParams, response: { 200: importRecord, 404: problem, ...errors } } }, (req) =>
    recordOf(req.params.id),
  );

  r.get(
    '/imports/:id/problems',
    { config: importRead, schema: { tags, summary: "A page of an import's problems, in report order", params: idParams, querystring: importProblemQuery, response: { 200: importProblemPageSchema, 404: problem, ...errors } } },
    async (req) => {
      const shown = reportFor(req.principal, (await recordOf(req.params.id)).entity);
      const { per_page, page } = req.query;
      const { count, results } = await importProblemPage(ctx.db, req.params.id, per_page, page);
      return { meta: { count, per_page, page }, results: results.map(shown) };
    },
  );

  r.get(
    '/imports/:id/report.csv',
    {
      config: importRead,
      schema: {
        tags,
        summary: "An import's problem report as CSV (UTF-8 with BOM)",
        params: idParams,
        response: { 200: { description: 'The report, as an attachment', content: { 'text/csv': { schema: binary } } }, 404: problem, ...errors },
      },
    },
    async (req, reply) => {
      const record = await recordOf(req.params.id);
      const shown = reportFor(req.principal, record.entity);
      const body = Readable.from(problemCsvLines(mapProblems(importProblems(ctx.db, record.id), shown)));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition(reportFileName(record))).header('cache-control', 'no-store').send(body);
    },
  );

  r.get(
    '/imports/templates/:entity.:format',
    {
      // An empty file with the headers: the import format's documentation, no registry data.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An empty template of an entity, CSV or XLSX, with Chinese (default) or English headers',
        params: templateParams,
        querystring: templateQuery,
        response: {
          200: { description: 'The template, as an attachment', content: { 'text/csv': { schema: binary }, [exportContentTypes.xlsx]: { schema: binary } } },
          ...errors,
        },
      },
    },
    (req, reply) => {
      const { entity, format } = req.params;
      const { lang } = req.query;
      const stream = writeExport(format, { columns: fileColumns[entity], lang, sheetName: sheetName(entity, lang) }, noRows());
      const ascii = `${asciiName(entity)}-template.${format}`;
      const names = { ascii, utf8: lang === 'zh' ? `${templateNames[entity]}-导入模板.${format}` : ascii };
      return reply.type(exportContentTypes[format]).header('content-disposition', contentDisposition(names)).send(stream);
    },
  );
};
