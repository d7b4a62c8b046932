import type { OrganizationCreate } from '../../contracts/organizations.js';
import type { PlatformCreate } from '../../contracts/platforms.js';
import type { QualificationCreate } from '../../contracts/qualifications.js';
import type { RdInstitutionCreate } from '../../contracts/rdInstitutions.js';

/**
 * Demo records as the create contracts take them, except that references name the host by its
 * credit code (the natural key) instead of a database id, which only exists once it is loaded.
 */
export type DemoOrganization = OrganizationCreate;
export type DemoQualification = Omit<QualificationCreate, 'organization_id'> & { uscc: string };
export type DemoRdInstitution = Omit<RdInstitutionCreate, 'host_org_id'> & { host_uscc: string };
export type DemoPlatform = Omit<PlatformCreate, 'host_org_id'> & { host_uscc: string };
