import type { PublicDataset, PublicRow } from './api';

/**
 * A public profile (公开档案) of a filed platform or a recognized R&D institution: its published
 * fields as the dataset's dictionary names them, its "four global" features with their evidence
 * summaries, and the queries for its published achievements and their transfers.
 */
export type ProfileKind = 'platform' | 'institution';

export const PROFILE_DATASET: Record<ProfileKind, string> = { platform: 'platforms', institution: 'rd_institutions' };
/** The achievements dataset's field naming the platform or institution an achievement came from. */
const ACHIEVEMENT_HOST_FIELD: Record<ProfileKind, string> = { platform: 'platform_id', institution: 'rd_institution_id' };

export type Side = 'zh' | 'en';
type Field = PublicDataset['fields'][number];

export interface ShownField {
  name: string;
  label: string;
  value: string;
}

/** Words the caller supplies for values that are not text: yes and no. */
export interface ValueWords {
  yes: string;
  no: string;
}

/** A four-global flag and its two companions, as config/publication.json names them. */
const FEATURE = /^global_(?!feature_count$)[a-z]+$/;
const featureParts = (feature: string) => [feature, `${feature}_confirmed_on`, `${feature}_evidence`];

/** What the page states elsewhere (the title, the links between records) or in the four-global section. */
function isShownApart(name: string, fieldNames: ReadonlySet<string>): boolean {
  if (name === 'id' || name === 'name' || name === 'name_en' || name.endsWith('_id')) return true;
  if (name.startsWith('global_') && name !== 'global_feature_count') return true;
  // A host's credit code sits beside its name; the name is enough on a profile.
  return name.endsWith('_uscc') && fieldNames.has(`${name.slice(0, -'_uscc'.length)}_name`);
}

/** A published value as text: a code by its label, a number grouped, yes/no in words; null for none. */
export function valueText(field: Field, value: PublicRow[string] | undefined, side: Side, words: ValueWords): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (field.codes) return field.codes.find((c) => c.code === value)?.label[side] ?? String(value);
  if (typeof value === 'number') return value.toLocaleString(side === 'zh' ? 'zh-CN' : 'en');
  return value;
}

/** The details list: every published field with a value, in the dictionary's order, under its name in the language. */
export function profileFields(dataset: PublicDataset, row: PublicRow, side: Side, words: ValueWords): ShownField[] {
  const names = new Set(dataset.fields.map((f) => f.name));
  return dataset.fields.flatMap((f) => {
    if (isShownApart(f.name, names)) return [];
    const value = valueText(f, row[f.name], side, words);
    return value === null ? [] : [{ name: f.name, label: f.title[side], value }];
  });
}

/** The title: the name in the language asked for when it has one, else the name it was filed under. */
export function profileTitle(row: PublicRow, side: Side): string {
  const en = typeof row.name_en === 'string' && row.name_en !== '' ? row.name_en : null;
  return side === 'en' && en ? en : String(row.name ?? row.title ?? row.id ?? '');
}

export interface FeatureClaim {
  code: string;
  label: string;
  claimed: boolean;
  confirmedOn: string | null;
  evidence: string | null;
}

/** The four-global features the dataset publishes, in its order; none when it publishes none (platforms). */
export function fourGlobalFeatures(dataset: PublicDataset, row: PublicRow, side: Side): FeatureClaim[] {
  const names = new Set(dataset.fields.map((f) => f.name));
  return dataset.fields
    .filter((f) => FEATURE.test(f.name))
    .map((f) => {
      const [, confirmed, evidence] = featureParts(f.name) as [string, string, string];
      const text = (name: string) => (names.has(name) && typeof row[name] === 'string' && row[name] !== '' ? (row[name] as string) : null);
      const claim = { confirmedOn: text(confirmed), evidence: text(evidence) };
      return { code: f.name, label: f.title[side], claimed: row[f.name] === true || claim.confirmedOn !== null || claim.evidence !== null, ...claim };
    });
}

const ROW_COLUMNS = 6;

/** A rows table's columns: the first published fields a reader tells rows apart by (no ids, credit codes, four-global details). */
export function rowColumns(dataset: PublicDataset): Field[] {
  const names = new Set(dataset.fields.map((f) => f.name));
  return dataset.fields.filter((f) => f.name === 'name' || !isShownApart(f.name, names)).slice(0, ROW_COLUMNS);
}

/** The profile kind a dataset's rows have pages of; null for the others. */
export function profileKindOf(datasetId: string): ProfileKind | null {
  return (Object.keys(PROFILE_DATASET) as ProfileKind[]).find((k) => PROFILE_DATASET[k] === datasetId) ?? null;
}

export const RELATED_PAGE = 50;

/** The achievements the profile's record hosted, newest year first (the list's `field:desc` sort). */
export function achievementsQuery(kind: ProfileKind, id: number): { filter: string; sort: string; per_page: number } {
  return { filter: `${ACHIEVEMENT_HOST_FIELD[kind]}:${id}`, sort: 'year:desc', per_page: RELATED_PAGE };
}

/** The transfers of those achievements, newest first; null when there are none (no query to make). */
export function transfersQuery(achievementIds: readonly number[]): { filter: string; sort: string; per_page: number } | null {
  return achievementIds.length ? { filter: `achievement_id:${achievementIds.join('|')}`, sort: 'transferred_on:desc', per_page: RELATED_PAGE } : null;
}
