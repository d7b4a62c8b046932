import { describe, expect, it } from 'vitest';
import type { Observation } from '../../src/contracts/indicators.js';
import { appContext } from '../../src/modules/shared/context.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';

/**
 * One AppContext, one clock (issue 13): every module reads the day from the app's clock in the
 * city's time zone, so between 00:00 and 08:00 in Beijing the dashboard and the filings no
 * longer disagree on the date (the indicator engine took UTC's day).
 */

// 01:30 on Saturday 2026-12-05 in Beijing, still Friday 2026-12-04 in UTC.
const NOW = new Date('2026-12-04T17:30:00Z');
const t = await createTestApp({ now: () => NOW });
const { app } = t;

describe('the app clock', () => {
  it('the indicator engine and the filings agree on the city’s day', async () => {
    const res = await app.inject({ url: '/api/v1/indicators/rd_institutions.count/observations?period=2026' });
    expect(res.statusCode, res.body).toBe(200);
    const [observation] = res.json<{ results: Observation[] }>().results;
    // A running year's computed value stands as of today.
    expect(observation?.as_of).toBe('2026-12-05');

    const applicant = await createOrganization(app, {});
    const created = await app.inject({ method: 'POST', url: '/api/v1/applications', payload: { filing_type: 'pilot_platform', organization_id: applicant.id, field: 'advanced_manufacturing' } });
    expect(created.statusCode, created.body).toBe(201);
    const { rows } = await t.db.query<{ state_day: string }>('SELECT state_day FROM applications WHERE id = $1', [created.json<{ id: number }>().id]);
    expect(rows[0]?.state_day).toBe('2026-12-05');
  });

  it('files are named by the city’s day: registry and audit exports, and the dashboard says when it was computed', async () => {
    for (const url of ['/api/v1/organizations/export?format=csv&lang=en', '/api/v1/audit/export?format=csv&lang=en']) {
      const res = await app.inject({ url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition'], url).toContain('20261205');
    }
    const dashboard = await app.inject({ url: '/api/v1/dashboard' });
    expect(dashboard.json<{ computed_at: string }>().computed_at).toBe(NOW.toISOString());
  });
});

describe('a city in another time zone', () => {
  it('counts its days at its own midnight (the city configuration’s timeZone)', async () => {
    const elsewhere = appContext(t.db, { ...t.ctx.city, timeZone: 'America/Los_Angeles' }, t.ctx.calendar, { now: () => NOW });
    // 09:30 on Friday in Los Angeles.
    expect(elsewhere.clock.today()).toBe('2026-12-04');
    expect(t.ctx.clock.today()).toBe('2026-12-05');
  });
});
