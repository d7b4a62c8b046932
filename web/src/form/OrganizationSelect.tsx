import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../api/hooks';
import { organizations } from '../api/resources';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Name of the organization already chosen (edit forms), shown before any search. */
  initialName?: string;
}

const SEARCH_DELAY_MS = 300;
const RESULTS = 20;

/** Picks an organization by typing part of its name: GET /api/v1/organizations?search=… */
export function OrganizationSelect({ id, value, onChange, initialName }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useList(organizations, { search: term || undefined, per_page: RESULTS, sort: 'name' });
  const options = useMemo(() => {
    const found = (data?.results ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.uscc}）` }));
    const current = value !== null && value !== undefined && initialName && !found.some((o) => o.value === value) ? [{ value, label: initialName }] : [];
    return [...current, ...found];
  }, [data, value, initialName]);
  return (
    <Select
      id={id}
      value={value ?? null}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('form.hostPlaceholder')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      onChange={(v: number | null) => onChange?.(v ?? null)}
    />
  );
}
