import type { FieldProblem } from '../contracts/common.js';
import type { Message } from '../domain/message.js';

/**
 * What the multipart uploads (imports, application documents) share: the problem of a body the
 * parser cannot read, and the check of an uploaded file's name.
 */

/**
 * Whether an error is the parser's verdict on the body itself: no boundary, a boundary that never
 * comes (`--nope`), a body that ends inside a part, a connection closed mid-upload. Busboy raises
 * these as plain errors, told apart by their messages only.
 */
export function isMalformedMultipart(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e) return false;
  if (e.code === 'FST_MP_PREMATURE_CLOSE') return true;
  return e.code === undefined && typeof e.message === 'string' && /multipart|boundary/i.test(e.message);
}

export const malformedMultipartTitle: Message = { zh: '无法解析上传的表单', en: 'The upload could not be read' };

export const malformedMultipart: FieldProblem = {
  field: 'body',
  code: 'body.multipart',
  message: {
    zh: '上传内容不是完整的 multipart/form-data（缺少或不匹配的分隔符，或内容被截断），请重新上传',
    en: 'The upload is not complete multipart/form-data (a missing or mismatched boundary, or a body cut short); upload it again',
  },
};

/** Control characters (NUL, which PostgreSQL text cannot hold, line breaks) have no place in a file name. */
export function fileNameProblem(name: string | undefined): FieldProblem | null {
  if (!name || !/\p{Cc}/u.test(name)) return null;
  return { field: 'file', code: 'file.name_invalid', message: { zh: '文件名不能包含控制字符（如空字符、换行）', en: 'The file name must not contain control characters (such as NUL or line breaks)' } };
}
