import { describe, expect, it } from 'vitest';
import { organization, organizationList, type Organization } from '../../src/contracts/organizations.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution, organizationInput, validUscc, withBadChecksum } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { crudSuite } from './crudSuite.js';
import { errorAt, expectProblem, resourceClient, snapshot, storedRow } from './helpers.js';

const { app, db } = await createTestApp();

const client = resourceClient(app, db, 'organizations');
const { post, patch } = client;
/** Posts a body that must be refused with 400 naming `fields`; nothing may be written. */
const refused = (payload: unknown, fields: string[]) => client.refused(payload, 400, fields);

crudSuite({
  app,
  db,
  path: 'organizations',
  table: 'organizations',
  item: organization,
  list: organizationList,
  input: async () => organizationInput(),
  change: { body: { name: '改名后的科技有限公司' }, field: 'name' },
});

describe('credit code (统一社会信用代码)', () => {
  it.each(['914403001922038216', '91110000600037341L', '121200004013590816', '91350100M000100Y43'])('accepts the published valid code %s', async (uscc) => {
    const res = await post(organizationInput({ uscc }));
    expect(res.statusCode, res.body).toBe(201);
    expect(organization.parse(res.json()).uscc).toBe(uscc);
  });

  it('stores the normalised code: spaces dropped, full-width mapped, upper-cased', async () => {
    const code = validUscc();
    const typed = `  ${code.slice(0, 6)} ${code.slice(6, 12).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}\u3000${code.slice(12).toLowerCase()} `;
    const res = await post(organizationInput({ uscc: typed }));
    expect(res.statusCode, res.body).toBe(201);
    expect(organization.parse(res.json())).toMatchObject({ uscc: code, uscc_warnings: [] });
  });

  it.each([
    ['91350100M000100Y4Z', '3'],
    ['91110000600037341N', 'L'],
  ])('refuses %s and names the expected check character %s', async (uscc, expected) => {
    const e = errorAt(await refused(organizationInput({ uscc }), ['uscc']), 'uscc');
    expect(e).toMatchObject({ code: 'uscc.checksum', params: { expected } });
    expect(e.message.zh).toContain(expected);
    expect(e.message.en).toContain(`should be ${expected}`);
  });

  it('refuses letters outside the alphabet and names them', async () => {
    const e = errorAt(await refused(organizationInput({ uscc: '9111000060003IOZSV' }), ['uscc']), 'uscc');
    expect(e.code).toBe('uscc.alphabet');
    expect(e.message.en).toContain('I, O, Z, S');
  });

  it.each([
    ['12345', 5],
    [`${validUscc()}1`, 19],
  ])('refuses %s as the wrong length', async (uscc, length) => {
    expect(errorAt(await refused(organizationInput({ uscc }), ['uscc']), 'uscc')).toMatchObject({ code: 'uscc.length', params: { length } });
  });

  it('refuses an empty or overlong code as a shape problem', async () => {
    expect(errorAt(await refused(organizationInput({ uscc: '' }), ['uscc']), 'uscc').code).toBe('required');
    expect(errorAt(await refused(organizationInput({ uscc: '9'.repeat(41) }), ['uscc']), 'uscc').code).toBe('too_long');
  });

  it('accepts a code failing the checksum with an override reason, as a warning', async () => {
    const { code, expected } = withBadChecksum(validUscc());
    const res = await post(organizationInput({ uscc: code, uscc_override_reason: '早期试点代码，经登记机关书面确认' }));
    expect(res.statusCode, res.body).toBe(201);
    const org = organization.parse(res.json());
    expect(org.uscc).toBe(code);
    expect(org.uscc_warnings).toEqual([expect.objectContaining({ code: 'uscc.checksum_overridden', params: { expected, actual: code.charAt(17) } })]);
  });

  it('does not take a blank override reason', async () => {
    const { code } = withBadChecksum(validUscc());
    expect(errorAt(await refused(organizationInput({ uscc: code, uscc_override_reason: '   ' }), ['uscc']), 'uscc').code).toBe('uscc.checksum');
  });

  it('does not let the override cover alphabet or length errors', async () => {
    expect(errorAt(await refused(organizationInput({ uscc: '12345', uscc_override_reason: '试点' }), ['uscc']), 'uscc').code).toBe('uscc.length');
  });

  it('re-checks the code when an update drops the override reason', async () => {
    const { code } = withBadChecksum(validUscc());
    const org = organization.parse((await post(organizationInput({ uscc: code, uscc_override_reason: '试点代码' }))).json());
    const stored = await storedRow(db, 'organizations', org.id);
    const p = expectProblem(await patch(org.id, { uscc_override_reason: null }), 400, ['uscc']);
    expect(errorAt(p, 'uscc').code).toBe('uscc.checksum');
    expect(await storedRow(db, 'organizations', org.id)).toEqual(stored);
  });

  it('refuses a duplicate code (after normalising) with 409 naming the existing record', async () => {
    const first = await createOrganization(app);
    const before = await snapshot(db);
    const res = await post(organizationInput({ uscc: ` ${first.uscc.toLowerCase()} ` }));
    const e = errorAt(expectProblem(res, 409, ['uscc']), 'uscc');
    expect(e).toMatchObject({ code: 'uscc.duplicate', params: { existing_id: first.id } });
    expect(e.message.zh).toContain(first.name);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an update to another record’s code with 409 and changes nothing', async () => {
    const [a, b] = [await createOrganization(app), await createOrganization(app)];
    const stored = await storedRow(db, 'organizations', b.id);
    expectProblem(await patch(b.id, { uscc: a.uscc }), 409, ['uscc']);
    expect(await storedRow(db, 'organizations', b.id)).toEqual(stored);
  });

  it('lets an update keep its own code', async () => {
    const org = await createOrganization(app);
    const res = await patch(org.id, { uscc: org.uscc.toLowerCase(), name: '同码更名' });
    expect(res.statusCode, res.body).toBe(200);
    expect(organization.parse(res.json())).toMatchObject({ uscc: org.uscc, name: '同码更名', version: 2 });
  });
});

describe('district and zone', () => {
  it('refuses a retired district and names its successor', async () => {
    const e = errorAt(await refused(organizationInput({ district_code: '430122' }), ['district_code']), 'district_code');
    expect(e).toMatchObject({ code: 'district.retired', params: { code: '430122', successor: '430112' } });
    expect(e.message.zh).toContain('430112');
    expect(e.message.zh).toContain('望城区');
    expect(e.message.en).toContain('Wangcheng District');
  });

  it.each([
    ['430100', 'district.city_level'],
    ['430101', 'district.placeholder'],
    ['440305', 'district.unknown'],
    ['4301', 'district.format'],
    ['', 'district.format'],
  ])('refuses the district %j as %s', async (district_code, code) => {
    expect(errorAt(await refused(organizationInput({ district_code }), ['district_code']), 'district_code').code).toBe(code);
  });

  it('accepts every one of the nine districts, and none (outside the city)', async () => {
    for (const district_code of ['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181', '430182', null]) {
      const res = await post(organizationInput({ district_code }));
      expect(res.statusCode, res.body).toBe(201);
      expect(organization.parse(res.json()).district_code).toBe(district_code);
    }
  });

  it('refuses an unknown zone and lists the configured ones', async () => {
    const e = errorAt(await refused(organizationInput({ zone: 'atlantis' }), ['zone']), 'zone');
    expect(e.code).toBe('zone.unknown');
    expect(String(e.params?.allowed)).toContain('xiangjiang_science_city');
  });

  it('refuses a retired district on update and changes nothing', async () => {
    const org = await createOrganization(app);
    const stored = await storedRow(db, 'organizations', org.id);
    expect(errorAt(expectProblem(await patch(org.id, { district_code: '430124' }), 400, ['district_code']), 'district_code').params).toMatchObject({ successor: '430182' });
    expect(await storedRow(db, 'organizations', org.id)).toEqual(stored);
  });
});

describe('other fields', () => {
  it('refuses a founding date in the future or that does not exist', async () => {
    expect(errorAt(await refused(organizationInput({ founded_on: '2099-01-01' }), ['founded_on']), 'founded_on').code).toBe('date.future');
    for (const founded_on of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-6-30', '30/06/2025', '1899-12-31']) {
      expect(errorAt(await refused(organizationInput({ founded_on }), ['founded_on']), 'founded_on').code).toBe('date.invalid');
    }
  });

  it('accepts 29 February of a leap year', async () => {
    const res = await post(organizationInput({ founded_on: '2024-02-29' }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an unknown kind and lists the allowed ones', async () => {
    const e = errorAt(await refused(organizationInput({ kind: 'bank' as 'other' }), ['kind']), 'kind');
    expect(e.code).toBe('invalid_code');
    expect(e.params?.allowed).toContain('new_type_rd_institution');
  });

  it('requires the Chinese name and refuses a blank or overlong one', async () => {
    const { name: _, ...noName } = organizationInput();
    expect(errorAt(await refused(noName, ['name']), 'name').code).toBe('required');
    expect(errorAt(await refused(organizationInput({ name: '   ' }), ['name']), 'name').code).toBe('required');
    expect(errorAt(await refused(organizationInput({ name: '长'.repeat(201) }), ['name']), 'name')).toMatchObject({ code: 'too_long', params: { max: 200 } });
  });

  it('stores blank optional texts as absent', async () => {
    const res = await post(organizationInput({ name_en: '', address: '  ', zone: null }));
    expect(res.statusCode, res.body).toBe(201);
    expect(organization.parse(res.json())).toMatchObject({ name_en: null, address: null, zone: null });
  });

  it('stores a GB/T 4754 industry code, giving four bare digits their section letter, and refuses one that is none', async () => {
    const res = await post(organizationInput({ industry_code: ' 3514 ' }));
    expect(res.statusCode, res.body).toBe(201);
    const created = organization.parse(res.json());
    expect(created.industry_code).toBe('C3514');
    expect(await storedRow(db, 'organizations', created.id)).toMatchObject({ industry_code: 'C3514' });
    expect(errorAt(await refused(organizationInput({ industry_code: 'I6613' }), ['industry_code']), 'industry_code')).toMatchObject({ code: 'industry_code.invalid', params: { value: 'I6613' } });
    const changed = await patch(created.id, { industry_code: 'x9' }, created.version);
    expect(errorAt(expectProblem(changed, 400, ['industry_code']), 'industry_code').code).toBe('industry_code.invalid');
  });

  it('trims the name', async () => {
    const res = await post(organizationInput({ name: '  湖南大学  ' }));
    expect(organization.parse(res.json()).name).toBe('湖南大学');
  });
});

describe('every problem at once', () => {
  it('reports shape and domain problems of one request together', async () => {
    const p = await refused(
      {
        uscc: '91350100M000100Y4Z',
        name: '',
        kind: 'bank',
        district_code: '430122',
        zone: 'atlantis',
        founded_on: '2025-02-30',
        address: 42,
        colour: 'red',
      },
      ['uscc', 'name', 'kind', 'district_code', 'zone', 'founded_on', 'address', 'colour'],
    );
    expect(Object.fromEntries(p.errors.map((e) => [e.field, e.code]))).toEqual({
      uscc: 'uscc.checksum',
      name: 'required',
      kind: 'invalid_code',
      district_code: 'district.retired',
      zone: 'zone.unknown',
      founded_on: 'date.invalid',
      address: 'invalid_type',
      colour: 'unknown_field',
    });
  });

  it('reports every problem of an update together and changes nothing', async () => {
    const org = await createOrganization(app);
    const stored = await storedRow(db, 'organizations', org.id);
    const res = await patch(org.id, { uscc: '12345', district_code: '430100', founded_on: '2099-12-31', kind: null, extra: 1 });
    expectProblem(res, 400, ['uscc', 'district_code', 'founded_on', 'kind', 'extra']);
    expect(await storedRow(db, 'organizations', org.id)).toEqual(stored);
  });
});

describe('delete with dependents', () => {
  it('refuses to delete an organization that still has records, naming the counts', async () => {
    const org = await createOrganization(app);
    await createQualification(app, { organization_id: org.id });
    await createQualification(app, { organization_id: org.id, qualification: 'tech_sme' });
    await createRdInstitution(app, { host_org_id: org.id });
    await createPlatform(app, { host_org_id: org.id });
    const before = await snapshot(db);

    const res = await app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}` });
    const e = errorAt(expectProblem(res, 409, ['id']), 'id');
    expect(e).toMatchObject({ code: 'organization.has_dependents', params: { qualifications: 2, rd_institutions: 1, platforms: 1 } });
    expect(e.message.zh).toContain('2 项资质');
    expect(e.message.en).toContain('2 qualifications, 1 R&D institutions and 1 platforms');
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('search by credit code', () => {
  it('finds an organization by its full code however it is typed', async () => {
    const org: Organization = await createOrganization(app);
    const res = await app.inject({ method: 'GET', url: `/api/v1/organizations?search=${encodeURIComponent(` ${org.uscc.toLowerCase()}`)}` });
    expect(organizationList.parse(res.json()).results.map((o) => o.id)).toEqual([org.id]);
  });
});
