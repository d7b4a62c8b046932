import { useQuery } from '@tanstack/react-query';
import { Cascader } from 'antd';
import { useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerRegions } from '../../../../src/contracts/meta';
import { apiRequest } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { usePhone } from '../../layout/usePhone';
import { regionMatches, regionOptions, regionPath, type RegionOption } from './regions';

const PHONE_OPTION: CSSProperties = { display: 'inline-block', maxWidth: 64, overflow: 'hidden', textOverflow: 'ellipsis', verticalAlign: 'bottom' };

/** Under the `meta` key: record writes refetch every query but the configuration's. */
const REGIONS_KEY = ['meta', 'regions'] as const;

/** The counties a buyer may be in, as the picker's options in the UI's language; fetched only when `enabled`. */
export function useRegionOptions(enabled = true): { options: RegionOption[]; isLoading: boolean } {
  const { side } = useCodeLabels();
  const regions = useQuery<BuyerRegions, ApiProblem>({ queryKey: REGIONS_KEY, queryFn: ({ signal }) => apiRequest<BuyerRegions>('/meta/regions', { signal }), staleTime: Infinity, enabled });
  const options = useMemo(() => regionOptions(regions.data?.provinces ?? [], side), [regions.data, side]);
  return { options, isLoading: regions.isLoading };
}

/**
 * A buyer's county in China (province → city → county, searchable by name or code), from the
 * list the server checks `buyer_region` against, so it never offers a code the server refuses.
 * The form keeps the county's code; a stored code the list lacks shows as it is.
 */
export function RegionPicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (code: string) => void }) {
  const { t } = useTranslation();
  const { options, isLoading } = useRegionOptions();
  const path = regionPath(options, value);
  const phone = usePhone();
  // A search lists whole paths, one a line: only the columns need short names.
  const [search, setSearch] = useState('');
  return (
    <Cascader<RegionOption>
      id={id}
      data-testid="region-picker"
      options={options}
      value={path ?? (value ? [value] : undefined)}
      loading={isLoading}
      showSearch={{ filter: regionMatches, limit: 50, onSearch: setSearch }}
      placeholder={t('techContract.regionPlaceholder')}
      onChange={(picked) => onChange?.(picked?.at(-1) ?? '')}
      // Three columns fit a phone's width only with short names: the whole name shows on hover and in the field.
      optionRender={phone && !search ? (o) => <span style={PHONE_OPTION} title={o.label}>{o.label}</span> : undefined}
    />
  );
}
