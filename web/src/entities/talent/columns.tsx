import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecruitmentCall, TalentIntroduction } from '../../../../src/contracts/talent';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';

/** A masked name is marked, so no one takes the stars for the person's name. */
export function PersonName({ item }: { item: Pick<TalentIntroduction, 'person_name' | 'personal_data'> }) {
  const { t } = useTranslation();
  return item.personal_data === 'masked' ? (
    <span>
      {item.person_name} <Tag>{t('talent.masked')}</Tag>
    </span>
  ) : (
    <span>{item.person_name}</span>
  );
}

/** Columns and filters of the talent introduction list (人才引进列表): no personal column beyond the (maybe masked) name. */
export function useTalentIntroductionColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<TalentIntroduction>[] = [
      { key: 'person_name', title: t('talent.fields.person_name'), render: (r) => <PersonName item={r} /> },
      { key: 'category', title: t('talent.fields.category'), sortable: true, render: (r) => label('talent_category', r.category) },
      { key: 'mode', nowrap: true, title: t('talent.fields.mode'), sortable: true, render: (r) => label('talent_mode', r.mode) },
      { key: 'host_name', title: t('talent.fields.host_org_id'), render: (r) => r.host_name },
      { key: 'district_code', title: t('talent.fields.district_code'), sortable: true, render: (r) => label('district', r.district_code) },
      { key: 'introduced_on', nowrap: true, title: t('talent.fields.introduced_on'), sortable: true, render: (r) => r.introduced_on },
    ];
    const filters: LabelledFilter[] = [
      { field: 'category', kind: 'code', list: 'talent_category', label: t('talent.fields.category') },
      { field: 'mode', kind: 'code', list: 'talent_mode', label: t('talent.fields.mode') },
      { field: 'district_code', kind: 'code', list: 'district', label: t('talent.fields.district_code') },
      { field: 'zone', kind: 'code', list: 'zone', label: t('talent.fields.zone') },
      { field: 'introduced_on', kind: 'dateRange', label: t('talent.fields.introduced_on') },
    ];
    return { columns, filters };
  }, [t, label]);
}

export const callStatusColor: Record<RecruitmentCall['status'], string> = { open: 'green', closed: 'default' };

/** Columns and filters of the recruitment call list (招贤令列表). */
export function useRecruitmentCallColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<RecruitmentCall>[] = [
      { key: 'title', title: t('recruitmentCall.fields.title'), sortable: true, render: (c) => c.title },
      { key: 'org_name', title: t('recruitmentCall.fields.org_id'), render: (c) => c.org_name },
      { key: 'positions', nowrap: true, title: t('recruitmentCall.fields.positions'), sortable: true, render: (c) => c.positions },
      { key: 'deadline', nowrap: true, title: t('recruitmentCall.fields.deadline'), sortable: true, render: (c) => c.deadline },
      { key: 'status', nowrap: true, title: t('recruitmentCall.fields.status'), render: (c) => <Tag color={callStatusColor[c.status]}>{label('recruitment_call_status', c.status)}</Tag> },
    ];
    const filters: LabelledFilter[] = [
      { field: 'status', kind: 'code', list: 'recruitment_call_status', label: t('recruitmentCall.fields.status') },
      { field: 'district_code', kind: 'code', list: 'district', label: t('recruitmentCall.fields.district_code') },
      { field: 'deadline', kind: 'dateRange', label: t('recruitmentCall.fields.deadline') },
    ];
    return { columns, filters };
  }, [t, label]);
}
