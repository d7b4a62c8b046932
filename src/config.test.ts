import { describe, expect, it } from 'vitest';
import { loadCity, loadConfig } from './config.js';
import { defaultAnonymousRateLimit, defaultPublicRateLimit } from './http/rateLimit.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', databaseUrl: null, demo: true, city: 'changsha', logLevel: 'info' });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('reads every variable', () => {
    const c = loadConfig({ PORT: '9000', HOST: '127.0.0.1', STARCITY_DATA_DIR: '/tmp/x', DATABASE_URL: 'postgres://h/db', STARCITY_DEMO: '0', LOG_LEVEL: 'warn' });
    expect(c).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/tmp/x', databaseUrl: 'postgres://h/db', demo: false, logLevel: 'warn' });
  });

  it('reads the session timeouts and the proxy trust', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, sessionMaxHours: 12, trustProxy: false });
    expect(loadConfig({ STARCITY_SESSION_IDLE_MINUTES: '15', STARCITY_SESSION_MAX_HOURS: '8', STARCITY_TRUST_PROXY: '1' })).toMatchObject({ sessionIdleMinutes: 15, sessionMaxHours: 8, trustProxy: true });
    expect(loadConfig({ STARCITY_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
    expect(() => loadConfig({ STARCITY_SESSION_IDLE_MINUTES: '0' })).toThrow(/STARCITY_SESSION_IDLE_MINUTES must be a positive number/);
  });

  it('reads the request and idle timeouts', () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutSeconds: 600, idleTimeoutSeconds: 60 });
    expect(loadConfig({ STARCITY_REQUEST_TIMEOUT_SECONDS: '120', STARCITY_IDLE_TIMEOUT_SECONDS: '15' })).toMatchObject({ requestTimeoutSeconds: 120, idleTimeoutSeconds: 15 });
    expect(() => loadConfig({ STARCITY_IDLE_TIMEOUT_SECONDS: 'never' })).toThrow(/STARCITY_IDLE_TIMEOUT_SECONDS must be a positive number/);
  });

  it('limits anonymous API requests per client, by default as the server does (120 a minute), or as told', () => {
    const { anonymousRateLimit: max, anonymousRateWindowSeconds: seconds } = loadConfig({});
    expect({ max, windowMs: seconds * 1000 }).toEqual(defaultAnonymousRateLimit);
    expect(loadConfig({ STARCITY_ANONYMOUS_RATE_LIMIT: '600', STARCITY_ANONYMOUS_RATE_WINDOW_SECONDS: '10' })).toMatchObject({ anonymousRateLimit: 600, anonymousRateWindowSeconds: 10 });
    expect(() => loadConfig({ STARCITY_ANONYMOUS_RATE_LIMIT: '0' })).toThrow(/STARCITY_ANONYMOUS_RATE_LIMIT must be a positive number/);
  });

  it('limits public-API requests per client, by default as the server does (300 a minute), or as told', () => {
    const { publicRateLimit: max, publicRateWindowSeconds: seconds } = loadConfig({});
    expect({ max, windowMs: seconds * 1000 }).toEqual(defaultPublicRateLimit);
    expect(loadConfig({ STARCITY_PUBLIC_RATE_LIMIT: '50', STARCITY_PUBLIC_RATE_LIMIT_WINDOW_SECONDS: '10' })).toMatchObject({ publicRateLimit: 50, publicRateWindowSeconds: 10 });
    expect(() => loadConfig({ STARCITY_PUBLIC_RATE_LIMIT_WINDOW_SECONDS: '-1' })).toThrow(/STARCITY_PUBLIC_RATE_LIMIT_WINDOW_SECONDS must be a positive number/);
  });

  it('reads the date the server acts on (training, demos, tests), refusing one that is not a date', () => {
    expect(loadConfig({}).today).toBeNull();
    expect(loadConfig({ STARCITY_TODAY: '2026-11-13' }).today).toBe('2026-11-13');
    expect(() => loadConfig({ STARCITY_TODAY: '2026-02-30' })).toThrow(/STARCITY_TODAY must be a date written YYYY-MM-DD/);
    expect(() => loadConfig({ STARCITY_TODAY: 'tomorrow' })).toThrow(/STARCITY_TODAY/);
  });

  it('lets flags override variables', () => {
    expect(loadConfig({ PORT: '9000' }, { port: 7000 }).port).toBe(7000);
  });

  it('refuses a port that is not one', () => {
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT must be a port number/);
  });

  it('keeps documents beside the database, or in an S3-compatible bucket whose endpoint and keys are then required', () => {
    expect(loadConfig({ STARCITY_DATA_DIR: '/srv/sc' }).attachments).toEqual({ kind: 'directory', dir: '/srv/sc/attachments' });
    expect(loadConfig({}, { dataDir: '/mnt/other' }).attachments).toEqual({ kind: 'directory', dir: '/mnt/other/attachments' });
    const s3 = { STARCITY_S3_BUCKET: 'docs', STARCITY_S3_ENDPOINT: 'http://minio:9000', STARCITY_S3_ACCESS_KEY_ID: 'id', STARCITY_S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig(s3).attachments).toEqual({ kind: 's3', bucket: 'docs', endpoint: 'http://minio:9000', accessKeyId: 'id', secretAccessKey: 'secret', region: 'us-east-1', prefix: '' });
    expect(() => loadConfig({ ...s3, STARCITY_S3_ENDPOINT: '' })).toThrow(/STARCITY_S3_BUCKET is set, so STARCITY_S3_ENDPOINT is required/);
  });
});

describe('loadCity', () => {
  it('loads Changsha by name', () => {
    expect(loadCity('changsha').code).toBe('430100');
  });
  it('says which file is missing', () => {
    expect(() => loadCity('atlantis')).toThrow(/config\/cities\/atlantis\.json/);
  });
});
