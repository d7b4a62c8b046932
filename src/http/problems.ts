import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem, Problem } from '../contracts/common.js';
import type { Message } from '../domain/message.js';
import { AppError } from '../modules/shared/errors.js';
import { duplicateKeyOfConstraint } from '../modules/shared/uniqueKeys.js';
import { isMalformedMultipart, malformedMultipart, malformedMultipartTitle } from './multipart.js';
import { RequestValidationError } from './validation.js';

/**
 * The one place where failures become RFC 9457 problem+json replies. Every reply names all the
 * field problems at once; no SQL or stack trace ever reaches a client.
 */
const STATUS: Record<AppError['kind'], number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale: 412,
  precondition_required: 428,
  unprocessable: 422,
  locked: 429,
  unavailable: 503,
};

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, slug: string, title: Message, errors: FieldProblem[] = [], detail?: string) {
  const body: Problem = {
    type: `urn:starcity:problem:${slug}`,
    title: title.en,
    title_zh: title.zh,
    status,
    ...(detail ? { detail } : {}),
    instance: request.url,
    request_id: request.id,
    errors,
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Failures of the body as a whole name the field `body`, so a form can show them above its fields. */
const bodyProblem = (code: string, zh: string, en: string): FieldProblem => ({ field: 'body', code, message: { zh, en } });

const FASTIFY_ERRORS: Record<string, { status: number; slug: string; title: Message; error?: FieldProblem }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    slug: 'body-too-large',
    title: { zh: '请求体过大', en: 'Request body too large' },
    error: bodyProblem('body.too_large', '请求体超过 512 KiB 上限', 'The body exceeds the 512 KiB limit'),
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    slug: 'unsupported-media-type',
    title: { zh: '不支持的内容类型', en: 'Unsupported media type' },
    error: bodyProblem('body.media_type', '请求体应为 JSON（Content-Type: application/json）', 'The body must be JSON (Content-Type: application/json)'),
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, slug: 'bad-request', title: { zh: '请求长度无效', en: 'Invalid content length' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    slug: 'malformed-json',
    title: { zh: 'JSON 请求体为空', en: 'Empty JSON body' },
    error: bodyProblem('body.empty', '声明为 JSON 的请求体为空', 'The body is declared JSON but empty'),
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    slug: 'malformed-json',
    title: { zh: 'JSON 格式错误', en: 'Malformed JSON' },
    error: bodyProblem('body.malformed_json', '请求体不是合法的 JSON', 'The body is not valid JSON'),
  },
};

/**
 * The field a client fixes, and the code the service's own check gives, when a natural key is
 * taken in a race that check lost: the client sees the same problem either way.
 */
const UNIQUE_FIELDS: Record<string, { field: string; code: string }> = {
  organizations_uscc_key: { field: 'uscc', code: 'uscc.duplicate' },
  qualifications_organization_id_qualification_valid_from_key: { field: 'valid_from', code: 'qualification.duplicate' },
  rd_institutions_host_org_id_name_key: { field: 'name', code: 'name.duplicate_under_host' },
  platforms_host_org_id_name_key: { field: 'name', code: 'name.duplicate_under_host' },
  tech_contracts_seller_org_id_contract_number_key: { field: 'contract_number', code: 'contract_number.duplicate' },
  tech_contracts_registration_number_key: { field: 'registration_number', code: 'registration_number.duplicate' },
  ip_loans_borrower_org_id_contract_number_key: { field: 'contract_number', code: 'contract_number.duplicate' },
};

/** PostgreSQL errors a valid request can still meet (a race on a unique key, say). */
function databaseProblem(err: { code?: string; constraint?: string }): { status: number; slug: string; title: Message; errors: FieldProblem[] } | null {
  if (err.code === '23505')
    return {
      status: 409,
      slug: 'conflict',
      title: { zh: '记录已存在', en: 'The record already exists' },
      errors: [duplicateKeyOfConstraint(err.constraint) ?? { field: '', code: 'duplicate', ...UNIQUE_FIELDS[err.constraint ?? ''], message: { zh: '与已有记录重复', en: 'Duplicates an existing record' } }],
    };
  if (err.code === '23503')
    return { status: 409, slug: 'conflict', title: { zh: '被其他记录引用或引用不存在的记录', en: 'Referenced by, or referencing, another record' }, errors: [] };
  if (err.code?.startsWith('22')) return { status: 400, slug: 'validation', title: { zh: '取值超出范围', en: 'A value is out of range' }, errors: [] };
  return null;
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof RequestValidationError)
      return sendProblem(request, reply, 400, 'validation', { zh: '请求未通过校验', en: 'The request is not valid' }, err.problems);
    if (err instanceof AppError) {
      for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
      return sendProblem(request, reply, STATUS[err.kind], err.kind.replace('_', '-'), err.title, err.errors, err.detail);
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return sendProblem(request, reply, known.status, known.slug, known.title, known.error ? [known.error] : [], err.message);
    if (isMalformedMultipart(err)) return sendProblem(request, reply, 400, 'bad-request', malformedMultipartTitle, [malformedMultipart], err.message);
    const db = databaseProblem(err as { code?: string; constraint?: string });
    if (db) return sendProblem(request, reply, db.status, db.slug, db.title, db.errors);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return sendProblem(request, reply, err.statusCode, 'bad-request', { zh: '请求无效', en: 'Bad request' }, [], err.message);
    request.log.error({ err }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal', { zh: '服务器内部错误', en: 'Internal server error' }, [], `Reference ${request.id} when reporting this.`);
  });
}

/** The reply for a path no route serves. */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(request, reply, 404, 'not-found', { zh: '资源不存在', en: 'Not found' }, [], `No route ${request.method} ${request.url.split('?')[0]}`);
}
