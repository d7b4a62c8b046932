import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useList } from '../../api/hooks';
import type { Resource } from '../../api/resources';

const SEARCH_DELAY_MS = 300;
const RESULTS = 20;

interface Common<Item> {
  id?: string;
  resource: Resource<Item, unknown, unknown>;
  /** How an item reads in the list. */
  label: (item: Item) => string;
  /** Labels of the ids already chosen (edit forms), shown before any search. */
  known?: Record<number, string>;
}
type Props<Item> = Common<Item> &
  ({ multiple?: false; value?: number | null; onChange?: (value: number | null) => void } | { multiple: true; value?: number[]; onChange?: (value: number[]) => void });

/** Picks one record (or several) of a registry list by typing part of its name: GET …?search= */
export function RecordSelect<Item extends { id: number }>(props: Props<Item>) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, isFetching } = useList(props.resource, { search: term || undefined, per_page: RESULTS });
  const chosen = props.multiple ? (props.value ?? []) : props.value === null || props.value === undefined ? [] : [props.value];
  const { label, known } = props;
  const options = useMemo(() => {
    const found = (data?.results ?? []).map((item) => ({ value: item.id, label: label(item) }));
    const kept = chosen.filter((id) => !found.some((o) => o.value === id)).map((id) => ({ value: id, label: known?.[id] ?? `#${id}` }));
    return [...kept, ...found];
  }, [data, chosen, label, known]);
  const common = {
    id: props.id,
    options,
    showSearch: { filterOption: false as const, onSearch: setTyped },
    placeholder: t('form.hostPlaceholder'),
    notFoundContent: isFetching ? <Spin size="small" /> : undefined,
  };
  if (props.multiple) return <Select {...common} mode="multiple" value={props.value ?? []} onChange={(v: number[]) => props.onChange?.(v)} />;
  return <Select {...common} allowClear value={props.value ?? null} onChange={(v: number | null | undefined) => props.onChange?.(v ?? null)} />;
}
