import { z } from 'zod';
import { accountRoles, permissionCodes } from '../domain/permissions.js';
import { bilingual, id, optionalText, timestamp } from './common.js';

/** Accounts, sign-in, sessions and API tokens (账号与令牌). */

export const role = z.enum(accountRoles);
export const callerRole = z.enum([...accountRoles, 'public']);
export const permission = z.enum(permissionCodes);
export const reach = z.enum(['all', 'area', 'own']);

/** Letters (any script), digits and . _ @ -, 2 to 64 characters; unique whatever the case. */
export const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[\p{L}\p{N}._@-]+$/u, 'Use letters, digits and . _ @ - only')
  .describe('Sign-in name: letters (any script), digits and . _ @ -; unique whatever the case');
/** The policy (length, classes, not the username) is checked by the service, where the username is known. */
const password = z.string().min(1).max(1024);
const districtCode = z.string().regex(/^\d{6}$/, 'A district code has 6 digits');
/** Checked against the city's zones by the service. */
const zoneCode = z.string().min(1).max(64);

export const loginBody = z.strictObject({ username: z.string().trim().min(1).max(64), password }).meta({ id: 'LoginRequest' });
export type LoginBody = z.output<typeof loginBody>;

export const passwordChangeBody = z.strictObject({ current_password: password, new_password: password }).meta({ id: 'PasswordChange' });
export type PasswordChangeBody = z.output<typeof passwordChangeBody>;

export const organizationRef = z.object({ id, name: z.string() });

export const user = z
  .object({
    id,
    username: z.string(),
    display_name: z.string().nullable(),
    role,
    role_label: bilingual,
    active: z.boolean(),
    districts: z.array(z.string()).describe("An officer's districts; with its zones, its area; both empty = the whole city"),
    zones: z.array(z.string()).describe("An officer's zones (functional or innovation zones, by code: GET /api/v1/meta); a record lies in the area when its district or its zone is one of the officer's"),
    organizations: z.array(organizationRef).describe('The organizations an org_user acts for'),
    locked_until: timestamp.nullable().describe('Set while the account is locked after repeated failed sign-ins'),
    last_login_at: timestamp.nullable(),
    password_changed_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    version: z.number().int().positive(),
  })
  .meta({ id: 'User' });
export type User = z.output<typeof user>;

export const userList = z.object({ results: z.array(user) });

export const userCreate = z
  .strictObject({
    username,
    display_name: optionalText(100),
    role,
    password: password.describe('Checked against the password policy (docs/security.md)'),
    districts: z.array(districtCode).max(50).optional(),
    zones: z.array(zoneCode).max(50).optional(),
    organization_ids: z.array(id).max(200).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UserCreate' });
export type UserCreate = z.output<typeof userCreate>;

export const userPatch = z
  .strictObject({
    display_name: optionalText(100),
    role: role.optional(),
    districts: z.array(districtCode).max(50).optional(),
    zones: z.array(zoneCode).max(50).optional(),
    organization_ids: z.array(id).max(200).optional(),
    active: z.boolean().optional(),
    password: password.optional().describe('A new password set by the administrator; ends the user’s sessions'),
    version: z.number().int().positive().optional(),
  })
  .meta({ id: 'UserPatch' });
export type UserPatch = z.output<typeof userPatch>;

/** Whom the request acts as, and what it may do: the UI shows and hides by `permissions`. */
export const me = z
  .object({
    authenticated: z.boolean(),
    credential: z.enum(['anonymous', 'session', 'token']),
    role: callerRole,
    role_label: bilingual,
    user: user.nullable(),
    permissions: z.partialRecord(permission, reach).describe('Every permission the caller has, with its reach: all, area (its districts and zones) or own (its organizations)'),
    session: z.object({ expires_at: timestamp.describe('When the session ends if not used again'), absolute_expires_at: timestamp }).nullable(),
    token: z.object({ id, name: z.string(), expires_at: timestamp, scopes: z.array(permission) }).nullable(),
  })
  .meta({ id: 'Me' });
export type Me = z.output<typeof me>;

export const demoAccounts = z
  .object({
    enabled: z.boolean().describe('Whether this server runs the demo and its demo accounts still have the demo password'),
    password: z.string().nullable(),
    accounts: z.array(z.object({ username: z.string(), role, role_label: bilingual, description: bilingual })),
  })
  .meta({ id: 'DemoAccounts' });
export type DemoAccounts = z.output<typeof demoAccounts>;

export const tokenCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "nightly import"'),
    scopes: z.array(permission).min(1).max(permissionCodes.length).describe('A subset of your own permissions (tokens.manage excluded)'),
    expires_in: z
      .string()
      .max(12)
      .default('30d')
      .describe('Lifetime: a number and m, h or d (minutes, hours, days), from 1 minute to 366 days'),
  })
  .meta({ id: 'ApiTokenCreate' });
export type TokenCreate = z.output<typeof tokenCreate>;

export const apiToken = z
  .object({
    id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
    scopes: z.array(permission),
    status: z.enum(['active', 'expired', 'revoked']),
    created_at: timestamp,
    expires_at: timestamp,
    revoked_at: timestamp.nullable(),
    last_used_at: timestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.output<typeof apiToken>;

export const apiTokenCreated = apiToken
  .extend({ token: z.string().describe('The token itself: shown this once, send it as `Authorization: Bearer <token>`') })
  .meta({ id: 'ApiTokenCreated' });
export type ApiTokenCreated = z.output<typeof apiTokenCreated>;
export const apiTokenList = z.object({ results: z.array(apiToken) });
