import type { FileEntity } from '../../contracts/fileColumns.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { organizationListSpec } from '../organizations/queries.js';
import { platformListSpec } from '../platforms/queries.js';
import { qualificationListSpec } from '../qualifications/queries.js';
import { rdInstitutionListSpec } from '../rdInstitutions/queries.js';

/** The registry list of an entity: what exports and indicator formulas filter, exactly as the list API does. */
export function registryListSpec(entity: FileEntity, city: CityConfig): ListSpec {
  switch (entity) {
    case 'organizations':
      return organizationListSpec(city);
    case 'qualifications':
      return qualificationListSpec(city);
    case 'rd_institutions':
      return rdInstitutionListSpec(city);
    case 'platforms':
      return platformListSpec(city);
  }
}
