import type { ExportLanguage, ExportView } from '../../contracts/exports.js';
import { fileColumns, type FileColumn, type FileEntity } from '../../contracts/fileColumns.js';
import type { CityConfig } from '../../domain/city.js';
import type { Message } from '../../domain/message.js';
import { marketCodes } from '../techContracts/codes.js';
import { achievementCodes } from '../achievements/codes.js';
import type { Reading, StoredValue } from './cells.js';

/**
 * The report view of an export (报表格式): a file for people to read rather than to import —
 * names of districts and zones instead of their codes, every code value as its label and booleans
 * as 是/否 or Yes/No in the chosen language, and the organization's name beside every credit code.
 */

const hostName: FileColumn = { key: 'host_name', zh: '依托单位名称', en: 'Host organization name', type: 'text', required: false };

/** The name column after each credit-code column of the import format, by the code column's key. */
const namesBeside: Record<FileEntity, Readonly<Record<string, FileColumn>>> = {
  // An organization's own credit code already has its name (名称) in the next column.
  organizations: {},
  qualifications: { uscc: { key: 'holder_name', zh: '持有主体名称', en: 'Holder name', type: 'text', required: false } },
  rd_institutions: { host_uscc: hostName },
  platforms: { host_uscc: hostName },
  tech_contracts: {
    seller_uscc: { key: 'seller_name', zh: '卖方名称', en: 'Seller name', type: 'text', required: false },
    buyer_uscc: { key: 'buyer_org_name', zh: '买方主体名称', en: 'Buyer organization name', type: 'text', required: false },
  },
  talent_introductions: { host_uscc: { key: 'host_name', zh: '引进单位名称', en: 'Host organization name', type: 'text', required: false } },
  recruitment_calls: { org_uscc: { key: 'org_name', zh: '发布单位名称', en: 'Organization name', type: 'text', required: false } },
  projects: { lead_uscc: { key: 'lead_name', zh: '牵头单位名称', en: 'Lead organization name', type: 'text', required: false } },
  achievements: { owner_uscc: { key: 'owner_name', zh: '成果所有单位名称', en: 'Owner name', type: 'text', required: false } },
  transfers: { receiver_uscc: { key: 'receiver_name', zh: '受让单位名称', en: 'Receiver name', type: 'text', required: false } },
  incubations: { enterprise_uscc: { key: 'enterprise_name', zh: '孵化企业名称', en: 'Enterprise name', type: 'text', required: false } },
  // Beside the loss, what the risk-compensation fund paid (computed from the policy, never imported).
  ip_loans: {
    borrower_uscc: { key: 'borrower_name', zh: '借款企业名称', en: 'Borrower name', type: 'text', required: false },
    lender_uscc: { key: 'lender_org_name', zh: '贷款银行主体名称', en: 'Lender organization name', type: 'text', required: false },
    loss_amount: { key: 'fund_share', zh: '风险补偿资金代偿额（元）', en: 'Paid by the compensation fund (yuan)', type: 'text', required: false },
  },
};

/** The columns of an export: the import format's, and in a report a name after each credit code. */
export function exportColumns(entity: FileEntity, view: ExportView): readonly FileColumn[] {
  if (view === 'import') return fileColumns[entity];
  return fileColumns[entity].flatMap((c) => {
    const name = namesBeside[entity][c.key];
    return name ? [c, name] : [c];
  });
}

/** Report headers that differ from the column's name: a report's district column holds names, not codes. */
const reportHeaders: Readonly<Record<string, Message>> = { district_code: { zh: '所在区县', en: 'District' } };

const yesNo: Record<'true' | 'false', Message> = { true: { zh: '是', en: 'Yes' }, false: { zh: '否', en: 'No' } };

/** The label of a code, or undefined when the list does not have it (an inherited key is not a code). */
function labelIn(list: Readonly<Record<string, Message>> | undefined, code: string): Message | undefined {
  return list && Object.hasOwn(list, code) ? list[code] : undefined;
}

/** Labels of the text columns whose codes are data (the market's, config/market/), by column key. */
function dataCodeLabels(entity: FileEntity | undefined): Readonly<Record<string, Readonly<Record<string, Message>>>> {
  if (entity === 'projects') return { programme: achievementCodes().programmes };
  if (entity === 'achievements') return { type: achievementCodes().achievementTypes };
  if (entity !== 'tech_contracts') return {};
  const { market } = marketCodes();
  const types = Object.values(market.contractTypes.types);
  return {
    type: Object.fromEntries(Object.entries(market.contractTypes.types).map(([code, t]) => [code, t.name])),
    // Sub-type codes are unique across types (checked when the file is loaded).
    sub_type: Object.assign({}, ...types.map((t) => t.subTypes)) as Record<string, Message>,
    technology_field: market.technologyFields,
    not_registered_reason: market.notRegisteredReasons,
  };
}

/**
 * The report's reading in `lang`: headers by their name in that language, values by their label.
 * A retired district is still named (it may stand in an old record); a value without a label is
 * written as it is stored. `entity` brings the labels of codes that are data (a contract's type).
 */
export function reportReading(city: CityConfig, lang: ExportLanguage, entity?: FileEntity): Reading {
  const byKey = dataCodeLabels(entity);
  const districts = Object.fromEntries([...city.retiredDistricts, ...city.districts].map((d) => [d.code, d.name]));
  const zones = Object.fromEntries(city.zones.map((z) => [z.code, z.name]));
  const labels: Partial<Record<FileColumn['type'], Readonly<Record<string, Message>>>> = { district: districts, zone: zones };
  return {
    header: (c) => (reportHeaders[c.key] ?? c)[lang],
    text: (c, value: StoredValue) => {
      if (value === null || value === '') return null;
      if (typeof value === 'boolean') return yesNo[`${value}`][lang];
      return labelIn(byKey[c.key] ?? (c.type === 'code' ? c.codes : labels[c.type]), value)?.[lang] ?? value;
    },
  };
}
