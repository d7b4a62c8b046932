import type { Me } from '../../../src/contracts/accounts';
import type { ApplicationCreate, FilingTypeList, FilingTypeView } from '../api/filings';

/** The new-application form: type, applicant, field of expertise and, for a "four global" confirmation, the institution. */

export interface NewApplicationValues {
  filing_type: string | null;
  organization_id: number | null;
  field: string | null;
  rd_institution_id: number | null;
}

/** The chosen type's definition (none while the types load or nothing is chosen). */
export const filingTypeOf = (types: FilingTypeList | undefined, code: string | null | undefined): FilingTypeView | undefined => types?.results.find((ft) => ft.code === code);

/** The types started here: a contract's registration starts on the contract's page instead. */
export const startableTypes = (types: FilingTypeList | undefined): FilingTypeView[] => (types?.results ?? []).filter((ft) => ft.subject.kind !== 'tech_contract');

/** A "four global" confirmation is about one of the applicant's R&D institutions. */
export const needsInstitution = (type: FilingTypeView | undefined): boolean => type?.subject.kind === 'four_global';

/** Whom the caller may apply for: an organization user its own organizations; an administrator anyone (searched). */
export function applicantChoice(me: Me | undefined): { kind: 'own'; organizations: Array<{ id: number; name: string }> } | { kind: 'any' } {
  if (me?.permissions['applications.write'] === 'all') return { kind: 'any' };
  return { kind: 'own', organizations: me?.user?.organizations ?? [] };
}

/** The first values: a caller with one organization applies for it. */
export function newApplicationValues(me: Me | undefined): NewApplicationValues {
  const choice = applicantChoice(me);
  const only = choice.kind === 'own' && choice.organizations.length === 1 ? choice.organizations[0]!.id : null;
  return { filing_type: null, organization_id: only, field: null, rd_institution_id: null };
}

/**
 * The POST body, without `data`: the server pre-fills the form from the registry (fill once,
 * reuse). Missing choices go as empty values for the server to name next to their fields.
 */
export function applicationCreateBody(v: NewApplicationValues, type: FilingTypeView | undefined): ApplicationCreate {
  return {
    filing_type: v.filing_type ?? '',
    organization_id: v.organization_id ?? 0,
    field: v.field ?? '',
    ...(needsInstitution(type) ? { rd_institution_id: v.rd_institution_id ?? 0 } : {}),
  };
}

export const NEW_APPLICATION_FIELDS = ['filing_type', 'organization_id', 'field', 'rd_institution_id'] as const;
