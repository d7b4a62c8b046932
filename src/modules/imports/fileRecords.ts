import { z } from 'zod';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { organizationCreate } from '../../contracts/organizations.js';
import { platformCreate } from '../../contracts/platforms.js';
import { qualificationCreate } from '../../contracts/qualifications.js';
import { rdInstitutionCreate } from '../../contracts/rdInstitutions.js';
import type { CityConfig } from '../../domain/city.js';
import type { PlatformStatus, PlatformType } from '../../domain/innovationPlatform.js';
import type { RecognitionLevel } from '../../domain/level.js';
import type { OrganizationKind } from '../../domain/organization.js';
import type { QualificationType } from '../../domain/qualification.js';
import type { RdInstitutionCategory } from '../../domain/rdInstitution.js';
import { normalizeIndustryCode } from '../../domain/industryCode.js';
import { checkOrganizationFields, checkPlatformFields, checkQualificationFields, checkRdInstitutionFields, type FieldViolation } from '../../domain/recordRules.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { claimsForRules, readClaim, type ImportedClaims } from './fourGlobalColumns.js';
import type { RuleViolation } from '../../domain/message.js';
import { techContractCreate } from '../../contracts/techContracts.js';
import { recruitmentCallCreate, talentIntroductionCreate } from '../../contracts/talent.js';
import { checkRecruitmentCallFields, checkTalentIntroductionFields, type TalentCategory, type TalentMode } from '../../domain/talent.js';
import { checkTechContractFields, type TechContractFields } from '../../domain/techContract.js';
import { formatYuan, yuan } from '../../domain/yuan.js';
import { marketCodes } from '../techContracts/codes.js';
import { codeNamed } from './cellValues.js';
import type { CodeList } from '../../domain/message.js';
import { achievementEntitySpecs, type AchievementFileRecords } from './achievementRecords.js';
import { ipLoanEntitySpec, type IpLoanFileRecord } from './loanRecords.js';

/**
 * File records (文件记录): one validated row, typed, with organizations referred to by credit code
 * (host_uscc / uscc) instead of ids — the writer resolves them. A key that is absent means the file
 * has no such column (leave the stored value); null means the cell was empty (clear it).
 */
export interface OrganizationFileRecord {
  uscc: string;
  name: string;
  name_en?: string | null;
  kind: OrganizationKind;
  /** GB/T 4754-2017 class (C3514). */
  industry_code?: string | null;
  district_code?: string | null;
  zone?: string | null;
  founded_on?: string | null;
  address?: string | null;
  /** Why an early pilot code that fails the checksum is accepted (administrator override). */
  uscc_override_reason?: string | null;
}

export interface QualificationFileRecord {
  uscc: string;
  qualification: QualificationType;
  certificate_no?: string | null;
  valid_from: string;
  valid_to?: string | null;
}

export interface RdInstitutionFileRecord {
  host_uscc: string;
  name: string;
  name_en?: string | null;
  category: RdInstitutionCategory;
  level: RecognitionLevel;
  established_on?: string | null;
  district_code: string;
  zone?: string | null;
  four_global: ImportedClaims;
}

export interface PlatformFileRecord {
  host_uscc: string;
  name: string;
  name_en?: string | null;
  type: PlatformType;
  level: RecognitionLevel;
  recognized_on?: string | null;
  authority?: string | null;
  status: PlatformStatus;
  district_code: string;
  zone?: string | null;
}

/** A technology contract: its seller by credit code; its buyer by credit code, or by name and region. */
export interface TechContractFileRecord extends Omit<TechContractFields, 'buyer_org_id'> {
  seller_uscc: string;
  contract_number: string;
  title: string;
  type: string;
  sub_type: string;
  buyer_uscc?: string | null;
  contract_amount: string;
  transaction_amount: string;
  signed_on: string;
}

/** A talent introduction: its host by credit code. */
export interface TalentIntroductionFileRecord {
  host_uscc: string;
  person_name: string;
  category: TalentCategory;
  mode: TalentMode;
  introduced_on: string;
  phone?: string | null;
  email?: string | null;
  id_number?: string | null;
  field?: string | null;
  district_code: string;
  zone?: string | null;
}

/** A recruitment call: its organization by credit code; the positions a whole number (a text cell in a spreadsheet). */
export interface RecruitmentCallFileRecord {
  org_uscc: string;
  title: string;
  positions: number | string;
  description?: string | null;
  published_on?: string | null;
  deadline: string;
  district_code: string;
  zone?: string | null;
}

export interface FileRecords extends AchievementFileRecords {
  organizations: OrganizationFileRecord;
  qualifications: QualificationFileRecord;
  rd_institutions: RdInstitutionFileRecord;
  platforms: PlatformFileRecord;
  tech_contracts: TechContractFileRecord;
  talent_introductions: TalentIntroductionFileRecord;
  recruitment_calls: RecruitmentCallFileRecord;
  ip_loans: IpLoanFileRecord;
}
export type FileRecordOf<E extends FileEntity> = FileRecords[E];

/** Typed column values of one row by column key: only the file's columns, null for empty cells. */
export type ColumnValues = Record<string, string | boolean | null>;

/** What a row is checked against besides its own cells. */
export interface RowContext {
  city: CityConfig;
  /** The bureau's day (todayIn()); dates of past events may not be after it. */
  today: string;
  fileName: string;
  line: number;
}

/** A problem located at a column key (the file's header is looked up by the caller). */
export interface ColumnViolation extends RuleViolation {
  key: string;
}

/** How one entity turns column values into a record and checks it. */
export interface EntitySpec<R> {
  /** The column holding the credit code of the organization a row refers to; none for organizations. */
  reference: 'uscc' | 'host_uscc' | 'seller_uscc' | 'org_uscc' | 'lead_uscc' | 'owner_uscc' | 'receiver_uscc' | 'enterprise_uscc' | 'borrower_uscc' | null;
  build(values: ColumnValues, ctx: RowContext): { record: R; problems: ColumnViolation[] };
  /** The create contract, reference swapped for the credit code: same field limits as the API. */
  limits: z.ZodType;
  /** The record in the contract's shape (read only: the same object may be returned). */
  contractShape(record: R): Record<string, unknown>;
  rules(record: R, ctx: RowContext): FieldViolation[];
}

const creditCode = z.string().max(40);

/**
 * A create contract with the organization id swapped for the credit code. Built as a fresh object
 * from the shape: zod's omit/extend result validates about 2.5× slower, and this runs on every row.
 */
function referringByCreditCode(contract: z.ZodObject, idKey: string, codeKey: string): z.ZodObject {
  const shape = Object.fromEntries(Object.entries(contract.shape).filter(([key]) => key !== idKey));
  return z.strictObject({ ...shape, [codeKey]: creditCode });
}

/** Domain fields are column keys, except four_global.<feature>.<part> → <feature>_<part>. */
export function fieldToKey(field: string): string {
  const [head, feature, part] = field.split('.');
  return head === 'four_global' && feature && part ? `${feature}_${part}` : field;
}

/** An industry code as the API takes it: four bare digits get their section letter. */
const withIndustryCode = (r: OrganizationFileRecord): OrganizationFileRecord => (typeof r.industry_code === 'string' ? { ...r, industry_code: normalizeIndustryCode(r.industry_code) } : r);

const organizations: EntitySpec<OrganizationFileRecord> = {
  reference: null,
  build: (values) => ({ record: withIndustryCode(values as unknown as OrganizationFileRecord), problems: [] }),
  limits: organizationCreate,
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => checkOrganizationFields(ctx.city, r, ctx.today),
};

const qualifications: EntitySpec<QualificationFileRecord> = {
  reference: 'uscc',
  build: (values) => ({ record: values as unknown as QualificationFileRecord, problems: [] }),
  limits: referringByCreditCode(qualificationCreate, 'organization_id', 'uscc'),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r) => checkQualificationFields(r),
};

/** Each feature's three column keys, made once: building them per row showed in profiles. */
const FEATURE_COLUMN_KEYS = fourGlobalFeatureCodes.map((feature) => ({ feature, evidence: `${feature}_evidence`, confirmedOn: `${feature}_confirmed_on` }));
const FOUR_GLOBAL_KEYS = new Set(FEATURE_COLUMN_KEYS.flatMap((k) => [k.feature, k.evidence, k.confirmedOn]));
const textValue = (v: string | boolean | null | undefined) => (typeof v === 'string' ? v : null);

function buildRdInstitution(values: ColumnValues): { record: RdInstitutionFileRecord; problems: ColumnViolation[] } {
  // Built by assignment, keys in column order: every row's record then shares one object shape,
  // which keeps the per-row checks fast (a spread or fromEntries copy makes a slow dictionary).
  const record: Record<string, unknown> = {};
  for (const key in values) if (!FOUR_GLOBAL_KEYS.has(key)) record[key] = values[key];
  const problems: ColumnViolation[] = [];
  const claims: ImportedClaims = {};
  for (const { feature, evidence, confirmedOn } of FEATURE_COLUMN_KEYS) {
    const claimed = values[feature];
    const result = readClaim(feature, { claimed: typeof claimed === 'boolean' ? claimed : null, evidence: textValue(values[evidence]), confirmedOn: textValue(values[confirmedOn]) });
    if (!result.ok) problems.push({ ...result.violation, key: confirmedOn });
    else if (result.claim !== undefined) claims[feature] = result.claim;
  }
  record.four_global = claims;
  return { record: record as unknown as RdInstitutionFileRecord, problems };
}

/** The record as the create contract reads it: four-global claims as {evidence, confirmed_on}. */
function rdInstitutionContractShape(r: RdInstitutionFileRecord): Record<string, unknown> {
  const shape: Record<string, unknown> = {};
  for (const key in r) if (key !== 'four_global') shape[key] = r[key as keyof RdInstitutionFileRecord];
  const claims: Record<string, unknown> = {};
  for (const f of fourGlobalFeatureCodes) {
    const c = r.four_global[f];
    if (c === undefined) continue;
    claims[f] = c === null ? null : c.status === 'confirmed' && c.confirmed_on !== null ? { evidence: c.evidence, confirmed_on: c.confirmed_on } : { evidence: c.evidence };
  }
  shape.four_global = claims;
  return shape;
}

const rdInstitutions: EntitySpec<RdInstitutionFileRecord> = {
  reference: 'host_uscc',
  build: buildRdInstitution,
  limits: referringByCreditCode(rdInstitutionCreate, 'host_org_id', 'host_uscc'),
  contractShape: rdInstitutionContractShape,
  rules: (r, ctx) => checkRdInstitutionFields(ctx.city, { ...r, four_global: claimsForRules(r.four_global, ctx) }, ctx.today),
};

const platforms: EntitySpec<PlatformFileRecord> = {
  reference: 'host_uscc',
  build: (values) => ({ record: values as unknown as PlatformFileRecord, problems: [] }),
  limits: referringByCreditCode(platformCreate, 'host_org_id', 'host_uscc'),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => checkPlatformFields(ctx.city, r, ctx.today),
};

let typeNames: CodeList<string> | undefined;

/** The market's codes as a file may give them: the code, or its Chinese or English label (技术开发). */
function nameCodes(record: TechContractFileRecord): void {
  const { market } = marketCodes();
  const types = market.contractTypes.types;
  typeNames ??= Object.fromEntries(Object.entries(types).map(([code, t]) => [code, t.name]));
  const coded = (codes: CodeList<string>, key: 'type' | 'sub_type' | 'technology_field' | 'not_registered_reason') => {
    const value = record[key];
    if (typeof value === 'string') record[key] = codeNamed(codes, value) ?? value;
  };
  coded(typeNames, 'type');
  const subTypes = types[record.type]?.subTypes;
  if (subTypes) coded(subTypes, 'sub_type');
  coded(market.technologyFields, 'technology_field');
  coded(market.notRegisteredReasons, 'not_registered_reason');
}

/** Codes named, and amounts as the table stores them (two places), so a re-imported file compares equal to the stored row. */
function buildTechContract(values: ColumnValues): { record: TechContractFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as TechContractFileRecord;
  nameCodes(record);
  for (const key of ['contract_amount', 'transaction_amount'] as const) {
    const amount = record[key];
    if (typeof amount === 'string' && /^\d+(\.\d{1,2})?$/.test(amount)) record[key] = formatYuan(yuan(amount));
  }
  return { record, problems: [] };
}

/** The contract's rules as the API judges them; a registry buyer (by credit code) stands in for buyer_org_id. */
function techContractRules(r: TechContractFileRecord, ctx: RowContext): FieldViolation[] {
  const { market, regions } = marketCodes();
  const { buyer_uscc, seller_uscc: _, ...fields } = r;
  const buyer = buyer_uscc === undefined ? {} : { buyer_org_id: buyer_uscc === null ? null : 0 };
  return checkTechContractFields(market, ctx.city, regions, { ...fields, ...buyer }, ctx.today).map((v) => (v.field === 'buyer_org_id' ? { ...v, field: 'buyer_uscc' } : v));
}

/** The ID number's check character upper-case, as the API stores it, so a re-imported file compares equal. */
function buildTalentIntroduction(values: ColumnValues): { record: TalentIntroductionFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as TalentIntroductionFileRecord;
  if (typeof record.id_number === 'string') record.id_number = record.id_number.toUpperCase();
  return { record, problems: [] };
}

const talentIntroductions: EntitySpec<TalentIntroductionFileRecord> = {
  reference: 'host_uscc',
  build: buildTalentIntroduction,
  limits: referringByCreditCode(talentIntroductionCreate, 'host_org_id', 'host_uscc'),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => checkTalentIntroductionFields(ctx.city, r, ctx.today),
};

/** A cell of digits is the number of positions; anything else stays text, for the limits to name. */
function buildRecruitmentCall(values: ColumnValues): { record: RecruitmentCallFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as RecruitmentCallFileRecord;
  if (typeof record.positions === 'string' && /^\d{1,9}$/.test(record.positions.trim())) record.positions = Number(record.positions.trim());
  return { record, problems: [] };
}

const recruitmentCalls: EntitySpec<RecruitmentCallFileRecord> = {
  reference: 'org_uscc',
  build: buildRecruitmentCall,
  limits: referringByCreditCode(recruitmentCallCreate, 'org_id', 'org_uscc'),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => checkRecruitmentCallFields(ctx.city, r, ctx.today),
};

const techContracts: EntitySpec<TechContractFileRecord> = {
  reference: 'seller_uscc',
  build: buildTechContract,
  limits: z.strictObject({ ...referringByCreditCode(techContractCreate, 'seller_org_id', 'seller_uscc').shape, buyer_uscc: creditCode.nullable().optional() }),
  // An empty status cell is the default status (the API's status left out), not a status of null.
  contractShape: (r) => (r.status === null ? { ...r, status: undefined } : r) as unknown as Record<string, unknown>,
  rules: techContractRules,
};

export const entitySpecs: { [E in FileEntity]: EntitySpec<FileRecords[E]> } = {
  organizations,
  qualifications,
  rd_institutions: rdInstitutions,
  platforms,
  tech_contracts: techContracts,
  talent_introductions: talentIntroductions,
  recruitment_calls: recruitmentCalls,
  ...achievementEntitySpecs,
  ip_loans: ipLoanEntitySpec,
};
