import { describe, expect, it } from 'vitest';
import type { PublicDataset } from './api';
import { achievementsQuery, fourGlobalFeatures, profileFields, profileKindOf, profileTitle, RELATED_PAGE, rowColumns, transfersQuery, valueText } from './profile';

const field = (name: string, zh: string, type: PublicDataset['fields'][number]['type'] = 'text', codes?: Array<[string, string, string]>): PublicDataset['fields'][number] => ({
  name,
  title: { zh, en: `${name} (en)` },
  type,
  filterable: true,
  sortable: true,
  groupable: false,
  ...(codes ? { codes: codes.map(([code, lzh, len]) => ({ code, label: { zh: lzh, en: len } })) } : {}),
});

/** An R&D institutions dataset as config/publication.json shapes it: two features published, one with its evidence. */
const INSTITUTIONS: PublicDataset = {
  id: 'rd_institutions',
  title: { zh: '研发机构', en: 'R&D institutions' },
  description: { zh: '', en: '' },
  licence: { id: 'CC-BY-4.0', name: { zh: '知识共享', en: 'CC BY' }, url: 'https://example.org' },
  searchable: true,
  links: { self: '', rows: '' },
  fields: [
    field('id', '编号', 'int'),
    field('name', '名称'),
    field('name_en', '英文名称'),
    field('host_org_id', '依托单位编号', 'int'),
    field('host_name', '依托单位'),
    field('host_uscc', '依托单位信用代码'),
    field('level', '级别', 'code', [['provincial', '省级', 'Provincial']]),
    field('established_on', '成立日期', 'date'),
    field('global_feature_count', '已确认特征数', 'int'),
    field('global_layout', '功能布局基于全球', 'bool'),
    field('global_layout_confirmed_on', '确认日期', 'date'),
    field('global_layout_evidence', '佐证摘要'),
    field('global_tasks', '研发任务源自全球', 'bool'),
  ],
};
const WORDS = { yes: '是', no: '否' };
const ROW = { id: 7, name: '岳麓山实验室', name_en: 'Yuelu Lab', host_org_id: 3, host_name: '中南大学', host_uscc: '12430000444885', level: 'provincial', established_on: '2021-06-01', global_feature_count: 1234, global_layout: true, global_layout_confirmed_on: '2024-05-06', global_layout_evidence: '在德国设有分支机构', global_tasks: false };

describe('a profile', () => {
  it('lists the published fields with a value under their names, codes by label, without what it shows apart', () => {
    expect(profileFields(INSTITUTIONS, ROW, 'zh', WORDS)).toEqual([
      { name: 'host_name', label: '依托单位', value: '中南大学' },
      { name: 'level', label: '级别', value: '省级' },
      { name: 'established_on', label: '成立日期', value: '2021-06-01' },
      { name: 'global_feature_count', label: '已确认特征数', value: '1,234' },
    ]);
  });

  it('leaves out a field without a value, and shows an unknown code as it is', () => {
    const shown = profileFields(INSTITUTIONS, { ...ROW, established_on: null, level: 'mystery' }, 'en', WORDS);
    expect(shown.map((f) => [f.name, f.value])).toEqual([
      ['host_name', '中南大学'],
      ['level', 'mystery'],
      ['global_feature_count', '1,234'],
    ]);
  });

  it('says yes and no in words', () => {
    expect(valueText(field('x', 'x', 'bool'), true, 'zh', WORDS)).toBe('是');
    expect(valueText(field('x', 'x', 'bool'), false, 'zh', WORDS)).toBe('否');
  });

  it('is titled by the name in the language asked for, falling back to the filed name', () => {
    expect(profileTitle(ROW, 'en')).toBe('Yuelu Lab');
    expect(profileTitle(ROW, 'zh')).toBe('岳麓山实验室');
    expect(profileTitle({ ...ROW, name_en: null }, 'en')).toBe('岳麓山实验室');
  });

  it('gives each published four-global feature with its confirmation and evidence', () => {
    expect(fourGlobalFeatures(INSTITUTIONS, ROW, 'zh')).toEqual([
      { code: 'global_layout', label: '功能布局基于全球', claimed: true, confirmedOn: '2024-05-06', evidence: '在德国设有分支机构' },
      { code: 'global_tasks', label: '研发任务源自全球', claimed: false, confirmedOn: null, evidence: null },
    ]);
  });

  it('has no four-global section for a dataset that publishes none (platforms)', () => {
    const platforms = { ...INSTITUTIONS, id: 'platforms', fields: INSTITUTIONS.fields.filter((f) => !f.name.startsWith('global_')) };
    expect(fourGlobalFeatures(platforms, ROW, 'zh')).toEqual([]);
  });
});

describe("a profile's achievements and transfers", () => {
  it('asks for the achievements the platform or institution hosted, newest year first', () => {
    expect(achievementsQuery('platform', 5)).toEqual({ filter: 'platform_id:5', sort: 'year:desc', per_page: RELATED_PAGE });
    expect(achievementsQuery('institution', 7).filter).toBe('rd_institution_id:7');
  });

  it('asks for the transfers of those achievements, newest first, and nothing when there are none', () => {
    expect(transfersQuery([3, 9])).toEqual({ filter: 'achievement_id:3|9', sort: 'transferred_on:desc', per_page: RELATED_PAGE });
    expect(transfersQuery([])).toBeNull();
  });
});

describe('a rows table', () => {
  it('shows the name and the first published fields a reader tells rows apart by', () => {
    expect(rowColumns(INSTITUTIONS).map((f) => f.name)).toEqual(['name', 'host_name', 'level', 'established_on', 'global_feature_count']);
  });

  it('knows which datasets have profile pages', () => {
    expect([profileKindOf('platforms'), profileKindOf('rd_institutions'), profileKindOf('organizations')]).toEqual(['platform', 'institution', null]);
  });
});
