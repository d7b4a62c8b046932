import { z } from 'zod';
import { contractFlowCodes, contractStatusCodes } from '../domain/techContract.js';
import { basedOnVersion, bilingual, calendarDate, id, listEnvelope, optionalText, recordMeta, text } from './common.js';
import { areaCode, period } from './indicators.js';

/** Money crosses the API as a decimal string (元, at most two places): never a float. */
const yuan = z.string().max(32).meta({ pattern: '^[0-9]+(\\.[0-9]{1,2})?$', example: '1250000.00' });
/** Types, sub-types and reasons are data (config/market/), checked by the domain rules, not an enum here. */
const code = z.string().max(40);

/** Technology contract (技术合同) sold by an organization of the registry. */
const fields = {
  contract_number: text(64).describe('The seller’s contract number (合同编号), unique per seller'),
  title: text(300),
  type: code.describe('Statistical type (config/market/contract-types.json): development, transfer, licence, consulting, service'),
  sub_type: code.describe('Sub-type of the type, e.g. commissioned, patent_right, training'),
  seller_org_id: id,
  buyer_org_id: id.nullable().optional().describe('The buyer when it is an organization of the registry'),
  buyer_name: optionalText(300).describe('The buyer’s name when it is not in the registry'),
  buyer_region: z.string().max(8).nullable().optional().describe('GB/T 2260 county code in China, or ISO 3166-1 alpha-2 country abroad; for a registry buyer in the city, its district by default'),
  contract_amount: yuan.describe('合同成交额, yuan'),
  transaction_amount: yuan.describe('技术交易额 (the technical part), yuan; at most the contract amount'),
  signed_on: calendarDate,
  registered_on: calendarDate.nullable().optional(),
  end_on: calendarDate.nullable().optional(),
  technology_field: code.nullable().optional().describe('Technology field (技术领域), config/market/technology-fields.json'),
  district_code: z.string().max(12).nullable().optional().describe('The seller’s district; by default its organization’s'),
  zone: z.string().max(64).nullable().optional().describe('The seller’s zone; by default its organization’s'),
  status: z.enum(contractStatusCodes).optional().describe('draft (default), submitted, registered, not_registered, returned'),
  registration_number: optionalText(32).describe('Given from the city’s yearly sequence when a contract becomes registered without one'),
  not_registered_reason: code.nullable().optional().describe('config/market/not-registered-reasons.json'),
};

export const techContractCreate = z.strictObject(fields).meta({ id: 'TechContractCreate' });
export const techContractPatch = z
  .strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'TechContractPatch' });

export const techContract = z
  .object({
    ...recordMeta,
    contract_number: z.string(),
    title: z.string(),
    type: z.string(),
    type_name: bilingual,
    sub_type: z.string(),
    sub_type_name: bilingual,
    seller_org_id: id,
    seller_name: z.string(),
    buyer_org_id: id.nullable(),
    buyer_name: z.string().nullable(),
    buyer_display_name: z.string().describe('The buyer organization’s name, or the name entered'),
    buyer_region: z.string(),
    flow: z.enum(contractFlowCodes).describe('Derived from the buyer’s region: local, province, domestic, abroad'),
    inflow: z.boolean().describe('A buyer in the city of a contract whose seller is outside it (技术吸纳)'),
    contract_amount: yuan,
    transaction_amount: yuan,
    signed_on: z.string(),
    registered_on: z.string().nullable(),
    end_on: z.string().nullable(),
    technology_field: z.string().nullable(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
    status: z.enum(contractStatusCodes),
    registration_number: z.string().nullable(),
    not_registered_reason: z.string().nullable(),
  })
  .meta({ id: 'TechContract' });

export const techContractList = listEnvelope(techContract);
export type TechContractCreate = z.output<typeof techContractCreate>;
export type TechContractPatch = z.output<typeof techContractPatch>;
export type TechContract = z.output<typeof techContract>;

/** GET /tech-contracts/top-sellers: the sellers of a period ranked by the contract amounts registered in it. */
export const topSellersQuery = z.strictObject({
  period: period.describe('A year (2025) or a quarter (2025Q3): contracts by registration date'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  area: areaCode.optional().describe('The city (default) or one of its districts: the seller’s district'),
});
export const topSellers = z
  .object({
    period: z.string(),
    area: z.string(),
    items: z.array(
      z.object({
        rank: z.number().int(),
        seller_org_id: id,
        seller_name: z.string(),
        seller_uscc: z.string(),
        contracts: z.number().int(),
        contract_amount: yuan.describe('Sum of the registered contracts’ amounts, yuan'),
        transaction_amount: yuan,
      }),
    ),
  })
  .meta({ id: 'TopSellers' });
export type TopSellersQuery = z.output<typeof topSellersQuery>;
export type TopSellers = z.output<typeof topSellers>;
