import { describe, expect, it } from 'vitest';
import { qualification, qualificationList } from '../../src/contracts/qualifications.js';
import { createOrganization, createQualification, qualificationInput } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { crudSuite } from './crudSuite.js';
import { errorAt, expectProblem, resourceClient, storedRow } from './helpers.js';

const { app, db } = await createTestApp();

const { post, patch, refused } = resourceClient(app, db, 'qualifications');

crudSuite({
  app,
  db,
  path: 'qualifications',
  table: 'qualifications',
  item: qualification,
  list: qualificationList,
  input: async () => ({ ...(await qualificationInput(app)) }),
  change: { body: { certificate_no: 'GR202543000999' }, field: 'certificate_no' },
});

describe('qualifications (资质)', () => {
  it('names the holder in the reply', async () => {
    const org = await createOrganization(app, { name: '中联重科股份有限公司' });
    const q = await createQualification(app, { organization_id: org.id });
    expect(q).toMatchObject({ organization_id: org.id, organization_name: '中联重科股份有限公司', qualification: 'high_tech_enterprise' });
  });

  it('accepts an open-ended validity and a same-day range', async () => {
    expect((await createQualification(app, { valid_to: null })).valid_to).toBeNull();
    expect((await createQualification(app, { valid_from: '2024-01-01', valid_to: '2024-01-01' })).valid_to).toBe('2024-01-01');
  });

  it('lists the qualifications valid on a day, an open-ended one included, with the web list’s filter terms', async () => {
    const org = await createOrganization(app);
    const made = {
      valid: await createQualification(app, { organization_id: org.id, valid_from: '2024-01-01', valid_to: '2026-12-04' }),
      open: await createQualification(app, { organization_id: org.id, qualification: 'tech_sme', valid_from: '2026-12-04', valid_to: null }),
      expired: await createQualification(app, { organization_id: org.id, valid_from: '2020-01-01', valid_to: '2026-12-03' }),
      upcoming: await createQualification(app, { organization_id: org.id, valid_from: '2026-12-05', valid_to: null }),
    };
    const ids = async (terms: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/qualifications?per_page=100&filter=${encodeURIComponent(`organization_id:${org.id},${terms}`)}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { results: Array<{ id: number }> }).results.map((r) => r.id).sort((a, b) => a - b);
    };
    expect(await ids('valid_from:<2026-12-05,valid_to:>2026-12-03|null')).toEqual([made.valid.id, made.open.id].sort((a, b) => a - b));
    expect(await ids('valid_to:<2026-12-04')).toEqual([made.expired.id]);
    expect(await ids('valid_from:>2026-12-04')).toEqual([made.upcoming.id]);
  });

  it('refuses a holder that does not exist, naming organization_id', async () => {
    const e = errorAt(await refused(await qualificationInput(app, { organization_id: 2_147_483_000 }), 400, ['organization_id']), 'organization_id');
    expect(e).toMatchObject({ code: 'reference.not_found', params: { id: 2_147_483_000 } });
  });

  it('refuses the same qualification from the same date twice (409), but not from another date', async () => {
    const first = await createQualification(app);
    const again = { organization_id: first.organization_id, qualification: first.qualification, valid_from: first.valid_from };
    const e = errorAt(await refused(again, 409, ['valid_from']), 'valid_from');
    expect(e).toMatchObject({ code: 'qualification.duplicate', params: { existing_id: first.id } });
    const res = await post({ ...again, valid_from: '2020-10-16', valid_to: '2023-10-15' });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an update that would duplicate another certificate and changes nothing', async () => {
    const first = await createQualification(app, { valid_from: '2020-01-01', valid_to: null });
    const second = await createQualification(app, { organization_id: first.organization_id, valid_from: '2021-01-01', valid_to: null });
    const stored = await storedRow(db, 'qualifications', second.id);
    expectProblem(await patch(second.id, { valid_from: '2020-01-01' }), 409, ['valid_from']);
    expect(await storedRow(db, 'qualifications', second.id)).toEqual(stored);
  });

  it('refuses a validity that ends before it starts, naming valid_to', async () => {
    const e = errorAt(await refused(await qualificationInput(app, { valid_from: '2024-01-01', valid_to: '2023-12-31' }), 400, ['valid_to']), 'valid_to');
    expect(e).toMatchObject({ code: 'date.range', params: { from: '2024-01-01', to: '2023-12-31' } });
  });

  it('checks the range against the stored start when an update moves only the end', async () => {
    const q = await createQualification(app, { valid_from: '2023-10-16', valid_to: '2026-10-15' });
    const stored = await storedRow(db, 'qualifications', q.id);
    expect(errorAt(expectProblem(await patch(q.id, { valid_to: '2023-10-15' }), 400, ['valid_to']), 'valid_to').code).toBe('date.range');
    expect(errorAt(expectProblem(await patch(q.id, { valid_from: '2027-01-01' }), 400, ['valid_to']), 'valid_to').code).toBe('date.range');
    expect(await storedRow(db, 'qualifications', q.id)).toEqual(stored);
  });

  it('refuses dates that do not exist', async () => {
    const p = await refused(await qualificationInput(app, { valid_from: '2025-02-30', valid_to: '2025-04-31' }), 400, ['valid_from', 'valid_to']);
    expect(p.errors.map((e) => e.code)).toEqual(['date.invalid', 'date.invalid']);
  });

  it('requires the start of validity and the qualification', async () => {
    const { valid_from: _, qualification: __, ...rest } = await qualificationInput(app);
    const p = await refused(rest, 400, ['valid_from', 'qualification']);
    expect(p.errors.every((e) => e.code === 'required')).toBe(true);
  });

  it('refuses an unknown qualification code and lists the allowed ones', async () => {
    const e = errorAt(await refused(await qualificationInput(app, { qualification: 'nobel_prize' as 'tech_sme' }), 400, ['qualification']), 'qualification');
    expect(e).toMatchObject({ code: 'invalid_code', params: { allowed: ['tech_sme', 'high_tech_enterprise', 'little_giant', 'sci_tech_leading_enterprise'] } });
  });

  it('refuses wrong types for the holder id', async () => {
    for (const organization_id of ['1', 1.5, 0, -3, null, 2_147_483_648]) {
      errorAt(await refused({ ...(await qualificationInput(app)), organization_id }, 400, ['organization_id']), 'organization_id');
    }
  });

  it('refuses moving a certificate to a holder that does not exist, and changes nothing', async () => {
    const q = await createQualification(app);
    const stored = await storedRow(db, 'qualifications', q.id);
    expect(errorAt(expectProblem(await patch(q.id, { organization_id: 2_147_483_000 }), 400, ['organization_id']), 'organization_id').code).toBe('reference.not_found');
    expect(await storedRow(db, 'qualifications', q.id)).toEqual(stored);
  });

  it('moves a certificate to another holder', async () => {
    const q = await createQualification(app);
    const other = await createOrganization(app, { name: '三一重工股份有限公司' });
    const res = await patch(q.id, { organization_id: other.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(qualification.parse(res.json())).toMatchObject({ organization_id: other.id, organization_name: '三一重工股份有限公司', version: 2 });
  });

  it('finds certificates by holder through filter and search', async () => {
    const org = await createOrganization(app, { name: '长沙景嘉微电子股份有限公司' });
    const q = await createQualification(app, { organization_id: org.id, qualification: 'little_giant' });
    const byFilter = qualificationList.parse((await app.inject({ method: 'GET', url: `/api/v1/qualifications?filter=organization_id:${org.id}` })).json());
    expect(byFilter.results.map((r) => r.id)).toEqual([q.id]);
    const bySearch = qualificationList.parse((await app.inject({ method: 'GET', url: `/api/v1/qualifications?search=${encodeURIComponent('景嘉微')}` })).json());
    expect(bySearch.results.map((r) => r.id)).toEqual([q.id]);
  });
});
