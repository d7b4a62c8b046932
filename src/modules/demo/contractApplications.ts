import type { CityConfig } from '../../domain/city.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { checkTechContractFields, regionFlow, type ContractFlow, type MarketCodes, type RegionLists } from '../../domain/techContract.js';
import type { ContractSeller } from './contracts.js';
import { DEMO_AS_OF } from './genContext.js';
import { fromDays, toDays } from './random.js';

/**
 * The demo's technology contracts not yet registered, and their registration applications
 * (技术合同认定登记) in every open state of the contract_registration path: drafts the demo's
 * organization user can apply for, one it must revise, one waiting; and other sellers' applications
 * in the registrars' inboxes — just submitted, under check (one near its 30-day limit), returned.
 * None is registered, so no registered figure changes. Pure: fixed stories over the given sellers.
 */

/** An open state of the path, or none: a draft contract nobody has applied for yet. */
export type PendingState = 'none' | 'draft' | 'submitted' | 'registration_check' | 'returned';

export interface PendingContract {
  contract_number: string;
  title: string;
  type: string;
  sub_type: string;
  seller_org_id: number;
  buyer_name: string;
  buyer_region: string;
  flow: ContractFlow;
  contract_amount: string;
  transaction_amount: string;
  signed_on: string;
  technology_field: string;
  /** What the contract's status is while its application is in `state` (config/workflows/tech-contract-registration.json). */
  status: 'draft' | 'submitted' | 'returned';
}

/** One step of an application's timeline: created, or an action of the path. */
export interface PendingEvent {
  kind: 'created' | 'submit' | 'start_check' | 'return';
  from: string | null;
  to: string;
  day: string;
  comment: string | null;
}

export interface PendingApplication {
  contract_number: string;
  seller_org_id: number;
  state: Exclude<PendingState, 'none'>;
  /** The day it entered its state: the 30-day check counts from here. */
  state_day: string;
  submitted_day: string | null;
  note: string;
  events: PendingEvent[];
}

interface Story {
  /** The organization user's own organization, or another seller. */
  applicant: boolean;
  state: PendingState;
  /** Days before the demo's date it entered its state. */
  daysInState: number;
  title: string;
  type: string;
  sub_type: string;
  field: string;
  buyer: string;
  /** 'local' (the seller's district), a county code where the buyer's name says, or a country code. */
  place: string;
  amount: number;
}

const RETURN_REASON = '请补充加盖双方公章的合同文本，并说明技术交易额的计算依据';

const STORIES: readonly Story[] = [
  { applicant: true, state: 'none', daysInState: 6, title: '固态电池电解质材料合作开发合同', type: 'development', sub_type: 'cooperative', field: 'new_materials', buyer: '湘潭某新能源材料有限公司', place: '430302', amount: 3_800_000 },
  { applicant: true, state: 'none', daysInState: 2, title: '桥梁健康监测系统技术服务合同', type: 'service', sub_type: 'service', field: 'electronic_information', buyer: '长沙某交通建设有限公司', place: 'local', amount: 860_000 },
  { applicant: true, state: 'returned', daysInState: 3, title: '一种高强度铝合金焊接工艺专利实施许可合同', type: 'licence', sub_type: 'patent_licence', field: 'advanced_manufacturing', buyer: '佛山某铝业有限公司', place: '440604', amount: 1_500_000 },
  { applicant: true, state: 'submitted', daysInState: 1, title: '智能网联汽车测试场景库技术咨询合同', type: 'consulting', sub_type: 'consulting', field: 'electronic_information', buyer: 'Nordwerk Mobility GmbH', place: 'DE', amount: 620_000 },
  { applicant: false, state: 'draft', daysInState: 4, title: '水稻耐盐碱品种选育委托开发合同', type: 'development', sub_type: 'commissioned', field: 'agriculture', buyer: '岳阳某种业有限公司', place: '430602', amount: 2_400_000 },
  { applicant: false, state: 'submitted', daysInState: 1, title: '工业机器人视觉定位技术服务合同', type: 'service', sub_type: 'service', field: 'advanced_manufacturing', buyer: '长沙某智能装备有限公司', place: 'local', amount: 450_000 },
  { applicant: false, state: 'submitted', daysInState: 3, title: '抗肿瘤小分子候选药物技术秘密转让合同', type: 'transfer', sub_type: 'technical_secret', field: 'biomedicine', buyer: '苏州某生物医药有限公司', place: '320505', amount: 12_000_000 },
  { applicant: false, state: 'registration_check', daysInState: 5, title: '光伏组件缺陷检测算法委托开发合同', type: 'development', sub_type: 'commissioned', field: 'new_energy', buyer: '合肥某光伏科技有限公司', place: '340104', amount: 2_950_000 },
  { applicant: false, state: 'registration_check', daysInState: 18, title: '工程机械远程运维平台技术服务合同', type: 'service', sub_type: 'service', field: 'advanced_manufacturing', buyer: '长沙某重工机械有限公司', place: 'local', amount: 1_280_000 },
  { applicant: false, state: 'registration_check', daysInState: 27, title: '稀土永磁电机控制技术专利权转让合同', type: 'transfer', sub_type: 'patent_right', field: 'new_materials', buyer: 'Lumina Drives Pte. Ltd.', place: 'SG', amount: 5_600_000 },
  { applicant: false, state: 'returned', daysInState: 6, title: '企业数字化转型技术培训服务合同', type: 'service', sub_type: 'training', field: 'electronic_information', buyer: '株洲某制造有限公司', place: '430202', amount: 300_000 },
];

/** How the contract's status follows its application (the filing type's contractStatus map). */
const STATUS: Record<PendingState, PendingContract['status']> = { none: 'draft', draft: 'draft', submitted: 'submitted', registration_check: 'submitted', returned: 'returned' };

/** The actions that led to each state, with the days they were taken on, oldest first: a day or a few between steps. */
function timeline(state: Exclude<PendingState, 'none'>, stateDay: number): PendingEvent[] {
  if (state === 'draft') return [{ kind: 'created', from: null, to: 'draft', day: fromDays(stateDay), comment: null }];
  const checkedOn = state === 'returned' ? stateDay - 3 : stateDay;
  const submittedOn = state === 'submitted' ? stateDay : checkedOn - 1;
  const events: PendingEvent[] = [
    { kind: 'created', from: null, to: 'draft', day: fromDays(submittedOn - 2), comment: null },
    { kind: 'submit', from: 'draft', to: 'submitted', day: fromDays(submittedOn), comment: null },
  ];
  if (state === 'submitted') return events;
  events.push({ kind: 'start_check', from: 'submitted', to: 'registration_check', day: fromDays(checkedOn), comment: null });
  if (state === 'returned') events.push({ kind: 'return', from: 'registration_check', to: 'returned', day: fromDays(stateDay), comment: RETURN_REASON });
  return events;
}

/** A buyer's region: the seller's own district for a buyer in the city, else the county or country the story names. */
const regionOf = (place: string, seller: ContractSeller): string => (place === 'local' ? seller.districtCode : place);

/**
 * The stories over `applicant` (the organization user's organization) and `others` (sellers in
 * several zones and districts, taken in their order, so each registrar's inbox has some); none
 * without sellers.
 */
export function planPendingContracts(city: CityConfig, regions: RegionLists, applicant: ContractSeller | undefined, others: readonly ContractSeller[]): { contracts: PendingContract[]; applications: PendingApplication[] } {
  const sellers = others.filter((s) => s.id !== applicant?.id);
  if (!applicant || sellers.length === 0) return { contracts: [], applications: [] };
  const asOf = toDays(DEMO_AS_OF);
  const contracts: PendingContract[] = [];
  const applications: PendingApplication[] = [];
  let other = 0;
  STORIES.forEach((story, i) => {
    const seller = story.applicant ? applicant : sellers[other++ % sellers.length]!;
    const stateDay = asOf - story.daysInState;
    const region = regionOf(story.place, seller);
    const contractNumber = `JSHT-2026-S${String(i + 1).padStart(4, '0')}`;
    contracts.push({
      contract_number: contractNumber,
      title: story.title,
      type: story.type,
      sub_type: story.sub_type,
      seller_org_id: seller.id,
      buyer_name: story.buyer,
      buyer_region: region,
      flow: regionFlow(city, regions, region)!,
      contract_amount: `${story.amount}.00`,
      transaction_amount: `${Math.round(story.amount * 0.8)}.00`,
      signed_on: fromDays(stateDay - 20),
      technology_field: story.field,
      status: STATUS[story.state],
    });
    if (story.state === 'none') return;
    const events = timeline(story.state, stateDay);
    applications.push({
      contract_number: contractNumber,
      seller_org_id: seller.id,
      state: story.state,
      state_day: fromDays(stateDay),
      submitted_day: events.find((e) => e.kind === 'submit')?.day ?? null,
      note: `${story.title}，买方${story.buyer}`,
      events,
    });
  });
  return { contracts, applications };
}

/** Every rule the API applies to a contract, on every planned one; the first one's problems, if any. */
export function pendingContractProblems(contracts: readonly PendingContract[], market: MarketCodes, city: CityConfig, regions: RegionLists, today: string): { row: number; problems: FieldViolation[] } | null {
  for (const [row, c] of contracts.entries()) {
    const problems = checkTechContractFields(market, city, regions, { ...c, buyer_org_id: null, registered_on: null, end_on: null, registration_number: null, not_registered_reason: null, district_code: null, zone: null }, today);
    if (problems.length) return { row, problems };
  }
  return null;
}
