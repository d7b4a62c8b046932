import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Qualification } from '../../../../src/contracts/qualifications';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';

/** Columns and filters of the qualification list (资质列表). */
export function useQualificationColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<Qualification>[] = [
      { key: 'organization_name', title: t('qualification.fields.organization_id'), render: (q) => q.organization_name },
      { key: 'qualification', title: t('qualification.fields.qualification'), sortable: true, render: (q) => label('qualification', q.qualification) },
      { key: 'certificate_no', nowrap: true, title: t('qualification.fields.certificate_no'), sortable: true, render: (q) => q.certificate_no ?? t('common.none') },
      { key: 'valid_from', nowrap: true, title: t('qualification.fields.valid_from'), sortable: true, render: (q) => q.valid_from },
      { key: 'valid_to', nowrap: true, title: t('qualification.fields.valid_to'), sortable: true, render: (q) => q.valid_to ?? t('qualification.openEnded') },
    ];
    const filters: LabelledFilter[] = [
      { field: 'qualification', kind: 'code', list: 'qualification', label: t('qualification.fields.qualification') },
      { field: 'valid_from', kind: 'dateRange', label: t('qualification.fields.valid_from') },
    ];
    return { columns, filters };
  }, [t, label]);
}
