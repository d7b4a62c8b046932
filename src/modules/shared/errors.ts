import type { FieldProblem } from '../../contracts/common.js';
import type { Message } from '../../domain/message.js';

/**
 * Typed failures of a use case. Services throw these; only the HTTP edge turns them into
 * problem+json (and the CLI into a message), so no service knows about status codes.
 */
export class AppError extends Error {
  constructor(
    readonly kind: 'validation' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'stale' | 'precondition_required' | 'unprocessable' | 'locked' | 'unavailable',
    readonly title: Message,
    readonly errors: FieldProblem[] = [],
    readonly detail?: string,
    /** Reply headers the failure implies (WWW-Authenticate, Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(title.en);
    this.name = 'AppError';
  }
}

export const validationFailed = (errors: FieldProblem[]) =>
  new AppError('validation', { zh: '输入未通过校验', en: 'The input is not valid' }, errors);

export const notFound = (entity: Message, id: number | string) =>
  new AppError('not_found', { zh: `${entity.zh}不存在`, en: `${entity.en} not found` }, [], `${entity.en} ${id} does not exist`);

export const conflict = (error: FieldProblem) => new AppError('conflict', { zh: '与现有数据冲突', en: 'Conflicts with existing data' }, [error]);

export const stale = (current: number) =>
  new AppError(
    'stale',
    { zh: '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and try again' },
    [
      {
        field: 'version',
        code: 'version.stale',
        message: { zh: `当前版本为 ${current}`, en: `The current version is ${current}` },
        params: { current },
      },
    ],
  );

export const preconditionRequired = () =>
  new AppError('precondition_required', { zh: '更新需要提供版本号', en: 'An update must name the version it changes' }, [
    {
      field: 'If-Match',
      code: 'version.required',
      message: { zh: '请在 If-Match 头或 version 字段中提供记录版本号', en: 'Send the record version in the If-Match header or the version field' },
    },
  ]);
