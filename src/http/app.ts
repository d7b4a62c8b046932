import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { pendingMigrations } from '../db/migrate.js';
import type { IndustrialChains } from '../domain/industrialChain.js';
import { defaultSessionPolicy, type SessionPolicy } from '../domain/accountSecurity.js';
import { directoryStore, type AttachmentStore } from '../modules/filings/attachmentStore.js';
import { loadWorkflows, type Workflows } from '../modules/filings/definitions.js';
import { filingRoutes } from '../modules/filings/routes.js';
import { uncoveredYears } from '../domain/workflow/holidayCalendar.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { backupRoutes } from '../modules/backup/routes.js';
import type { AccountsContext } from '../modules/accounts/context.js';
import { readCookie, SESSION_COOKIE } from '../modules/accounts/cookies.js';
import { authRoutes, tokenRoutes, userRoutes } from '../modules/accounts/routes.js';
import { demoAccountsInfo } from '../modules/demo/accounts.js';
import type { AppContext } from '../modules/shared/context.js';
import { exportRoutes } from '../modules/exports/routes.js';
import { importRoutes } from '../modules/imports/routes.js';
import { loadCatalogue } from '../modules/indicators/catalogue.js';
import { IndicatorEngine } from '../modules/indicators/engine.js';
import { indicatorRoutes } from '../modules/indicators/routes.js';
import { DEFAULT_CHROMIUM } from '../modules/reports/pdf.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { metaRoutes } from '../modules/meta/routes.js';
import { downloadRoutes } from '../modules/openData/downloadsRoutes.js';
import { openDataRoutes } from '../modules/openData/routes.js';
import { organizationRoutes } from '../modules/organizations/routes.js';
import { platformRoutes } from '../modules/platforms/routes.js';
import { ipLoanRoutes, shippedPolicies, type PolicySource } from '../modules/ipLoans/routes.js';
import { techContractRoutes } from '../modules/techContracts/routes.js';
import { achievementRoutes } from '../modules/achievements/routes.js';
import { incubationRoutes } from '../modules/incubations/routes.js';
import { projectRoutes } from '../modules/projects/routes.js';
import { transferRoutes } from '../modules/transfers/routes.js';
import { recruitmentCallRoutes, talentIntroductionRoutes } from '../modules/talent/routes.js';
import { topSellerRoutes } from '../modules/techContracts/topSellers.js';
import { marketAnalysisRoutes } from '../modules/marketAnalysis/routes.js';
import { innovationGraphRoutes } from '../modules/innovationGraph/routes.js';
import { industrialChainRoutes } from '../modules/industrialChains/routes.js';
import { matchingRoutes } from '../modules/matching/routes.js';
import { shippedChains } from '../modules/industrialChains/service.js';
import { qualificationRoutes } from '../modules/qualifications/routes.js';
import { rdInstitutionRoutes } from '../modules/rdInstitutions/routes.js';
import { techSmeEvaluationRoutes } from '../modules/techSmeEvaluations/routes.js';
import { registerAuth, securitySchemes } from './auth.js';
import { registerProblemHandlers, sendNotFound, sendProblem } from './problems.js';
import { publicApi } from './publicApi.js';
import { defaultAnonymousRateLimit, defaultPublicRateLimit, limitAnonymous, type AnonymousRateLimit } from './rateLimit.js';
import { registerSecurityHeaders } from './securityHeaders.js';
import { strictReplySerializer } from './replyCheck.js';
import { zodValidatorCompiler } from './validation.js';
import { pageFor, visitorAtHome, webStaticOptions } from './webStatic.js';

export interface AppOptions {
  /** pino level, or false for silence (tests, benchmarks). */
  logLevel: string | false;
  /** Tests: every reply is checked against its route's schema, and a field it does not declare fails the request. */
  checkReplies?: boolean;
  /** Built web UI to serve at `/`, if present. */
  webRoot?: string;
  bodyLimit?: number;
  version: string;
  /** Session idle and absolute timeouts (default 30 minutes and 12 hours). */
  sessions?: SessionPolicy;
  /** Whether this server runs the demo: the login page then lists the demo accounts. */
  demo?: boolean;
  /** Fastify's trustProxy: believe X-Forwarded-* (the client's address, and https for the Secure cookie). */
  trustProxy?: boolean | string;
  /** Where application documents are kept (default: the directory data/attachments under the working directory). */
  attachments?: AttachmentStore;
  /** The filing workflows (default: config/workflows). */
  workflows?: Workflows;
  /** The IP-backed loans' risk-compensation policies, read at each compensation (default: config/market/ip-loan-policies.json). */
  ipLoanPolicies?: PolicySource;
  /** The city's industrial chains (default: config/industrialChains/<city code>.json, checked here: a start-up error names every problem). */
  industrialChains?: IndustrialChains;
  /** How long a request may take to arrive and a connection may stay silent (default: {@link defaultTimeouts}). */
  timeouts?: RequestTimeouts;
  /** How many API requests one anonymous client may send in a window (default: {@link defaultAnonymousRateLimit}). */
  anonymousRateLimit?: AnonymousRateLimit;
  /** How many public-API requests (/api/v1/public) one client may send in a window, signed in or not (default: {@link defaultPublicRateLimit}). */
  publicRateLimit?: AnonymousRateLimit;
  /** The Chromium that prints the annual report's PDF (STARCITY_CHROMIUM; default /usr/bin/chromium). */
  chromium?: string;
}

export interface RequestTimeouts {
  /** A request's headers and body must have arrived within this long, or it is answered 408. */
  requestMs: number;
  /** A connection silent this long in both directions is closed: a stalled upload, an idle keep-alive. */
  idleMs: number;
}

/** Ten minutes for a request (a 200 MiB import over a slow line), one minute of silence. */
export const defaultTimeouts: RequestTimeouts = { requestMs: 10 * 60_000, idleMs: 60_000 };

/** Node's HTTP server settings for the timeouts; its own defaults leave a request unbounded under Fastify. */
function serverTimeouts(t: RequestTimeouts) {
  const headersMs = Math.min(t.requestMs, 60_000);
  return {
    connectionTimeout: t.idleMs,
    keepAliveTimeout: Math.min(t.idleMs, 72_000),
    requestTimeout: t.requestMs,
    // Node checks the request and headers deadlines on this beat (30 s by default).
    http: { requestTimeout: t.requestMs, headersTimeout: headersMs, connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(headersMs / 4))) },
  };
}

/**
 * The idle bound waits on the client only: it is paused while the server works on a request that
 * has fully arrived (a backup or a long export may take minutes before its first byte) and back
 * once the reply is sent, so a client that stops reading a download is cut off too.
 */
export function idleOnClientOnly(app: FastifyInstance, idleMs: number): void {
  const idle = (req: FastifyRequest, ms: number) => {
    const socket = req.raw.socket as { setTimeout?: (ms: number) => unknown } | undefined;
    if (typeof socket?.setTimeout === 'function') socket.setTimeout(ms);
  };
  // A request without a body has arrived with its headers (`complete` may lag behind by a tick).
  const arrived = (req: FastifyRequest) => req.raw.complete || (req.headers['transfer-encoding'] === undefined && !Number(req.headers['content-length'] ?? 0));
  app.addHook('preHandler', async (req) => {
    if (arrived(req)) idle(req, 0);
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    idle(req, idleMs);
    return payload;
  });
}

/** Assembles the HTTP server: plugins, error handling, OpenAPI, the API routes and the web UI. */
export async function buildApp(ctx: AppContext, opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === false ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit ?? 512 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Requests the router cannot even read (a broken %-escape in the path) get a problem too.
    frameworkErrors: (err, req, reply) => sendProblem(req, reply, 400, 'bad-request', { zh: '请求地址无效', en: 'Invalid request URL' }, [], err.message),
    clientErrorHandler: rejectUnparsable,
    trustProxy: opts.trustProxy ?? false,
    ...serverTimeouts(opts.timeouts ?? defaultTimeouts),
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  // Replies are shaped by presenters and checked against their schemas, strictly, in tests
  // (`checkReplies`); plain JSON.stringify keeps the hot path free of per-reply validation.
  app.setSerializerCompiler(opts.checkReplies ? strictReplySerializer : () => (data) => JSON.stringify(data));
  registerProblemHandlers(app);
  registerSecurityHeaders(app);
  idleOnClientOnly(app, (opts.timeouts ?? defaultTimeouts).idleMs);
  // JSON only: a JSON text sent as text/plain (which a cross-site form can send) is 415, as documented.
  app.removeContentTypeParser('text/plain');
  const accounts: AccountsContext = { ...ctx, sessions: opts.sessions ?? defaultSessionPolicy };
  // Before any route: every route is seen as it is added, and gets its guard.
  registerAuth(app, accounts);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'StarCity API',
        version: opts.version,
        description:
          'The registry of a global R&D center city (全球研发中心城市). Lists take OpenAlex-style `filter`, `search`, `sort`, `per_page`, `page`/`cursor` and `group_by`. Errors are RFC 9457 problem+json listing every field problem with zh and en messages.',
      },
      tags: [
        { name: 'organizations', description: '主体 Organizations' },
        { name: 'qualifications', description: '资质 Qualifications' },
        { name: 'rd-institutions', description: '研发机构 R&D institutions' },
        { name: 'platforms', description: '创新平台 Innovation platforms' },
        { name: 'tech-contracts', description: '技术合同 Technology contracts (认定登记): the seller’s organization users and the officers of its area only' },
        { name: 'ip-loans', description: '知识产权质押融资 IP-backed loans and their steps: the borrower’s organization users and the officers of its area only' },
        { name: 'projects', description: '重点攻关项目 Key-technology projects: the lead organization’s users and the officers of its area only' },
        { name: 'achievements', description: '科技成果 Achievements: the owner’s users and the officers of its area only' },
        { name: 'transfers', description: '成果转化 Transfers of achievements: the achievement owner’s users and the officers of its area only' },
        { name: 'incubations', description: '孵化企业 Enterprises incubated from an achievement or an R&D institution' },
        { name: 'talent', description: '人才引进、招贤令 Talent introductions (personal data masked without talent.personal_data.read; host’s users and the officers of its area) and recruitment calls (public)' },
        { name: 'market-analysis', description: '技术市场分析 Market analysis: registered technology contracts by up to two dimensions, within the caller’s reach' },
        { name: 'industrial-chains', description: '产业链 Industrial chains: the chain view segment by segment, the gap ranking and the rows behind each figure, within the caller’s area' },
        { name: 'graph', description: '创新网络 The innovation graph: the registry’s relations as one graph (neighbourhoods, paths, hubs, clusters), for city-wide readers' },
        { name: 'matching', description: '对接推荐 Matching: the enterprises to adopt an achievement and the institutions an enterprise may approach, each with the reasons of its score, for city-wide readers' },
        { name: 'tech-sme', description: '科技型中小企业自评 Tech-based SME self-evaluation (no account needed) and the evaluations an organization stored' },
        { name: 'exports', description: '导出 Exports of the registry lists (CSV, XLSX, JSON Lines)' },
        { name: 'reports', description: '年度报告 The annual statistical report of a year (PDF, XLSX or HTML, Chinese or English): figures from the dashboard, with charts and a generated commentary' },
        { name: 'imports', description: '导入 Imports of CSV, XLSX and JSON Lines files, their reports and templates' },
        { name: 'open-data', description: '开放数据 Open data: the published datasets and indicators, read-only, for anyone (CORS, ETag, rate-limited per client); config/publication.json decides what is published' },
        { name: 'meta', description: 'City configuration and code lists' },
        { name: 'auth', description: '登录 Sign-in, sessions and the caller’s permissions' },
        { name: 'tokens', description: 'API 令牌 Your API tokens for machine clients' },
        { name: 'users', description: '用户管理 User management (administrators)' },
        { name: 'admin', description: '运维 Operations: backups of the embedded database (administrators)' },
      ],
      components: { securitySchemes },
    },
    transform: jsonSchemaTransform,
    transformObject: (input) => problemContentType(jsonSchemaTransformObject(input)),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      const pending = await pendingMigrations(ctx.db);
      if (pending.length) return sendProblem(req, reply, 503, 'not-ready', { zh: '数据库迁移未完成', en: 'Migrations pending' }, [], pending.join(', '));
      return { status: 'ready', engine: ctx.db.engine };
    } catch (err) {
      req.log.error({ err }, 'readiness check failed');
      return sendProblem(req, reply, 503, 'not-ready', { zh: '数据库不可用', en: 'Database unavailable' });
    }
  });

  // Past its years the calendar counts Monday to Friday: the operator should extend it in time.
  const uncovered = uncoveredYears(ctx.calendar, ctx.clock.today());
  if (uncovered.length) app.log.warn(`The holiday calendar "${ctx.city.calendar}" does not cover ${uncovered.join(' and ')}: working days there count Monday to Friday, without public holidays or make-up working days. Add the year's dates from the published notice to the calendar file.`);

  // One engine for the dashboard, the annual report and the open-data API: they read the same cached series.
  const indicators = new IndicatorEngine(ctx, loadCatalogue(ctx.city));
  const filings = { ...ctx, workflows: opts.workflows ?? loadWorkflows(), attachments: opts.attachments ?? directoryStore(resolve('data', 'attachments')) };
  await app.register(
    async (api) => {
      await limitAnonymous(api, opts.anonymousRateLimit ?? defaultAnonymousRateLimit);
      await api.register(authRoutes(accounts, () => demoAccountsInfo(accounts, opts.demo ?? false)));
      await api.register(tokenRoutes(accounts));
      await api.register(userRoutes(accounts));
      await api.register(metaRoutes(ctx));
      await api.register(organizationRoutes(ctx));
      await api.register(qualificationRoutes(ctx));
      await api.register(rdInstitutionRoutes(ctx));
      await api.register(platformRoutes(ctx));
      await api.register(techContractRoutes(ctx));
      await api.register(projectRoutes(ctx));
      await api.register(achievementRoutes(ctx));
      await api.register(transferRoutes(ctx));
      await api.register(incubationRoutes(ctx));
      await api.register(talentIntroductionRoutes(ctx));
      await api.register(recruitmentCallRoutes(ctx));
      await api.register(ipLoanRoutes(ctx, opts.ipLoanPolicies ?? shippedPolicies()));
      await api.register(topSellerRoutes(ctx));
      await api.register(marketAnalysisRoutes(ctx));
      await api.register(innovationGraphRoutes(ctx));
      await api.register(industrialChainRoutes(ctx, opts.industrialChains ?? shippedChains(ctx.city)));
      await api.register(matchingRoutes(ctx, opts.industrialChains ?? shippedChains(ctx.city)));
      await api.register(techSmeEvaluationRoutes(ctx));
      await api.register(exportRoutes(ctx));
      await api.register(importRoutes(ctx));
      await api.register(auditRoutes(ctx));
      await api.register(backupRoutes(ctx));
      await api.register(filingRoutes(filings));
      await api.register(indicatorRoutes(indicators));
      await api.register(reportRoutes(indicators, { chromium: opts.chromium ?? DEFAULT_CHROMIUM }));
    },
    { prefix: '/api/v1' },
  );
  // A scope of its own: CORS and a per-client limit for everyone, not the registry's anonymous one.
  const openData = openDataRoutes(filings, indicators, opts.version);
  const publicRoutes = async (api: FastifyInstance) => {
    await api.register(openData);
    await api.register(downloadRoutes(ctx, opts.version));
  };
  await app.register(publicApi(publicRoutes, opts.publicRateLimit ?? defaultPublicRateLimit), { prefix: '/api/v1/public' });

  const web = opts.webRoot && existsSync(opts.webRoot) ? opts.webRoot : null;
  if (web) {
    app.addHook('onRequest', async (req, reply) => {
      if (wantsPage(req) && visitorAtHome(req.url, readCookie(req.headers.cookie, SESSION_COOKIE))) return reply.redirect('/portal', 302);
    });
    await app.register(fastifyStatic, webStaticOptions(web));
  }
  app.setNotFoundHandler((req, reply) => (web && wantsPage(req) ? reply.sendFile(pageFor(req.url)) : sendNotFound(req, reply)));
  return app;
}

/**
 * Closes the app: no new connections, requests in flight may finish, but after `ms` the
 * connections still open are cut, so a stalled upload cannot hold up a shutdown.
 */
export async function closeWithin(app: FastifyInstance, ms: number): Promise<void> {
  const cut = setTimeout(() => app.server.closeAllConnections(), ms);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/** Error replies are documented with the media type they are sent with (RFC 9457). */
function problemContentType<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>> }).paths ?? {};
  for (const operation of Object.values(paths).flatMap((p) => Object.values(p))) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      const json = response.content?.['application/json'];
      if (Number(status) >= 400 && json && response.content) response.content = { 'application/problem+json': json };
    }
  }
  return document;
}

/**
 * A request Node's HTTP parser cannot read at all (raw non-ASCII bytes in the URL, a broken
 * header), or that did not arrive whole in time, never reaches a route; it still gets a
 * problem+json reply, written on the socket.
 */
function rejectUnparsable(err: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const timedOut = err.code === 'ERR_HTTP_REQUEST_TIMEOUT';
  const body = JSON.stringify(
    timedOut
      ? { type: 'urn:starcity:problem:request-timeout', title: 'The request did not arrive in time', title_zh: '请求未在限定时间内传完', status: 408, errors: [{ field: 'body', code: 'request.timeout', message: { zh: '请求在限定时间内未传完，请重新发送', en: 'The request did not arrive whole in time; send it again' } }] }
      : { type: 'urn:starcity:problem:bad-request', title: 'The request could not be read', title_zh: '无法解析该请求', status: 400, detail: `${err.code ?? 'HPE_INVALID'}: percent-encode non-ASCII characters in the URL`, errors: [] },
  );
  const statusLine = timedOut ? '408 Request Timeout' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${statusLine}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Unknown non-API pages get the web app's index.html, so client-side routes survive a reload. */
function wantsPage(req: FastifyRequest): boolean {
  const path = req.url.split('?')[0] ?? '';
  return req.method === 'GET' && !path.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
}
