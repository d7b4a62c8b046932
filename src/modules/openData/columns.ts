import { fileColumns, type FileEntity } from '../../contracts/fileColumns.js';
import type { ListField } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { fourGlobalFeatureCodes, fourGlobalFeatures } from '../../domain/fourGlobal.js';
import type { Message } from '../../domain/message.js';
import type { CatalogueColumn, PublicationCatalogue } from '../../domain/publication.js';
import { registryListSpec, type RegistryEntity } from '../shared/registryLists.js';

/**
 * The columns each registry list can publish: the list's own fields (filterable, as the registry
 * lists are) and the values its rows are shown with (a host's name, an evidence text), each with
 * its zh/en name. Names come from the file columns where the key is the same, so the open-data
 * dictionary and the import/export headers say the same thing.
 */
export type PublishableRegistry = 'organizations' | 'qualifications' | 'rd_institutions' | 'platforms' | 'achievements' | 'transfers' | 'recruitment_calls';
export const publishableRegistries: readonly PublishableRegistry[] = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'achievements', 'transfers', 'recruitment_calls'];

/** A publishable column: its dictionary entry and the list field (SQL over the list's FROM) behind it. */
export interface PublicColumn {
  name: Message;
  field: ListField;
  /** Typed by an applicant: published with its contacts masked, never searched, filtered or sorted on. */
  freeText?: boolean;
}

const m = (zh: string, en: string): Message => ({ zh, en });
const text = (column: string): ListField => ({ column, type: 'text', sort: true });
const date = (column: string): ListField => ({ column, type: 'date', sort: true });
const freeText = (name: Message, column: string): PublicColumn => ({ name, field: { column, type: 'text' }, freeText: true });

/** Names of fields every list has, or that no file column names. */
const commonNames: Record<string, Message> = {
  id: m('编号', 'ID'),
  updated_at: m('更新时间', 'Updated at'),
  district_code: m('所在区县', 'District'),
  zone: m('所在园区', 'Zone'),
  host_org_id: m('依托单位编号', 'Host organization ID'),
  host_name: m('依托单位名称', 'Host organization'),
  host_uscc: m('依托单位统一社会信用代码', 'Host organization credit code'),
  owner_org_id: m('所有单位编号', 'Owner organization ID'),
  owner_name: m('所有单位名称', 'Owner organization'),
  uscc: m('统一社会信用代码', 'Unified social credit code'),
};

/** The list fields of each registry a dataset may publish (others — derived dates, internal ids — are not offered). */
const listFieldNames: Record<PublishableRegistry, Record<string, Message | null>> = {
  organizations: { id: null, uscc: null, name: null, kind: null, district_code: null, zone: null, founded_on: null, updated_at: null },
  qualifications: {
    id: null,
    organization_id: m('主体编号', 'Organization ID'),
    qualification: null,
    certificate_no: null,
    valid_from: null,
    valid_to: null,
    district_code: null,
    zone: null,
    organization_kind: m('主体类型', 'Organization kind'),
    updated_at: null,
  },
  rd_institutions: {
    id: null,
    host_org_id: null,
    name: null,
    category: null,
    level: null,
    established_on: null,
    district_code: null,
    zone: null,
    global_feature_count: m('具备“四个全球”特征数', 'Number of "four global" features'),
    ...Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, fourGlobalFeatures[f]])),
    updated_at: null,
  },
  platforms: { id: null, host_org_id: null, name: null, type: null, level: null, recognized_on: null, authority: null, status: null, district_code: null, zone: null, updated_at: null },
  achievements: {
    id: null,
    title: null,
    type: null,
    key_tech_breakthrough: null,
    first_of_kind: null,
    fills_domestic_gap: null,
    globally_leading: null,
    independently_controllable: null,
    year: null,
    owner_org_id: null,
    rd_institution_id: m('依托研发机构编号', 'R&D institution ID'),
    platform_id: m('依托创新平台编号', 'Platform ID'),
    district_code: null,
    zone: null,
    updated_at: null,
  },
  transfers: {
    id: null,
    achievement_id: m('成果编号', 'Achievement ID'),
    receiver_org_id: m('受让单位编号', 'Receiver organization ID'),
    owner_org_id: null,
    mode: null,
    amount: null,
    transferred_on: null,
    district_code: null,
    zone: null,
    updated_at: null,
  },
  recruitment_calls: {
    id: null,
    org_id: m('发布单位编号', 'Organization ID'),
    title: null,
    positions: null,
    published_on: null,
    deadline: null,
    status: m('状态', 'Status'),
    district_code: null,
    zone: null,
    updated_at: null,
  },
};

/** Values the rows are shown with that are not list fields: names of related records, texts. */
const shownColumns: Record<PublishableRegistry, Record<string, PublicColumn>> = {
  organizations: {
    name_en: { name: m('英文名称', 'English name'), field: text('t.name_en') },
    address: { name: m('地址', 'Address'), field: text('t.address') },
  },
  qualifications: {
    organization_name: { name: m('主体名称', 'Organization'), field: text('o.name') },
    uscc: { name: commonNames.uscc!, field: text('o.uscc') },
  },
  rd_institutions: {
    name_en: { name: m('英文名称', 'English name'), field: text('t.name_en') },
    host_name: { name: commonNames.host_name!, field: text('h.name') },
    host_uscc: { name: commonNames.host_uscc!, field: text('h.uscc') },
    ...Object.fromEntries(
      fourGlobalFeatureCodes.flatMap((f) => [
        // A claim's evidence is published once a reviewer confirmed it: not while it is pending, nor after a rejected or revoked recognition.
        [`${f}_evidence`, freeText(m(`${fourGlobalFeatures[f].zh}佐证摘要`, `${fourGlobalFeatures[f].en}: evidence summary`), `CASE WHEN t.${f}_confirmed_on IS NOT NULL THEN t.${f}_evidence END`)],
        [`${f}_confirmed_on`, { name: m(`${fourGlobalFeatures[f].zh}确认日期`, `${fourGlobalFeatures[f].en}: confirmed on`), field: date(`t.${f}_confirmed_on`) }],
      ]),
    ),
  },
  platforms: {
    name_en: { name: m('英文名称', 'English name'), field: text('t.name_en') },
    host_name: { name: commonNames.host_name!, field: text('h.name') },
    host_uscc: { name: commonNames.host_uscc!, field: text('h.uscc') },
  },
  achievements: {
    owner_name: { name: commonNames.owner_name!, field: text('o.name') },
    host_name: { name: m('依托研发机构或平台', 'R&D institution or platform'), field: text('COALESCE(r.name, p.name)') },
    evidence: freeText(m('佐证材料', 'Evidence'), 't.evidence'),
  },
  transfers: {
    achievement_title: { name: m('成果名称', 'Achievement title'), field: text('a.title') },
    owner_name: { name: commonNames.owner_name!, field: text('o.name') },
    receiver_name: { name: m('受让单位名称', 'Receiver organization'), field: text('rc.name') },
  },
  recruitment_calls: {
    org_name: { name: m('发布单位名称', 'Organization'), field: text('o.name') },
    description: freeText(m('岗位说明', 'Positions and conditions'), 't.description'),
  },
};

function fileName(registry: PublishableRegistry, key: string): Message | undefined {
  const column = fileColumns[registry as FileEntity]?.find((c) => c.key === key);
  return column ? { zh: column.zh, en: column.en } : undefined;
}

/** Every publishable column of a registry list, over that list's FROM (`today`: open vs closed calls). */
export function publicColumns(registry: PublishableRegistry, city: CityConfig, today: string): Record<string, PublicColumn> {
  const spec = registryListSpec(registry as RegistryEntity, city, undefined, false, today);
  const columns: Record<string, PublicColumn> = {};
  for (const [key, name] of Object.entries(listFieldNames[registry])) {
    const field = spec.fields[key];
    if (!field) throw new Error(`open data: ${registry} has no list field "${key}"`);
    const named = name ?? commonNames[key] ?? fileName(registry, key);
    if (!named) throw new Error(`open data: ${registry}.${key} has no zh/en name`);
    columns[key] = { name: named, field };
  }
  return { ...columns, ...shownColumns[registry] };
}

/** The dictionary of every publishable registry, for checking config/publication.json. */
export function publicationCatalogue(city: CityConfig, today: string): PublicationCatalogue {
  return Object.fromEntries(publishableRegistries.map((r) => [r, Object.fromEntries(Object.entries(publicColumns(r, city, today)).map(([k, c]) => [k, catalogueColumn(c)]))]));
}

/** A column's dictionary entry: its name, type and code list with labels. */
export function catalogueColumn(c: PublicColumn): CatalogueColumn {
  const { field } = c;
  const codes = field.values?.map((code) => ({ code, label: field.label?.(code) ?? { zh: code, en: code } }));
  return { name: c.name, type: field.type, ...(codes ? { codes } : {}), ...(c.freeText ? { freeText: true } : {}) };
}
