import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Platform } from '../../../../src/contracts/platforms';
import type { PlatformStatus } from '../../../../src/domain/innovationPlatform';
import { NameCell } from '../../components/NameCell';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';

export const statusColor: Record<PlatformStatus, string> = { active: 'green', under_construction: 'blue', reorganized: 'orange', revoked: 'default' };

/** Columns and filters of the innovation platform list (创新平台列表). */
export function usePlatformColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return useMemo(() => {
    const columns: ListColumn<Platform>[] = [
      { key: 'name', title: t('platform.fields.name'), sortable: true, render: (p) => <NameCell name={p.name} nameEn={p.name_en} /> },
      { key: 'host_name', title: t('platform.fields.host_org_id'), render: (p) => p.host_name },
      { key: 'type', title: t('platform.fields.type'), sortable: true, render: (p) => label('platform_type', p.type) },
      { key: 'level', nowrap: true, title: t('platform.fields.level'), sortable: true, render: (p) => label('level', p.level) },
      { key: 'status', nowrap: true, title: t('platform.fields.status'), sortable: true, render: (p) => <Tag color={statusColor[p.status]}>{label('platform_status', p.status)}</Tag> },
      { key: 'district_code', title: t('platform.fields.district_code'), sortable: true, render: (p) => label('district', p.district_code) },
      { key: 'recognized_on', nowrap: true, title: t('platform.fields.recognized_on'), sortable: true, render: (p) => p.recognized_on ?? t('common.none') },
    ];
    const filters: LabelledFilter[] = [
      { field: 'type', kind: 'code', list: 'platform_type', label: t('platform.fields.type') },
      { field: 'level', kind: 'code', list: 'level', label: t('platform.fields.level') },
      { field: 'status', kind: 'code', list: 'platform_status', label: t('platform.fields.status') },
      { field: 'district_code', kind: 'code', list: 'district', label: t('platform.fields.district_code') },
      { field: 'zone', kind: 'code', list: 'zone', label: t('platform.fields.zone') },
      { field: 'recognized_on', kind: 'dateRange', label: t('platform.fields.recognized_on') },
    ];
    return { columns, filters };
  }, [t, label]);
}
