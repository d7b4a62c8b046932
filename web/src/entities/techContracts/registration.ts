import type { ApplicationCreate, ApplicationSummary } from '../../api/filings';
import type { TechContract } from '../../../../src/contracts/techContracts';

/** A contract's registration (技术合同认定登记) is an application of this filing type, about the contract. */
export const REGISTRATION_TYPE = 'tech_contract_registration';

/** The application list's query for a contract's registrations, newest first. */
export const registrationQuery = (contractId: number) => ({ filter: `tech_contract_id:${contractId}`, sort: 'id:desc', page: 1, per_page: 1 });

/** The body that starts one: the seller applies for its own contract (a registrar sends the same for the seller). */
export const registrationBody = (c: Pick<TechContract, 'id' | 'seller_org_id'>): ApplicationCreate => ({ filing_type: REGISTRATION_TYPE, organization_id: c.seller_org_id, tech_contract_id: c.id });

/**
 * What the contract's page offers: a link to its latest registration application, and "apply"
 * for a draft that has none under way (none yet, or the last one withdrawn) to a caller who may.
 */
export function registrationOffer(c: Pick<TechContract, 'status'>, latest: Pick<ApplicationSummary, 'id' | 'state'> | undefined, mayApply: boolean): { apply: boolean; latest: Pick<ApplicationSummary, 'id' | 'state'> | null } {
  const underWay = latest !== undefined && latest.state !== 'withdrawn';
  return { apply: mayApply && c.status === 'draft' && !underWay, latest: latest ?? null };
}
