import { describe, expect, it } from 'vitest';
import { CONTACT_REMOVED } from './contactMask.js';
import { isPersonalField, parsePublication, projectRow, type PublicationCatalogue } from './publication.js';

const catalogue: PublicationCatalogue = {
  platforms: {
    id: { name: { zh: '编号', en: 'ID' }, type: 'int' },
    name: { name: { zh: '名称', en: 'Name' }, type: 'text' },
    status: { name: { zh: '状态', en: 'Status' }, type: 'code', codes: [{ code: 'active', label: { zh: '运行', en: 'Active' } }] },
    authority: { name: { zh: '认定部门', en: 'Authority' }, type: 'text' },
    leader: { name: { zh: '负责人', en: 'Leader' }, type: 'text', personal: true },
    contact_phone: { name: { zh: '联系电话', en: 'Phone' }, type: 'text' },
    summary: { name: { zh: '简介', en: 'Summary' }, type: 'text', freeText: true },
  },
};
const indicators = new Set(['platforms.count']);
const licence = { id: 'CC-BY-4.0', name: { zh: '署名', en: 'Attribution' }, url: 'https://creativecommons.org/licenses/by/4.0/' };
const dataset = (over: Record<string, unknown> = {}) => ({
  id: 'platforms',
  title: { zh: '平台', en: 'Platforms' },
  description: { zh: '说明', en: 'About' },
  registry: 'platforms',
  rows: 'status:active',
  fields: ['id', 'name'],
  ...over,
});
const problemsOf = (raw: unknown) => {
  const parsed = parsePublication(raw, catalogue, indicators);
  return 'problems' in parsed ? parsed.problems : [];
};

describe('publication config', () => {
  it('reads a licence, datasets with their fields and row condition, and indicator codes', () => {
    const parsed = parsePublication({ licence, datasets: [dataset()], indicators: ['platforms.count'] }, catalogue, indicators);
    expect(parsed).toEqual({ licence, datasets: [{ ...dataset(), freeText: [] }], indicators: ['platforms.count'] });
  });

  it('names the published fields the catalogue marks as free text', () => {
    const parsed = parsePublication({ licence, datasets: [dataset({ fields: ['id', 'summary', 'name'] })], indicators: [] }, catalogue, indicators);
    expect('datasets' in parsed && parsed.datasets[0]?.freeText).toEqual(['summary']);
  });

  it('defaults a missing row condition to every row', () => {
    const { rows: _, ...withoutRows } = dataset();
    const parsed = parsePublication({ licence, datasets: [withoutRows], indicators: [] }, catalogue, indicators);
    expect('datasets' in parsed && parsed.datasets[0]?.rows).toBe('');
  });

  it('names every problem at once: unknown dataset registry, unknown field, unknown indicator, missing licence', () => {
    const problems = problemsOf({ datasets: [dataset({ registry: 'spaceships' }), dataset({ id: 'p2', fields: ['id', 'colour'] })], indicators: ['nope'] });
    expect(problems).toEqual([
      'licence: must be { id, name: { zh, en }, url (https) }',
      'datasets[0].registry: unknown registry list "spaceships" (one of platforms)',
      expect.stringContaining('datasets[1].fields: unknown field "colour" of platforms'),
      'indicators: unknown indicator "nope"',
    ]);
  });

  it('never publishes a personal field, whether the catalogue marks it or its name says so', () => {
    const problems = problemsOf({ licence, datasets: [dataset({ fields: ['id', 'leader', 'contact_phone'] })], indicators: [] });
    expect(problems).toEqual([
      'datasets[0].fields: "leader" is personal data and is never published',
      'datasets[0].fields: "contact_phone" is personal data and is never published',
    ]);
  });

  it('refuses a person-shaped field name even when no catalogue knows it', () => {
    for (const name of ['person_name', 'email', 'id_number', 'mobile', 'contact']) expect(isPersonalField(name, undefined), name).toBe(true);
    for (const name of ['name', 'host_name', 'owner_name', 'phase']) expect(isPersonalField(name, undefined), name).toBe(false);
  });

  it('never row-publishes contracts, loans or talent introductions', () => {
    for (const registry of ['tech_contracts', 'ip_loans', 'talent_introductions']) {
      expect(problemsOf({ licence, datasets: [dataset({ registry })], indicators: [] })).toEqual([`datasets[0].registry: "${registry}" is never published row by row (its indicators may be)`]);
    }
  });

  it('requires the id, refuses duplicates, unknown keys and untranslated titles', () => {
    const problems = problemsOf({ licence, datasets: [dataset({ fields: ['name', 'name'], title: { zh: '平台' }, extra: 1 }), dataset()], indicators: [] });
    expect(problems).toEqual([
      'datasets[0]: unknown key "extra"',
      'datasets[0].title: must be { zh, en }',
      'datasets[0].fields: must publish "id" (rows are addressed by it)',
      'datasets[0].fields: "name" is named twice',
    ]);
    expect(problemsOf({ licence, datasets: [dataset(), dataset()], indicators: [] })).toEqual(['datasets: "platforms" is named twice']);
  });
});

describe('projectRow', () => {
  it('keeps only the published fields, in their order, and writes timestamps as ISO text', () => {
    const row = { authority: 'secret ministry', name: 'Lab', id: 7, address: 'x', updated_at: new Date('2025-03-04T05:06:07.000Z') };
    expect(projectRow({ fields: ['id', 'name', 'updated_at'], freeText: [] }, row)).toEqual({ id: 7, name: 'Lab', updated_at: '2025-03-04T05:06:07.000Z' });
    expect(Object.keys(projectRow({ fields: ['name', 'id'], freeText: [] }, row))).toEqual(['name', 'id']);
  });

  it('gives a published field the row lacks as null rather than dropping it', () => {
    expect(projectRow({ fields: ['id', 'zone'], freeText: [] }, { id: 1 })).toEqual({ id: 1, zone: null });
  });

  it('masks contacts in free-text fields, and only there', () => {
    const row = { id: 1, name: '实验室 13900004242', summary: '联系 13900004242 或 hr@example.cn', note: null };
    expect(projectRow({ fields: ['id', 'name', 'summary', 'note'], freeText: ['summary', 'note'] }, row)).toEqual({
      id: 1,
      name: '实验室 13900004242',
      summary: `联系 ${CONTACT_REMOVED} 或 ${CONTACT_REMOVED}`,
      note: null,
    });
  });
});
