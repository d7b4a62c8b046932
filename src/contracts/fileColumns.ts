import { fourGlobalFeatureCodes, fourGlobalFeatures } from '../domain/fourGlobal.js';
import { platformStatuses, platformTypes } from '../domain/innovationPlatform.js';
import { recognitionLevels } from '../domain/level.js';
import type { CodeList } from '../domain/message.js';
import type { Permission } from '../domain/permissions.js';
import { organizationKinds } from '../domain/organization.js';
import { qualificationTypes } from '../domain/qualification.js';
import { rdInstitutionCategories } from '../domain/rdInstitution.js';
import { contractStatuses } from '../domain/techContract.js';
import { talentCategories, talentModes } from '../domain/talent.js';
import { achievementFlags, projectStatuses, transferModes } from '../domain/achievement.js';
import { guarantorKinds, ipLoanStatuses } from '../domain/ipLoan.js';

/**
 * The spreadsheet contract: the columns of each registry entity as files carry them (CSV, XLSX,
 * JSON Lines), for import and export alike, so that an exported file imports unchanged. A header
 * may be the canonical snake_case key or the Chinese name.
 */
export type FileEntity = 'organizations' | 'qualifications' | 'rd_institutions' | 'platforms' | 'tech_contracts' | 'talent_introductions' | 'recruitment_calls' | AchievementFileEntity | 'ip_loans';
/** Projects, achievements, transfers and incubations: written through their services (imports/achievementRows.ts). */
export type AchievementFileEntity = 'projects' | 'achievements' | 'transfers' | 'incubations';
export const achievementFileEntities: readonly AchievementFileEntity[] = ['projects', 'achievements', 'transfers', 'incubations'];
export const fileEntities: readonly FileEntity[] = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'tech_contracts', 'talent_introductions', 'recruitment_calls', ...achievementFileEntities, 'ip_loans'];

/**
 * What importing an entity needs besides imports.write: the entity's own write permission (a token
 * scoped to imports alone does not write contracts). The server checks it; the import wizard offers
 * only the entities its user may import.
 */
export const fileEntityWrite: Readonly<Record<FileEntity, Permission>> = {
  organizations: 'organizations.create',
  qualifications: 'qualifications.write',
  rd_institutions: 'rd_institutions.write',
  platforms: 'platforms.write',
  tech_contracts: 'tech_contracts.write',
  talent_introductions: 'talent.write',
  recruitment_calls: 'talent.write',
  projects: 'achievements.write',
  achievements: 'achievements.write',
  transfers: 'achievements.write',
  incubations: 'achievements.write',
  ip_loans: 'ip_loans.write',
};

export interface FileColumn {
  /** Canonical header, snake_case English. */
  key: string;
  /** Chinese header (中文表头). */
  zh: string;
  /** English label, for documentation and English exports. */
  en: string;
  /** text; code (English code or its Chinese label); date; bool (是/否, 1/0, true/false); district or zone of the city configuration. */
  type: 'text' | 'code' | 'date' | 'bool' | 'district' | 'zone';
  required: boolean;
  codes?: CodeList<string>;
}

const col = (key: string, zh: string, en: string, type: FileColumn['type'], required = false, codes?: CodeList<string>): FileColumn =>
  codes ? { key, zh, en, type, required, codes } : { key, zh, en, type, required };

const district = col('district_code', '所在区县代码', 'District code', 'district');
const zone = col('zone', '所在园区', 'Zone', 'zone');

/**
 * An achievement in a file is its key: the owner's credit code, its title and year (成果的自然键),
 * the same three columns wherever a transfer or an incubation names one.
 */
const achievementKey = (required: boolean) => [
  col('achievement_owner_uscc', '成果所有单位统一社会信用代码', 'Achievement owner credit code', 'text', required),
  col('achievement_title', '成果名称', 'Achievement title', 'text', required),
  col('achievement_year', '成果年份', 'Achievement year', 'text', required),
];

/** An R&D institution or a platform is named by its host's credit code and its name (their natural key). */
const institutionKey = [col('rd_institution_host_uscc', '研发机构依托单位统一社会信用代码', 'R&D institution host credit code', 'text'), col('rd_institution_name', '研发机构名称', 'R&D institution name', 'text')];
const hostKeys = [...institutionKey, col('platform_host_uscc', '创新平台依托单位统一社会信用代码', 'Platform host credit code', 'text'), col('platform_name', '创新平台名称', 'Platform name', 'text')];

/**
 * "Four global" (四个全球) features: the yes/no column of the template, plus the evidence
 * and confirmation date that make the claim whole (exports fill them, so a round trip keeps them).
 */
const fourGlobalColumns: FileColumn[] = fourGlobalFeatureCodes.flatMap((f) => {
  const label = fourGlobalFeatures[f];
  return [
    col(f, label.zh, label.en, 'bool'),
    col(`${f}_evidence`, `${label.zh}佐证材料`, `${label.en}: evidence`, 'text'),
    col(`${f}_confirmed_on`, `${label.zh}确认日期`, `${label.en}: confirmed on`, 'date'),
  ];
});

export const fileColumns: Record<FileEntity, readonly FileColumn[]> = {
  organizations: [
    col('uscc', '统一社会信用代码', 'Unified social credit code', 'text', true),
    col('name', '名称', 'Name', 'text', true),
    col('name_en', '英文名称', 'English name', 'text'),
    col('kind', '主体类型', 'Kind', 'code', true, organizationKinds),
    col('industry_code', '国民经济行业代码', 'Industry code (GB/T 4754)', 'text'),
    district,
    zone,
    col('founded_on', '成立日期', 'Founded on', 'date'),
    col('address', '地址', 'Address', 'text'),
    col('uscc_override_reason', '校验位放行理由', 'Checksum override reason', 'text'),
  ],
  qualifications: [
    col('uscc', '统一社会信用代码', 'Unified social credit code', 'text', true),
    col('qualification', '资质', 'Qualification', 'code', true, qualificationTypes),
    col('certificate_no', '证书编号', 'Certificate number', 'text'),
    col('valid_from', '有效期起', 'Valid from', 'date', true),
    col('valid_to', '有效期止', 'Valid to', 'date'),
  ],
  rd_institutions: [
    col('host_uscc', '依托单位统一社会信用代码', 'Host organization credit code', 'text', true),
    col('name', '机构名称', 'Institution name', 'text', true),
    col('name_en', '英文名称', 'English name', 'text'),
    col('category', '机构类别', 'Category', 'code', true, rdInstitutionCategories),
    col('level', '级别', 'Level', 'code', true, recognitionLevels),
    col('established_on', '成立日期', 'Established on', 'date'),
    { ...district, required: true },
    zone,
    ...fourGlobalColumns,
  ],
  platforms: [
    col('host_uscc', '依托单位统一社会信用代码', 'Host organization credit code', 'text', true),
    col('name', '平台名称', 'Platform name', 'text', true),
    col('name_en', '英文名称', 'English name', 'text'),
    col('type', '平台类型', 'Type', 'code', true, platformTypes),
    col('level', '级别', 'Level', 'code', true, recognitionLevels),
    col('recognized_on', '认定日期', 'Recognized on', 'date'),
    col('authority', '认定部门', 'Authority', 'text'),
    col('status', '状态', 'Status', 'code', true, platformStatuses),
    { ...district, required: true },
    zone,
  ],
  // Types, sub-types, fields and reasons are codes of config/market/ (data, checked by the domain
  // rules), so their columns are texts; amounts are decimal texts of yuan, never floats.
  tech_contracts: [
    col('seller_uscc', '卖方统一社会信用代码', 'Seller credit code', 'text', true),
    col('contract_number', '合同编号', 'Contract number', 'text', true),
    col('title', '合同名称', 'Title', 'text', true),
    col('type', '合同类型', 'Type', 'text', true),
    col('sub_type', '合同子类型', 'Sub-type', 'text', true),
    col('buyer_uscc', '买方统一社会信用代码', 'Buyer credit code', 'text'),
    col('buyer_name', '买方名称', 'Buyer name', 'text'),
    col('buyer_region', '买方所在地区代码', 'Buyer region code', 'text'),
    col('contract_amount', '合同成交额（元）', 'Contract amount (yuan)', 'text', true),
    col('transaction_amount', '技术交易额（元）', 'Technology transaction amount (yuan)', 'text', true),
    col('signed_on', '签订日期', 'Signed on', 'date', true),
    col('registered_on', '登记日期', 'Registered on', 'date'),
    col('end_on', '合同截止日期', 'Ends on', 'date'),
    col('technology_field', '技术领域', 'Technology field', 'text'),
    col('district_code', '卖方所在区县代码', 'Seller district code', 'district'),
    col('zone', '卖方所在园区', 'Seller zone', 'zone'),
    col('status', '状态', 'Status', 'code', false, contractStatuses),
    col('registration_number', '登记编号', 'Registration number', 'text'),
    col('not_registered_reason', '不予登记理由', 'Reason not registered', 'text'),
  ],
  // Name, contacts and ID number are personal information: exported masked to a caller without
  // talent.personal_data.read, imported only by a caller with it.
  talent_introductions: [
    col('host_uscc', '引进单位统一社会信用代码', 'Host organization credit code', 'text', true),
    col('person_name', '姓名', 'Name', 'text', true),
    col('category', '人才类别', 'Category', 'code', true, talentCategories),
    col('mode', '引进方式', 'Mode', 'code', true, talentModes),
    col('introduced_on', '引进日期', 'Introduced on', 'date', true),
    col('phone', '联系电话', 'Phone', 'text'),
    col('email', '电子邮箱', 'Email', 'text'),
    col('id_number', '身份证号码', 'Resident ID number', 'text'),
    col('field', '领域', 'Field', 'text'),
    { ...district, required: true },
    zone,
  ],
  recruitment_calls: [
    col('org_uscc', '发布单位统一社会信用代码', 'Organization credit code', 'text', true),
    col('title', '标题', 'Title', 'text', true),
    col('positions', '招聘人数', 'Positions', 'text', true),
    col('description', '岗位说明', 'Positions and conditions', 'text'),
    col('published_on', '发布日期', 'Published on', 'date'),
    col('deadline', '截止日期', 'Deadline', 'date', true),
    { ...district, required: true },
    zone,
  ],
  // Programmes and achievement types are codes of config/market/ (data), so their columns are
  // texts; lists of organizations are credit codes separated by ；or ; (in order).
  projects: [
    col('lead_uscc', '牵头单位统一社会信用代码', 'Lead organization credit code', 'text', true),
    col('title', '项目名称', 'Title', 'text', true),
    col('partner_usccs', '参与单位统一社会信用代码', 'Partner credit codes', 'text'),
    col('programme', '项目计划类别', 'Programme', 'text', true),
    col('budget', '项目经费（元）', 'Budget (yuan)', 'text', true),
    col('start_on', '开始日期', 'Starts on', 'date', true),
    col('end_on', '结束日期', 'Ends on', 'date', true),
    col('status', '状态', 'Status', 'code', true, projectStatuses),
    ...hostKeys,
    district,
    zone,
  ],
  achievements: [
    col('owner_uscc', '成果所有单位统一社会信用代码', 'Owner credit code', 'text', true),
    col('title', '成果名称', 'Title', 'text', true),
    col('year', '成果年份', 'Year', 'text', true),
    col('type', '成果类型', 'Type', 'text', true),
    col('other_org_usccs', '其他完成单位统一社会信用代码', 'Other organizations’ credit codes', 'text'),
    ...Object.entries(achievementFlags).map(([flag, label]) => col(flag, label.zh, label.en, 'bool')),
    col('evidence', '佐证材料', 'Evidence', 'text'),
    ...hostKeys,
    col('project_lead_uscc', '所属项目牵头单位统一社会信用代码', 'Project lead credit code', 'text'),
    col('project_title', '所属项目名称', 'Project title', 'text'),
    district,
    zone,
  ],
  // Owner, institution and place are copied from the achievement, so they are not columns.
  transfers: [
    ...achievementKey(true),
    col('receiver_uscc', '受让单位统一社会信用代码', 'Receiver credit code', 'text', true),
    col('transferred_on', '转化日期', 'Transferred on', 'date', true),
    col('mode', '转化方式', 'Mode', 'code', true, transferModes),
    col('amount', '转化金额（元）', 'Amount (yuan)', 'text', true),
    col('tech_contract_number', '技术合同编号', 'Technology contract number', 'text'),
  ],
  incubations: [
    col('enterprise_uscc', '孵化企业统一社会信用代码', 'Enterprise credit code', 'text', true),
    col('incubated_on', '孵化日期', 'Incubated on', 'date', true),
    ...achievementKey(false),
    ...institutionKey,
  ],
  // A loan is its contract number per borrower (the table's UNIQUE). The lender is a registry
  // organization (credit code) or a name; the pledged items one cell, `kind:number` joined by "; ";
  // each step's date its own column; the compensation's shares are computed, so report-only.
  ip_loans: [
    col('borrower_uscc', '借款企业统一社会信用代码', 'Borrower credit code', 'text', true),
    col('contract_number', '贷款合同编号', 'Loan contract number', 'text', true),
    col('lender_uscc', '贷款银行统一社会信用代码', 'Lender credit code', 'text'),
    col('lender_name', '贷款银行名称', 'Lender name', 'text'),
    col('guarantor_name', '担保或保险机构', 'Guarantor or insurer', 'text'),
    col('guarantor_kind', '担保类型', 'Guarantor kind', 'code', false, guarantorKinds),
    col('pledged_items', '质押知识产权', 'Pledged IP', 'text', true),
    col('valuation_amount', '评估价值（元）', 'Valuation (yuan)', 'text', true),
    col('valuer', '评估机构', 'Valuer', 'text', true),
    col('amount', '贷款金额（元）', 'Amount (yuan)', 'text', true),
    col('annual_rate', '年利率（%）', 'Annual rate (%)', 'text', true),
    col('term_months', '期限（月）', 'Term (months)', 'text', true),
    col('status', '状态', 'Status', 'code', true, ipLoanStatuses),
    col('applied_on', '申请日期', 'Applied on', 'date', true),
    col('approved_on', '审批日期', 'Approved on', 'date'),
    col('disbursed_on', '放款日期', 'Disbursed on', 'date'),
    col('repaid_on', '结清日期', 'Repaid on', 'date'),
    col('overdue_on', '逾期日期', 'Overdue on', 'date'),
    col('compensated_on', '代偿日期', 'Compensated on', 'date'),
    col('loss_amount', '损失金额（元）', 'Loss amount (yuan)', 'text'),
  ],
};

/** The natural key of each entity in a file: how a row finds the record it updates. */
export const naturalKeys: Record<FileEntity, readonly string[]> = {
  organizations: ['uscc'],
  qualifications: ['uscc', 'qualification', 'valid_from'],
  rd_institutions: ['host_uscc', 'name'],
  platforms: ['host_uscc', 'name'],
  tech_contracts: ['seller_uscc', 'contract_number'],
  talent_introductions: ['host_uscc', 'person_name', 'introduced_on'],
  recruitment_calls: ['org_uscc', 'title'],
  projects: ['lead_uscc', 'title'],
  achievements: ['owner_uscc', 'title', 'year'],
  transfers: ['achievement_owner_uscc', 'achievement_title', 'achievement_year', 'receiver_uscc', 'transferred_on'],
  // A new enterprise is incubated once.
  incubations: ['enterprise_uscc'],
  ip_loans: ['borrower_uscc', 'contract_number'],
};
