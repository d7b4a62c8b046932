import type { TechContract, TechContractCreate, TechContractPatch } from '../../../../src/contracts/techContracts';
import type { ContractStatus } from '../../../../src/domain/techContract';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull } from '../../form/formModel';
import { amountInput } from './money';

/** Who buys: an organization of the registry, or a name in a county of China or in a country abroad. */
export type BuyerKind = 'organization' | 'china' | 'abroad';

/** The technology contract form (技术合同表单) as antd holds it. */
export interface TechContractValues {
  contract_number: string;
  title: string;
  type: string | null;
  sub_type: string | null;
  seller_org_id: number | null;
  /** Which of the buyer's fields apply; never sent. */
  buyer_kind: BuyerKind;
  buyer_org_id: number | null;
  buyer_name: string;
  /** A GB/T 2260 county code, or an ISO 3166 country code when abroad. */
  buyer_region: string;
  contract_amount: string;
  transaction_amount: string;
  signed_on: string | null;
  registered_on: string | null;
  end_on: string | null;
  technology_field: string | null;
  district_code: string | null;
  zone: string | null;
  status: ContractStatus | null;
  registration_number: string;
  not_registered_reason: string | null;
}

export const techContractFieldPaths = [
  'contract_number',
  'title',
  'type',
  'sub_type',
  'seller_org_id',
  'buyer_org_id',
  'buyer_name',
  'buyer_region',
  'contract_amount',
  'transaction_amount',
  'signed_on',
  'registered_on',
  'end_on',
  'technology_field',
  'district_code',
  'zone',
  'status',
  'registration_number',
  'not_registered_reason',
] as const;

const COUNTRY = /^[A-Z]{2}$/;

/** The buyer kind of a stored contract: a registry buyer, else by the form of its region. */
export function buyerKindOf(c: Pick<TechContract, 'buyer_org_id' | 'buyer_region'>): BuyerKind {
  if (c.buyer_org_id !== null) return 'organization';
  return COUNTRY.test(c.buyer_region) ? 'abroad' : 'china';
}

export function techContractValues(c?: TechContract): TechContractValues {
  return {
    contract_number: c?.contract_number ?? '',
    title: c?.title ?? '',
    type: c?.type ?? null,
    sub_type: c?.sub_type ?? null,
    seller_org_id: c?.seller_org_id ?? null,
    buyer_kind: c ? buyerKindOf(c) : 'organization',
    buyer_org_id: c?.buyer_org_id ?? null,
    buyer_name: textValue(c?.buyer_name),
    buyer_region: c?.buyer_region ?? '',
    contract_amount: c?.contract_amount ?? '',
    transaction_amount: c?.transaction_amount ?? '',
    signed_on: c?.signed_on ?? null,
    registered_on: c?.registered_on ?? null,
    end_on: c?.end_on ?? null,
    technology_field: c?.technology_field ?? null,
    district_code: c?.district_code ?? null,
    zone: c?.zone ?? null,
    // A contract starts as the seller's draft; a registrar moves it on.
    status: c?.status ?? 'draft',
    registration_number: textValue(c?.registration_number),
    not_registered_reason: c?.not_registered_reason ?? null,
  };
}

/** The buyer's fields of the chosen kind; the other kind's are cleared, so a buyer is never both. */
function buyer(v: TechContractValues): Pick<Draft<TechContractCreate>, 'buyer_org_id' | 'buyer_name' | 'buyer_region'> {
  const region = textOrNull(v.buyer_region.trim().toUpperCase());
  if (v.buyer_kind === 'organization') return { buyer_org_id: valueOrNull(v.buyer_org_id), buyer_name: null, buyer_region: region };
  return { buyer_org_id: null, buyer_name: textOrNull(v.buyer_name), buyer_region: region };
}

function body(v: TechContractValues): Draft<TechContractCreate> {
  return {
    contract_number: v.contract_number.trim(),
    title: v.title,
    type: valueOrNull(v.type),
    sub_type: valueOrNull(v.sub_type),
    seller_org_id: valueOrNull(v.seller_org_id),
    ...buyer(v),
    contract_amount: textOrNull(amountInput(v.contract_amount)),
    transaction_amount: textOrNull(amountInput(v.transaction_amount)),
    signed_on: valueOrNull(v.signed_on),
    registered_on: valueOrNull(v.registered_on),
    end_on: valueOrNull(v.end_on),
    technology_field: valueOrNull(v.technology_field),
    district_code: valueOrNull(v.district_code),
    zone: valueOrNull(v.zone),
    status: valueOrNull(v.status),
    registration_number: textOrNull(v.registration_number),
    not_registered_reason: valueOrNull(v.not_registered_reason),
  };
}

/**
 * A new contract: blanks left out, not sent as null — the server then fills the seller's district
 * and zone and a registry buyer's region, and reports a missing required field as such.
 */
export function techContractCreate(v: TechContractValues): Draft<TechContractCreate> {
  return Object.fromEntries(Object.entries(body(v)).filter(([, value]) => value !== null)) as Draft<TechContractCreate>;
}

export const techContractPatch = (before: TechContractValues, after: TechContractValues): Draft<TechContractPatch> => changedFields(body(before), body(after));
