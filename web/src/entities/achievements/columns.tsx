import { Space, Tag } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Achievement, Incubation, Project, Transfer } from '../../../../src/contracts/achievements';
import { achievementFlagCodes } from '../../../../src/domain/achievement';
import type { zhCN } from '../../i18n/zh-CN';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import type { ListColumn } from '../../list/RegistryList';
import { formatYuan, formatYuanExact } from '../techContracts/money';

/** Labels, columns and filters of the four lists (攻关项目、科技成果、成果转化、孵化企业). */

type Registry = typeof zhCN.achievementRegistry;
type EntityKey = 'project' | 'achievement' | 'transfer' | 'incubation';

/** The label of a field of one of the four, in the current language. */
export function useLabels<E extends EntityKey>(entity: E): (field: keyof Registry[E]['fields'] & string) => string {
  const { t } = useTranslation();
  return useCallback((field) => t(`achievementRegistry.${entity}.fields.${field}` as 'achievementRegistry.project.fields.title'), [t, entity]);
}

export function Money({ value }: { value: string }) {
  const { side } = useCodeLabels();
  return (
    <span title={formatYuanExact(value)}>
      {formatYuan(value, side)}
    </span>
  );
}

const placeFilters = (f: (field: 'district_code' | 'zone') => string): LabelledFilter[] => [
  { field: 'district_code', kind: 'code', list: 'district', label: f('district_code') },
  { field: 'zone', kind: 'code', list: 'zone', label: f('zone') },
];

/** A yes/no filter on one of an achievement's flags (`leading_or_controllable` is either of two). */
const flagFilter = (field: string, label: string, choices: { value: string; label: string }[]): LabelledFilter => ({
  field,
  kind: 'choice',
  label,
  choices,
  terms: (choice) => (choice === 'true' || choice === 'false' ? `${field}:${choice}` : null),
});

export function FlagTags({ a }: { a: Achievement }) {
  const { label } = useCodeLabels();
  return (
    <Space wrap size={4}>
      {achievementFlagCodes.filter((flag) => a[flag]).map((flag) => <Tag key={flag} color="blue">{label('achievement_flag', flag)}</Tag>)}
    </Space>
  );
}

/** Columns and filters of the project list (also the indicator drill-down's). */
export function useProjectColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const f = useLabels('project');
  return useMemo(() => {
    const columns: ListColumn<Project>[] = [
      { key: 'title', title: f('title'), sortable: true, render: (p) => p.title },
      { key: 'lead_name', title: f('lead_org_id'), render: (p) => p.lead_name },
      { key: 'programme', title: f('programme'), sortable: true, render: (p) => label('programme', p.programme) },
      { key: 'budget', nowrap: true, title: f('budget'), sortable: true, render: (p) => <Money value={p.budget} /> },
      { key: 'start_on', nowrap: true, title: f('start_on'), sortable: true, render: (p) => p.start_on },
      { key: 'status', nowrap: true, title: f('status'), sortable: true, render: (p) => <Tag>{label('project_status', p.status)}</Tag> },
    ];
    const filters: LabelledFilter[] = [
      { field: 'programme', kind: 'code', list: 'programme', label: f('programme') },
      { field: 'status', kind: 'code', list: 'project_status', label: f('status') },
      { field: 'start_on', kind: 'dateRange', label: f('start_on') },
      ...placeFilters(f),
    ];
    return { columns, filters };
  }, [t, label, f]);
}

/** Columns and filters of the achievement list (also the indicator drill-down's). */
export function useAchievementColumns() {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const f = useLabels('achievement');
  return useMemo(() => {
    const yesNo = [{ value: 'true', label: t('achievementRegistry.yes') }, { value: 'false', label: t('achievementRegistry.no') }];
    const columns: ListColumn<Achievement>[] = [
      { key: 'title', title: f('title'), sortable: true, render: (a) => a.title },
      { key: 'owner_name', title: f('owner_org_id'), render: (a) => a.owner_name },
      { key: 'type', title: f('type'), sortable: true, render: (a) => a.type_name[side] },
      { key: 'year', nowrap: true, title: f('year'), sortable: true, render: (a) => a.year },
      { key: 'flags', title: f('flags'), render: (a) => <FlagTags a={a} /> },
    ];
    const filters: LabelledFilter[] = [
      { field: 'type', kind: 'code', list: 'achievement_type', label: f('type') },
      flagFilter('key_tech_breakthrough', t('achievementRegistry.flags.key_tech_breakthrough'), yesNo),
      flagFilter('leading_or_controllable', t('achievementRegistry.flags.leading_or_controllable'), yesNo),
      ...placeFilters(f),
    ];
    return { columns, filters };
  }, [t, side, f]);
}

/** Columns and filters of the transfer list (also the indicator drill-down's). */
export function useTransferColumns() {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const f = useLabels('transfer');
  return useMemo(() => {
    const columns: ListColumn<Transfer>[] = [
      { key: 'achievement_title', title: f('achievement_id'), render: (x) => x.achievement_title },
      { key: 'owner_name', title: f('owner_org_id'), render: (x) => x.owner_name },
      { key: 'receiver_name', title: f('receiver_org_id'), render: (x) => x.receiver_name },
      { key: 'mode', nowrap: true, title: f('mode'), sortable: true, render: (x) => label('transfer_mode', x.mode) },
      { key: 'amount', nowrap: true, title: f('amount'), sortable: true, render: (x) => <Money value={x.amount} /> },
      { key: 'transferred_on', nowrap: true, title: f('transferred_on'), sortable: true, render: (x) => x.transferred_on },
    ];
    const filters: LabelledFilter[] = [
      { field: 'mode', kind: 'code', list: 'transfer_mode', label: f('mode') },
      { field: 'institution_category', kind: 'code', list: 'rd_institution_category', label: f('institution_category') },
      { field: 'transferred_on', kind: 'dateRange', label: f('transferred_on') },
      ...placeFilters(f),
    ];
    return { columns, filters };
  }, [t, label, f]);
}

/** Columns and filters of the incubation list (also the indicator drill-down's). */
export function useIncubationColumns() {
  const { t } = useTranslation();
  const f = useLabels('incubation');
  return useMemo(() => {
    const columns: ListColumn<Incubation>[] = [
      { key: 'enterprise_name', title: f('enterprise_org_id'), render: (x) => x.enterprise_name },
      { key: 'source', title: f('source'), render: (x) => x.achievement_title ?? x.rd_institution_name ?? '' },
      { key: 'owner_name', title: f('owner_org_id'), render: (x) => x.owner_name },
      { key: 'incubated_on', nowrap: true, title: f('incubated_on'), sortable: true, render: (x) => x.incubated_on },
    ];
    const filters: LabelledFilter[] = [
      { field: 'institution_category', kind: 'code', list: 'rd_institution_category', label: f('institution_category') },
      { field: 'incubated_on', kind: 'dateRange', label: f('incubated_on') },
      ...placeFilters(f),
    ];
    return { columns, filters };
  }, [t, f]);
}
