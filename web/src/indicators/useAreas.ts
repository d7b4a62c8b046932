import { useMemo } from 'react';
import { useMeta } from '../api/hooks';
import { useIndicatorFormat } from './useIndicatorFormat';

export interface Areas {
  /** The city's code; undefined until /meta has loaded. */
  city: string | undefined;
  districts: string[];
  /** The city first, then its districts, for a select. */
  options: Array<{ value: string; label: string }>;
  name(code: string): string;
}

/** The areas an indicator is given for: the whole city or one of its districts, named in the UI language. */
export function useAreas(): Areas {
  const { data: meta } = useMeta();
  const fmt = useIndicatorFormat();
  return useMemo(() => {
    const entries = meta ? [{ code: meta.city.code, label: meta.city.name }, ...meta.city.districts] : [];
    const options = entries.map((e) => ({ value: e.code, label: fmt.text(e.label) }));
    return {
      city: meta?.city.code,
      districts: meta?.city.districts.map((d) => d.code) ?? [],
      options,
      name: (code) => options.find((o) => o.value === code)?.label ?? code,
    };
  }, [meta, fmt]);
}
