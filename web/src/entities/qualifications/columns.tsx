import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Qualification } from '../../../../src/contracts/qualifications';
import { todayIn } from '../../../../src/domain/calendarDate';
import { useMeta } from '../../api/hooks';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';
import { VALIDITIES, validityOn, validityTerms, type Validity } from './validity';

const VALIDITY_COLOURS: Record<Validity, string> = { valid: 'green', expired: 'default', upcoming: 'blue' };

/** Columns and filters of the qualification list (资质列表). */
export function useQualificationColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const timeZone = useMeta().data?.city.time_zone;
  return useMemo(() => {
    // The city's day, as the server counts it (China's zone until the city's meta has come).
    const today = todayIn(timeZone ?? 'Asia/Shanghai');
    const columns: ListColumn<Qualification>[] = [
      { key: 'organization_name', title: t('qualification.fields.organization_id'), render: (q) => q.organization_name },
      { key: 'qualification', title: t('qualification.fields.qualification'), sortable: true, render: (q) => label('qualification', q.qualification) },
      {
        key: 'validity',
        nowrap: true,
        title: t('qualification.validity.title'),
        render: (q) => {
          const v = validityOn(q, today);
          return (
            <Tag color={VALIDITY_COLOURS[v]} data-testid="validity">
              {t(`qualification.validity.${v}`)}
            </Tag>
          );
        },
      },
      { key: 'certificate_no', nowrap: true, title: t('qualification.fields.certificate_no'), sortable: true, render: (q) => q.certificate_no ?? t('common.none') },
      { key: 'valid_from', nowrap: true, title: t('qualification.fields.valid_from'), sortable: true, render: (q) => q.valid_from },
      { key: 'valid_to', nowrap: true, title: t('qualification.fields.valid_to'), sortable: true, render: (q) => q.valid_to ?? t('qualification.openEnded') },
    ];
    const filters: LabelledFilter[] = [
      { field: 'qualification', kind: 'code', list: 'qualification', label: t('qualification.fields.qualification') },
      { field: 'valid_from', kind: 'dateRange', label: t('qualification.fields.valid_from') },
      { field: 'validity', kind: 'choice', terms: (choice) => validityTerms(choice, today), label: t('qualification.validity.filter'), choices: VALIDITIES.map((v) => ({ value: v, label: t(`qualification.validity.${v}`) })) },
    ];
    return { columns, filters };
  }, [t, label, timeZone]);
}
