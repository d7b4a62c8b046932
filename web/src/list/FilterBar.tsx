import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT } from '../form/DateInput';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { emptyListState, isFiltered, type FilterSpec, type ListState } from './listState';
import '../i18n/dayjsLocale';

/** A filter the page offers, with its label in the current language (and a choice filter its choices). */
export type LabelledFilter = FilterSpec & { label: string; choices?: ReadonlyArray<{ value: string; label: string }> };

interface Props {
  state: ListState;
  filters: readonly LabelledFilter[];
  searchPlaceholder: string;
  onChange: (next: ListState) => void;
}

/** Search box, one select per code field and a range per date field; any change goes back to page 1. */
export function FilterBar({ state, filters, searchPlaceholder, onChange }: Props) {
  const { t } = useTranslation();
  const { options } = useCodeLabels();
  const [typed, setTyped] = useState(state.search);
  useEffect(() => setTyped(state.search), [state.search]);
  const update = (patch: Partial<ListState>) => onChange({ ...state, ...patch, page: 1 });

  return (
    <Flex wrap gap="small" align="center">
      <Space.Compact style={{ width: 360, maxWidth: '100%' }}>
        <Input
          data-testid="list-search"
          aria-label={searchPlaceholder}
          value={typed}
          placeholder={searchPlaceholder}
          allowClear
          onChange={(e) => {
            setTyped(e.target.value);
            // Clearing the box (its × or select-all + delete) shows the whole list again.
            if (e.target.value === '' && state.search !== '') update({ search: '' });
          }}
          onPressEnter={() => update({ search: typed.trim() })}
        />
        <Button type="primary" icon={<SearchOutlined />} data-testid="list-search-button" onClick={() => update({ search: typed.trim() })}>
          {t('list.searchButton')}
        </Button>
      </Space.Compact>
      {filters.map((f) =>
        f.kind === 'choice' ? (
          <Select
            key={f.field}
            data-testid={`filter-${f.field}`}
            aria-label={f.label}
            allowClear
            placeholder={f.label}
            options={f.choices ? [...f.choices] : []}
            value={state.codes[f.field]?.[0]}
            onChange={(value?: string) => update({ codes: { ...state.codes, [f.field]: value ? [value] : [] } })}
            style={{ minWidth: 150 }}
          />
        ) : f.kind === 'code' ? (
          <Select
            key={f.field}
            data-testid={`filter-${f.field}`}
            aria-label={f.label}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={f.label}
            options={options(f.list)}
            value={state.codes[f.field] ?? []}
            onChange={(values: string[]) => update({ codes: { ...state.codes, [f.field]: values } })}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 150, maxWidth: 260 }}
          />
        ) : (
          <DatePicker.RangePicker
            key={f.field}
            data-testid={`filter-${f.field}`}
            allowEmpty={[true, true]}
            format={DATE_FORMAT}
            prefix={<Typography.Text type="secondary">{f.label}</Typography.Text>}
            value={toDayjsRange(state.ranges[f.field])}
            onChange={(_, [from, to]) => update({ ranges: { ...state.ranges, [f.field]: [from || null, to || null] } })}
            style={{ width: 400, maxWidth: '100%' }}
          />
        ),
      )}
      {isFiltered(state) && (
        <Button icon={<ClearOutlined />} onClick={() => onChange({ ...emptyListState(), sort: state.sort, perPage: state.perPage })}>
          {t('list.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}

function toDayjsRange(range: ListState['ranges'][string] | undefined): [dayjs.Dayjs | null, dayjs.Dayjs | null] | null {
  if (!range) return null;
  return [range[0] ? dayjs(range[0], DATE_FORMAT) : null, range[1] ? dayjs(range[1], DATE_FORMAT) : null];
}
