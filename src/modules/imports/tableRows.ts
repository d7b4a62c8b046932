import { fileColumns, naturalKeys, type AchievementFileEntity, type FileColumn, type FileEntity } from '../../contracts/fileColumns.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { entitySpecs, type FileRecordOf } from './fileRecords.js';
import { resolveClaim, type ImportedClaims } from './fourGlobalColumns.js';
import { ipLoanTableSpec } from './loanRecords.js';

/**
 * A file record in its table's terms (表行): the values the writer writes, column by column. Pure,
 * with no database import, so that the worker thread reading a file (validationWorker.ts) can
 * prepare each valid row for the writer and the writer's thread only adds what needs the database.
 */

export type SqlType = 'text' | 'date' | 'integer' | 'numeric' | 'boolean';
export interface SqlColumn {
  name: string;
  type: SqlType;
}
export type SqlValue = string | number | boolean | null;

/** How an entity's rows sit in its table: the natural key's columns and the columns a file writes. */
export interface TableSpec {
  table: FileEntity;
  keys: readonly SqlColumn[];
  data: readonly SqlColumn[];
  /** The key column holding the id of the organization a row refers to; none for organizations. */
  organizationId: string | null;
}

const text = (name: string): SqlColumn => ({ name, type: 'text' });
const date = (name: string): SqlColumn => ({ name, type: 'date' });
export const integer = (name: string): SqlColumn => ({ name, type: 'integer' });
const numeric = (name: string): SqlColumn => ({ name, type: 'numeric' });
const boolean = (name: string): SqlColumn => ({ name, type: 'boolean' });

export const tableSpecs: Record<FileEntity, TableSpec> = {
  organizations: {
    table: 'organizations',
    keys: [text('uscc')],
    data: [text('uscc_override_reason'), text('name'), text('name_en'), text('kind'), text('industry_code'), text('district_code'), text('zone'), date('founded_on'), text('address')],
    organizationId: null,
  },
  qualifications: {
    table: 'qualifications',
    keys: [integer('organization_id'), text('qualification'), date('valid_from')],
    data: [text('certificate_no'), date('valid_to')],
    organizationId: 'organization_id',
  },
  rd_institutions: {
    table: 'rd_institutions',
    keys: [integer('host_org_id'), text('name')],
    data: [
      text('name_en'), text('category'), text('level'), date('established_on'), text('district_code'), text('zone'),
      ...fourGlobalFeatureCodes.flatMap((f) => [text(`${f}_evidence`), date(`${f}_confirmed_on`)]),
    ],
    organizationId: 'host_org_id',
  },
  platforms: {
    table: 'platforms',
    keys: [integer('host_org_id'), text('name')],
    data: [text('name_en'), text('type'), text('level'), date('recognized_on'), text('authority'), text('status'), text('district_code'), text('zone')],
    organizationId: 'host_org_id',
  },
  // buyer_org_id, flow and inflow are not file columns: the writer derives them (contractRows.ts).
  tech_contracts: {
    table: 'tech_contracts',
    keys: [integer('seller_org_id'), text('contract_number')],
    data: [
      text('title'), text('type'), text('sub_type'), integer('buyer_org_id'), text('buyer_name'), text('buyer_region'), text('flow'), boolean('inflow'),
      numeric('contract_amount'), numeric('transaction_amount'), date('signed_on'), date('registered_on'), date('end_on'), text('technology_field'),
      text('district_code'), text('zone'), text('status'), text('registration_number'), text('not_registered_reason'),
    ],
    organizationId: 'seller_org_id',
  },
  talent_introductions: {
    table: 'talent_introductions',
    keys: [integer('host_org_id'), text('person_name'), date('introduced_on')],
    data: [text('category'), text('mode'), text('phone'), text('email'), text('id_number'), text('field'), text('district_code'), text('zone')],
    organizationId: 'host_org_id',
  },
  recruitment_calls: {
    table: 'recruitment_calls',
    keys: [integer('org_id'), text('title')],
    data: [integer('positions'), text('description'), date('published_on'), date('deadline'), text('district_code'), text('zone')],
    organizationId: 'org_id',
  },
  ...achievementTableSpecs(),
  ip_loans: ipLoanTableSpec,
};

/**
 * Projects, achievements, transfers and incubations are written through their services
 * (achievementRows.ts), not column by column: their values are the file record's, by column key,
 * the natural key first.
 */
function achievementTableSpecs(): Record<AchievementFileEntity, TableSpec> {
  const spec = (table: AchievementFileEntity): TableSpec => {
    const keys = naturalKeys[table];
    const column = (c: FileColumn): SqlColumn => ({ name: c.key, type: c.type === 'date' ? 'date' : c.key.endsWith('year') ? 'integer' : c.type === 'bool' ? 'boolean' : 'text' });
    return {
      table,
      keys: keys.map((k) => column(fileColumns[table].find((c) => c.key === k)!)),
      data: fileColumns[table].filter((c) => !keys.includes(c.key)).map(column),
      organizationId: null,
    };
  };
  return { projects: spec('projects'), achievements: spec('achievements'), transfers: spec('transfers'), incubations: spec('incubations') };
}

const columnsOf = new Map(Object.values(tableSpecs).map((spec) => [spec.table, [...spec.keys, ...spec.data]]));

/** The columns a row's values are aligned with: the key, then the data (also COPY's column order). */
export const tableColumns = (entity: FileEntity): readonly SqlColumn[] => columnsOf.get(entity)!;

/** Where each feature's two columns sit in an R&D institution's values. */
const claimColumns = fourGlobalFeatureCodes.map((feature, i) => ({
  feature,
  evidence: tableColumns('rd_institutions').findIndex((c) => c.name === `${feature}_evidence`),
  confirmedOn: tableColumns('rd_institutions').findIndex((c) => c.name === `${feature}_confirmed_on`),
  ...filledBits(i),
}));

/**
 * A valid row ready for the writer. Arrays of plain values rather than an object per record: a
 * batch of them passes between threads several times faster (structured clone).
 */
export interface TableRow {
  /**
   * By {@link tableColumns}; undefined: the file did not give the column (the stored value is
   * kept). The organization's id is left for the writer, which looks it up.
   */
  values: Array<SqlValue | undefined>;
  /** The credit code of the organization the row refers to; null for organizations. */
  reference: string | null;
  /** Technology contracts: the buyer's credit code (null: none; undefined: the file has no such column), resolved by the writer. */
  buyerReference?: string | null;
  /** R&D institutions: the four-global values the import filled in for a bare 是, as bits ({@link claimColumns}). */
  filled: number;
}

/** Bits of {@link TableRow.filled} of a feature: its confirmation date is the import's day, its evidence the provenance text. */
function filledBits(featureIndex: number) {
  return { dateFilled: 1 << (2 * featureIndex), evidenceFilled: 1 << (2 * featureIndex + 1) };
}

/** The row's origin: a confirmation the file gave without a date or evidence takes them from it. */
export interface RowOrigin {
  importDate: string;
  fileName: string;
  line: number;
}

/** A valid file record in its table's terms, four-global claims resolved. */
export function tableRowOf<E extends FileEntity>(entity: E, record: FileRecordOf<E>, origin: RowOrigin): TableRow {
  const fields = record as unknown as Record<string, unknown>;
  const values: Array<SqlValue | undefined> = [];
  for (const c of tableColumns(entity)) values.push(c.name in fields ? (fields[c.name] as SqlValue) : undefined);
  const reference = entitySpecs[entity].reference;
  const row: TableRow = { values, reference: reference ? (fields[reference] as string) : null, filled: 0 };
  if (entity === 'rd_institutions') resolveClaims(fields.four_global as ImportedClaims, origin, row);
  if (entity === 'tech_contracts' && 'buyer_uscc' in fields) row.buyerReference = fields.buyer_uscc as string | null;
  return row;
}

function resolveClaims(claims: ImportedClaims, origin: RowOrigin, row: TableRow): void {
  for (const { feature, evidence, confirmedOn, dateFilled, evidenceFilled } of claimColumns) {
    const claim = claims[feature];
    if (claim === undefined) continue;
    const stored = resolveClaim(claim, origin);
    row.values[evidence] = stored.evidence;
    row.values[confirmedOn] = stored.confirmed_on;
    if (claim?.status !== 'confirmed') continue;
    if (claim.confirmed_on === null) row.filled |= dateFilled;
    if (claim.evidence === null) row.filled |= evidenceFilled;
  }
}

/**
 * A bare 是 (no date, no evidence) confirms what may already be confirmed: the stored date and
 * evidence then stand, so the same file imported on a later day, or with its rows moved, changes
 * nothing.
 */
export function keepConfirmations(row: TableRow, stored: Readonly<Record<string, SqlValue>>): void {
  for (const { feature, evidence, confirmedOn, dateFilled, evidenceFilled } of claimColumns) {
    const storedDate = stored[`${feature}_confirmed_on`];
    if (storedDate === null || storedDate === undefined) continue;
    if (row.filled & dateFilled) row.values[confirmedOn] = storedDate;
    const storedEvidence = stored[`${feature}_evidence`];
    if (row.filled & evidenceFilled && storedEvidence !== null && storedEvidence !== undefined) row.values[evidence] = storedEvidence;
  }
}
