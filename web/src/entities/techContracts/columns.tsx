import { Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TechContract } from '../../../../src/contracts/techContracts';
import type { ContractStatus } from '../../../../src/domain/techContract';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';
import { useFieldLabel } from './labels';
import { formatYuan } from './money';

export const statusColor: Record<ContractStatus, string> = { draft: 'default', submitted: 'blue', registered: 'green', not_registered: 'red', returned: 'orange' };

/** Columns and filters of the technology contract list (技术合同列表). */
export function useTechContractColumns() {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const f = useFieldLabel();
  return useMemo(() => {
    const columns: ListColumn<TechContract>[] = [
      { key: 'contract_number', nowrap: true, title: f('contract_number'), sortable: true, render: (c) => c.contract_number },
      { key: 'title', title: f('title'), render: (c) => c.title },
      { key: 'seller_name', title: f('seller_org_id'), render: (c) => c.seller_name },
      { key: 'buyer_display_name', title: f('buyer'), render: (c) => c.buyer_display_name },
      { key: 'type', title: f('type'), sortable: true, render: (c) => `${c.type_name[side]} · ${c.sub_type_name[side]}` },
      { key: 'flow', nowrap: true, title: f('flow'), sortable: true, render: (c) => label('contract_flow', c.flow) },
      { key: 'contract_amount', nowrap: true, title: f('contract_amount'), sortable: true, render: (c) => formatYuan(c.contract_amount, side) },
      { key: 'status', nowrap: true, title: f('status'), sortable: true, render: (c) => <Tag color={statusColor[c.status]}>{label('contract_status', c.status)}</Tag> },
      { key: 'signed_on', nowrap: true, title: f('signed_on'), sortable: true, render: (c) => c.signed_on },
      { key: 'registered_on', nowrap: true, title: f('registered_on'), sortable: true, render: (c) => c.registered_on ?? t('common.none') },
    ];
    const filters: LabelledFilter[] = [
      { field: 'type', kind: 'code', list: 'contract_type', label: f('type') },
      { field: 'sub_type', kind: 'code', list: 'contract_sub_type', label: f('sub_type') },
      { field: 'flow', kind: 'code', list: 'contract_flow', label: f('flow') },
      { field: 'status', kind: 'code', list: 'contract_status', label: f('status') },
      { field: 'district_code', kind: 'code', list: 'district', label: f('district_code') },
      { field: 'zone', kind: 'code', list: 'zone', label: f('zone') },
      { field: 'technology_field', kind: 'code', list: 'technology_field', label: f('technology_field') },
      { field: 'signed_on', kind: 'dateRange', label: f('signed_on') },
      { field: 'registered_on', kind: 'dateRange', label: f('registered_on') },
    ];
    return { columns, filters };
  }, [t, label, side, f]);
}
