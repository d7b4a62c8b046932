import { permissionLabels, roleLabels, rolePermissions, type Caller, type Permission, type Refusal } from '../../domain/permissions.js';
import { AppError } from './errors.js';

/** Why a request carries no usable identity (401). */
export type AuthFailure = 'required' | 'session_idle' | 'session_expired' | 'token_invalid' | 'token_expired' | 'token_revoked' | 'account_disabled';

const AUTH_MESSAGES: Record<AuthFailure, { zh: string; en: string }> = {
  required: { zh: '请先登录（或在 Authorization 头中提供 API 令牌）', en: 'Sign in first (or send an API token in the Authorization header)' },
  session_idle: { zh: '长时间未操作，登录已过期，请重新登录', en: 'Your session ended after a period without activity; sign in again' },
  session_expired: { zh: '登录已超过最长有效期，请重新登录', en: 'Your session reached its maximum length; sign in again' },
  token_invalid: { zh: 'API 令牌无效', en: 'The API token is not valid' },
  token_expired: { zh: 'API 令牌已过期', en: 'The API token has expired' },
  token_revoked: { zh: 'API 令牌已被撤销', en: 'The API token has been revoked' },
  account_disabled: { zh: '账号已停用，请联系管理员', en: 'The account is disabled; contact an administrator' },
};

/** 401: no identity, or one that no longer holds; the reply says which, and how to authenticate. */
export function unauthenticated(failure: AuthFailure): AppError {
  return new AppError(
    'unauthenticated',
    { zh: '需要登录', en: 'Authentication required' },
    [{ field: 'credentials', code: `auth.${failure}`, message: AUTH_MESSAGES[failure] }],
    AUTH_MESSAGES[failure].en,
    { 'www-authenticate': failure.startsWith('token') ? 'Bearer realm="starcity", error="invalid_token"' : 'Bearer realm="starcity"' },
  );
}

/** 403: the caller is known but may not do this (its role, its token's scopes, or the record's organization or area). */
export function forbidden(caller: Caller, permission: Permission, why: Exclude<Refusal, 'unauthenticated'>): AppError {
  const role = roleLabels[caller.role];
  const what = permissionLabels[permission];
  const byScope = why === 'role' && rolePermissions[caller.role][permission] !== undefined;
  const message =
    why === 'organization'
      ? { code: 'permission.organization', zh: '该记录不属于您所代表的单位', en: 'This record belongs to an organization you do not act for' }
      : why === 'area'
        ? { code: 'permission.area', zh: '该记录或操作不在您负责的区县或园区范围内', en: 'This record or action is outside your area (your districts and zones)' }
        : byScope
          ? { code: 'permission.token_scope', zh: `API 令牌未被授予此权限：${what.zh}`, en: `The API token was not given this scope: ${what.en}` }
          : { code: 'permission.role', zh: `您的角色（${role.zh}）无此权限：${what.zh}`, en: `Your role (${role.en}) may not: ${what.en}` };
  return new AppError('forbidden', { zh: '无权执行此操作', en: 'Forbidden' }, [{ field: 'permission', code: message.code, message: { zh: message.zh, en: message.en }, params: { permission, role: caller.role } }], message.en);
}
