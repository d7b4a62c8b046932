import type { FileEntity } from '../../contracts/fileColumns.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { achievementListSpec, achievementStatisticsListSpec } from '../achievements/queries.js';
import { achievementCodes } from '../achievements/codes.js';
import { incubationListSpec, incubationStatisticsListSpec } from '../incubations/queries.js';
import { ipLoanListSpec, ipLoanStatisticsListSpec } from '../ipLoans/queries.js';
import { organizationListSpec } from '../organizations/queries.js';
import { projectListSpec, projectStatisticsListSpec } from '../projects/queries.js';
import { transferListSpec, transferStatisticsListSpec } from '../transfers/queries.js';
import { platformListSpec } from '../platforms/queries.js';
import { qualificationListSpec } from '../qualifications/queries.js';
import { rdInstitutionListSpec } from '../rdInstitutions/queries.js';
import { marketCodes } from '../techContracts/codes.js';
import { techContractStatisticsListSpec, techContractListSpec } from '../techContracts/queries.js';
import { recruitmentCallListSpec, talentIntroductionListSpec, talentIntroductionStatisticsListSpec } from '../talent/queries.js';

/** Every registry list: the file entities, and the lists that have no file columns (yet). */
export type RegistryEntity = FileEntity | 'projects' | 'achievements' | 'transfers' | 'incubations' | 'ip_loans';

/**
 * The registry list of an entity: what exports and indicator formulas filter, exactly as the list
 * API does. `visible` narrows a list that is not public (technology contracts) to a caller's reach;
 * `personal` shows talent introductions' personal data (masked by default); `today` (the city's)
 * tells open recruitment calls from closed ones.
 */
export function registryListSpec(entity: RegistryEntity, city: CityConfig, visible?: string, personal = false, today?: string): ListSpec {
  switch (entity) {
    case 'organizations':
      return organizationListSpec(city);
    case 'qualifications':
      return qualificationListSpec(city);
    case 'rd_institutions':
      return rdInstitutionListSpec(city);
    case 'platforms':
      return platformListSpec(city);
    case 'tech_contracts':
      return techContractListSpec(city, marketCodes().market, visible);
    case 'projects':
      return projectListSpec(city, achievementCodes(), visible);
    case 'achievements':
      return achievementListSpec(city, achievementCodes(), visible);
    case 'transfers':
      return transferListSpec(city, visible);
    case 'incubations':
      return incubationListSpec(city, visible);
    case 'talent_introductions':
      return talentIntroductionListSpec(city, visible, personal);
    case 'recruitment_calls':
      return recruitmentCallListSpec(city, today);
    case 'ip_loans':
      return ipLoanListSpec(city, visible);
  }
}

/**
 * The list an indicator formula counts: the registry list, or for technology contracts the same
 * fields over the bare table, a FROM the indicator upkeep's triggers can follow (their list joins
 * the seller and the buyer, and narrows by the caller's reach, which statistics do not).
 */
export function statisticsListSpec(entity: RegistryEntity, city: CityConfig): ListSpec {
  const bare = statisticsOnly(entity, city);
  if (bare) return bare;
  if (entity === 'talent_introductions') return talentIntroductionStatisticsListSpec(city);
  return entity === 'tech_contracts' ? techContractStatisticsListSpec(city, marketCodes().market) : registryListSpec(entity, city);
}

/** Projects, achievements, transfers and incubations are counted over their bare table and their R&D institution (for its category). */
function statisticsOnly(entity: RegistryEntity, city: CityConfig): ListSpec | null {
  if (entity === 'projects') return projectStatisticsListSpec(city, achievementCodes());
  if (entity === 'achievements') return achievementStatisticsListSpec(city, achievementCodes());
  if (entity === 'transfers') return transferStatisticsListSpec(city);
  if (entity === 'incubations') return incubationStatisticsListSpec(city);
  if (entity === 'ip_loans') return ipLoanStatisticsListSpec(city);
  return null;
}
