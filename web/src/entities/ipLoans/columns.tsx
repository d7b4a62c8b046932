import { Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpLoan } from '../../../../src/contracts/ipLoans';
import { ipLoanStatuses, type IpLoanStatus } from '../../../../src/domain/ipLoan';
import type { zhCN } from '../../i18n/zh-CN';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';
import { formatYuan } from '../techContracts/money';

export const statusColor: Record<IpLoanStatus, string> = { applied: 'default', approved: 'blue', disbursed: 'cyan', repaid: 'green', overdue: 'orange', compensated: 'red' };

type Field = keyof typeof zhCN.ipLoan.fields;

/** The label of a loan field in the current language. */
export function useFieldLabel(): (field: Field) => string {
  const { t } = useTranslation();
  return useCallback((field: Field) => t(`ipLoan.fields.${field}`), [t]);
}

export function StatusTag({ status }: { status: IpLoanStatus }) {
  const { side } = useCodeLabels();
  return <Tag color={statusColor[status]}>{ipLoanStatuses[status][side]}</Tag>;
}

/** Columns and filters of the IP-backed loan list (知识产权质押贷款列表), also the indicator rows'. */
export function useIpLoanColumns() {
  const { side } = useCodeLabels();
  const f = useFieldLabel();
  return useMemo(() => {
    const columns: ListColumn<IpLoan>[] = [
      { key: 'contract_number', nowrap: true, title: f('contract_number'), sortable: true, render: (l) => l.contract_number },
      { key: 'borrower_name', title: f('borrower_org_id'), render: (l) => l.borrower_name },
      { key: 'lender_display_name', title: f('lender'), render: (l) => l.lender_display_name },
      { key: 'amount', nowrap: true, title: f('amount'), sortable: true, render: (l) => formatYuan(l.amount, side) },
      { key: 'status', nowrap: true, title: f('status'), sortable: true, render: (l) => <StatusTag status={l.status} /> },
      { key: 'applied_on', nowrap: true, title: f('applied_on'), sortable: true, render: (l) => l.applied_on },
    ];
    const filters: LabelledFilter[] = [
      { field: 'status', kind: 'choice', terms: (status) => `status:${status}`, label: f('status'), choices: Object.entries(ipLoanStatuses).map(([value, name]) => ({ value, label: name[side] })) },
      { field: 'district_code', kind: 'code', list: 'district', label: f('district_code') },
      { field: 'applied_on', kind: 'dateRange', label: f('applied_on') },
    ];
    return { columns, filters };
  }, [f, side]);
}
