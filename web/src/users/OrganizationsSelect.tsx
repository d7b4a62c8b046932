import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../src/contracts/accounts';
import { useList } from '../api/hooks';
import { organizations } from '../api/resources';

interface Props {
  id?: string;
  value?: number[];
  onChange?: (value: number[]) => void;
  /** The organizations the account already acts for, named before any search. */
  known?: User['organizations'];
}

const SEARCH_DELAY_MS = 300;
const RESULTS = 20;

/** Picks several organizations by typing part of a name: GET /api/v1/organizations?search=… */
export function OrganizationsSelect({ id, value = [], onChange, known = [] }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  // Names of every organization seen, so a chosen one keeps its name when a new search hides it.
  const [names, setNames] = useState(() => new Map(known.map((o) => [o.id, o.name])));
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useList(organizations, { search: term || undefined, per_page: RESULTS, sort: 'name' });
  const found = useMemo(() => (data?.results ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.uscc}）` })), [data]);
  const options = useMemo(() => {
    const chosen = value.filter((v) => !found.some((o) => o.value === v)).map((v) => ({ value: v, label: names.get(v) ?? String(v) }));
    return [...chosen, ...found];
  }, [value, found, names]);
  const choose = (ids: number[]) => {
    const next = new Map(names);
    for (const o of found) if (ids.includes(o.value)) next.set(o.value, o.label);
    setNames(next);
    onChange?.(ids);
  };
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      options={options}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('users.organizationsPlaceholder')}
      notFoundContent={isFetching ? <Spin size="small" /> : undefined}
      onChange={choose}
    />
  );
}
