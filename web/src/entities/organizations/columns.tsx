import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../../src/contracts/organizations';
import { NameCell } from '../../components/NameCell';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';

/** Columns and filters of the organization list (主体列表). */
export function useOrganizationColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<Organization>[] = [
      { key: 'name', title: t('organization.fields.name'), sortable: true, render: (o) => <NameCell name={o.name} nameEn={o.name_en} /> },
      { key: 'uscc', nowrap: true, title: t('organization.fields.uscc'), sortable: true, render: (o) => <Typography.Text code>{o.uscc}</Typography.Text> },
      { key: 'kind', title: t('organization.fields.kind'), sortable: true, render: (o) => label('organization_kind', o.kind) },
      { key: 'district_code', nowrap: true, title: t('organization.fields.district_code'), sortable: true, render: (o) => label('district', o.district_code) },
      { key: 'zone', title: t('organization.fields.zone'), sortable: true, render: (o) => label('zone', o.zone) },
      { key: 'founded_on', nowrap: true, title: t('organization.fields.founded_on'), sortable: true, render: (o) => o.founded_on ?? t('common.none') },
    ];
    const filters: LabelledFilter[] = [
      { field: 'kind', kind: 'code', list: 'organization_kind', label: t('organization.fields.kind') },
      { field: 'district_code', kind: 'code', list: 'district', label: t('organization.fields.district_code') },
      { field: 'zone', kind: 'code', list: 'zone', label: t('organization.fields.zone') },
      { field: 'founded_on', kind: 'dateRange', label: t('organization.fields.founded_on') },
    ];
    return { columns, filters };
  }, [t, label]);
}
