import type { FileEntity } from '../../../src/contracts/fileColumns';
import type { RegistryEntity } from '../api/indicators';
import { useAchievementColumns, useIncubationColumns, useProjectColumns, useTransferColumns } from '../entities/achievements/columns';
import { useOrganizationColumns } from '../entities/organizations/columns';
import { usePlatformColumns } from '../entities/platforms/columns';
import { useQualificationColumns } from '../entities/qualifications/columns';
import { useRdInstitutionColumns } from '../entities/rdInstitutions/columns';
import { useIpLoanColumns } from '../entities/ipLoans/columns';
import { useTechContractColumns } from '../entities/techContracts/columns';
import { useTalentIntroductionColumns } from '../entities/talent/columns';
import { registryPath } from '../imports/importView';
import type { LabelledFilter } from '../list/FilterBar';
import type { ListColumn } from '../list/RegistryList';

export type RowItem = { id: number };

/** Lists that have no file columns: their pages' paths. */
const LIST_PATHS: Partial<Record<RegistryEntity, string>> = { projects: '/projects', achievements: '/achievements', transfers: '/transfers', incubations: '/incubations' };

export interface RowColumns {
  columns: readonly ListColumn<RowItem>[];
  /** The filters the entity's registry list page offers. */
  filters: readonly LabelledFilter[];
  basePath: string;
}

/**
 * The registry list's own columns for drill-down rows: the rows endpoint returns each entity's
 * records exactly as its list does, so the entity's columns render them. (Hooks cannot be chosen
 * conditionally, so all five are made; each is a memoised array.)
 */
export function useRowColumns(entity: RegistryEntity): RowColumns {
  const all = {
    organizations: useOrganizationColumns(),
    qualifications: useQualificationColumns(),
    rd_institutions: useRdInstitutionColumns(),
    platforms: usePlatformColumns(),
    tech_contracts: useTechContractColumns(),
    ip_loans: useIpLoanColumns(),
    talent_introductions: useTalentIntroductionColumns(),
    projects: useProjectColumns(),
    achievements: useAchievementColumns(),
    transfers: useTransferColumns(),
    incubations: useIncubationColumns(),
  };
  const { columns, filters } = all[entity];
  return { columns: columns as unknown as ListColumn<RowItem>[], filters, basePath: entity === 'ip_loans' ? '/ip-loans' : (LIST_PATHS[entity] ?? registryPath(entity as FileEntity)) };
}
