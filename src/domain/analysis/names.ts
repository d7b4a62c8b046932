import type { CodeList } from '../message.js';
import type { Dimension } from './query.js';

/** What the analysis page and its file call each dimension and measure. */
export const dimensionNames = {
  year: { zh: '年度', en: 'Year' },
  quarter: { zh: '季度', en: 'Quarter' },
  type: { zh: '合同类型', en: 'Contract type' },
  sub_type: { zh: '合同子类型', en: 'Sub-type' },
  flow: { zh: '技术流向', en: 'Flow' },
  district: { zh: '区县', en: 'District' },
  zone: { zh: '园区', en: 'Zone' },
  field: { zh: '技术领域', en: 'Technology field' },
  seller_kind: { zh: '卖方类型', en: 'Seller kind' },
  buyer_province: { zh: '买方所在省份', en: 'Buyer’s province' },
} as const satisfies CodeList<Dimension>;

export const measureNames = {
  count: { zh: '合同数', en: 'Contracts' },
  contract_amount: { zh: '合同成交额（元）', en: 'Contract amount (yuan)' },
  transaction_amount: { zh: '技术交易额（元）', en: 'Technology transaction amount (yuan)' },
} as const satisfies CodeList<'count' | 'contract_amount' | 'transaction_amount'>;

/** The contracts list field each dimension drills down with. */
export const dimensionListField = {
  year: 'registered_year',
  quarter: 'registered_on',
  type: 'type',
  sub_type: 'sub_type',
  flow: 'flow',
  district: 'district_code',
  zone: 'zone',
  field: 'technology_field',
  seller_kind: 'seller_kind',
  buyer_province: 'buyer_province',
} as const satisfies Record<Dimension, string>;
