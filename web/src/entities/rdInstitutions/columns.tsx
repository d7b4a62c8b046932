import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RdInstitution } from '../../../../src/contracts/rdInstitutions';
import { NameCell } from '../../components/NameCell';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';
import { FeatureCountTag } from './FeatureCountTag';

/** Columns and filters of the R&D institution list (研发机构列表). */
export function useRdInstitutionColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<RdInstitution>[] = [
      { key: 'name', title: t('rdInstitution.fields.name'), sortable: true, render: (r) => <NameCell name={r.name} nameEn={r.name_en} /> },
      { key: 'host_name', title: t('rdInstitution.fields.host_org_id'), render: (r) => r.host_name },
      { key: 'category', title: t('rdInstitution.fields.category'), sortable: true, render: (r) => label('rd_institution_category', r.category) },
      { key: 'level', nowrap: true, title: t('rdInstitution.fields.level'), sortable: true, render: (r) => label('level', r.level) },
      { key: 'district_code', nowrap: true, title: t('rdInstitution.fields.district_code'), sortable: true, render: (r) => label('district', r.district_code) },
      { key: 'established_on', nowrap: true, title: t('rdInstitution.fields.established_on'), sortable: true, render: (r) => r.established_on ?? t('common.none') },
      { key: 'global_feature_count', nowrap: true, title: t('rdInstitution.fields.global_feature_count'), sortable: true, render: (r) => <FeatureCountTag count={r.global_feature_count} /> },
    ];
    const filters: LabelledFilter[] = [
      { field: 'category', kind: 'code', list: 'rd_institution_category', label: t('rdInstitution.fields.category') },
      { field: 'level', kind: 'code', list: 'level', label: t('rdInstitution.fields.level') },
      { field: 'district_code', kind: 'code', list: 'district', label: t('rdInstitution.fields.district_code') },
      { field: 'zone', kind: 'code', list: 'zone', label: t('rdInstitution.fields.zone') },
      { field: 'established_on', kind: 'dateRange', label: t('rdInstitution.fields.established_on') },
    ];
    return { columns, filters };
  }, [t, label]);
}
