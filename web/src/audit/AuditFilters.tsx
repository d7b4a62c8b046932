import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../form/DateInput';
import { messageSide } from '../i18n/language';
import { emptyAuditListState, isAuditFiltered, type AuditListState } from './auditQuery';
import { actionOptions, AUDIT_ENTITIES } from './auditView';
import '../i18n/dayjsLocale';

interface Props {
  state: AuditListState;
  onChange: (next: AuditListState) => void;
}

/** Username, action, entity, record id, days and a search; any change goes back to page 1. */
export function AuditFilters({ state, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const update = (patch: Partial<AuditListState>) => onChange({ ...state, ...patch, page: 1 });
  return (
    <Flex wrap gap="small" align="center" data-testid="audit-filters">
      <TypedFilter testId="audit-filter-username" label={t('audit.filters.username')} value={state.username} width={180} onCommit={(username) => update({ username })} />
      <Select
        data-testid="audit-filter-action"
        aria-label={t('audit.filters.action')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.filters.action')}
        value={state.action || undefined}
        options={actionOptions(side)}
        onChange={(action?: string) => update({ action: action ?? '' })}
        style={{ width: 170 }}
      />
      <Select
        data-testid="audit-filter-entity"
        aria-label={t('audit.filters.entity')}
        allowClear
        placeholder={t('audit.filters.entity')}
        value={state.entity || undefined}
        options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        onChange={(entity?: string) => update({ entity: entity ?? '' })}
        style={{ width: 160 }}
      />
      <TypedFilter testId="audit-filter-record" label={t('audit.filters.recordId')} value={state.recordId} width={130} onCommit={(recordId) => update({ recordId })} />
      <DatePicker.RangePicker
        data-testid="audit-filter-time"
        allowEmpty={[true, true]}
        format={DATE_FORMAT}
        prefix={<Typography.Text type="secondary">{t('audit.filters.time')}</Typography.Text>}
        value={state.from || state.to ? [state.from ? dayjs(state.from, DATE_FORMAT) : null, state.to ? dayjs(state.to, DATE_FORMAT) : null] : null}
        onChange={(_, [from, to]) => update({ from: from || null, to: to || null })}
        style={{ width: 330 }}
      />
      <TypedFilter testId="audit-search" label={t('audit.filters.search')} value={state.search} width={300} withButton onCommit={(search) => update({ search })} />
      {isAuditFiltered(state) && (
        <Button icon={<ClearOutlined />} data-testid="audit-clear-filters" onClick={() => onChange({ ...emptyAuditListState(), sort: state.sort, perPage: state.perPage })}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}

interface TypedProps {
  testId: string;
  label: string;
  value: string;
  width: number;
  withButton?: boolean;
  onCommit: (value: string) => void;
}

/** A text filter that applies on Enter, on leaving the box, or on clearing it — not on every key. */
function TypedFilter({ testId, label, value, width, withButton = false, onCommit }: TypedProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  const commit = () => {
    if (typed.trim() !== value) onCommit(typed.trim());
  };
  const input = (
    <Input
      data-testid={testId}
      aria-label={label}
      placeholder={label}
      allowClear
      value={typed}
      onChange={(e) => {
        setTyped(e.target.value);
        if (e.target.value === '' && value !== '') onCommit('');
      }}
      onPressEnter={commit}
      onBlur={commit}
      style={withButton ? undefined : { width }}
    />
  );
  if (!withButton) return input;
  return (
    <Space.Compact style={{ width }}>
      {input}
      <Button type="primary" icon={<SearchOutlined />} data-testid={`${testId}-button`} onClick={commit}>
        {t('list.searchButton')}
      </Button>
    </Space.Compact>
  );
}
